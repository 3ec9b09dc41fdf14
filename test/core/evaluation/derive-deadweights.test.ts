// Deadweight derived from comparison areas (METHODS §5, last paragraph; SROI Guide 2012, stage 4): direction-aware,
// bounded to [0, 1], refused when pre-trends are not parallel or the target moved the wrong way, with its own
// range from the DiD interval. Hand calculations are written out in each test.
import { describe, expect, test } from 'vitest';
import { deriveDeadweights, differenceInDifferences, type DidResult, type EvaluationObservation } from '../../../src/core/evaluation/index.js';
import { centreDeadweightRange, modelUncertainty } from '../../../src/core/index.js';
import { model } from '../model-builder.js';

const A = 'WK051836'; // target
const B = 'WK051838';
const C = 'WK051835';

// The 3-area × 6-year panel of did-panel.test.ts: ΔA = 9, ΔB = 2.5, ΔC = 2, DiD = 6.75, SE 0.75,
// t(3) interval [4.36316527103722, 9.13683472896278].
const values: Record<string, number[]> = {
  [A]: [20, 22, 21, 23, 30, 31],
  [B]: [10, 11, 11, 12, 13, 14],
  [C]: [12, 12, 13, 13, 14, 15],
};
const panel = (f: (v: number) => number): EvaluationObservation[] =>
  Object.entries(values).flatMap(([area, v]) => v.map((value, i) => ({ indicator: 'x', area, period: String(2018 + i), value: f(value) })));
const windows = { asOf: '2023-12-31', pre: { from: '2018-01-01', to: '2021-12-31' }, post: { from: '2022-01-01', to: '2023-12-31' }, parallelTolerance: 1 } as const;
const didOf = (rows: readonly EvaluationObservation[], comparisons = [B, C]): DidResult => differenceInDifferences({ id: 'x', kind: 'mean' }, rows, [A], comparisons, windows);
const evaluation = (did: DidResult) => ({ indicators: [{ id: 'x', comparison: did }] });
const comparison = (over: Record<string, unknown> = {}) => ({ indicator: 'x', areas: [B, C], deadweightFor: ['o1'], ...over });

describe('deriveDeadweights', () => {
  test('increase: DW = ΔC/ΔA = 2.25/9 = 0.25, range from the DiD interval', () => {
    const did = didOf(panel((v) => v));
    expect(did.parallel).toBe(true);
    const r = deriveDeadweights({ comparisons: [comparison({ direction: 'increase' })], criteria: [] }, evaluation(did));
    const dw = r.deadweights['o1']!;
    expect(dw.value).toBeCloseTo(0.25, 14);
    // DW = 1 − DiD/ΔA: low = 1 − 9.13683472896278/9 = −0.015203858773642276 → 0; high = 1 − 4.36316527103722/9 = 0.5152038587736423
    expect(dw.uncertainty!.low).toBe(0);
    expect(dw.uncertainty!.high).toBeCloseTo(0.5152038587736423, 9);
    // Normal around 0.25 whose central 95 % is the unbounded interval: sd = (0.5152 + 0.0152)/(2 · 1.959963984540054) = 0.13531057757465775
    expect(dw.uncertainty!.distribution).toMatchObject({ type: 'normal' });
    const d = dw.uncertainty!.distribution as { mean: number; sd: number };
    expect(d.mean).toBeCloseTo(0.25, 14);
    expect(d.sd).toBeCloseTo(0.13531057757465775, 9);
    expect(r.list).toEqual([{ outcome: 'o1', indicator: 'x', status: 'derived', value: dw.value, low: 0, high: dw.uncertainty!.high, derivation: dw.derivation }]);
    expect(dw.derivation.en).toBe('Deadweight = change in comparison area WK051835+WK051838 (2.25) / change in target area WK051836 (9) = 0.25, clipped to [0, 1]: 0.25.');
    expect(dw.derivation.nl).toBe('Deadweight = verandering in vergelijkingsgebied WK051835+WK051838 (2,25) / verandering in doelgebied WK051836 (9) = 0,25, begrensd tot [0, 1]: 0,25.');
    expect(r.notes).toEqual([]);
  });

  test('decrease indicator (direction from its criterion): the mirrored panel 100 − y gives the same deadweight and range', () => {
    // Δ's all change sign: ΔA = −9, ΔC = −2.25, DiD = −6.75; a fall is progress, so DW = (−2.25)/(−9) = 0.25 again.
    const did = didOf(panel((v) => 100 - v));
    const r = deriveDeadweights({ comparisons: [comparison()], criteria: [{ indicator: 'x', direction: 'decrease' }] }, evaluation(did));
    expect(r.deadweights['o1']!.value).toBeCloseTo(0.25, 12);
    expect(r.deadweights['o1']!.uncertainty!.low).toBe(0);
    expect(r.deadweights['o1']!.uncertainty!.high).toBeCloseTo(0.5152038587736423, 9);
  });

  test('a target that moved the wrong way gets no derived deadweight, but a note', () => {
    // Same panel, but the criterion says the indicator should fall: A rose by 9, so no share "happened anyway".
    // (The old rule read 2.25/9 = 0.25 here and credited the initiative.)
    const did = didOf(panel((v) => v));
    const r = deriveDeadweights({ comparisons: [comparison()], criteria: [{ indicator: 'x', direction: 'decrease' }] }, evaluation(did));
    expect(r.deadweights).toEqual({});
    expect(r.list[0]).toMatchObject({ outcome: 'o1', status: 'refused', value: null });
    expect(r.notes[0]!.code).toBe('evaluation.deadweight-wrong-direction');
    expect(r.notes[0]!.message.en).toContain('changed by 9, the wrong way (progress here is a decrease)');
    expect(r.notes[0]!.message.nl).toContain('de verkeerde kant op');
  });

  test('comparison moving the other way bounds to 0; further than the target bounds to 1; no change, no direction: refused', () => {
    // B falls 1 while A rises 9 (comparison B only): raw = −1/9 → 0.
    const falling = panel((v) => v).map((o) => (o.area === B && o.period >= '2022' ? { ...o, value: 10 } : o));
    expect(deriveDeadweights({ comparisons: [comparison({ areas: [B], direction: 'increase' })], criteria: [] }, evaluation(didOf(falling, [B]))).deadweights['o1']!.value).toBe(0);
    // A rises only 1.5 (21.5 → 23), B rises 2.5: raw = 2.5/1.5 → 1.
    const small = panel((v) => v).map((o) => (o.area === A && o.period >= '2022' ? { ...o, value: 23 } : o));
    expect(deriveDeadweights({ comparisons: [comparison({ areas: [B], direction: 'increase' })], criteria: [] }, evaluation(didOf(small, [B]))).deadweights['o1']!.value).toBe(1);
    // A flat at its pre mean: no change, no deadweight.
    const flat = panel((v) => v).map((o) => (o.area === A && o.period >= '2022' ? { ...o, value: 21.5 } : o));
    const none = deriveDeadweights({ comparisons: [comparison({ direction: 'increase' })], criteria: [] }, evaluation(didOf(flat)));
    expect(none.notes[0]!.code).toBe('evaluation.deadweight-undefined');
    const unknown = deriveDeadweights({ comparisons: [comparison()], criteria: [] }, evaluation(didOf(panel((v) => v))));
    expect(unknown.notes[0]!.code).toBe('evaluation.deadweight-direction-unknown');
    expect(unknown.deadweights).toEqual({});
  });

  test('pre-trends rejected: refused, the model deadweight stays', () => {
    // A climbs 3 a year before the start, B and C 0.5: slopes differ far beyond the tolerance of 1.
    const steep = panel((v) => v).map((o) => (o.area === A ? { ...o, value: 20 + 3 * (Number(o.period) - 2018) } : o));
    const did = didOf(steep);
    expect(did.parallel).toBe(false);
    const r = deriveDeadweights({ comparisons: [comparison({ direction: 'increase' })], criteria: [] }, evaluation(did));
    expect(r.deadweights).toEqual({});
    expect(r.notes.map((n) => n.code)).toEqual(['evaluation.deadweight-not-parallel']);
    expect(r.notes[0]!.message.en).toContain('stays in force');
  });
});

describe('the derived deadweight in the uncertainty analyses', () => {
  const declared = {
    uncertainty: {
      draws: 10000,
      seed: 3,
      parameters: [{ outcome: 'o1', parameter: 'deadweight', low: 0.15, high: 0.4, distribution: { type: 'triangular', min: 0.15, mode: 0.25, max: 0.4 } }],
    },
  };
  const derivation = { nl: 'afgeleid', en: 'derived' };

  test('no interval of its own: the declared range is centred on the value used, low ≤ base ≤ high', () => {
    // Declared 0.15–0.4 (width 0.25) around a derived 0.5 → 0.5 ± 0.125 = 0.375–0.625, triangular mode 0.5.
    // (Before, the base was 0.5 while the range stayed 0.15–0.4: "low" and "high" both below "central".)
    const u = modelUncertainty(model(declared), { deadweights: { o1: { value: 0.5, derivation } } });
    const p = u.parameters.find((x) => x.key === 'o1.deadweight')!;
    expect(p.base).toBe(0.5);
    expect(p.low).toBeCloseTo(0.375, 14);
    expect(p.high).toBeCloseTo(0.625, 14);
    expect(p.distribution).toEqual({ type: 'triangular', min: p.low, mode: 0.5, max: p.high });
    const row = u.tornado.find((r) => r.key === 'o1.deadweight')!;
    expect(row.low).toBeLessThanOrEqual(row.base);
    expect(row.base).toBeLessThanOrEqual(row.high);
    // More deadweight, less value: NPV at the low end ≥ base ≥ NPV at the high end.
    expect(row.atLow.npv).toBeGreaterThanOrEqual(u.base.npv);
    expect(row.atHigh.npv).toBeLessThanOrEqual(u.base.npv);
  });

  test('centred near a bound: bounded to [0, 1]', () => {
    // width 0.25 around 0.95 → 0.825–1.075 → 0.825–1
    const c = centreDeadweightRange({ key: 'o1.deadweight', target: { kind: 'outcome', outcome: 'o1', parameter: 'deadweight' }, base: 0.25, low: 0.15, high: 0.4 }, 0.95);
    expect(c.low).toBeCloseTo(0.825, 14);
    expect(c.high).toBe(1);
  });

  test('with its own interval: it replaces the declared range and drives the Monte Carlo; none declared, it is added', () => {
    const uncertainty = { low: 0.1, high: 0.6, distribution: { type: 'normal' as const, mean: 0.35, sd: 0.1275 }, level: 0.95 };
    const u = modelUncertainty(model(declared), { deadweights: { o1: { value: 0.35, derivation, uncertainty } } });
    const p = u.parameters.find((x) => x.key === 'o1.deadweight')!;
    expect(p).toMatchObject({ base: 0.35, low: 0.1, high: 0.6, distribution: uncertainty.distribution });
    expect(u.monteCarlo).not.toBeNull();
    const bare = modelUncertainty(model(), { deadweights: { o1: { value: 0.35, derivation, uncertainty } }, draws: 10000, seed: 1 });
    expect(bare.parameters.map((x) => [x.key, x.derived])).toEqual([['o1.deadweight', true]]);
    // The derived range does not narrow the switching values to the deadweight alone (none were declared).
    expect(bare.switchingValues.length).toBeGreaterThan(1);
  });
});
