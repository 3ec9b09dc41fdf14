import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { computeSroi } from '../../../src/core/sroi.js';
import { toValueMap } from '../../../src/core/value-model.js';
import type { ValueMap, ValueMapOutcome } from '../../../src/core/value-map.js';
import type { Model } from '../../../src/core/schema/model.js';
import { forecastHash, lockForecast, planVersusRealised } from '../../../src/core/evaluation/index.js';
import { parseModelText } from '../../../src/data/index.js';

const share = (value: number) => ({ value, reason: 'test' });
const indexed = (value: number) => ({ value, fromYear: 2024, toYear: 2024, factor: 1, steps: [] });

function outcome(over: Partial<ValueMapOutcome> & { id: string }): ValueMapOutcome {
  return {
    stakeholder: 'bewoners',
    description: `outcome ${over.id}`,
    quantity: 100,
    quantitySource: { kind: 'model' },
    proxy: { value: 50, unit: 'euro per person', source: 'test proxy', originalValue: 50, priceYear: 2024, indexation: indexed(50) },
    deadweight: share(0.2),
    displacement: share(0),
    attribution: share(0.1),
    dropOff: share(0.5),
    duration: 2,
    start: 1,
    cohorts: 1,
    ...over,
  };
}

function map(outcomes: ValueMapOutcome[], rate: number, over: Partial<ValueMap> = {}): ValueMap {
  return {
    outcomes,
    inputs: [{ id: 'subsidie', funder: 'gemeente', kind: 'money', years: [1], amountPerYear: 1000, computation: { kind: 'amount', amount: 1000, indexation: indexed(1000) } }],
    schedule: { steps: [{ fromYear: 1, rate }], source: 'test' },
    horizonYears: 5,
    discountFirstYear: true,
    baseYear: 2024,
    priceYear: 2024,
    ...over,
  };
}

const lockOf = (m: ValueMap) => lockForecast(m, computeSroi(m), '2024-01-15', 'c'.repeat(64));

describe('plan versus realised: sequential substitution (quantity, proxy, deflators, timing)', () => {
  // Hand calculation. Forecast: Q 100, P 50, DW 0.2, DS 0, AT 0.1 → deflator factor 0.8 · 0.9 = 0.72; 2 years,
  // drop-off 50 %, rate 0 → timing factor 1 + 0.5 = 1.5; PV = 100 · 50 · 0.72 · 1.5 = 5,400.
  // Realised: Q 80, P 60, DW 0.25, AT 0.2 → 0.75 · 0.8 = 0.6; 3 years, drop-off 50 %, 10 % from year 1 →
  // timing factor 1/1.1 + 0.5/1.21 + 0.25/1.331 = (1.21 + 0.55 + 0.25)/1.331 = 2.01/1.331.
  //   S0 = 100·50·0.72·1.5 = 5,400
  //   S1 =  80·50·0.72·1.5 = 4,320   quantity  −1,080
  //   S2 =  80·60·0.72·1.5 = 5,184   proxy     +  864
  //   S3 =  80·60·0.60·1.5 = 4,320   deflators −  864
  //   S4 =  80·60·0.60·2.01/1.331 = 5,788.8/1.331 = 4,349.21112…   timing +29.21112…
  const forecast = map([outcome({ id: 'a' })], 0);
  const realised = map(
    [outcome({ id: 'a', quantity: 80, proxy: { value: 60, unit: 'euro per person', source: 'test proxy 2025', originalValue: 60, priceYear: 2024, indexation: indexed(60) }, deadweight: share(0.25), attribution: share(0.2), duration: 3 })],
    0.1,
  );
  const s4 = 5788.8 / 1.331;

  test('each effect as computed by hand; they add up to realised − forecast', () => {
    const r = planVersusRealised(lockOf(forecast), realised);
    const a = r.outcomes[0]!;
    expect(a.status).toBe('both');
    expect(a.forecast).toBeCloseTo(5400, 9);
    expect(a.realised).toBeCloseTo(s4, 9);
    expect(a.effects.quantity).toBeCloseTo(-1080, 9);
    expect(a.effects.proxy).toBeCloseTo(864, 9);
    expect(a.effects.deflators).toBeCloseTo(-864, 9);
    expect(a.effects.timing).toBeCloseTo(s4 - 4320, 9);
    expect(a.effects.quantity + a.effects.proxy + a.effects.deflators + a.effects.timing).toBeCloseTo(s4 - 5400, 9);
    expect(a.forecastFactors).toMatchObject({ quantity: 100, proxy: 50, start: 1, duration: 2, dropOff: 0.5, cohorts: 1 });
    expect(a.forecastFactors!.deflatorFactor).toBeCloseTo(0.72, 12);
    expect(a.realisedFactors!.deflatorFactor).toBeCloseTo(0.6, 12);
    expect(r.order).toEqual(['quantity', 'proxy', 'deflators', 'timing']);
    // Inputs: 1,000 in year 1, undiscounted at rate 0, 1,000/1.1 at 10 %.
    expect(r.inputs.forecast).toBeCloseTo(1000, 9);
    expect(r.inputs.realised).toBeCloseTo(1000 / 1.1, 9);
    expect(r.npv.forecast).toBeCloseTo(4400, 9);
    expect(r.npv.realised).toBeCloseTo(s4 - 1000 / 1.1, 9);
    expect(r.sroiRatio.forecast).toBeCloseTo(5.4, 12);
  });

  test('the changed rules are named: discount, proxy, stated deadweight and attribution, timing', () => {
    const r = planVersusRealised(lockOf(forecast), realised);
    expect(r.ruleChanges.map((c) => [c.kind, c.outcome ?? null])).toEqual([
      ['discount', null],
      ['proxy', 'a'],
      ['stated-share', 'a'],
      ['stated-share', 'a'],
      ['timing', 'a'],
    ]);
    expect(r.ruleChanges[0]!.message.en).toContain('change of rules');
    expect(r.ruleChanges[0]!.message.nl).toContain('verandering van de regels');
    expect(r.ruleChanges[1]!.forecast).toBe('50 euro per person (2024; test proxy)');
    expect(r.ruleChanges[1]!.realised).toBe('60 euro per person (2024; test proxy 2025)');
  });

  test('a deadweight measured in comparison areas is a result, not a rule change', () => {
    const measured = map([outcome({ id: 'a', deadweight: { value: 0.3, reason: 'DiD', derivation: { nl: 'gemeten', en: 'measured' } } })], 0);
    const r = planVersusRealised(lockOf(forecast), measured);
    expect(r.ruleChanges).toEqual([]);
    // Only the deflators changed: 100·50·(0.7·0.9 − 0.72)·1.5 = 5,000·(−0.09)·1.5 = −675.
    expect(r.outcomes[0]!.effects).toEqual({ quantity: 0, proxy: 0, deflators: expect.closeTo(-675, 9), timing: 0 });
  });

  test('an unchanged plan has no difference, no effects and no rule changes', () => {
    const r = planVersusRealised(lockOf(forecast), forecast);
    expect(r.totals).toEqual({ forecast: 5400, realised: 5400, difference: 0, effects: { quantity: 0, proxy: 0, deflators: 0, timing: 0 } });
    expect(r.ruleChanges).toEqual([]);
  });

  test('an outcome added since the lock is all quantity effect, one removed likewise; totals add up', () => {
    // b: Q 10, P 50, 0.72, 1.5 at rate 0 → 540. c (new): Q 4, P 50, 0.72, one year → 144.
    const before = map([outcome({ id: 'a' }), outcome({ id: 'b', quantity: 10 })], 0);
    const after = map([outcome({ id: 'a' }), outcome({ id: 'c', quantity: 4, duration: 1 })], 0);
    const r = planVersusRealised(lockOf(before), after);
    expect(r.outcomes.map((o) => [o.id, o.status])).toEqual([
      ['a', 'both'],
      ['b', 'removed'],
      ['c', 'added'],
    ]);
    expect(r.outcomes[1]!.effects.quantity).toBeCloseTo(-540, 9);
    expect(r.outcomes[2]!.effects.quantity).toBeCloseTo(144, 9);
    expect(r.totals.forecast).toBeCloseTo(5940, 9);
    expect(r.totals.realised).toBeCloseTo(5544, 9);
    expect(r.totals.effects.quantity).toBeCloseTo(-396, 9);
    expect(r.totals.difference).toBeCloseTo(-396, 9);
  });

  test('a forecast altered in the store after the lock is named, as is arithmetic that no longer gives the recorded value', () => {
    const lock = lockOf(forecast);
    // Quantity 100 → 120 in the stored map, hash left as it was: the recomputed PV is 120/100 · 5,400 = 6,480.
    const tampered = { ...lock, map: { ...lock.map, outcomes: [{ ...lock.map.outcomes[0]!, quantity: 120 }] } };
    const r = planVersusRealised(tampered, forecast);
    expect(r.ruleChanges.map((c) => c.kind)).toEqual(['altered-lock', 'method']);
    expect(r.ruleChanges[0]!.message.en).toContain('altered in the store after the lock');
    expect(r.ruleChanges[1]!.message.en).toContain('computes the locked forecast at 6480 instead of the recorded 5400');
    expect(r.totals.forecast).toBeCloseTo(6480, 9);
    const recorded = planVersusRealised({ ...lock, presentValueBenefits: 5000 }, forecast);
    expect(recorded.ruleChanges.map((c) => c.kind)).toEqual(['method']);
  });

  test('the lock record survives a JSON round trip with the same hash; the input map is not mutated', () => {
    const frozen = Object.freeze({ ...forecast, outcomes: Object.freeze(forecast.outcomes.map((o) => Object.freeze({ ...o }))) }) as ValueMap;
    const lock = lockOf(frozen);
    const back = JSON.parse(JSON.stringify(lock)) as typeof lock;
    expect(forecastHash(back.map)).toBe(lock.sha256);
    expect(lock.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lock.outcomes).toEqual([{ id: 'a', presentValue: 5400 }]);
    expect(planVersusRealised(back, realised)).toEqual(planVersusRealised(lock, realised));
  });
});

describe('plan versus realised on the four example models, every factor changed', () => {
  const ids = ['buurthuis-moerwijk', 'dorpsbudget-stompwijk', 'leeskamer-rijswijk', 'openluchtbad-wassenaar'];
  const load = (id: string): Model => {
    const r = parseModelText(readFileSync(new URL(`../../../models/${id}.yaml`, import.meta.url), 'utf8'), `${id}.yaml`);
    if (!r.ok) throw new Error(`${id} does not parse`);
    return r.model;
  };
  // A number, or a list of yearly numbers (a yearly profile), changed element by element.
  const scale = <T>(v: T, f: (x: number) => number): T => (Array.isArray(v) ? v.map(f) : f(v as number)) as T;
  const quantities = (m: Model, q: number) =>
    Object.fromEntries(m.outcomes.filter((o) => typeof o.quantity === 'object' && !Array.isArray(o.quantity)).map((o) => [o.id, { value: q, source: { kind: 'model' as const } }]));

  for (const id of ids)
    test(`${id}: the four effects add up to realised − forecast (1e-9), per outcome and in total`, () => {
      const model = load(id);
      const planned = toValueMap(model, { quantities: quantities(model, 100) });
      const changed: Model = {
        ...model,
        valuation: { ...model.valuation, discount: { preset: 'nl-2015' }, horizonYears: model.valuation.horizonYears + 1 },
        outcomes: model.outcomes.map((o, i) => ({
          ...o,
          quantity: typeof o.quantity === 'object' && !Array.isArray(o.quantity) ? o.quantity : scale(o.quantity, (q) => q * 1.25 + i),
          proxy: { ...o.proxy, value: o.proxy.value * 0.9 },
          deadweight: { ...o.deadweight, value: scale(o.deadweight.value, (d) => Math.min(0.9, d + 0.05)) },
          duration: o.duration + 1,
          dropOff: { ...o.dropOff, value: scale(o.dropOff.value, (d) => d / 2) },
        })),
      };
      const realised = toValueMap(changed, { quantities: quantities(changed, 77) });
      const r = planVersusRealised(lockOf(planned), realised);
      const sroiNow = computeSroi(realised);
      const sroiThen = computeSroi(planned);
      const tol = 1e-9 * Math.max(1, sroiThen.presentValueBenefits);
      for (const o of r.outcomes) {
        const sum = o.effects.quantity + o.effects.proxy + o.effects.deflators + o.effects.timing;
        expect(Math.abs(sum - (o.realised - o.forecast))).toBeLessThan(tol);
        expect(o.effects.quantity).not.toBe(0);
        // The proxy shrinks by 10 % and the deadweight grows: that lowers a positive outcome's value and shrinks a
        // negative outcome's cost, so each effect's sign is minus the sign of the outcome's value (sign × proxy).
        const then = sroiThen.outcomes.find((x) => x.id === o.id)!;
        const valueSign = then.trace.sign * Math.sign(then.trace.proxy.value);
        expect(Math.sign(o.effects.proxy)).toBe(-valueSign);
        expect(o.effects.deflators * valueSign).toBeLessThanOrEqual(0);
        expect(o.effects.timing).not.toBe(0);
        expect(Math.abs(o.realised - sroiNow.outcomes.find((x) => x.id === o.id)!.presentValue)).toBeLessThan(tol);
        expect(Math.abs(o.forecast - sroiThen.outcomes.find((x) => x.id === o.id)!.presentValue)).toBeLessThan(tol);
      }
      const t = r.totals;
      expect(Math.abs(t.effects.quantity + t.effects.proxy + t.effects.deflators + t.effects.timing - (sroiNow.presentValueBenefits - sroiThen.presentValueBenefits))).toBeLessThan(tol);
      expect(r.ruleChanges.map((c) => c.kind)).toEqual(expect.arrayContaining(['discount', 'horizon', 'proxy', 'timing']));
    });
});
