import { describe, expect, it } from 'vitest';
import { compileValueMap, evaluateTotals, mkbaSetupOf, modelUncertainty, toValueMap, validateModel, valueModel } from '../../src/core/index.js';
import { model, modelDoc } from './model-builder.js';

// Issue 13, point 1: negative outcomes enter the present value as negative value for the stakeholder who bears them
// (SROI Guide 2012, stage 5; SVI principle "do not over-claim": unintended negative outcomes belong in the map),
// never as inputs; in an MKBA they are welfare costs in the balance (CPB/PBL Algemene leidraad MKBA 2013).
//
// Hand calculation, rate 0 (preset none), horizon 3, one input of 1000 in year 0:
//   o1 (positive, builder): impact = 100 · 50 · (1 − 0.4) · (1 − 0.1) · (1 − 0.2) = 2160; drop-off 50 %, 2 years:
//      2160 + 1080 = 3240.
//   o2 (negative): noise for residents, Q = 10, |P| = 30, no deflators or drop-off, 3 years: −300 · 3 = −900.
//   PV benefits = 3240 − 900 = 2340; NPV = 2340 − 1000 = 1340; SROI ratio = 2.34.
const share = (value: number) => ({ value, reason: 'test' });
const noise = (over: Record<string, unknown> = {}) => ({
  id: 'o2',
  stakeholder: 'bewoners',
  description: 'geluidsoverlast',
  quantity: 10,
  proxy: { value: 30, unit: 'EUR', priceYear: 2024, source: 'test' },
  sign: 'negative',
  deadweight: share(0),
  displacement: share(0),
  attribution: share(0),
  dropOff: share(0),
  duration: 3,
  ...over,
});
const withNoise = (over: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  model({ outcomes: [...(modelDoc()['outcomes'] as unknown[]), noise(over)], ...extra });

describe('negative outcomes (issue 13, point 1)', () => {
  it('count as negative value for their stakeholder, not as inputs (hand calculation)', () => {
    const v = valueModel(withNoise()).valuation;
    expect(v.presentValueBenefits).toBeCloseTo(2340, 9);
    expect(v.presentValueNegativeOutcomes).toBeCloseTo(-900, 9);
    expect(v.presentValueInputs).toBeCloseTo(1000, 9);
    expect(v.npv).toBeCloseTo(1340, 9);
    expect(v.sroiRatio!).toBeCloseTo(2.34, 12);
    const o2 = v.outcomes.find((o) => o.id === 'o2')!;
    expect(o2).toMatchObject({ negative: true });
    expect(o2.impactYear1).toBeCloseTo(-300, 9);
    expect(o2.trace.sign).toBe(-1);
    expect(o2.trace.years.map((y) => y.value)).toEqual([-300, -300, -300]);
    expect(v.byStakeholder.find((s) => s.stakeholder === 'bewoners')!.presentValue).toBeCloseTo(2340, 9);
  });

  it('a negative proxy without sign is the same outcome as sign: negative with a positive proxy', () => {
    const a = valueModel(withNoise()).valuation;
    const b = valueModel(withNoise({ sign: undefined, proxy: { value: -30, unit: 'EUR', priceYear: 2024, source: 'test' } })).valuation;
    expect(b.npv).toBe(a.npv);
    expect(b.outcomes[1]!.trace.proxy.value).toBe(30); // canonical form: the size of the cost per unit
  });

  it('rejects a contradictory statement with a specific NL/EN message', () => {
    for (const sign of ['negative', 'positive']) {
      const v = validateModel({ ...modelDoc(), outcomes: [...(modelDoc()['outcomes'] as unknown[]), noise({ sign, proxy: { value: -30, unit: 'EUR', priceYear: 2024, source: 't' } })] });
      expect(v.ok).toBe(false);
      const issue = v.issues.find((i) => i.code === 'model.outcome-sign-conflict')!;
      expect(issue.path).toBe('outcomes[1].sign');
      expect(issue.message.en).toContain('"o2"');
      expect(issue.message.nl).toContain('spreekt elkaar tegen');
      expect(issue.fix.en).toContain('30');
    }
  });

  it('are welfare costs in the MKBA balance (hand calculation)', () => {
    // MKBA effect of o1: (Q − Q·DW) · P · (1 − DS) · (1 − AT) = 60 · 50 · 0.9 · 0.8 = 2160 (then 1080): 3240.
    // o2: −10 · 30 = −300 a year, 3 years: −900. Costs 1000, no optimism bias: balance = 3240 − 900 − 1000 = 1340.
    const m = withNoise({}, { valuation: { method: 'both', priceYear: 2024, horizonYears: 3, discount: { preset: 'none' } }, referenceAlternative: { description: 'niets', costs: [] } });
    const r = valueModel(m).mkba!;
    expect(r.balance).toBeCloseTo(1340, 9);
    expect(r.effects.find((e) => e.outcome === 'o2')).toMatchObject({ negative: true });
    expect(r.effects.find((e) => e.outcome === 'o2')!.presentValue).toBeCloseTo(-900, 9);
    // Who pays, who benefits: residents gain 3240 and bear 900 of negative effects; net 2340. Net benefits 2340, B/C 2.34.
    const residents = r.distribution.find((d) => d.actor === 'residents')!;
    expect(residents.benefits).toBeCloseTo(3240, 9);
    expect(residents.negativeEffects).toBeCloseTo(900, 9);
    expect(residents.net).toBeCloseTo(2340, 9);
    expect(r.society.negativeEffects).toBeCloseTo(900, 9);
    expect(r.presentValueBenefits).toBeCloseTo(2340, 9);
    expect(r.benefitCostRatio!).toBeCloseTo(2.34, 12);
    const map = toValueMap(m);
    const compiled = evaluateTotals(compileValueMap(map, mkbaSetupOf(m, map)));
    expect(compiled.mkba!.balance).toBeCloseTo(1340, 9);
    expect(compiled.npv).toBeCloseTo(1340, 9);
  });

  it("switching value of a negative outcome's proxy: where NPV reaches 0 (hand calculation)", () => {
    // NPV(P) = 3240 − 30·P − 1000 = 2240 − 30·P, which is 0 at P = 224/3 ≈ 74.67 (above the base 30: a larger
    // cost per unit lowers the ratio; the ratio crosses 1 there).
    const u = modelUncertainty(withNoise());
    const sv = u.switchingValues.find((s) => s.key === 'o2.proxy')!;
    expect(sv.status).toBe('switches');
    expect(sv.status === 'switches' && sv.value).toBeCloseTo(224 / 3, 9);
  });

  it('Monte Carlo draws the size of the cost (uniform 20–40) and lowers NPV as it grows', () => {
    // NPV = 2240 − 30·P with P ~ U(20, 40): mean 2240 − 30·30 = 1340; sd = 30 · 20/√12 ≈ 173.2, so the mean of
    // 20,000 draws has a standard error ≈ 1.22 (tolerance 6 ≈ 5 SE); P5 of NPV = 2240 − 30·39 = 1070 and
    // P95 = 2240 − 30·21 = 1610 (quantiles of the uniform; tolerance 6).
    const u = modelUncertainty(
      withNoise({}, { uncertainty: { draws: 20_000, seed: 7, parameters: [{ outcome: 'o2', parameter: 'proxy', low: 20, high: 40, distribution: { type: 'uniform', min: 20, max: 40 } }] } }),
    );
    const mc = u.monteCarlo!;
    expect(Math.abs(mc.npv.mean - 1340)).toBeLessThan(6);
    expect(Math.abs(mc.npv.p05 - 1070)).toBeLessThan(6);
    expect(Math.abs(mc.npv.p95 - 1610)).toBeLessThan(6);
    const t = u.tornado.find((r) => r.key === 'o2.proxy')!;
    expect(t.atLow.npv).toBeCloseTo(2240 - 600, 9);
    expect(t.atHigh.npv).toBeCloseTo(2240 - 1200, 9);
  });
});
