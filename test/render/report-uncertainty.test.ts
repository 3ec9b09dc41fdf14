import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { modelUncertainty, validateModel, valueModel } from '../../src/core/index.js';
import { reportUncertainty } from '../../src/render/report-uncertainty.js';
import { buildReport } from '../../src/render/build-report.js';
import { compileChart } from '../../src/render/compile-chart.js';
import { example } from './chart-fixtures.js';

// The uncertainty room's fixture: a model with ranges and distributions (test/fixtures/uncertainty).
function fixture() {
  const r = validateModel(parse(readFileSync(new URL('../fixtures/uncertainty/buurthuis-onzeker.yaml', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error('fixture invalid');
  return r.model;
}

describe('reportUncertainty maps the uncertainty result onto the report inputs', () => {
  const model = fixture();
  const result = modelUncertainty(model, { draws: 2000 });
  const u = reportUncertainty(result, model, 'nl');

  it('tornado: one bar per row with a ratio, the base ratio, values in their own terms', () => {
    expect(u.tornado!.baseRatio).toBe(result.base.ratio);
    expect(u.tornado!.bars.length).toBe(result.tornado.filter((r) => r.atLow.ratio !== null && r.atHigh.ratio !== null).length);
    const proxy = u.tornado!.bars.find((b) => b.parameter === 'minder-eenzaamheid.proxy')!;
    expect(proxy.ratioAtLow).toBe(result.tornado.find((r) => r.key === 'minder-eenzaamheid.proxy')!.atLow.ratio);
    expect(proxy.lowValue).toMatch(/^€/);
    const dw = u.tornado!.bars.find((b) => b.parameter === 'minder-eenzaamheid.deadweight')!;
    expect(dw.lowValue).toMatch(/%$/);
  });

  it('Monte Carlo: the histogram counts every draw, percentiles and P(ratio ≥ 1) taken as they are', () => {
    const mc = u.monteCarlo!;
    expect(mc.bins.reduce((s, b) => s + b.count, 0)).toBe(result.monteCarlo!.draws);
    expect(mc.probabilityAtLeastOne).toBe(result.monteCarlo!.probRatioAtLeast1);
    expect([mc.p5, mc.p50, mc.p95]).toEqual([result.monteCarlo!.ratio!.p05, result.monteCarlo!.ratio!.p50, result.monteCarlo!.ratio!.p95]);
  });

  it('switching values: one row per parameter, "stays above 1" in words when there is no root', () => {
    expect(u.switchingValues!.length).toBe(result.switchingValues.length);
    for (const s of u.switchingValues!) expect(s.switchesAt.length).toBeGreaterThan(0);
  });

  it('the report shows the tornado, the histogram and the switching values, and the charts compile without warnings', async () => {
    const { files, charts } = await buildReport({ model, valuation: valueModel(model), uncertainty: u }, { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    const html = files.find((f) => f.path === 'council.html')!.content as string;
    expect(html).toContain('id="chart-tornado"');
    expect(html).toContain('id="chart-monte-carlo"');
    expect(html).toContain('Omslagwaarden');
    expect(compileChart(charts.tornado!.spec).warnings).toEqual([]);
    expect(compileChart(charts.monteCarlo!.spec).warnings).toEqual([]);
  });

  it('a model without an uncertainty block gets switching values only, and says why there is no tornado', async () => {
    const { model: m, valuation } = example('leeskamer-rijswijk');
    const r = reportUncertainty(modelUncertainty(m), m, 'en');
    expect(r.tornado).toBeUndefined();
    expect(r.monteCarlo).toBeUndefined();
    expect(r.switchingValues!.length).toBeGreaterThan(0);
    const { files } = await buildReport({ model: m, valuation, uncertainty: r }, { lang: 'en', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    const html = files.find((f) => f.path === 'council.html')!.content as string;
    expect(html).toContain('declares no uncertain parameters');
    expect(html).toContain('Switching values');
  });
});
