import { describe, expect, it } from 'vitest';
import { valueModel } from '../../src/core/index.js';
import { model, modelDoc } from './model-builder.js';

describe('valueModel: SROI measures, price indexation and volunteer time', () => {
  it('computes PV, NPV, ratios and payback as in METHODS §1 (hand calculation at 10 %)', () => {
    const r = valueModel(
      model({
        valuation: { priceYear: 2024, horizonYears: 3, discount: { rate: 0.1, source: 'test' } },
        inputs: [
          { id: 'a', funder: 'gemeente', kind: 'money', years: [0], amount: 1000 },
          { id: 'b', funder: 'gemeente', kind: 'money', years: [1], amount: 550 },
        ],
      }),
    ).valuation;
    // Benefits: year 1 2160/1.1 = 1963.6364; year 2 1080/1.21 = 892.5620; PV = 2856.1983
    expect(r.presentValueBenefits).toBeCloseTo(2160 / 1.1 + 1080 / 1.21, 9);
    // Inputs: 1000 (year 0, undiscounted) + 550/1.1 = 1500
    expect(r.presentValueInputs).toBeCloseTo(1500, 9);
    expect(r.npv).toBeCloseTo(2160 / 1.1 + 1080 / 1.21 - 1500, 9);
    expect(r.sroiRatio!).toBeCloseTo((2160 / 1.1 + 1080 / 1.21) / 1500, 12);
    expect(r.netSroiRatio!).toBeCloseTo((2160 / 1.1 + 1080 / 1.21 - 1500) / 1500, 12);
    // Payback = inputs PV / (value in year 1 / 12) = 1500 / (2160 / 12) = 8.3333 months
    expect(r.paybackMonths!).toBeCloseTo(1500 / 180, 12);
    expect(r.byStakeholder).toEqual([{ stakeholder: 'bewoners', presentValue: r.presentValueBenefits, share: 1 }]);
  });

  it('indexes proxies and volunteer shadow prices to the price year, and traces each step', () => {
    const doc = modelDoc();
    const outcomes = [{ ...(doc['outcomes'] as any[])[0], proxy: { value: 50, unit: 'EUR', priceYear: 2022, source: 'test' } }];
    const r = valueModel(
      model({
        outcomes,
        valuation: {
          priceYear: 2024,
          horizonYears: 3,
          discount: { preset: 'none' },
          priceIndex: { name: 'CPI', source: 'test', rates: { '2023': 0.05, '2024': 0.02 } },
        },
        inputs: [
          {
            id: 'uren',
            funder: 'bewoners',
            kind: 'volunteer-hours',
            years: [1, 2],
            hours: 100,
            shadowPrice: { value: 10, priceYear: 2022, source: 'test' },
          },
        ],
      }),
    ).valuation;
    const proxy = r.outcomes[0]!.trace.proxy;
    // 50 · 1.05 · 1.02 = 53.55
    expect(proxy.value).toBeCloseTo(53.55, 10);
    expect(proxy.indexation.steps).toEqual([
      { year: 2023, rate: 0.05 },
      { year: 2024, rate: 0.02 },
    ]);
    // Volunteer hours: 100 h · 10 · 1.05 · 1.02 = 1071 per year, two years, rate 0.
    expect(r.presentValueInputs).toBeCloseTo(2142, 9);
    expect(r.inputs[0]!.trace.computation).toMatchObject({ kind: 'hours', hours: 100 });
  });

  it('uses the first-year convention of the model and states the discount preset', () => {
    const doc = modelDoc({ valuation: { priceYear: 2024, horizonYears: 3, discountFirstYear: false } });
    const r = valueModel(model(doc)).valuation;
    expect(r.discount.preset).toBe('nl-2021');
    expect(r.outcomes[0]!.trace.years[0]!.discountFactor).toBe(1);
    expect(r.outcomes[0]!.trace.years[1]!.discountFactor).toBeCloseTo(1 / 1.0225, 15);
  });
});

describe('valueModel: MKBA (CPB/PBL 2013) with distribution, avoided costs, transfers, optimism bias and PM items', () => {
  const mkbaModel = () =>
    model({
      valuation: {
        method: 'both',
        priceYear: 2024,
        horizonYears: 3,
        discount: { rate: 0.1, source: 'test' },
        optimismBias: { rate: 0.1, source: 'test' },
      },
      outcomes: [{ ...(modelDoc()['outcomes'] as any[])[0], reference: { quantity: 40, reason: 'test' } }],
      referenceAlternative: {
        description: 'no initiative',
        costs: [{ id: 'oud', funder: 'gemeente', kind: 'money', years: [1], amount: 300 }],
      },
      transfers: [{ id: 'bijdrage', from: 'bewoners', to: 'gemeente', years: [1], amount: 200 }],
      pmItems: [{ id: 'cohesie', description: 'Cohesion', sign: 'positive', size: 'medium' }],
    });

  it('computes the balance and B/C ratio by hand', () => {
    const m = valueModel(mkbaModel()).mkba!;
    // Effect = 100 − 40 = 60; benefit year 1 = 60 · 50 · (1 − 0.1) · (1 − 0.2) = 2160; year 2 = 1080 (drop-off 50 %).
    const benefits = 2160 / 1.1 + 1080 / 1.21;
    const avoided = 300 / 1.1; // reference-alternative cost the municipality no longer makes
    const costs = 1000 * 1.1; // year-0 subsidy with 10 % optimism bias
    expect(m.effects[0]!.effect).toBe(60);
    expect(m.effects[0]!.referenceBasis).toBe('reference');
    expect(m.presentValueBenefits).toBeCloseTo(benefits + avoided, 9);
    expect(m.presentValueCosts).toBeCloseTo(costs, 9);
    expect(m.balance).toBeCloseTo(benefits + avoided - costs, 9);
    expect(m.benefitCostRatio!).toBeCloseTo((benefits + avoided) / costs, 12);
  });

  it('distributes costs and benefits over actors; transfers net to zero; PM items pass through untouched', () => {
    const input = mkbaModel();
    const m = valueModel(input).mkba!;
    const residents = m.distribution.find((r) => r.actor === 'residents')!;
    const municipality = m.distribution.find((r) => r.actor === 'municipality')!;
    expect(residents.benefits).toBeCloseTo(2160 / 1.1 + 1080 / 1.21, 9);
    expect(residents.transfersOut).toBeCloseTo(200 / 1.1, 9);
    expect(municipality.transfersIn).toBeCloseTo(200 / 1.1, 9);
    expect(municipality.net).toBeCloseTo(300 / 1.1 - 1100 + 200 / 1.1, 9);
    expect(m.society.transfersIn - m.society.transfersOut).toBeCloseTo(0, 12);
    expect(m.distribution.reduce((s, r) => s + r.net, 0)).toBeCloseTo(m.balance, 9);
    expect(m.pmItems).toEqual(input.pmItems);
  });

  it('without a stated reference quantity the reference is Q · deadweight', () => {
    const doc = modelDoc({
      valuation: { method: 'mkba', priceYear: 2024, horizonYears: 3, discount: { preset: 'none' } },
      referenceAlternative: { description: 'no initiative' },
    });
    const m = valueModel(model(doc)).mkba!;
    expect(m.effects[0]!.referenceQuantity).toBeCloseTo(40, 12); // 100 · 0.4
    expect(m.effects[0]!.referenceBasis).toBe('deadweight');
  });
});

describe('valueModel: deadweight derived from a comparison area', () => {
  it('replaces the stated deadweight and keeps the derivation in the trace', () => {
    const derivation = { nl: 'afgeleid', en: 'derived: comparison change 0.02 / target change 0.05 = 0.4' };
    const base = valueModel(model()).valuation;
    const r = valueModel(model(), { deadweights: { o1: { value: 0.1, derivation } } }).valuation;
    const dw = r.outcomes[0]!.trace.deflators.find((d) => d.name === 'deadweight')!;
    expect(dw.value).toBe(0.1);
    expect(dw.derivation).toEqual(derivation);
    expect(dw.reason).toContain('stated in the model: 0.4');
    // PV scales with (1 − DW): (1 − 0.1)/(1 − 0.4) = 1.5 times the stated-deadweight PV.
    expect(r.presentValueBenefits).toBeCloseTo(base.presentValueBenefits * 1.5, 9);
  });
});
