import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { compileChart } from '../../src/render/compile-chart.js';
import { specJson } from '../../src/render/normalise-spec.js';
import { valueWaterfall } from '../../src/render/value-waterfall.js';
import { histogramBins } from '../../src/render/histogram-bins.js';
import { allCharts } from './chart-builders.js';
import { example, exampleIds } from './chart-fixtures.js';

const golden = (name: string): URL => new URL(`./golden/${name}.vl.json`, import.meta.url);
const update = process.env['UPDATE_GOLDEN'] === '1';

describe.each(['nl', 'en'] as const)('chart specs (%s)', (lang) => {
  const charts = allCharts(lang);
  it.each(Object.keys(charts))('%s compiles with vega-lite without warnings', (name) => {
    expect(compileChart(charts[name]!.spec).warnings).toEqual([]);
  });
  it.each(Object.keys(charts))('%s matches its normalised golden', (name) => {
    const file = golden(`${name}.${lang}`);
    const text = specJson(charts[name]!.spec);
    if (update) {
      mkdirSync(new URL('./golden/', import.meta.url), { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `missing golden ${file.pathname}: run with UPDATE_GOLDEN=1 and review the diff`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
  it.each(Object.keys(charts))('%s has a title, a text alternative and a data table', (name) => {
    const c = charts[name]!;
    expect(c.title.length).toBeGreaterThan(5);
    expect(c.description.length).toBeGreaterThan(20);
    expect(c.description).not.toMatch(/\{\w+\}/);
    expect(c.table.rows.length).toBeGreaterThan(0);
    for (const row of c.table.rows) expect(row.length).toBe(c.table.columns.length);
  });
});

describe('value waterfall', () => {
  it.each(exampleIds)('%s: the steps add up to the present value of benefits', (id) => {
    const { valuation } = example(id);
    const steps = valueWaterfall(valuation.valuation);
    const sum = steps.slice(0, -1).reduce((s, x) => s + x.amount, 0);
    expect(sum).toBeCloseTo(valuation.valuation.presentValueBenefits, 6);
    expect(steps.at(-1)!.amount).toBeCloseTo(valuation.valuation.presentValueBenefits, 6);
    for (const s of steps.slice(1, -1)) expect(s.end).toBeCloseTo(s.start + s.amount, 9);
  });

  it('by hand: one outcome, Q 10, P 100, DW 20 %, DS 10 %, AT 25 %, no drop-off, 1 year, DF 1/1.1', () => {
    // 1000 gross → −200 DW → −80 DS → −180 AT = 540 value; 540/1.1 = 490.909… → discounting −49.0909…
    const trace = { deflators: [{ name: 'deadweight', value: 0.2 }, { name: 'displacement', value: 0.1 }, { name: 'attribution', value: 0.25 }], years: [{ grossValue: 1000, activeCohorts: 1, value: 540, presentValue: 540 / 1.1 }] };
    const steps = valueWaterfall({ outcomes: [{ trace } as never] });
    expect(steps.map((s) => Math.round(s.amount * 1000) / 1000 || 0)).toEqual([1000, -200, -80, -180, 0, -49.091, 490.909]);
  });
});

describe('histogram bins', () => {
  it('puts 1 on a bin edge and counts every finite value once', () => {
    const values = [0.55, 0.8, 0.99, 1, 1.2, 1.7, 2.3, Number.NaN];
    const bins = histogramBins(values, 5);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(7);
    expect(bins.some((b) => Math.abs(b.start - 1) < 1e-9)).toBe(true);
    const belowOne = bins.filter((b) => b.end <= 1 + 1e-9).reduce((s, b) => s + b.count, 0);
    expect(belowOne).toBe(3);
  });
  it('does not change its input', () => {
    const values = Object.freeze([1, 2, 3]);
    histogramBins(values, 2);
    expect(values).toEqual([1, 2, 3]);
  });
});

describe('shares are shown as percentages', () => {
  it('scorecard, series and DiD turn a share unit ("aandeel") into percentages; other units stay as they are', async () => {
    const { scorecardChart } = await import('../../src/render/scorecard-chart.js');
    const { indicatorSeriesChart } = await import('../../src/render/indicator-series-chart.js');
    const { didChart } = await import('../../src/render/did-chart.js');
    const card = scorecardChart([{ id: 'e', label: 'Eenzaamheid', status: 'not-due', track: 'on-track', achievement: 0.2, value: 0.42, baseline: 0.45, target: 0.3, unit: 'aandeel', digits: 3 }], 'nl');
    expect(card.table.rows[0]).toEqual(['Eenzaamheid', '45%', '30%', '42%', '20%', 'termijn loopt nog (op koers)']);
    const series = indicatorSeriesChart({ indicator: 'e', label: 'Eenzaam', unit: 'aandeel', periods: ['2024'], areas: [{ area: 'A', label: 'A', role: 'target' }], points: [{ area: 'A', period: '2024', value: 0.4, low: 0.35, high: 0.45 }], baseline: 0.45, target: 0.3, digits: 3 }, 'en');
    expect(series.table.rows[0]).toEqual(['2024', 'A (initiative)', '40', '35', '45']);
    expect(series.table.columns[2]!.label).toBe('Eenzaam (%)');
    const did = didChart({ indicator: 'e', label: 'Eenzaam', unit: 'aandeel', preLabel: '2023', postLabel: '2025', target: { label: 'T', pre: 0.45, post: 0.36 }, comparison: { label: 'C', pre: 0.4, post: 0.38 }, did: -0.07 }, 'en');
    expect(did.description).toContain('−7');
    const counts = scorecardChart([{ id: 'b', label: 'Bezoekers', status: 'met', achievement: 1, value: 131, baseline: 40, target: 120, unit: 'personen', digits: 0 }], 'nl');
    expect(counts.table.rows[0]![3]).toBe('131 personen');
  });
});

describe('indicator series with two comparison areas', () => {
  it('draws each comparison area with its own dash pattern and names both in the description', async () => {
    const { indicatorSeriesChart } = await import('../../src/render/indicator-series-chart.js');
    const { seriesInput } = await import('./chart-fixtures.js');
    const input = {
      ...seriesInput,
      areas: [...seriesInput.areas, { area: 'WK051838', label: 'Laakkwartier', role: 'comparison' as const }],
      points: [...seriesInput.points, { area: 'WK051838', period: '2022', value: 44 }, { area: 'WK051838', period: '2025', value: 43 }],
    };
    const chart = indicatorSeriesChart(input, 'en');
    const dash = JSON.stringify(chart.spec).match(/"strokeDash":\{"field":"areaLabel"[^}]*"scale":\{"domain":(\[[^\]]*\]),"range":(\[\[.*?\]\])\}/);
    expect(dash).not.toBeNull();
    expect(JSON.parse(dash![1]!)).toEqual(['Moerwijk (initiative)', 'Zuiderpark (comparison)', 'Laakkwartier (comparison)']);
    const ranges = JSON.parse(dash![2]!) as number[][];
    expect(ranges[0]).toEqual([1, 0]);
    expect(ranges[1]).not.toEqual(ranges[2]);
    expect(chart.description).toContain('Comparison area Zuiderpark: from 41 to 38.');
    expect(chart.description).toContain('Comparison area Laakkwartier: from 44 to 43.');
  });
});
