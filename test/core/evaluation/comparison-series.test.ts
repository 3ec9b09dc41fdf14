import { describe, expect, it } from 'vitest';
import { evaluateIndicator, type EvaluationObservation } from '../../../src/core/evaluation/index.js';
import { reportEvaluation } from '../../../src/render/report-evaluation.js';

// Hand-made rows: target WK1 rises by 10 a year, comparison WK2 by 4 a year.
const rows: EvaluationObservation[] = [2020, 2021, 2022, 2023].flatMap((y, i) => [
  { indicator: 'x', area: 'WK000001', period: String(y), value: 100 + 10 * i },
  { indicator: 'x', area: 'WK000002', period: String(y), value: 50 + 4 * i },
]);

describe('comparison areas drawn beside the target', () => {
  it('gives each comparison area its own series, and the report draws it as a comparison line', () => {
    const e = evaluateIndicator({ id: 'x', kind: 'mean' }, rows, {
      asOf: '2024-12-31',
      areas: ['WK000001'],
      comparison: { areas: ['WK000002'], pre: { from: '2020-01-01', to: '2021-12-31' }, post: { from: '2022-01-01', to: '2023-12-31' } },
    });
    expect(e.series.map((p) => p.value)).toEqual([100, 110, 120, 130]);
    expect(e.comparisonSeries).toHaveLength(1);
    expect(e.comparisonSeries[0]!.series.map((p) => p.value)).toEqual([50, 54, 58, 62]);
    // DiD by hand: (125 − 105) − (60 − 52) = 20 − 8 = 12.
    expect(e.comparison!.did).toBeCloseTo(12, 12);
    const outcome = { initiative: 'i', asOf: '2024-12-31', period: { start: '2022-01-01', end: '2023-12-31' }, criteria: [], indicators: [e], scores: { overall: { score: null, weightScored: 0, weightTotal: 0, coverage: null, excluded: [] }, categories: [], counts: { met: 0, 'partly-met': 0, 'not-met': 0, 'not-measurable': 0, 'not-due': 0 } }, lock: { status: 'unlocked', lockedAt: null, lockedSha256: null, currentSha256: '', changes: [] }, correction: 'holm', notes: [] } as unknown as Parameters<typeof reportEvaluation>[0];
    const r = reportEvaluation(outcome, { indicators: [{ id: 'x', name: 'X', unit: 'EUR', kind: 'mean' }], criteria: [], areas: ['WK000001'] }, 'nl');
    const s = r.series![0]!;
    expect(s.areas.map((a) => a.role)).toEqual(['target', 'comparison']);
    expect(s.points.filter((p) => p.area === 'WK000002').map((p) => p.value)).toEqual([50, 54, 58, 62]);
  });
});
