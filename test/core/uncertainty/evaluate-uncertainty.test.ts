import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import {
  compileValueMap,
  computeSroi,
  createSampler,
  drawStatistics,
  quantileSorted,
  streamSeed,
  evaluateScenarios,
  evaluateTotals,
  evaluateUncertainty,
  modelUncertainty,
  resolveUncertainty,
  runMonteCarlo,
  summarizeMonteCarlo,
  toValueMap,
  tornado,
  validateModel,
  withValues,
  mkbaSetupOf,
  valueModel,
  type Model,
  type ResolvedParameter,
} from '../../../src/core/index.js';
import { deepFreeze, handMap, outcome } from './hand-map.js';
import { modelDoc } from '../model-builder.js';

const fixture = new URL('../../fixtures/uncertainty/buurthuis-onzeker.yaml', import.meta.url);
const A = 1 / 1.1 + 0.5 / 1.21 + 0.25 / 1.331; // see switching-value.test.ts

function loadFixture(): Model {
  const v = validateModel(YAML.parse(readFileSync(fixture, 'utf8')));
  if (!v.ok) throw new Error(JSON.stringify(v.issues, null, 1));
  return deepFreeze(v.model);
}

function bytes(x: Float64Array): Buffer {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength);
}

describe('compiled value map', () => {
  it('reproduces computeSroi for every example model and the fixture (to 1e-9 relative)', () => {
    const files = ['buurthuis-moerwijk', 'dorpsbudget-stompwijk', 'leeskamer-rijswijk', 'openluchtbad-wassenaar'];
    let checked = 0;
    for (const f of files) {
      let text: string;
      try {
        text = readFileSync(new URL(`../../../models/${f}.yaml`, import.meta.url), 'utf8');
      } catch {
        continue;
      }
      const v = validateModel(YAML.parse(text));
      if (!v.ok) continue;
      let map;
      try {
        map = toValueMap(v.model);
      } catch {
        continue; // quantities from monitoring data
      }
      const s = computeSroi(map);
      const t = evaluateTotals(compileValueMap(map));
      expect(Math.abs(t.presentValueBenefits - s.presentValueBenefits)).toBeLessThan(1e-9 * Math.max(1, s.presentValueBenefits));
      expect(Math.abs(t.presentValueInputs - s.presentValueInputs)).toBeLessThan(1e-9 * Math.max(1, s.presentValueInputs));
      checked++;
    }
    const m = toValueMap(loadFixture());
    expect(evaluateTotals(compileValueMap(m)).npv).toBeCloseTo(computeSroi(m).npv, 6);
    expect(checked).toBeGreaterThanOrEqual(1);
  });

  it('gives the valuation’s base values for every issue-13 feature: negative outcome, yearly profiles, late drop-off, year 0, input profile (SROI and MKBA)', () => {
    const share = (value: number | number[]) => ({ value, reason: 'test' });
    const proxy = (value: number) => ({ value, unit: 'EUR', priceYear: 2024, source: 'test' });
    const base = { stakeholder: 'bewoners', description: 'test', deadweight: share(0.1), displacement: share(0.05), attribution: share(0.2), dropOff: share(0.1) };
    const v = validateModel({
      ...modelDoc(),
      valuation: { method: 'both', priceYear: 2024, horizonYears: 6, discount: { preset: 'nl-2021' }, discountFirstYear: false },
      referenceAlternative: { description: 'niets', costs: [{ id: 'oud', funder: 'gemeente', kind: 'money', years: [1, 2], amount: [50, 80] }] },
      inputs: [
        { id: 'subsidie', funder: 'gemeente', kind: 'money', years: [0, 1, 2], amount: [1000, 400, 200] },
        { id: 'uren', funder: 'bewoners', kind: 'volunteer-hours', years: [1, 2], hours: [30, 50], shadowPrice: { value: 15, priceYear: 2024, source: 'test' } },
      ],
      outcomes: [
        { ...base, id: 'profiel', quantity: [70, 80, 90], proxy: proxy(40), deadweight: share([0.1, 0.2, 0.3]), attribution: share([0.3, 0.2, 0.1]), duration: 3, start: 0 },
        { ...base, id: 'overlast', quantity: 12, proxy: proxy(-25), duration: 4, cohorts: 2, dropOff: { value: 0.3, reason: 't', fromYear: 3 } },
        { ...base, id: 'referentie', quantity: [20, 25], proxy: proxy(30), duration: 2, start: 2, reference: { quantity: 8, reason: 't' } },
        { ...base, id: 'gewoon', quantity: 10, proxy: proxy(60), duration: 3 },
      ],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const map = toValueMap(v.model);
    const valued = valueModel(v.model);
    const t = evaluateTotals(compileValueMap(map, mkbaSetupOf(v.model, map)));
    expect(valued.valuation.presentValueNegativeOutcomes).toBeLessThan(0);
    expect(t.presentValueBenefits).toBeCloseTo(valued.valuation.presentValueBenefits, 9);
    expect(t.presentValueInputs).toBeCloseTo(valued.valuation.presentValueInputs, 9);
    expect(t.mkba!.balance).toBeCloseTo(valued.mkba!.balance, 9);
    expect(t.mkba!.benefitCostRatio!).toBeCloseTo(valued.mkba!.benefitCostRatio!, 12);
    // Monte Carlo with a fixed proxy (the base value as a uniform of zero width is not allowed; a narrow one is): its
    // mean equals the base NPV to within the width.
    const u = modelUncertainty({ ...v.model, uncertainty: { draws: 200, seed: 1, parameters: [{ outcome: 'gewoon', parameter: 'proxy', low: 59.999, high: 60.001, distribution: { type: 'uniform', min: 59.999, max: 60.001 } }], scenarios: [] } });
    expect(u.monteCarlo!.npv.mean).toBeCloseTo(valued.valuation.npv, 1);
    expect(u.mkba!.monteCarlo!.balance.mean).toBeCloseTo(valued.mkba!.balance, 1);
  });

  it('counts yearly cohorts like computeSroi', () => {
    const base = handMap();
    const map = deepFreeze({ ...base, horizonYears: 5, outcomes: [{ ...outcome('a', { q: 10, p: 100, dw: 0.2, ds: 0, at: 0.5, dropOff: 0.5, duration: 3 }), cohorts: 2 }] });
    const s = computeSroi(map);
    // Cohort 1 in years 1–3 (400, 200, 100), cohort 2 in years 2–4: PV = 400·A + 400·A/1.1.
    if (s.outcomes[0]!.trace.years.some((y) => 'activeCohorts' in y)) expect(s.presentValueBenefits).toBeCloseTo(400 * A + (400 * A) / 1.1, 9);
    expect(evaluateTotals(compileValueMap(map)).presentValueBenefits).toBeCloseTo(s.presentValueBenefits, 9);
  });
});

describe('tornado', () => {
  it('sets each parameter to its low and high value with the others at base, widest bar first', () => {
    const c = compileValueMap(handMap());
    const p = (parameter: 'proxy' | 'dropOff', low: number, high: number, base: number): ResolvedParameter => ({
      key: `a.${parameter}`,
      target: { kind: 'outcome', outcome: 'a', parameter },
      base,
      low,
      high,
    });
    const parameters = deepFreeze([p('dropOff', 0.4, 0.6, 0.5), p('proxy', 80, 120, 100)]);
    const t = tornado(c, parameters);
    // proxy 80: PV = 4·80·A = 483.2457, NPV = −16.7543; proxy 120: PV = 4·120·A = 724.8685, NPV = 224.8685; width = 160·A = 241.6228
    // drop-off 0.4: 400·(1/1.1 + 0.6/1.21 + 0.36/1.331) = 674.9080 … ; 0.6: 400·(1/1.1 + 0.4/1.21 + 0.16/1.331) = 544.3298 …; width 130.5782
    expect(t.rows.map((r) => r.key)).toEqual(['a.proxy', 'a.dropOff']);
    const proxy = t.rows[0]!;
    expect(proxy.atLow.npv).toBeCloseTo(320 * A - 500, 9);
    expect(proxy.atHigh.npv).toBeCloseTo(480 * A - 500, 9);
    expect(proxy.width).toBeCloseTo(160 * A, 9);
    expect(proxy.ratioWidth).toBeCloseTo((160 * A) / 500, 9);
    const drop = t.rows[1]!;
    expect(drop.width).toBeCloseTo(400 * ((0.6 - 0.4) / 1.21 + (0.36 - 0.16) / 1.331), 9);
    expect(t.base.npv).toBeCloseTo(400 * A - 500, 9);
  });
});

describe('scenarios', () => {
  it('derives low / central / high from the ranges, each parameter at the end that lowers or raises the NPV', () => {
    const c = compileValueMap(handMap());
    const parameters: ResolvedParameter[] = [
      { key: 'a.proxy', target: { kind: 'outcome', outcome: 'a', parameter: 'proxy' }, base: 100, low: 80, high: 120 },
      { key: 'a.deadweight', target: { kind: 'outcome', outcome: 'a', parameter: 'deadweight' }, base: 0.2, low: 0.1, high: 0.3 },
    ];
    const [low, central, high] = evaluateScenarios(c, deepFreeze(parameters), []);
    // low: proxy 80 and deadweight 0.3 (a higher deadweight lowers the NPV): PV = 10·80·0.7·0.5·A = 280·A
    expect(low!.id).toBe('low');
    expect(low!.values).toEqual([
      { key: 'a.proxy', value: 80 },
      { key: 'a.deadweight', value: 0.3 },
    ]);
    expect(low!.presentValueBenefits).toBeCloseTo(280 * A, 9);
    expect(central!.presentValueBenefits).toBeCloseTo(400 * A, 9);
    // high: proxy 120, deadweight 0.1: PV = 10·120·0.9·0.5·A = 540·A
    expect(high!.presentValueBenefits).toBeCloseTo(540 * A, 9);
    expect(high!.ratio).toBeCloseTo((540 * A) / 500, 9);
  });

  it('evaluates declared scenarios and adds the base as central', () => {
    const c = compileValueMap(handMap());
    const r = evaluateScenarios(c, [], [{ id: 'pessimistisch', values: [{ target: { kind: 'discountRate', parameter: 'discountRate' }, value: 0 }] }]);
    expect(r.map((s) => s.id)).toEqual(['pessimistisch', 'central']);
    // Rate 0: PV = 400 + 200 + 100 = 700.
    expect(r[0]!.presentValueBenefits).toBeCloseTo(700, 9);
  });
});

describe('Monte Carlo', () => {
  it('with fixed distributions reproduces the deterministic result in every draw', () => {
    const map = handMap();
    const c = compileValueMap(map);
    const r = runMonteCarlo(c, [{ target: { kind: 'outcome', outcome: 'a', parameter: 'proxy' }, distribution: { type: 'fixed', value: 100 } }], { draws: 1000, seed: 3 });
    const s = computeSroi(map);
    expect(r.presentValueBenefits.every((v) => Math.abs(v - s.presentValueBenefits) < 1e-9)).toBe(true);
    expect(r.presentValueInputs.every((v) => v === 500)).toBe(true);
  });

  it('a uniform proxy gives the closed-form mean PV (PV linear in P: E[PV] = 4·A·E[P])', () => {
    const c = compileValueMap(handMap());
    const r = summarizeMonteCarlo(
      runMonteCarlo(c, [{ target: { kind: 'outcome', outcome: 'a', parameter: 'proxy' }, distribution: { type: 'uniform', min: 50, max: 150 } }], { draws: 200_000, seed: 11 }),
    );
    // E[PV] = 4A·100 = 604.057; SD[PV] = 4A·100/√12 = 174.4; SE of the mean = 174.4/√200000 = 0.39; tolerance 5 SE.
    expect(Math.abs(r.presentValueBenefits.mean - 400 * A)).toBeLessThan(5 * ((4 * A * 100) / Math.sqrt(12) / Math.sqrt(200_000)));
    // P(ratio ≥ 1) = P(P ≥ 125/A = 82.77) = (150 − 82.77)/100 = 0.6723; SE = √(p(1 − p)/n) = 0.00105.
    expect(Math.abs(r.probRatioAtLeast1 - (150 - 125 / A) / 100)).toBeLessThan(5 * Math.sqrt((0.67 * 0.33) / 200_000));
    // P5 of PV = 4A·(50 + 0.05·100) = 332.2; the quantile's SE ≈ √(0.05·0.95/n)/f = 0.00049·100·4A ≈ 0.3.
    expect(Math.abs(r.presentValueBenefits.p05 - 4 * A * 55)).toBeLessThan(2);
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(200_000);
    expect(r.histogram.edges).toHaveLength(21);
  });

  it('derives NPV and ratio statistics from PV when the inputs do not vary, matching the direct computation', () => {
    const c = compileValueMap(handMap());
    const r = runMonteCarlo(c, [{ target: { kind: 'outcome', outcome: 'a', parameter: 'dropOff' }, distribution: { type: 'pert', min: 0.2, mode: 0.5, max: 0.7 } }], { draws: 50_001, seed: 4 });
    const s = summarizeMonteCarlo(r);
    const ratio = r.presentValueBenefits.map((b) => b / 500);
    const direct = drawStatistics(ratio);
    for (const k of ['mean', 'sd', 'min', 'p05', 'p50', 'p95', 'max'] as const) expect(s.ratio![k]).toBeCloseTo(direct[k], 12);
    expect(s.npv.p50).toBeCloseTo(drawStatistics(r.presentValueBenefits.map((b) => b - 500)).p50, 9);
    expect(s.probRatioAtLeast1).toBe(ratio.filter((q) => q >= 1).length / 50_001);
    expect(s.presentValueInputs).toEqual({ mean: 500, sd: 0, min: 500, p05: 500, p50: 500, p95: 500, max: 500 });
    // Percentiles by selection agree with sorting (Hyndman & Fan type 7).
    const sorted = r.presentValueBenefits.slice().sort();
    expect(s.presentValueBenefits.p05).toBe(quantileSorted(sorted, 0.05));
    expect(s.presentValueBenefits.p50).toBe(quantileSorted(sorted, 0.5));
    expect(s.presentValueBenefits.p95).toBe(quantileSorted(sorted, 0.95));
  });

  it('is bit-identical for the same seed, whatever the chunk size, and differs for another seed', () => {
    const model = loadFixture();
    const map = toValueMap(model);
    const u = resolveUncertainty(model, map);
    const params = u.parameters.flatMap((p) => (p.distribution ? [{ target: p.target, distribution: p.distribution }] : []));
    const c = compileValueMap(map);
    const a = runMonteCarlo(c, params, { draws: 30_001, seed: 5 });
    const b = runMonteCarlo(c, params, { draws: 30_001, seed: 5, chunkSize: 97 });
    const other = runMonteCarlo(c, params, { draws: 30_001, seed: 6 });
    expect(bytes(a.presentValueBenefits).equals(bytes(b.presentValueBenefits))).toBe(true);
    expect(bytes(a.presentValueInputs).equals(bytes(b.presentValueInputs))).toBe(true);
    expect(bytes(a.presentValueBenefits).equals(bytes(other.presentValueBenefits))).toBe(false);
    // A varying rate takes the per-draw discounting path: each draw must equal the deterministic result with the
    // rate set to that draw's value (same stream: parameter 0 of seed 9).
    const rateDist = { type: 'uniform', min: 0, max: 0.05 } as const;
    const rateTarget = { kind: 'discountRate', parameter: 'discountRate' } as const;
    const r = runMonteCarlo(c, [{ target: rateTarget, distribution: rateDist }], { draws: 50, seed: 9 });
    const rates = createSampler(rateDist, streamSeed(9, 0)).fill(new Float64Array(50));
    for (let d = 0; d < 50; d++) {
      const t = evaluateTotals(withValues(c, [{ target: rateTarget, value: rates[d]! }]));
      expect(r.presentValueBenefits[d]).toBeCloseTo(t.presentValueBenefits, 8);
      expect(r.presentValueInputs[d]).toBeCloseTo(t.presentValueInputs, 8);
    }
  });
});

describe('evaluateUncertainty on the fixture model', () => {
  it('gives tornado, switching values, scenarios and Monte Carlo, without changing the model', () => {
    const model = loadFixture(); // deep-frozen: any mutation would throw
    const before = JSON.stringify(model);
    const u = modelUncertainty(model);
    expect(JSON.stringify(model)).toBe(before);
    // Proxy ranges at price year 2023 are indexed by 3.3 % to 2024: 1000 → 1033.
    const proxy = u.parameters.find((p) => p.key === 'minder-eenzaamheid.proxy')!;
    expect(proxy.low).toBeCloseTo(1033, 9);
    expect(proxy.base).toBeCloseTo(1549.5, 9);
    expect(u.tornado.length).toBe(8); // all 8 parameters have a range or a distribution
    expect(u.tornado.map((r) => r.width)).toEqual([...u.tornado.map((r) => r.width)].sort((a, b) => b - a));
    expect(u.switchingValues).toHaveLength(8);
    expect(u.scenarios.map((s) => s.id)).toEqual(['low', 'central', 'high']);
    expect(u.scenarios[0]!.npv).toBeLessThan(u.scenarios[1]!.npv);
    expect(u.scenarios[2]!.npv).toBeGreaterThan(u.scenarios[1]!.npv);
    expect(u.scenarios[1]!.npv).toBeCloseTo(computeSroi(toValueMap(model)).npv, 6);
    const mc = u.monteCarlo!;
    expect(mc.draws).toBe(20_000);
    expect(mc.seed).toBe(2024);
    expect(mc.ratio!.p05).toBeLessThan(mc.ratio!.p50);
    expect(mc.ratio!.p50).toBeLessThan(mc.ratio!.p95);
    // The normal quantity (mean 30, sd 8) goes below 0 with probability Φ(−3.75) ≈ 9e-5: about 2 of 20,000 draws are
    // clamped and reported; ranges without a distribution are reported too.
    const codes = u.warnings.map((w) => w.code);
    expect(codes).toContain('uncertainty.range-without-distribution');
    expect(JSON.stringify(modelUncertainty(model))).toBe(JSON.stringify(u));
    expect(modelUncertainty(model, { seed: 1, draws: 1000 }).warnings.map((w) => w.code)).toContain('uncertainty.few-draws');
  });

  it('without declarations computes switching values for every parameter and no Monte Carlo', () => {
    const map = handMap();
    const r = evaluateUncertainty(map, { parameters: [], scenarios: [], draws: 10_000, seed: 1 });
    expect(r.monteCarlo).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['uncertainty.no-distributions']);
    expect(r.tornado).toEqual([]);
    expect(r.switchingValues).toHaveLength(7 + 1 + 1);
    const c = compileValueMap(map);
    expect(evaluateTotals(withValues(c, [])).npv).toBe(evaluateTotals(c).npv);
  });
});
