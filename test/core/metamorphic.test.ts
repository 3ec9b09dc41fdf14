import { describe, expect, it } from 'vitest';
import { valueModel } from '../../src/core/index.js';
import { model, modelDoc } from './model-builder.js';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const withRate = (m: Record<string, unknown>, rate: number): Record<string, unknown> => ({
  ...m,
  valuation: { priceYear: 2024, horizonYears: 5, discount: { rate, source: 'test' } },
});

describe('metamorphic properties of the valuation', () => {
  it('doubling every proxy doubles the present value (and the ratio)', () => {
    const doc = withRate(modelDoc(), 0.0225);
    const base = valueModel(model(doc));
    const outcomes = (doc['outcomes'] as any[]).map((o) => ({ ...o, proxy: { ...o.proxy, value: o.proxy.value * 2 } }));
    const doubled = valueModel(model({ ...doc, outcomes }));
    expect(doubled.valuation.presentValueBenefits).toBeCloseTo(2 * base.valuation.presentValueBenefits, 9);
    expect(doubled.valuation.sroiRatio!).toBeCloseTo(2 * base.valuation.sroiRatio!, 12);
  });

  it('a zero rate makes the present value the plain sum of the yearly values', () => {
    const r = valueModel(model(withRate(modelDoc(), 0)));
    // Hand calculation: impact = 100 · 50 · 0.6 · 0.9 · 0.8 = 2160; year 2 = 2160 · 0.5 = 1080; sum 3240.
    expect(r.valuation.presentValueBenefits).toBeCloseTo(3240, 9);
    const sum = r.valuation.years.reduce((s, y) => s + y.benefits, 0);
    expect(r.valuation.presentValueBenefits).toBeCloseTo(sum, 9);
  });

  it('attribution 100 % removes an outcome', () => {
    const doc = modelDoc();
    const outcomes = (doc['outcomes'] as any[]).map((o) => ({ ...o, attribution: { value: 1, reason: 'all due to others' } }));
    const r = valueModel(model({ ...doc, outcomes }));
    expect(r.valuation.presentValueBenefits).toBe(0);
    expect(r.valuation.outcomes[0]!.trace.years.every((y) => y.value === 0)).toBe(true);
  });

  it('drop-off 10 % and duration 3 give 100, 90, 81, 0 (SROI Guide 2012 stage 5)', () => {
    const doc = modelDoc();
    const outcomes = [
      {
        ...(doc['outcomes'] as any[])[0],
        quantity: 1,
        proxy: { value: 100, unit: 'EUR', priceYear: 2024, source: 'test' },
        deadweight: { value: 0, reason: 't' },
        displacement: { value: 0, reason: 't' },
        attribution: { value: 0, reason: 't' },
        dropOff: { value: 0.1, reason: 't' },
        duration: 3,
      },
    ];
    const r = valueModel(model({ ...doc, outcomes, valuation: { priceYear: 2024, horizonYears: 4, discount: { preset: 'none' } } }));
    const values = r.valuation.years.filter((y) => y.year >= 1).map((y) => y.benefits);
    expect(values[0]).toBeCloseTo(100, 12);
    expect(values[1]).toBeCloseTo(90, 12);
    expect(values[2]).toBeCloseTo(81, 12);
    expect(values[3]).toBe(0);
  });

  it('never mutates its input: a deeply frozen model values the same as a fresh one', () => {
    const frozen = deepFreeze(model(withRate(modelDoc(), 0.03)));
    const before = JSON.stringify(frozen);
    const a = valueModel(frozen);
    const b = valueModel(model(withRate(modelDoc(), 0.03)));
    expect(JSON.stringify(frozen)).toBe(before);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('the trace explains every euro: Σ trace present values = PV, each year = Q · P · Π(1 − d) · drop-off · DF', () => {
    const r = valueModel(model(withRate(modelDoc(), 0.05)));
    for (const o of r.valuation.outcomes) {
      const deflate = o.trace.deflators.reduce((p, d) => p * (1 - d.value), 1);
      for (const y of o.trace.years) {
        expect(y.value).toBeCloseTo(y.quantity * y.proxy * deflate * y.dropOffFactor, 9);
        expect(y.presentValue).toBeCloseTo(y.value * y.discountFactor, 9);
        expect(y.discountFactor).toBeCloseTo(1 / 1.05 ** y.year, 12);
      }
      expect(o.trace.years.reduce((s, y) => s + y.presentValue, 0)).toBeCloseTo(o.presentValue, 9);
    }
  });
});

describe('yearly cohorts', () => {
  it('three cohorts of a two-year outcome with 50 % drop-off add up year by year (hand calculation)', () => {
    const doc = modelDoc();
    const o = { ...(doc['outcomes'] as any[])[0], cohorts: 3 };
    const r = valueModel(model({ ...doc, outcomes: [o], valuation: { priceYear: 2024, horizonYears: 5, discount: { preset: 'none' } } }));
    // impact 2160 per cohort; year 1: c0 → 2160; year 2: c0 1080 + c1 2160; year 3: c1 1080 + c2 2160; year 4: c2 1080.
    const values = r.valuation.years.filter((y) => y.year >= 1).map((y) => y.benefits);
    expect(values).toEqual([2160, 3240, 3240, 1080, 0].map((v) => expect.closeTo(v, 9)));
    expect(r.valuation.outcomes[0]!.trace.years.map((y) => y.activeCohorts)).toEqual([1, 2, 2, 1]);
    expect(r.valuation.presentValueBenefits).toBeCloseTo(9720, 9);
  });
});
