import { describe, expect, it } from 'vitest';
import { compileValueMap, computeSroi, evaluateTotals, mkbaSetupOf, modelUncertainty, toValueMap, validateModel, valueModel } from '../../src/core/index.js';
import { model, modelDoc } from './model-builder.js';

// Issue 13, point 2: yearly profiles. A list on an outcome has one value per year the outcome lasts, the first for
// valuation year `start` (index k = year start + k); a list on an input has one amount per entry of `years`.
const share = (value: number | number[]) => ({ value, reason: 'test' });
const outcome = (over: Record<string, unknown>) => ({
  id: 'o1',
  stakeholder: 'bewoners',
  description: 'test',
  quantity: 100,
  proxy: { value: 10, unit: 'EUR', priceYear: 2024, source: 'test' },
  deadweight: share(0),
  displacement: share(0),
  attribution: share(0),
  dropOff: share(0),
  duration: 3,
  ...over,
});
const tenPercent = { priceYear: 2024, horizonYears: 5, discount: { rate: 0.1, source: 'test' } };

describe('yearly profiles (issue 13, point 2)', () => {
  it('values quantity and deadweight per year, and input amounts per year (hand calculation, 10 %)', () => {
    // Year 1: 70 · 10 · (1 − 0.1) = 630; year 2: 80 · 10 · (1 − 0.2) = 640; year 3: 90 · 10 · (1 − 0.3) = 630.
    // PV = 630/1.1 + 640/1.1² + 630/1.1³ = 572.7273 + 528.9256 + 473.3283 = 1574.9812.
    // Inputs: 1000 in year 0 (not discounted) and 500 in year 2: 1000 + 500/1.21 = 1413.2231.
    const m = model({
      valuation: tenPercent,
      inputs: [{ id: 'subsidie', funder: 'gemeente', kind: 'money', years: [0, 2], amount: [1000, 500] }],
      outcomes: [outcome({ quantity: [70, 80, 90], deadweight: share([0.1, 0.2, 0.3]) })],
    });
    const v = valueModel(m).valuation;
    expect(v.presentValueBenefits).toBeCloseTo(630 / 1.1 + 640 / 1.21 + 630 / 1.331, 9);
    expect(v.presentValueBenefits).toBeCloseTo(1574.9812, 4);
    expect(v.presentValueInputs).toBeCloseTo(1000 + 500 / 1.21, 9);
    const years = v.outcomes[0]!.trace.years;
    expect(years.map((y) => [y.year, y.quantity, y.deadweight, y.value])).toEqual([
      [1, 70, 0.1, expect.closeTo(630, 9)],
      [2, 80, 0.2, expect.closeTo(640, 9)],
      [3, 90, 0.3, expect.closeTo(630, 9)],
    ]);
    expect(years[0]!.fromProfile).toEqual(['quantity', 'deadweight']);
    expect(v.inputs[0]!.trace.years.map((y) => y.amount)).toEqual([1000, 500]);
    // The compiled value map (uncertainty) gives the same base values.
    const c = evaluateTotals(compileValueMap(toValueMap(m)));
    expect(c.presentValueBenefits).toBeCloseTo(v.presentValueBenefits, 9);
    expect(c.presentValueInputs).toBeCloseTo(v.presentValueInputs, 9);
  });

  it('attribution and displacement per year; MKBA and compiled map agree (hand calculation, rate 0)', () => {
    // SROI per year: Q · P · (1 − AT_t) · (1 − DS_t) = 1000·(0.5)(0.9), 1000·(0.6)(0.8), 1000·(0.7)(1) = 450 + 480 + 700 = 1630.
    // MKBA, reference Q · DW with DW 0: the same effects, 1630; cost 300 → balance 1330.
    const m = model({
      valuation: { method: 'both', priceYear: 2024, horizonYears: 3, discount: { preset: 'none' } },
      referenceAlternative: { description: 'niets', costs: [] },
      inputs: [{ id: 'subsidie', funder: 'gemeente', kind: 'money', years: [1], amount: 300 }],
      outcomes: [outcome({ attribution: share([0.5, 0.4, 0.3]), displacement: share([0.1, 0.2, 0]) })],
    });
    const r = valueModel(m);
    expect(r.valuation.presentValueBenefits).toBeCloseTo(1630, 9);
    expect(r.mkba!.balance).toBeCloseTo(1330, 9);
    const map = toValueMap(m);
    const c = evaluateTotals(compileValueMap(map, mkbaSetupOf(m, map)));
    expect(c.npv).toBeCloseTo(1330, 9);
    expect(c.mkba!.balance).toBeCloseTo(1330, 9);
  });

  it('a stated reference quantity with a quantity profile: (Q_t − Q_ref) per year in the MKBA', () => {
    // Q = 70, 80, 90, Q_ref = 60, P = 10, rate 0: effects 100 + 200 + 300 = 600; cost 1000 → balance −400.
    const m = model({
      valuation: { method: 'mkba', priceYear: 2024, horizonYears: 3, discount: { preset: 'none' } },
      referenceAlternative: { description: 'niets', costs: [] },
      outcomes: [outcome({ quantity: [70, 80, 90], reference: { quantity: 60, reason: 'test' } })],
    });
    const map = toValueMap(m);
    expect(valueModel(m).mkba!.balance).toBeCloseTo(-400, 9);
    expect(evaluateTotals(compileValueMap(map, mkbaSetupOf(m, map))).mkba!.balance).toBeCloseTo(-400, 9);
  });

  it('drop-off from a stated year: full value until then (hand calculation)', () => {
    // Q·P = 100, DO 50 % from year 4, 5 years from year 1, rate 0: 100, 100, 100, 50, 25 = 375.
    // Two yearly cohorts (second from year 2; horizon 6): it declines from year 4 too: 100, 100, 50, 25, 12.5 = 287.5.
    const one = model({ valuation: { priceYear: 2024, horizonYears: 6, discount: { preset: 'none' } }, outcomes: [outcome({ quantity: 10, duration: 5, dropOff: { value: 0.5, reason: 't', fromYear: 4 } })] });
    const v = valueModel(one).valuation;
    expect(v.outcomes[0]!.trace.years.map((y) => y.value)).toEqual([100, 100, 100, 50, 25]);
    expect(v.presentValueBenefits).toBeCloseTo(375, 9);
    const two = model({ valuation: { priceYear: 2024, horizonYears: 6, discount: { preset: 'none' } }, outcomes: [outcome({ quantity: 10, duration: 5, cohorts: 2, dropOff: { value: 0.5, reason: 't', fromYear: 4 } })] });
    expect(valueModel(two).valuation.presentValueBenefits).toBeCloseTo(375 + 287.5, 9);
    for (const m of [one, two]) expect(evaluateTotals(compileValueMap(toValueMap(m))).presentValueBenefits).toBeCloseTo(valueModel(m).valuation.presentValueBenefits, 9);
    // The drop-off's switching value is found by the root search on the year-by-year annuity: NPV(DO) = 300 + 100(1 − DO) + 100(1 − DO)² − 1000 < 0
    // for every DO in [0, 1], so it "stays below".
    expect(modelUncertainty(one).switchingValues.find((s) => s.key === 'o1.dropOff')!.status).toBe('stays-below');
  });

  it('value in year 0 (start: 0) is not discounted (hand calculation, 10 %)', () => {
    // Q·P = 100 in years 0 and 1: 100 + 100/1.1 = 190.9091.
    const m = model({ valuation: tenPercent, outcomes: [outcome({ quantity: 10, duration: 2, start: 0 })] });
    const v = valueModel(m).valuation;
    expect(v.presentValueBenefits).toBeCloseTo(100 + 100 / 1.1, 9);
    expect(v.years[0]).toMatchObject({ year: 0, benefits: 100 });
    expect(evaluateTotals(compileValueMap(toValueMap(m))).presentValueBenefits).toBeCloseTo(100 + 100 / 1.1, 9);
  });

  it('volunteer hours per year × shadow price', () => {
    // 100 and 200 hours at 15/hour in years 1 and 2, rate 0: 1500 + 3000 = 4500.
    const m = model({
      inputs: [{ id: 'uren', funder: 'bewoners', kind: 'volunteer-hours', years: [1, 2], hours: [100, 200], shadowPrice: { value: 15, priceYear: 2024, source: 'test' } }],
    });
    expect(valueModel(m).valuation.presentValueInputs).toBeCloseTo(4500, 9);
    expect(evaluateTotals(compileValueMap(toValueMap(m))).presentValueInputs).toBeCloseTo(4500, 9);
  });

  it('Monte Carlo on the proxy of a profiled outcome scales the profile (hand calculation, rate 0)', () => {
    // PV = P · (70·0.9 + 80·0.8 + 90·0.7) = 190·P; P ~ U(8, 12): every draw lies in [1520, 2280]; mean 1900
    // (sd 190 · 4/√12 ≈ 219, SE of 20,000 draws ≈ 1.6; tolerance 8).
    const m = model({
      valuation: { priceYear: 2024, horizonYears: 3, discount: { preset: 'none' } },
      outcomes: [outcome({ quantity: [70, 80, 90], deadweight: share([0.1, 0.2, 0.3]) })],
      uncertainty: { draws: 20_000, seed: 3, parameters: [{ outcome: 'o1', parameter: 'proxy', low: 8, high: 12, distribution: { type: 'uniform', min: 8, max: 12 } }] },
    });
    const mc = modelUncertainty(m).monteCarlo!;
    expect(Math.abs(mc.npv.mean - (1900 - 1000))).toBeLessThan(8);
    expect(mc.npv.min ?? mc.npv.p05).toBeGreaterThanOrEqual(1520 - 1000 - 1e-6);
  });

  it('rejects profiles of the wrong length, profiles with cohorts and uncertainty on a profiled number', () => {
    const v = validateModel({
      ...modelDoc(),
      inputs: [{ id: 'subsidie', funder: 'gemeente', kind: 'money', years: [0, 1], amount: [1000, 500, 200] }],
      outcomes: [outcome({ quantity: [70, 80], cohorts: 2 })],
      uncertainty: {
        parameters: [{ outcome: 'o1', parameter: 'quantity', low: 60, high: 90 }],
        scenarios: [{ id: 'laag', values: [{ outcome: 'o1', parameter: 'deadweight', value: 0.5 }] }],
      },
    });
    expect(v.ok).toBe(false);
    const byPath = Object.fromEntries(v.issues.map((i) => [i.path, i]));
    expect(byPath['outcomes[0].quantity']).toMatchObject({ code: 'model.profile-length', value: 2 });
    expect(byPath['outcomes[0].quantity']!.message.en).toBe('outcomes[0].quantity ("o1") has 2 yearly values, but 3 are needed (duration: 3 years).');
    expect(byPath['outcomes[0].quantity']!.message.nl).toContain('duration: 3 jaar');
    expect(byPath['inputs[0].amount']).toMatchObject({ code: 'model.profile-length', value: 3 });
    expect(byPath['outcomes[0].cohorts']).toMatchObject({ code: 'model.profile-with-cohorts' });
    expect(byPath['uncertainty.parameters[0].parameter']).toMatchObject({ code: 'model.uncertainty-on-profile' });
    expect(byPath['uncertainty.scenarios[0].values[0].parameter']).toMatchObject({ code: 'model.uncertainty-on-profile' });
    expect(byPath['uncertainty.scenarios[0].values[0].parameter']!.message.en).toBe('Uncertainty about deadweight of "o1", but that number differs per year (a yearly profile).');
  });

  it('switching values skip the numbers a profile fixes', () => {
    const m = model({ outcomes: [outcome({ quantity: [70, 80, 90] })] });
    const keys = modelUncertainty(m).switchingValues.map((s) => s.key);
    expect(keys).toContain('o1.proxy');
    expect(keys).not.toContain('o1.quantity');
    expect(keys).not.toContain('o1.duration');
    expect(computeSroi(toValueMap(m)).presentValueBenefits).toBeCloseTo(2400, 9); // (70 + 80 + 90) · 10, rate 0
  });
});
