import { discountPeriods } from '../discount.js';
import type { Distribution } from '../schema/uncertainty.js';
import { annuityFactor, avoidedCosts, inputDiscountSum, mkbaEffect, needsYearByYear, shiftedDiscountFactors, yearByYearAnnuity, type CompiledValueMap } from './compiled-value-map.js';
import { parameterDomain, targetKey, type ParameterTarget } from './parameter-target.js';
import { streamSeed } from './prng.js';
import { createSampler, type Sampler } from './sampler.js';

/** A parameter with a distribution, as the Monte Carlo engine needs it. */
export interface MonteCarloParameter {
  readonly target: ParameterTarget;
  readonly distribution: Distribution;
}

/** Options of a Monte Carlo run. */
export interface MonteCarloOptions {
  /** Number of draws (METHODS §4: at least 10,000 for reporting). */
  readonly draws: number;
  /** Seed: the same seed gives bit-identical draws on every machine. */
  readonly seed: number;
  /** Draws per chunk (memory only; the numbers do not depend on it). Default 2,048. */
  readonly chunkSize?: number;
}

/** The raw draws of a Monte Carlo run: present values per draw, plus how often a draw was clamped to its domain. */
export interface MonteCarloDraws {
  readonly draws: number;
  readonly seed: number;
  readonly presentValueBenefits: Float64Array;
  readonly presentValueInputs: Float64Array;
  /** Per parameter: draws outside the parameter's domain (a share below 0 or above 1, a negative proxy), clamped. */
  readonly clamped: readonly { readonly key: string; readonly count: number }[];
  /** With an MKBA: its benefits (effects and avoided costs) and costs (with optimism bias) per draw, from the same draws. */
  readonly mkba?: { readonly presentValueBenefits: Float64Array; readonly presentValueCosts: Float64Array };
}

/** Whether every draw of a distribution lies in [min, max], so no draw needs clamping. */
function supportWithin(d: Distribution, { min, max }: { min: number; max: number }): boolean {
  switch (d.type) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return d.min >= min && d.max <= max;
    case 'fixed':
      return d.value >= min && d.value <= max;
    case 'lognormal':
      return min <= 0 && max === Number.POSITIVE_INFINITY;
    case 'normal':
      return d.sd === 0 && d.mean >= min && d.mean <= max;
  }
}

// The hot loops are small top-level functions, called once per chunk and outcome: the JIT optimises them early
// and for good, instead of relying on on-stack replacement inside one long call.

/** pvb[d0 + d] += Q·P·(1 − DW)(1 − DS)(1 − AT)·Σ_k keep^k·w[k] for the chunk's m draws (Horner's rule). */
function accumulateFixed(
  pvb: Float64Array,
  d0: number,
  m: number,
  q: Float64Array,
  pr: Float64Array,
  dw: Float64Array,
  ds: Float64Array,
  at: Float64Array,
  dr: Float64Array,
  w: Float64Array,
): void {
  const last = w.length - 1;
  const wl = w[last]!;
  let d = 0;
  // Four draws at a time: four independent Horner chains keep the CPU's multipliers busy (one chain is a series of
  // dependent multiply-adds). Same operations per draw, so the same numbers as one draw at a time.
  for (; d + 3 < m; d += 4) {
    const k0 = 1 - dr[d]!;
    const k1 = 1 - dr[d + 1]!;
    const k2 = 1 - dr[d + 2]!;
    const k3 = 1 - dr[d + 3]!;
    let a0 = wl;
    let a1 = wl;
    let a2 = wl;
    let a3 = wl;
    for (let k = last - 1; k >= 0; k--) {
      const wk = w[k]!;
      a0 = a0 * k0 + wk;
      a1 = a1 * k1 + wk;
      a2 = a2 * k2 + wk;
      a3 = a3 * k3 + wk;
    }
    pvb[d0 + d] = pvb[d0 + d]! + q[d]! * pr[d]! * (1 - dw[d]!) * (1 - ds[d]!) * (1 - at[d]!) * a0;
    pvb[d0 + d + 1] = pvb[d0 + d + 1]! + q[d + 1]! * pr[d + 1]! * (1 - dw[d + 1]!) * (1 - ds[d + 1]!) * (1 - at[d + 1]!) * a1;
    pvb[d0 + d + 2] = pvb[d0 + d + 2]! + q[d + 2]! * pr[d + 2]! * (1 - dw[d + 2]!) * (1 - ds[d + 2]!) * (1 - at[d + 2]!) * a2;
    pvb[d0 + d + 3] = pvb[d0 + d + 3]! + q[d + 3]! * pr[d + 3]! * (1 - dw[d + 3]!) * (1 - ds[d + 3]!) * (1 - at[d + 3]!) * a3;
  }
  for (; d < m; d++) {
    const keep = 1 - dr[d]!;
    let a = wl;
    for (let k = last - 1; k >= 0; k--) a = a * keep + w[k]!;
    pvb[d0 + d] = pvb[d0 + d]! + q[d]! * pr[d]! * (1 - dw[d]!) * (1 - ds[d]!) * (1 - at[d]!) * a;
  }
}

/** As accumulateFixed, for a duration that varies per draw or several cohorts: the annuity per draw. */
function accumulateGeneral(
  pvb: Float64Array,
  d0: number,
  m: number,
  slots: readonly Float64Array[],
  o: number,
  start: number,
  cohorts: number,
  H: number,
  dfy: boolean,
  df: Float64Array,
): void {
  const [q, pr, dw, ds, at, dr, du] = [slots[o]!, slots[o + 1]!, slots[o + 2]!, slots[o + 3]!, slots[o + 4]!, slots[o + 5]!, slots[o + 6]!];
  for (let d = 0; d < m; d++) {
    const impact = q[d]! * pr[d]! * (1 - dw[d]!) * (1 - ds[d]!) * (1 - at[d]!);
    const keep = 1 - dr[d]!;
    let a = 0;
    for (let k = 0; k < cohorts; k++) a += annuityFactor(keep, du[d]!, start + k, H, dfy, df);
    pvb[d0 + d] = pvb[d0 + d]! + impact * a;
  }
}

/** pvi[d0 + d] += amount[d]·f for the chunk's m draws. */
function accumulateScaled(pvi: Float64Array, d0: number, m: number, amount: Float64Array, f: number): void {
  for (let d = 0; d < m; d++) pvi[d0 + d] = pvi[d0 + d]! + amount[d]! * f;
}

/** Clamps buf[0..m) to [min, max]; returns how many values were clamped. */
function clamp(buf: Float64Array, m: number, min: number, max: number): number {
  let clamped = 0;
  for (let d = 0; d < m; d++) {
    const v = buf[d]!;
    if (v < min) {
      buf[d] = min;
      clamped++;
    } else if (v > max) {
      buf[d] = max;
      clamped++;
    }
  }
  return clamped;
}

const OUTCOME_SLOTS = ['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'dropOff', 'duration'] as const;

/**
 * Runs a seeded Monte Carlo simulation of a compiled value map (METHODS §4): each draw sets every uncertain
 * parameter to a value from its distribution and computes PV = Σ_i Q·P·(1 − DW)(1 − DS)(1 − AT)·Σ_t keep^(t − start)·DF(t)
 * and the inputs' PV (SROI Guide 2012, stage 5); with an MKBA also its benefits and costs from the same draws
 * (METHODS §2). Each parameter draws from its own stream, seeded by
 * (seed, position in `parameters`), so results do not depend on chunking or threads. Everything lives in typed
 * arrays; no object is made per draw. The map is not changed.
 * @throws RangeError when draws < 1, a target is unknown, or a distribution is inconsistent.
 * @example const r = runMonteCarlo(compileValueMap(map), [{ target, distribution }], { draws: 10_000, seed: 1 });
 */
export function runMonteCarlo(c: CompiledValueMap, parameters: readonly MonteCarloParameter[], options: MonteCarloOptions): MonteCarloDraws {
  const n = Math.floor(options.draws);
  if (!(n >= 1)) throw new RangeError(`draws must be at least 1, got ${options.draws}`);
  const chunk = Math.max(1, Math.min(n, Math.floor(options.chunkSize ?? 2048)));
  const nOut = c.quantity.length;
  const nIn = c.amount.length;

  // Slot buffers: slots[i * 7 + s] is the buffer for outcome i's parameter s; constants share pre-filled buffers.
  const samplers: Sampler[] = [];
  const sampled: Float64Array[] = [];
  const domains: { min: number; max: number }[] = [];
  const clampCounts: number[] = [];
  const constCache = new Map<number, Float64Array>();
  const constant = (v: number): Float64Array => {
    let b = constCache.get(v);
    if (!b) constCache.set(v, (b = new Float64Array(chunk).fill(v)));
    return b;
  };
  const slots: Float64Array[] = new Array(nOut * 7);
  for (let i = 0; i < nOut; i++) for (let s = 0; s < 7; s++) slots[i * 7 + s] = constant(c[OUTCOME_SLOTS[s]!][i]!);
  const amountSlots: Float64Array[] = Array.from(c.amount, (v) => constant(v));
  let rateSlot: Float64Array | undefined;

  const globalParams: number[] = [];
  const outcomeParams: number[][] = Array.from({ length: nOut }, () => []);
  parameters.forEach((p, k) => {
    const buf = new Float64Array(chunk);
    samplers.push(createSampler(p.distribution, streamSeed(options.seed, k)));
    sampled.push(buf);
    domains.push(supportWithin(p.distribution, parameterDomain(p.target)) ? { min: -Infinity, max: Infinity } : parameterDomain(p.target));
    clampCounts.push(0);
    const t = p.target;
    if (t.kind === 'discountRate') {
      rateSlot = buf;
      globalParams.push(k);
    } else if (t.kind === 'input') {
      const j = c.inputIds.indexOf(t.input);
      if (j < 0) throw new RangeError(`Unknown input "${t.input}"`);
      amountSlots[j] = buf;
      globalParams.push(k);
    } else {
      const i = c.outcomeIds.indexOf(t.outcome);
      if (i < 0) throw new RangeError(`Unknown outcome "${t.outcome}"`);
      slots[i * 7 + OUTCOME_SLOTS.indexOf(t.parameter)] = buf;
      outcomeParams[i]!.push(k);
    }
  });

  const pvb = new Float64Array(n);
  const pvi = new Float64Array(n);
  const mkba = c.mkba;
  const mb = mkba ? new Float64Array(n) : undefined;
  const mc = mkba ? new Float64Array(n) : undefined;
  const H = c.horizonYears;
  const dfy = c.discountFirstYear;
  const df = shiftedDiscountFactors(c.rates, c.rateShift, new Float64Array(c.lastYear + 1));
  const baseRate = c.rates[1] ?? 0;
  // Σ_y DF(periods(y)) per input, for the fixed-rate path.
  const inputFactor = new Float64Array(nIn);
  const inputFactorOf = (dfs: Float64Array): void => {
    for (let j = 0; j < nIn; j++) inputFactor[j] = inputDiscountSum(c.inputYears[j]!, c.inputWeights?.[j], dfs, dfy);
  };
  inputFactorOf(df);
  const avoidedBase = mkba ? avoidedCosts(mkba, df, dfy) : 0;
  // For outcomes with a fixed whole duration and one cohort: DF of each year they last (with the fractional year's
  // weight), so the annuity is a polynomial in keep = 1 − drop-off evaluated by Horner's rule.
  const fixedWeights: (Float64Array | undefined)[] = new Array(nOut);
  for (let i = 0; i < nOut; i++) {
    if (slots[i * 7 + 6] !== constCache.get(c.duration[i]!) || c.cohorts[i] !== 1) continue;
    const start = c.start[i]!;
    const dur = c.duration[i]!;
    const whole = Math.floor(dur);
    const years: number[] = [];
    for (let t = start; t < start + whole && t <= H; t++) years.push(df[discountPeriods(t, dfy)]!);
    if (dur > whole && start + whole <= H) years.push((dur - whole) * df[discountPeriods(start + whole, dfy)]!);
    if (years.length > 0) fixedWeights[i] = Float64Array.from(years);
  }

  /** Fills parameter k's buffer for the chunk's m draws and clamps draws outside the domain. */
  const sample = (k: number, m: number): void => {
    const buf = sampled[k]!;
    samplers[k]!.fill(buf, 0, m);
    const { min, max } = domains[k]!;
    if (min !== Number.NEGATIVE_INFINITY || max !== Number.POSITIVE_INFINITY) clampCounts[k]! += clamp(buf, m, min, max);
  };

  for (let d0 = 0; d0 < n; d0 += chunk) {
    const m = Math.min(chunk, n - d0);
    for (const k of globalParams) sample(k, m);
    // Negative outcomes, yearly profiles and late drop-off take the per-draw path, which handles them.
    const perDraw = rateSlot !== undefined || mkba !== undefined || c.sign !== undefined;
    if (perDraw) for (const k of outcomeParams.flat()) sample(k, m);
    if (!perDraw) {
      // Outcome by outcome over the chunk's draws: the discount factors are shared.
      for (let i = 0; i < nOut; i++) {
        // Sampled just before use, so the chunk's buffers are still in cache.
        for (const k of outcomeParams[i]!) sample(k, m);
        const o = i * 7;
        const w = fixedWeights[i];
        // Fixed duration, one cohort: Horner over the years' discount factors, no call per draw.
        if (w !== undefined) accumulateFixed(pvb, d0, m, slots[o]!, slots[o + 1]!, slots[o + 2]!, slots[o + 3]!, slots[o + 4]!, slots[o + 5]!, w);
        else accumulateGeneral(pvb, d0, m, slots, o, c.start[i]!, c.cohorts[i]!, H, dfy, df);
      }
      for (let j = 0; j < nIn; j++) accumulateScaled(pvi, d0, m, amountSlots[j]!, inputFactor[j]!);
    } else {
      // The rate varies per draw, or an MKBA is valued from the same draws: every outcome and input per draw, with
      // that draw's discount factors (shared when the rate is fixed).
      const dfd = rateSlot === undefined ? df : new Float64Array(c.lastYear + 1);
      for (let d = 0; d < m; d++) {
        if (rateSlot !== undefined) shiftedDiscountFactors(c.rates, rateSlot[d]! - baseRate, dfd);
        let b = 0;
        let effects = 0;
        for (let i = 0; i < nOut; i++) {
          const o = i * 7;
          const q = slots[o]![d]!;
          const p = slots[o + 1]![d]!;
          const dw = slots[o + 2]![d]!;
          const ds = slots[o + 3]![d]!;
          const at = slots[o + 4]![d]!;
          const keep = 1 - slots[o + 5]![d]!;
          const du = slots[o + 6]![d]!;
          const sign = c.sign?.[i] ?? 1;
          let a = 0;
          let am: number;
          if (needsYearByYear(c, i)) {
            a = yearByYearAnnuity(c, i, keep, du, dfd, c.profileWeights?.[i] ?? null);
            am = mkba?.profileWeights?.[i] ? yearByYearAnnuity(c, i, keep, du, dfd, mkba.profileWeights[i]!) : a;
          } else {
            for (let k = 0; k < c.cohorts[i]!; k++) a += annuityFactor(keep, du, c.start[i]! + k, H, dfy, dfd);
            am = a;
          }
          b += sign * q * p * (1 - dw) * (1 - ds) * (1 - at) * a;
          if (mkba) effects += sign * mkbaEffect(q, p, dw, ds, at, mkba.referenceQuantity[i]!) * am;
        }
        pvb[d0 + d] = b;
        let s = 0;
        for (let j = 0; j < nIn; j++) s += amountSlots[j]![d]! * inputDiscountSum(c.inputYears[j]!, c.inputWeights?.[j], dfd, dfy);
        pvi[d0 + d] = s;
        if (mkba) {
          // Benefits = effects + avoided costs; costs = inputs · (1 + optimism bias), as mkbaTotals.
          mb![d0 + d] = effects + (rateSlot === undefined ? avoidedBase : avoidedCosts(mkba, dfd, dfy));
          mc![d0 + d] = s * (1 + mkba.optimismBias);
        }
      }
    }
  }
  return {
    draws: n,
    seed: options.seed,
    presentValueBenefits: pvb,
    presentValueInputs: pvi,
    clamped: parameters.map((p, k) => ({ key: targetKey(p.target), count: clampCounts[k]! })),
    ...(mb && mc ? { mkba: { presentValueBenefits: mb, presentValueCosts: mc } } : {}),
  };
}
