import { describe, expect, it } from 'vitest';
import { buildPortfolioOverview, portfolioChart, portfolioSpreadChart, renderSvg, type PortfolioEntry, type PortfolioRow } from '../../src/index.js';

// Issue 18: `rendement portfolio` over 1,000 initiatives stopped with "Maximum call stack size exceeded" inside
// vega-runtime: the chart sorted its rows by a list of 1,000 labels, which vega-lite compiles into one nested
// expression per label. Sorting by a rank field renders the same SVG (checked on the golden) at any size. Past 60
// initiatives the chart draws the 25 highest and 25 lowest ratios and a histogram shows the spread of all.
const entries = (n: number): PortfolioEntry[] => Array.from({ length: n }, (_, i) => ({ id: `init-${i}`, label: `Initiatief ${i}`, ratio: 0.5 + (i % 97) / 40, npv: i }));

describe('portfolio chart at municipal scale', () => {
  it('draws every initiative up to 60, in ratio order', async () => {
    const chart = portfolioChart(entries(60), 'nl');
    const svg = await renderSvg(chart.spec, chart.id);
    const labels = [...svg.matchAll(/<text[^>]*>(Initiatief \d+)<\/text>/g)].map((m) => m[1]);
    expect(labels).toHaveLength(60);
    // i = 59 has the largest ratio, 0.5 + 59/40; i = 0 the smallest.
    expect(labels[0]).toBe('Initiatief 59');
    expect(labels[59]).toBe('Initiatief 0');
  }, 300_000);

  it('draws the 25 highest and 25 lowest of 1,500 initiatives, and says so', async () => {
    const chart = portfolioChart(entries(1500), 'nl');
    const svg = await renderSvg(chart.spec, chart.id);
    const labels = [...svg.matchAll(/<text[^>]*>(Initiatief \d+)<\/text>/g)].map((m) => m[1]);
    // Highest ratio on top: i % 97 = 96 gives the largest ratio; of those the smallest id first (init-1066 < init-1163 < … by string).
    expect(labels).toHaveLength(50);
    expect(labels[0]).toBe('Initiatief 1066');
    // Lowest: i % 97 = 0 (i = 0, 97, …, 1455: 16 of them), the largest id by string last: init-970.
    expect(labels[49]).toBe('Initiatief 970');
    expect(chart.description).toContain('25 hoogste en de 25 laagste ratio\'s van 1500');
    expect(chart.table.rows).toHaveLength(50);
  }, 300_000);

  it('counts every ratio in the spread histogram, 1 on a bin edge', () => {
    const all = entries(10_000);
    const chart = portfolioSpreadChart(all, 'en');
    const rows = chart.table.rows.map((r) => Number(r[1]));
    expect(rows.reduce((a, b) => a + b, 0)).toBe(10_000);
    // Ratios 0.5 + k/40 for k = 0..96: below 1 are k = 0..19 (20 of 97 values), each about 10,000/97 times.
    const below = all.filter((e) => e.ratio! < 1).length;
    expect(chart.description).toContain(`${below} below`);
    expect(below).toBe(Array.from({ length: 10_000 }, (_, i) => i % 97).filter((k) => k < 20).length);
  });

  it('writes a complete, sortable overview of 1,000 rows with a self-contained script', async () => {
    const rows: PortfolioRow[] = entries(1000).map((e) => ({
      id: e.id,
      name: e.label,
      entry: e,
      method: 'sroi',
      horizonYears: 5,
      discount: { source: 'test', rates: [] },
      priceYear: 2024,
      mkbaBalance: null,
      illustrative: false,
      hasMonteCarlo: false,
      cells: [e.label, 'SROI', String(e.ratio), String(e.npv), '5', '—', '—'],
      criteria: { met: 1, 'partly-met': 0, 'not-met': 0, 'not-due': 0, 'not-measurable': 0 },
      criteriaDeclared: 1,
    }));
    const files = await buildPortfolioOverview(rows, { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html'], { downloads: { csv: 'index.csv', parquet: 'index.parquet' } });
    const html = String(files.find((f) => f.path === 'index.html')!.content);
    const table = html.slice(html.indexOf('id="portfolio-table"'), html.indexOf('</table>', html.indexOf('id="portfolio-table"')));
    expect(table.match(/<tr><th scope="row"/g)).toHaveLength(1000);
    expect(table).toContain('<th scope="row" data-v="initiatief 999">Initiatief 999</th>');
    expect(html).toMatch(/<script>(?:(?!<\/).)*<\/script>/s);
    expect(html).not.toMatch(/<script[^>]*src=|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('href="index.csv"');
    expect(html).toContain('id="fig-portfolio-spread"');
  }, 300_000);
});
