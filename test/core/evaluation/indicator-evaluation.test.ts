import { describe, expect, test } from 'vitest';
import {
  deriveDeadweights,
  differenceInDifferences,
  evaluateIndicator,
  evaluateIndicators,
  periodValues,
  observationsAsOf,
  type EvaluationObservation,
} from '../../../src/core/evaluation/index.js';

const A = 'WK051836';
const B = 'WK051838';
const C = 'WK051835';

describe('combining areas within a period', () => {
  test('ratio indicators: Σ numerators / Σ denominators, never the mean of percentages', () => {
    const rows: EvaluationObservation[] = [
      { indicator: 'r', area: A, period: '2025', value: 0.9, numerator: 9, denominator: 10 },
      { indicator: 'r', area: B, period: '2025', value: 0.1, numerator: 10, denominator: 100 },
    ];
    const [v] = periodValues(observationsAsOf(rows, '2030-12-31'), { id: 'r', kind: 'ratio' });
    // (9 + 10)/(10 + 100) = 19/110 = 0.172727…, not (0.9 + 0.1)/2 = 0.5
    expect(v!.value).toBeCloseTo(19 / 110, 15);
    expect(v!.method).toBe('ratio');
    expect(v!.n).toBe(110);
  });

  test('survey means: weighted by n, with the pooled sd of the combined sample', () => {
    const rows: EvaluationObservation[] = [
      { indicator: 'm', area: A, period: '2025', value: 7, sd: 1, n: 10 },
      { indicator: 'm', area: B, period: '2025', value: 8, sd: 2, n: 30 },
    ];
    const [v] = periodValues(observationsAsOf(rows, '2030-12-31'), { id: 'm', kind: 'score' });
    // mean (10·7 + 30·8)/40 = 7.75; SS = 9·1² + 10·0.75² + 29·2² + 30·0.25² = 9 + 5.625 + 116 + 1.875 = 132.5;
    // sd = √(132.5/39) = 1.8432…
    expect(v!.value).toBeCloseTo(7.75, 15);
    expect(v!.sd).toBeCloseTo(Math.sqrt(132.5 / 39), 14);
    expect(v!.n).toBe(40);
  });

  test('counts are summed over areas', () => {
    const rows: EvaluationObservation[] = [
      { indicator: 'c', area: A, period: '2025-Q1', value: 12 },
      { indicator: 'c', area: B, period: '2025-Q1', value: 30 },
    ];
    expect(periodValues(observationsAsOf(rows, '2030-12-31'), { id: 'c', kind: 'count' })[0]!.value).toBe(42);
  });
});

describe('indicator evaluation', () => {
  const waves: EvaluationObservation[] = [
    { indicator: 'tevredenheid', area: A, period: '2023', value: 7.8, sd: 1.2, n: 40 },
    { indicator: 'tevredenheid', area: A, period: '2025', value: 7.2, sd: 1.5, n: 35 },
    { indicator: 'eenzaam', area: A, period: '2023', value: 0.45, n: 200 },
    { indicator: 'eenzaam', area: A, period: '2025', value: 0.35, n: 180 },
  ];

  test('baseline, latest, change and the wave test (same numbers as statistics.test.ts, scipy)', () => {
    const e = evaluateIndicator({ id: 'tevredenheid', kind: 'score' }, waves, { asOf: '2025-12-31', start: '2024-01-01' });
    expect(e.baseline!.value).toBe(7.8);
    expect(e.latest!.value).toBe(7.2);
    expect(e.change).toBeCloseTo(-0.6, 14);
    expect(e.relativeChange).toBeCloseTo(-0.6 / 7.8, 14);
    expect(e.test!.method).toBe('welch-t');
    expect(e.test!.pValue).toBeCloseTo(0.06258849371879471, 10); // scipy ttest_ind_from_stats(…, equal_var=False)
    expect(e.latest!.ci!.method).toBe('t');
  });

  test('Holm across indicators: p-values 0.0626 (Welch) and 0.0472 (two-proportion z) → 0.0944 and 0.0944', () => {
    const [t, s] = evaluateIndicators(
      [
        { id: 'tevredenheid', kind: 'score' },
        { id: 'eenzaam', kind: 'share' },
      ],
      waves,
      { asOf: '2025-12-31' },
    );
    // Holm by hand: sorted 0.04718318303365714 · 2 = 0.09436636606731428; then max(0.0944, 1 · 0.06258849371879471) = 0.0944
    expect(s!.test!.pValue).toBeCloseTo(0.04718318303365714, 11);
    expect(s!.pValueAdjusted).toBeCloseTo(0.09436636606731428, 11);
    expect(t!.pValueAdjusted).toBeCloseTo(0.09436636606731428, 11);
    const [, bh] = evaluateIndicators([{ id: 'tevredenheid', kind: 'score' }, { id: 'eenzaam', kind: 'share' }], waves, { asOf: '2025-12-31', correction: 'benjamini-hochberg' });
    // BH: min(2/1 · 0.0472, 2/2 · 0.0626) = 0.0626 for the smaller one
    expect(bh!.pValueAdjusted).toBeCloseTo(0.06258849371879471, 11);
  });

  test('an indicator without data gives nulls, not zeros', () => {
    const e = evaluateIndicator({ id: 'leeg', kind: 'count' }, waves, { asOf: '2025-12-31' });
    expect(e).toMatchObject({ baseline: null, latest: null, change: null, trend: null, test: null, comparison: null });
  });
});

describe('comparison areas', () => {
  // Synthetic panel: target A rises 10 points, comparisons B and C rise 4 and 2 (mean 3); pre-trends parallel.
  const rows: EvaluationObservation[] = [
    ...[
      [A, 50, 51, 52, 62],
      [B, 40, 41, 42, 46],
      [C, 30, 31, 32, 34],
    ].flatMap(([area, ...v]) => (v as number[]).map((value, i) => ({ indicator: 'x', area: area as string, period: String(2021 + i), value }))),
  ];
  const design = { areas: [C, B], pre: { from: '2023-01-01', to: '2023-12-31' }, post: { from: '2024-01-01', to: '2024-12-31' }, preTrend: { from: '2021-01-01', to: '2023-12-31' } };

  test('DiD against two comparison areas: 10 − (4 + 2)/2 = 7; per area 6 and 8', () => {
    const e = evaluateIndicator({ id: 'x', kind: 'mean' }, rows, { asOf: '2024-12-31', areas: [A], comparison: design });
    const did = e.comparison!;
    expect(did.did).toBeCloseTo(7, 12);
    expect(did.comparisons.map((c) => [c.area, c.did])).toEqual([
      [C, 8],
      [B, 6],
    ]);
    // Panel standard error: the gap A − mean(B, C) is 15 in each of 2021, 2022, 2023, so its spread is 0.
    expect(did.standardError).toBe(0);
    expect(did.ci).toMatchObject({ lower: 7, upper: 7, method: 't' });
    expect(did.parallel).toBe(true); // slopes 1, 1, 1 per period: difference 0 (up to the calendar's day counts)
    expect(did.notes).toEqual([]);
  });

  // deriveDeadweights reads the direction from the comparison (here: increase is progress).
  const derive = (did: ReturnType<typeof differenceInDifferences>) =>
    deriveDeadweights({ comparisons: [{ indicator: 'x', areas: did.comparisons.map((c) => c.area), deadweightFor: ['o'], direction: 'increase' }], criteria: [] }, { indicators: [{ id: 'x', comparison: did }] });

  test('deadweight from the comparison: 3/10 = 0.3, with its derivation in both languages', () => {
    const did = differenceInDifferences({ id: 'x' }, rows, [A], [B, C], { asOf: '2024-12-31', pre: design.pre, post: design.post });
    const dw = derive(did).deadweights['o']!;
    expect(dw.value).toBeCloseTo(0.3, 15);
    expect(dw.derivation.en).toBe(
      'Deadweight = change in comparison area WK051835+WK051838 (3) / change in target area WK051836 (10) = 0.3, clipped to [0, 1]: 0.3.',
    );
    expect(dw.derivation.nl).toBe(
      'Deadweight = verandering in vergelijkingsgebied WK051835+WK051838 (3) / verandering in doelgebied WK051836 (10) = 0,3, begrensd tot [0, 1]: 0,3.',
    );
    // One pre period only: no panel standard error, so no range of its own (and a note saying so).
    expect(dw.uncertainty).toBeUndefined();
    expect(derive(did).notes.map((n) => n.code)).toEqual(['evaluation.deadweight-no-interval']);
  });

  test('a comparison that moved further than the target clips to 1; no target change gives no deadweight', () => {
    const flat = rows.map((r) => (r.area === A ? { ...r, value: 50 } : r));
    const did = differenceInDifferences({ id: 'x' }, flat, [A], [B], { asOf: '2024-12-31', pre: design.pre, post: design.post });
    const none = derive(did);
    expect(none.deadweights).toEqual({});
    expect(none.notes[0]!.code).toBe('evaluation.deadweight-undefined');
    const small = rows.map((r) => (r.area === A && r.period === '2024' ? { ...r, value: 54 } : r));
    expect(derive(differenceInDifferences({ id: 'x' }, small, [A], [B], { asOf: '2024-12-31', pre: design.pre, post: design.post })).deadweights['o']!.value).toBe(1);
  });
});
