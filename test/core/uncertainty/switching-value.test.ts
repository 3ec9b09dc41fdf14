import { describe, expect, it } from 'vitest';
import { compileValueMap, computeSroi, evaluateTotals, switchingValue, type ParameterTarget } from '../../../src/core/index.js';
import { handMap } from './hand-map.js';

// The hand-computed value map (hand-map.ts), step by step (SROI Guide 2012, stages 4–5; METHODS §1):
//   impact      = Q·P·(1 − DW)·(1 − DS)·(1 − AT) = 10 · 100 · 0.8 · 1 · 0.5 = 400
//   values      = 400, 200, 100 in years 1, 2, 3 (drop-off 50 %: keep = 0.5)
//   DF          = 1/1.1, 1/1.21, 1/1.331 (10 %, year 1 discounted)
//   A           = Σ keep^(t−1)·DF(t) = 1/1.1 + 0.5/1.21 + 0.25/1.331 = 1.5101427498…  (PV of one euro of first-year impact)
//   PV          = 400·A = 604.0570999…;  inputs PV = 500 (year 0, not discounted);  NPV = 104.0571…;  ratio = 1.2081…
const A = 1 / 1.1 + 0.5 / 1.21 + 0.25 / 1.331;
const outcomeTarget = (parameter: 'quantity' | 'proxy' | 'deadweight' | 'displacement' | 'attribution' | 'dropOff' | 'duration'): ParameterTarget => ({
  kind: 'outcome',
  outcome: 'a',
  parameter,
});
const TOL = 1e-6;

function valueOf(r: ReturnType<typeof switchingValue>): number {
  if (r.status !== 'switches') throw new Error(`expected a switching value, got ${r.status}`);
  return r.value;
}

describe('switching values of a hand-computed value map', () => {
  const map = handMap();
  const c = compileValueMap(map);

  it('starts from the hand-computed base, which computeSroi agrees with', () => {
    expect(A).toBeCloseTo(1.5101427498, 9);
    const s = computeSroi(map);
    expect(s.presentValueBenefits).toBeCloseTo(400 * A, 9);
    expect(s.presentValueInputs).toBe(500);
    expect(evaluateTotals(c).npv).toBeCloseTo(400 * A - 500, 9);
  });

  it('proxy, quantity and the deflators in closed form (PV is linear in P, Q and each 1 − share)', () => {
    // NPV = 0 ⇔ Q·P·(1 − DW)(1 − DS)(1 − AT)·A = 500.
    // proxy:        P*  = 500 / (10 · 0.8 · 1 · 0.5 · A) = 125 / A = 82.7736…
    // quantity:     Q*  = 500 / (100 · 0.8 · 0.5 · A)    = 12.5 / A = 8.27736…
    // deadweight:   1 − DW* = 500 / (10 · 100 · 1 · 0.5 · A) = 1 / A     → DW* = 1 − 1/A = 0.337811…
    // displacement: 1 − DS* = 500 / (10 · 100 · 0.8 · 0.5 · A) = 1.25 / A → DS* = 0.172264…
    // attribution:  1 − AT* = 500 / (10 · 100 · 0.8 · 1 · A) = 0.625 / A → AT* = 0.586132…
    const cases: [Parameters<typeof outcomeTarget>[0], number, number][] = [
      ['proxy', 125 / A, 82.7736],
      ['quantity', 12.5 / A, 8.27736],
      ['deadweight', 1 - 1 / A, 0.337811],
      ['displacement', 1 - 1.25 / A, 0.172264],
      ['attribution', 1 - 0.625 / A, 0.586132],
    ];
    for (const [parameter, exact, rounded] of cases) {
      const r = switchingValue(c, outcomeTarget(parameter));
      expect(r.method).toBe('closed-form');
      expect(Math.abs(valueOf(r) - exact)).toBeLessThan(TOL);
      expect(exact).toBeCloseTo(rounded, 4);
    }
    // The input amount: NPV = 0 ⇔ amount = PV = 400·A = 604.0571.
    const input = switchingValue(c, { kind: 'input', input: 'start', parameter: 'amount' });
    expect(Math.abs(valueOf(input) - 400 * A)).toBeLessThan(TOL);
    // Relative change of the proxy: 82.77/100 − 1 = −17.2 %.
    const proxy = switchingValue(c, outcomeTarget('proxy'));
    expect(proxy.status === 'switches' && proxy.relativeChange).toBeCloseTo(125 / A / 100 - 1, 9);
  });

  it('drop-off by root search: 400·(1/1.1 + k/1.21 + k²/1.331) = 500 with k = 1 − DO', () => {
    // ×1.331/400: k² + 1.1k + (1.21 − 1.66375) = 0  →  k² + 1.1k − 0.45375 = 0
    // k = (−1.1 + √(1.21 + 1.815)) / 2 = (−1.1 + √3.025) / 2 = 0.3196265…;  DO* = 1 − k = 0.6803735…
    const k = (-1.1 + Math.sqrt(3.025)) / 2;
    const r = switchingValue(c, outcomeTarget('dropOff'));
    expect(r.method).toBe('root-search');
    expect(Math.abs(valueOf(r) - (1 - k))).toBeLessThan(TOL);
    expect(1 - k).toBeCloseTo(0.6803735, 6);
  });

  it('duration by root search, a fractional last year counting in proportion', () => {
    // PV(1 year) = 400/1.1 = 363.64 < 500 < PV(2 years) = 363.64 + 200/1.21 = 528.93, so D* lies in (1, 2):
    // 400/1.1 + f·200/1.21 = 500 → f = (500 − 4000/11)·1.21/200 = (1500/11)·1.21/200 = 0.825 → D* = 1.825.
    const r = switchingValue(c, outcomeTarget('duration'));
    expect(Math.abs(valueOf(r) - 1.825)).toBeLessThan(TOL);
  });

  it('discount rate by root search: 400x + 200x² + 100x³ = 500 with x = 1/(1 + r)', () => {
    // ÷100: x³ + 2x² + 4x − 5 = 0. Solved here independently by Newton's method from x = 1:
    let x = 1;
    for (let i = 0; i < 50; i++) x -= (x ** 3 + 2 * x ** 2 + 4 * x - 5) / (3 * x ** 2 + 4 * x + 4);
    const rate = 1 / x - 1; // 0.24863…
    expect(rate).toBeCloseTo(0.24863, 4);
    const r = switchingValue(c, { kind: 'discountRate', parameter: 'discountRate' });
    expect(Math.abs(valueOf(r) - rate)).toBeLessThan(TOL);
  });

  it('says "stays above 1 at any value" when no root lies in range', () => {
    // Inputs of 300: even a 1-year duration gives PV 363.64 > 300; even DO = 100 % gives 363.64 > 300;
    // and the ratio falls below 1 only for a deadweight above 1 − 300/(500·A) = 0.6027, which is in range, so it switches.
    const cheap = compileValueMap(handMap(300));
    expect(switchingValue(cheap, outcomeTarget('duration')).status).toBe('stays-above');
    expect(switchingValue(cheap, outcomeTarget('dropOff')).status).toBe('stays-above');
    expect(Math.abs(valueOf(switchingValue(cheap, outcomeTarget('deadweight'))) - (1 - 300 / (500 * A)))).toBeLessThan(TOL);
  });

  it('says "stays below 1 at any value" when even the best value in range does not pay off', () => {
    // Inputs of 2,000: DW = 0 gives PV = 10·100·0.5·A = 755.07 < 2,000; DO = 0 gives 400·(1/1.1 + 1/1.21 + 1/1.331) = 994.74;
    // the longest duration (3 years, to the horizon) is the base, 604.06. The proxy still switches: P* = 2000 / (10 · 0.8 · 0.5 · A) = 500 / A.
    const dear = compileValueMap(handMap(2000));
    for (const p of ['deadweight', 'displacement', 'attribution', 'dropOff', 'duration'] as const)
      expect(switchingValue(dear, outcomeTarget(p)).status).toBe('stays-below');
    expect(Math.abs(valueOf(switchingValue(dear, outcomeTarget('proxy'))) - 2000 / (4 * A))).toBeLessThan(TOL);
    const r = switchingValue(dear, outcomeTarget('duration'));
    expect(r.status === 'stays-below' && r.range).toEqual({ min: 1, max: 3 });
  });
});
