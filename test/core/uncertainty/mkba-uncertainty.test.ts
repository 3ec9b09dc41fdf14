import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { compileValueMap, evaluateTotals, mkbaSetupOf, modelUncertainty, toValueMap, validateModel, valueModel, type Model } from '../../../src/core/index.js';
import { model } from '../model-builder.js';

// Issue 12, point 3: an MKBA's uncertainty is judged on the MKBA (balance, B/C), not on the SROI ratio.
//
// A small MKBA by hand (CPB/PBL 2013 leidraad: only the difference with the reference alternative counts; optimism
// bias on project costs, HM Treasury Green Book), rate 0 so present values are plain sums:
//   one outcome, Q = 100, P = 10, stated reference quantity 40 (so deadweight does not enter the MKBA), DS = AT = 0,
//   duration 1 (year 1); input 500 in year 1; optimism bias 10 %; reference alternative cost 100 in year 1 (avoided).
//   MKBA: effects = (100 − 40)·10 = 600; benefits = 600 + 100 = 700; costs = 500·1.1 = 550; balance = 150; B/C = 700/550.
//   SROI (deadweight 20 %): PV = 100·10·0.8 = 800; NPV = 300; ratio 1.6.
//   Proxy P ~ uniform(8, 12): balance = 60·P + 100 − 550 = 60·P − 450, so
//     switching value on the balance: P = 450/60 = 7.5 (on the SROI NPV: 80·P = 500 → P = 6.25);
//     tornado on the balance: P = 8 → 30, P = 12 → 270, width 240;
//     P(balance > 0) = 1 (P > 7.5 always); B/C at P = 8: 580/550, at 12: 820/550;
//   Proxy P ~ uniform(6, 12) instead: P(balance > 0) = P(P > 7.5) = (12 − 7.5)/6 = 0.75; mean balance = 60·9 − 450 = 90;
//     P5 of the balance = 60·(6 + 0.05·6) − 450 = −72.
const share = (value: number) => ({ value, reason: 'test' });
function mkbaModel(proxyMin: number, method: 'mkba' | 'both' = 'mkba'): Model {
  return model({
    valuation: { method, priceYear: 2024, horizonYears: 1, discount: { preset: 'none' }, optimismBias: { rate: 0.1, source: 'test' } },
    inputs: [{ id: 'budget', funder: 'gemeente', kind: 'money', years: [1], amount: 500 }],
    outcomes: [
      {
        id: 'o1',
        stakeholder: 'bewoners',
        description: 'test',
        quantity: 100,
        proxy: { value: 10, unit: 'EUR', priceYear: 2024, source: 'test' },
        deadweight: share(0.2),
        displacement: share(0),
        attribution: share(0),
        dropOff: share(0),
        duration: 1,
        reference: { quantity: 40, reason: 'test' },
      },
    ],
    referenceAlternative: { description: 'nul', costs: [{ id: 'eigen-beheer', funder: 'gemeente', kind: 'money', years: [1], amount: 100 }] },
    uncertainty: {
      draws: 100_000,
      seed: 12,
      parameters: [{ outcome: 'o1', parameter: 'proxy', low: proxyMin === 6 ? 6 : 8, high: 12, distribution: { type: 'uniform', min: proxyMin, max: 12 } }],
    },
  });
}

describe('MKBA uncertainty on the MKBA (issue 12)', () => {
  it('the compiled MKBA gives computeMkba’s balance and B/C (hand model and the example models)', () => {
    const m = mkbaModel(8);
    const map = toValueMap(m);
    const t = evaluateTotals(compileValueMap(map, mkbaSetupOf(m, map)));
    expect(t.mkba!.balance).toBeCloseTo(150, 9);
    expect(t.mkba!.benefitCostRatio!).toBeCloseTo(700 / 550, 12);
    expect(t.npv).toBeCloseTo(300, 9);
    for (const file of ['buurthuis-moerwijk', 'dorpsbudget-stompwijk', 'openluchtbad-wassenaar', 'leeskamer-rijswijk']) {
      const v = validateModel(YAML.parse(readFileSync(new URL(`../../../models/${file}.yaml`, import.meta.url), 'utf8')));
      if (!v.ok) throw new Error(file);
      const quantities = Object.fromEntries(v.model.outcomes.filter((o) => typeof o.quantity !== 'number').map((o) => [o.id, { value: 50, source: { kind: 'model' as const } }]));
      const mm = toValueMap(v.model, { quantities });
      const setup = mkbaSetupOf(v.model, mm);
      const valued = valueModel(v.model, { quantities });
      const compiled = evaluateTotals(compileValueMap(mm, setup));
      if (!valued.mkba) {
        expect(compiled.mkba, file).toBeUndefined();
        continue;
      }
      expect(compiled.mkba!.balance, file).toBeCloseTo(valued.mkba.balance, 6);
      expect(compiled.mkba!.benefitCostRatio!, file).toBeCloseTo(valued.mkba.benefitCostRatio!, 12);
    }
  });

  it('switching values and tornado on the balance; Monte Carlo of balance and B/C from the same draws', () => {
    const u = modelUncertainty(mkbaModel(8));
    const sv = u.mkba!.switchingValues.find((s) => s.key === 'o1.proxy')!;
    expect(sv).toMatchObject({ measure: 'balance', status: 'switches' });
    expect(sv.status === 'switches' && sv.value).toBeCloseTo(7.5, 9);
    const sroiSv = u.switchingValues.find((s) => s.key === 'o1.proxy')!;
    expect(sroiSv.status === 'switches' && sroiSv.value).toBeCloseTo(6.25, 9);
    const bar = u.mkba!.tornado[0]!;
    expect(bar.measure).toBe('balance');
    expect(bar.atLow.mkba!.balance).toBeCloseTo(30, 9);
    expect(bar.atHigh.mkba!.balance).toBeCloseTo(270, 9);
    expect(bar.width).toBeCloseTo(240, 9);
    const mc = u.mkba!.monteCarlo!;
    expect(mc.probBalancePositive).toBe(1);
    expect(mc.benefitCostRatio!.min).toBeGreaterThanOrEqual(580 / 550 - 1e-12);
    expect(mc.benefitCostRatio!.max).toBeLessThanOrEqual(820 / 550 + 1e-12);
    expect(u.mkba!.base.balance).toBeCloseTo(150, 9);
  });

  it('P(balance > 0) and the balance’s percentiles match the hand values within Monte Carlo error', () => {
    const mc = modelUncertainty(mkbaModel(6)).mkba!.monteCarlo!;
    const n = 100_000;
    // Binomial standard error of a proportion 0.75 over n draws; 5 SE as tolerance.
    expect(Math.abs(mc.probBalancePositive - 0.75)).toBeLessThan(5 * Math.sqrt((0.75 * 0.25) / n));
    // Uniform balance on [−90, 270]: SD = 360/√12; mean within 5·SD/√n.
    expect(Math.abs(mc.balance.mean - 90)).toBeLessThan((5 * 360) / Math.sqrt(12) / Math.sqrt(n));
    expect(mc.balance.p05).toBeCloseTo(-72, -1);
    expect(mc.histogram.of).toBe('benefit-cost-ratio');
  });

  it('a model valued as both gets both analyses; an SROI model none of the MKBA', () => {
    const both = modelUncertainty(mkbaModel(8, 'both'));
    expect(both.monteCarlo!.ratio).not.toBeNull();
    expect(both.mkba!.monteCarlo!.probBalancePositive).toBe(1);
    const sroi = modelUncertainty(model({ uncertainty: { draws: 1000, seed: 1, parameters: [{ outcome: 'o1', parameter: 'proxy', low: 40, high: 60, distribution: { type: 'uniform', min: 40, max: 60 } }] } }));
    expect(sroi.mkba).toBeUndefined();
  });
});
