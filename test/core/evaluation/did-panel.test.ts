// Standard error of a difference-in-differences on an aggregate panel (areas × years): the spread of the
// target − comparison gap over the pre-period years (Bertrand, Duflo & Mullainathan, QJE 2004; Donald & Lang,
// REStat 2007), not the p(1 − p)/n of a population count. Hand calculations are written out in each test.
import { describe, expect, test } from 'vitest';
import { differenceInDifferences, panelStandardError, type EvaluationObservation } from '../../../src/core/evaluation/index.js';

const A = 'WK051836'; // target
const B = 'WK051838';
const C = 'WK051835';

// 3 areas × 6 years, plain yearly figures (no n): pre 2018–2021, post 2022–2023.
const values: Record<string, number[]> = {
  [A]: [20, 22, 21, 23, 30, 31],
  [B]: [10, 11, 11, 12, 13, 14],
  [C]: [12, 12, 13, 13, 14, 15],
};
const rows: readonly EvaluationObservation[] = Object.freeze(
  Object.entries(values).flatMap(([area, v]) => v.map((value, i) => Object.freeze({ indicator: 'x', area, period: String(2018 + i), value }))),
);
const windows = { asOf: '2023-12-31', pre: { from: '2018-01-01', to: '2021-12-31' }, post: { from: '2022-01-01', to: '2023-12-31' } } as const;

describe('panel standard error from pre-period gaps', () => {
  const r = differenceInDifferences({ id: 'x', kind: 'mean' }, rows, [A], [B, C], windows);

  test('3 areas × 6 years: residual variance of the pre-period gaps, by hand', () => {
    // Mean of B and C per year: 11, 11.5, 12, 12.5, 13.5, 14.5
    // Gap d_t = A − mean(B, C):  9, 10.5, 9, 10.5 | 16.5, 16.5
    // DiD = d̄_post − d̄_pre = 16.5 − 9.75 = 6.75  (= ΔA 9 − mean(ΔB 2.5, ΔC 2) 2.25)
    // s² = [(−0.75)² + 0.75² + (−0.75)² + 0.75²] / (4 − 1) = 2.25 / 3 = 0.75
    // SE = √(0.75 · (1/4 + 1/2)) = √0.5625 = 0.75
    // t(3, 0.975) = 3.1824463052837078 (scipy.stats.t.ppf) → CI 6.75 ± 2.3868 = [4.36316527103722, 9.13683472896278]
    expect(r.did).toBeCloseTo(6.75, 12);
    expect(r.standardError).toBeCloseTo(0.75, 12);
    expect(r.ci!.method).toBe('t');
    expect(r.ci!.lower).toBeCloseTo(4.36316527103722, 9);
    expect(r.ci!.upper).toBeCloseTo(9.13683472896278, 9);
    expect(r.inference).toMatchObject({ method: 'panel', comparisonAreas: 2, prePeriods: 4, postPeriods: 2, variancePeriods: 4, df: 3 });
    expect(r.inference.gapVariance).toBeCloseTo(0.75, 12);
    expect(r.inference.text.en).toContain('2 comparison area(s) over 4 periods before the start');
    expect(r.inference.text.nl).toContain('3 vrijheidsgraden');
    expect(r.notes.filter((n) => n.code.startsWith('evaluation.did-se'))).toEqual([]);
  });

  test('each comparison area on its own', () => {
    // A − B: 10, 11, 10, 11 → s² = 4 · 0.25 / 3 = 1/3, SE = √(1/3 · 3/4) = 0.5; DiD = 9 − 2.5 = 6.5
    // A − C:  8, 10,  8, 10 → s² = 4 · 1 / 3 = 4/3,   SE = √(4/3 · 3/4) = 1;   DiD = 9 − 2 = 7
    const [c, b] = r.comparisons; // sorted by area code: WK051835, WK051838
    expect(b!.did).toBeCloseTo(6.5, 12);
    expect(b!.standardError).toBeCloseTo(0.5, 12);
    expect(b!.ci!.lower).toBeCloseTo(6.5 - 3.1824463052837078 * 0.5, 9);
    expect(c!.did).toBeCloseTo(7, 12);
    expect(c!.standardError).toBeCloseTo(1, 12);
    expect(c!.inference.comparisonAreas).toBe(1);
  });

  test('panelStandardError by itself', () => {
    // gaps 15, 16, 14, 15: mean 15, s² = (0 + 1 + 1 + 0)/3 = 2/3; SE = √(2/3 · (1/4 + 1/2)) = √0.5
    const p = panelStandardError([15, 16, 14, 15], 4, 2)!;
    expect(p.gapVariance).toBeCloseTo(2 / 3, 14);
    expect(p.df).toBe(3);
    expect(p.standardError).toBeCloseTo(Math.SQRT1_2, 14);
    expect(panelStandardError([15, 16], 1, 1)).toBeNull();
  });

  test('too few pre-period years: no standard error and a note, not the binomial fallback', () => {
    // Observations with a population n: the old s²/n or p(1 − p)/n would give an interval; the panel method
    // needs ≥ 3 pre-period gaps and has 2 (2020, 2021).
    const withN = rows.map((o) => ({ ...o, value: o.value / 100, n: 20000 }));
    const short = differenceInDifferences({ id: 'x', kind: 'share' }, withN, [A], [B, C], { ...windows, pre: { from: '2020-01-01', to: '2021-12-31' } });
    // A: (0.21 + 0.23)/2 = 0.22 → 0.305, Δ 0.085; B: 0.115 → 0.135, Δ 0.02; C: 0.13 → 0.145, Δ 0.015; DiD = 0.085 − 0.0175
    expect(short.did).toBeCloseTo(0.0675, 12); // a DiD exists …
    expect(short.standardError).toBeNull(); // … but no standard error
    expect(short.ci).toBeNull();
    const note = short.notes.find((n) => n.code === 'evaluation.did-se-too-few-periods')!;
    expect(note.message.en).toContain('2 periods before the start');
    expect(note.message.nl).toContain('minstens 3');
    expect(short.inference.text).toEqual(note.message);
    // The sampling variance only on request, where n is a survey sample:
    const sampled = differenceInDifferences({ id: 'x', kind: 'share' }, withN, [A], [B, C], { ...windows, standardError: 'sampling' });
    expect(sampled.inference.method).toBe('sampling');
    expect(sampled.ci!.method).toBe('normal');
  });

  test('sampling requested without n: no standard error, and a note saying why', () => {
    const r2 = differenceInDifferences({ id: 'x', kind: 'mean' }, rows, [A], [B, C], { ...windows, standardError: 'sampling' });
    expect(r2.standardError).toBeNull();
    expect(r2.notes.map((n) => n.code)).toContain('evaluation.did-se-no-sampling');
  });
});

test('without a DiD the basis says so, not a standard-error recipe', () => {
  const r = differenceInDifferences({ id: 'x', kind: 'mean' }, rows, [A], [B, C], { ...windows, asOf: '2021-12-31' });
  expect(r.did).toBeNull();
  expect(r.inference.text.en).toBe('No difference-in-differences for "x": one of the four cells (pre/post, target/comparison) has no observations.');
});
