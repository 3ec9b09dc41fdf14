import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildReport, type ReportFile } from '../../src/render/build-report.js';
import { buildPortfolio } from '../../src/render/portfolio-report.js';
import { exampleInputs, fullInput } from './report-fixtures.js';
import { formatEuro } from '../../src/core/index.js';

const update = process.env['UPDATE_GOLDEN'] === '1';
const text = (f: ReportFile): string => (typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('base64'));
/** Removes the one marked generation time: the meta tag, the visible line, the JSON field and the Markdown line. */
const withoutTime = (s: string): string =>
  s
    .replace(/<meta name="generated" content="[^"]*">/g, '<meta name="generated" content="">')
    .replace(/<p class="generated" data-generated>[^<]*<\/p>/g, '<p class="generated" data-generated></p>')
    .replace(/^ {2}"generatedAt": "[^"]*",$/gm, '  "generatedAt": "",')
    .replace(/^_(Gegenereerd|Generated) [^\n]*_$/gm, '_generated_');

describe('reports are reproducible', () => {
  it('regenerating the portfolio gives identical files apart from the marked generation time', async () => {
    const a = await buildPortfolio(exampleInputs(), { lang: 'nl', generatedAt: '2026-01-01T08:00:00.000Z' });
    const b = await buildPortfolio([...exampleInputs()].reverse(), { lang: 'nl', generatedAt: '2026-06-30T17:45:12.000Z' });
    expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
    let differing = 0;
    a.files.forEach((f, i) => {
      const g = b.files[i]!;
      if (text(f) !== text(g)) differing++;
      expect(withoutTime(text(g)), f.path).toBe(withoutTime(text(f)));
    });
    // Only the text files that carry the time differ at all; images and specs are byte-identical.
    const timed = a.files.filter((f) => /\.(html|md|json)$/.test(f.path) && !f.path.endsWith('.vl.json')).length;
    expect(differing).toBe(timed);
  });

  it('marks the generation time exactly once in each page: one meta tag and one visible line', async () => {
    const { files } = await buildReport(exampleInputs()[0]!, { lang: 'nl', generatedAt: '2026-03-04T05:06:07.000Z' }, ['html', 'md', 'json']);
    for (const f of files) {
      const s = text(f);
      const iso = s.split('2026-03-04T05:06:07.000Z').length - 1;
      const shown = s.split('2026-03-04 05:06 UTC').length - 1;
      if (f.path.endsWith('.html')) expect([iso, shown], f.path).toEqual([1, 1]);
      if (f.path.endsWith('.md')) expect([iso, shown], f.path).toEqual([0, 1]);
      if (f.path.endsWith('.json')) expect([iso, shown], f.path).toEqual([1, 0]);
    }
  });
});

describe('report goldens (buurthuis-moerwijk, generation time blanked)', () => {
  const cases = [
    ['nl', 'council.html'],
    ['nl', 'neighbourhood.html'],
    ['nl', 'summary.md'],
    ['en', 'council.html'],
    ['nl', 'charts/value-waterfall.svg'],
  ] as const;
  it.each(cases)('%s %s matches its golden', async (lang, path) => {
    const { files } = await buildReport(exampleInputs(lang)[0]!, { lang, generatedAt: '2026-01-01T00:00:00.000Z' }, ['html', 'md', 'svg']);
    const file = files.find((f) => f.path === path)!;
    const golden = new URL(`./golden/report-${lang}-${path.replace(/\//g, '-')}`, import.meta.url);
    const actual = withoutTime(text(file));
    if (update) {
      mkdirSync(new URL('./golden/', import.meta.url), { recursive: true });
      writeFileSync(golden, actual);
    }
    expect(existsSync(golden), 'missing golden: run with UPDATE_GOLDEN=1 and review the diff').toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('report content', () => {
  it('renders "not yet available" instead of numbers when evaluation and uncertainty results are missing', async () => {
    const { model, valuation } = exampleInputs()[0]!;
    const { files } = await buildReport({ model, valuation }, { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    const council = text(files.find((f) => f.path === 'council.html')!);
    expect(council).toContain('nog niet beschikbaar');
    expect(council).not.toContain('id="chart-scorecard"');
    expect(council).not.toContain('id="chart-tornado"');
    const hood = text(files.find((f) => f.path === 'neighbourhood.html')!);
    expect(hood).toContain('nog niet gemeten');
  });

  it('shows the scorecard, series, DiD, tornado and Monte Carlo charts when their results are given', async () => {
    const { files } = await buildReport(fullInput(), { lang: 'en', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    const council = text(files.find((f) => f.path === 'council.html')!);
    for (const id of ['scorecard', 'series-eenzaamheid', 'did-eenzaamheid', 'tornado', 'monte-carlo', 'value-waterfall', 'who-pays-who-benefits']) expect(council).toContain(`id="chart-${id}"`);
    expect(council).not.toContain('not yet available for this report');
    const hood = text(files.find((f) => f.path === 'neighbourhood.html')!);
    expect(hood).toContain('class="light met"');
    expect(hood).toContain('class="light not-measurable"');
  });

  it('always shows the ratio together with NPV, horizon and discount rate', async () => {
    for (const input of exampleInputs()) {
      const { files } = await buildReport(input, { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html', 'md']);
      const council = text(files.find((f) => f.path === 'council.html')!);
      const summary = council.slice(council.indexOf('id="summary"'), council.indexOf('id="criteria"'));
      // An MKBA-method model leads with its B/C ratio and balance (its SROI leaves out avoided costs).
      const words = input.model.valuation.method === 'mkba' ? ['B/K-verhouding', 'MKBA-saldo (NCW)', 'Waarderingshorizon', 'Discontovoet'] : ['SROI-ratio', 'Netto contante waarde', 'Waarderingshorizon', 'Discontovoet'];
      for (const word of words) expect(summary).toContain(word);
      const md = text(files.find((f) => f.path === 'summary.md')!);
      for (const word of words) expect(md).toContain(word);
    }
  });

  it('is self-contained: no external URL, no script', async () => {
    const { files } = await buildPortfolio(exampleInputs(), { lang: 'en', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    for (const f of files) {
      const s = text(f);
      expect(s, f.path).not.toMatch(/<script/i);
      expect(s.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, ''), f.path).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(s, f.path).not.toMatch(/@import|url\((?!#)/);
    }
  });

  it('explains every outcome-year in the appendix and the sums match the totals', async () => {
    const input = exampleInputs()[0]!;
    const { files } = await buildReport(input, { lang: 'en', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    const council = text(files.find((f) => f.path === 'council.html')!);
    const appendix = council.slice(council.indexOf('id="appendix"'));
    const years = input.valuation.valuation.outcomes.reduce((s, o) => s + o.trace.years.length, 0);
    expect((appendix.match(/ × /g) ?? []).length).toBeGreaterThanOrEqual(years * 6);
    for (const o of input.valuation.valuation.outcomes) expect(appendix).toContain(formatEuro(o.presentValue, 'en', 2));
    expect(appendix).toContain(formatEuro(input.valuation.valuation.presentValueInputs, 'en', 2));
  });

  it('does not change its input', async () => {
    const input = exampleInputs()[0]!;
    const before = JSON.stringify(input);
    await buildReport(Object.freeze(input), { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html', 'md', 'json']);
    expect(JSON.stringify(input)).toBe(before);
  });
});
