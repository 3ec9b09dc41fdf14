import { describe, expect, it } from 'vitest';
import { evaluateOutcomes, type Model } from '../../src/core/index.js';
import { reportEvaluation } from '../../src/render/report-evaluation.js';
import { buildReport } from '../../src/render/build-report.js';
import { compileChart } from '../../src/render/compile-chart.js';
import { example } from './chart-fixtures.js';

// Made-up yearly observations for the frozen buurthuis model's indicators (no claim about any real place).
function observations(model: Model) {
  const area = model.areas[0]!;
  const rows = [
    ['bezoekers-65plus', [40, 75, 110, 131]],
    ['vrijwilligers', [12, 20, 26, 30]],
    ['eenzaamheid', [0.46, 0.45, 0.41, 0.38]],
    ['tevredenheid', [7.9, 7.8, 7.7, 7.9]],
  ] as const;
  return rows.flatMap(([indicator, values]) =>
    values.map((value, i) => ({ indicator, area, period: String(2023 + i), value, ...(indicator === 'eenzaamheid' || indicator === 'tevredenheid' ? { n: 120, ...(indicator === 'tevredenheid' ? { sd: 1.1 } : {}) } : {}) })),
  );
}

describe('an outcome evaluation, mapped by reportEvaluation, renders as scorecard and series', () => {
  const { model, valuation } = example('buurthuis-moerwijk');
  const evaluation = evaluateOutcomes(model, observations(model), { asOf: '2026-12-31' });
  const mapped = reportEvaluation(evaluation, model, 'nl');

  it('every chart compiles without warnings, shares appear as percentages', async () => {
    const { charts, files } = await buildReport({ model, valuation, evaluation: mapped }, { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
    expect(charts.scorecard).toBeDefined();
    expect(charts.series.length).toBeGreaterThan(0);
    for (const c of [charts.scorecard!, ...charts.series]) expect(compileChart(c.spec).warnings, c.id).toEqual([]);
    const share = charts.series.find((c) => c.id === 'series-eenzaamheid')!;
    expect(share.table.columns[2]!.label).toContain('(%)');
    const html = files.find((f) => f.path === 'council.html')!.content as string;
    expect(html).toContain('id="chart-series-bezoekers-65plus"');
    const hood = files.find((f) => f.path === 'neighbourhood.html')!.content as string;
    expect(hood).toMatch(/class="light (met|partly-met|not-met)"/);
  });
});
