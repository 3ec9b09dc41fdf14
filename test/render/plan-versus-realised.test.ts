import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { computeSroi, formatEuro, lockForecast, planVersusRealised, toValueMap, type Model } from '../../src/core/index.js';
import { buildReport, type ReportFile } from '../../src/render/build-report.js';
import type { ReportInput } from '../../src/render/report-input.js';
import { exampleInputs } from './report-fixtures.js';

const update = process.env['UPDATE_GOLDEN'] === '1';
const text = (f: ReportFile): string => (typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('base64'));
const withoutTime = (s: string): string =>
  s.replace(/<meta name="generated" content="[^"]*">/g, '<meta name="generated" content="">').replace(/<p class="generated" data-generated>[^<]*<\/p>/g, '<p class="generated" data-generated></p>');

// The forecast as locked: buurthuis-moerwijk (test fixture model) with 50 avoided incidents planned for
// jongeren-overlast (realised: 40) and a proxy of €2,500 for vrijwilligers-welzijn (now €2,800, changed after the lock).
function withPlan(lang: 'nl' | 'en'): ReportInput {
  const input = exampleInputs(lang)[0]!;
  const model = input.model;
  const planned: Model = {
    ...model,
    outcomes: model.outcomes.map((o) =>
      o.id === 'jongeren-overlast' ? { ...o, quantity: 50 } : o.id === 'vrijwilligers-welzijn' ? { ...o, proxy: { ...o.proxy, value: 2500 } } : o,
    ),
  };
  const map = toValueMap(planned);
  const lock = lockForecast(map, computeSroi(map), '2019-01-15', 'c'.repeat(64));
  return { ...input, evaluation: { scorecard: [], asOf: '2023-06-30' }, planVersusRealised: planVersusRealised(lock, toValueMap(model)) };
}

describe('plan versus realised in the council report (issue 13 point 5)', () => {
  it('leads the council view: first in the contents and first after the header', async () => {
    const { files } = await buildReport(withPlan('nl'), { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    const html = text(files.find((f) => f.path === 'council.html')!);
    expect(html.indexOf('<section id="plan"')).toBeGreaterThan(0);
    expect(html.indexOf('<section id="plan"')).toBeLessThan(html.indexOf('<section id="summary"'));
    expect(html).toContain('<nav class="toc" aria-label="Inhoud"><ol><li><a href="#plan">Prognose en realisatie</a></li><li><a href="#summary">');
  });

  it('shows the hand-checked effects: quantity −20 % of one outcome, proxy +12 % of another, and says the proxy rule changed', async () => {
    const input = withPlan('en');
    const p = input.planVersusRealised!;
    const youth = p.outcomes.find((o) => o.id === 'jongeren-overlast')!;
    const volunteers = p.outcomes.find((o) => o.id === 'vrijwilligers-welzijn')!;
    // PV is linear in Q and P (METHODS §1): 40/50 − 1 = −20 % of youth's forecast; 2,800/2,500 − 1 = +12 % of the volunteers'.
    expect(youth.effects.quantity).toBeCloseTo(-0.2 * youth.forecast, 6);
    expect(volunteers.effects.proxy).toBeCloseTo(0.12 * volunteers.forecast, 6);
    expect(p.totals.difference).toBeCloseTo(youth.effects.quantity + volunteers.effects.proxy, 6);
    const { files } = await buildReport(input, { lang: 'en', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html', 'json']);
    const html = text(files.find((f) => f.path === 'council.html')!);
    expect(html).toContain('Note: rules were changed after the lock.');
    expect(html).toContain('The financial proxy of &quot;vrijwilligers-welzijn&quot; changed after the lock');
    expect(html).toContain(`a difference of ${formatEuro(p.totals.difference, 'en')}`);
    expect(html).toContain(`the quantities (${formatEuro(youth.effects.quantity, 'en')})`);
    expect(html).toContain(`the financial proxies (${formatEuro(volunteers.effects.proxy, 'en')})`);
    const json = JSON.parse(text(files.find((f) => f.path === 'report.json')!));
    expect(json.planVersusRealised.totals.difference).toBeCloseTo(p.totals.difference, 9);
  });

  it('without a locked forecast there is no section and no field (the existing goldens stay as they are)', async () => {
    const { files } = await buildReport(exampleInputs('nl')[0]!, { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html', 'json']);
    expect(text(files.find((f) => f.path === 'council.html')!)).not.toContain('id="plan"');
    expect(JSON.parse(text(files.find((f) => f.path === 'report.json')!))).not.toHaveProperty('planVersusRealised');
  });

  it.each(['nl', 'en'] as const)('%s council.html with a forecast matches its golden', async (lang) => {
    const { files } = await buildReport(withPlan(lang), { lang, generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    const actual = withoutTime(text(files.find((f) => f.path === 'council.html')!));
    const golden = new URL(`./golden/report-${lang}-council-plan.html`, import.meta.url);
    if (update) writeFileSync(golden, actual);
    expect(existsSync(golden), 'missing golden: run with UPDATE_GOLDEN=1 and review the diff').toBe(true);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
