import { discountPeriods, rateInYear } from '../discount.js';
import type { MkbaSetup } from '../mkba.js';
import { outcomeYear } from '../sroi.js';
import type { ValueMap, ValueMapInput, ValueMapOutcome } from '../value-map.js';
import type { ParameterTarget, ParameterValue } from './parameter-target.js';

/**
 * A value map as flat typed arrays, one slot per outcome or input: the form the uncertainty analyses vary and
 * evaluate without building objects. `rates[t]` is the rate of year t (index 0 unused); `rateShift` moves every
 * year's rate by the same amount, so a declining schedule keeps its shape when the rate is uncertain.
 */
export interface CompiledValueMap {
  readonly outcomeIds: readonly string[];
  readonly quantity: Float64Array;
  readonly proxy: Float64Array;
  readonly deadweight: Float64Array;
  readonly displacement: Float64Array;
  readonly attribution: Float64Array;
  readonly dropOff: Float64Array;
  readonly duration: Float64Array;
  readonly start: Int32Array;
  /** Consecutive yearly cohorts of each outcome (1 = one cohort). */
  readonly cohorts: Int32Array;
  /** 1, or −1 for a negative outcome (optional so maps compiled before negative outcomes still evaluate). */
  readonly sign?: Float64Array;
  /** Valuation year drop-off starts in (NaN: the year after the first year of value). */
  readonly dropFrom?: Float64Array;
  /**
   * Per outcome with a yearly profile: the product of its profiled numbers per year (index k = year start + k) —
   * Q_k·(1 − DW_k) when quantity or deadweight is profiled, times (1 − DS_k), (1 − AT_k) when those are; the
   * profiled parameters' own slots then hold neutral values (Q 1, shares 0), so they are not varied.
   */
  readonly profileWeights?: readonly (Float64Array | null)[];
  /** Per outcome, the parameters a yearly profile fixes (no switching value, no declared uncertainty): see profileWeights. */
  readonly profiledParameters?: readonly (readonly string[])[];
  readonly inputIds: readonly string[];
  readonly amount: Float64Array;
  readonly inputYears: readonly (readonly number[])[];
  /** Per input with a yearly profile: the amount of each entry of inputYears (its `amount` slot is then 1). */
  readonly inputWeights?: readonly (Float64Array | null)[];
  readonly rates: Float64Array;
  readonly rateShift: number;
  readonly horizonYears: number;
  readonly lastYear: number;
  readonly discountFirstYear: boolean;
  /** The MKBA's own terms, when the model asks for an MKBA (see {@link CompiledMkba}). */
  readonly mkba?: CompiledMkba;
}

/**
 * What an MKBA adds to a compiled value map (METHODS §2): per outcome the stated reference quantity (NaN where the
 * reference is Q · deadweight), the optimism bias on project costs, and the costs the reference alternative would
 * have made (avoided costs). Transfers net to zero for society and do not enter the balance.
 */
export interface CompiledMkba {
  readonly referenceQuantity: Float64Array;
  readonly optimismBias: number;
  readonly avoidedAmount: Float64Array;
  readonly avoidedYears: readonly (readonly number[])[];
  /** Per avoided cost with a yearly profile: the amount of each entry of avoidedYears (its avoidedAmount is then 1). */
  readonly avoidedWeights?: readonly (Float64Array | null)[];
  /** Per outcome with a yearly profile: (Q_k − Q_ref,k)·(1 − DS_k)·(1 − AT_k) over the profiled factors, as profileWeights. */
  readonly profileWeights?: readonly (Float64Array | null)[];
}

/** The MKBA's totals: benefits (effects plus avoided costs), costs (with optimism bias), balance and B/C ratio. */
export interface MkbaTotals {
  readonly presentValueBenefits: number;
  readonly presentValueCosts: number;
  readonly balance: number;
  /** null when the costs' present value is 0. */
  readonly benefitCostRatio: number | null;
}

/** Present values of a (compiled) value map: benefits, inputs, NPV and SROI ratio (null when inputs PV is 0), and the MKBA's when it has one. */
export interface Totals {
  readonly presentValueBenefits: number;
  readonly presentValueInputs: number;
  readonly npv: number;
  readonly ratio: number | null;
  readonly mkba?: MkbaTotals;
}

/** The measure an analysis is judged on: the SROI's NPV (ratio 1) or the MKBA's balance (B/C 1). */
export type Measure = 'npv' | 'balance';

/**
 * The value of a measure in a result; null when the map has no MKBA and the balance is asked for.
 * @example measureOf(evaluateTotals(c), 'balance') // the MKBA balance
 */
export function measureOf(t: Totals, measure: Measure): number | null {
  return measure === 'npv' ? t.npv : (t.mkba?.balance ?? null);
}

/**
 * Flattens a value map into typed arrays (see {@link CompiledValueMap}). The value map is not changed.
 * @example evaluateTotals(compileValueMap(map)).npv === computeSroi(map).npv
 */
export function compileValueMap(map: ValueMap, mkba?: MkbaSetup | null): CompiledValueMap {
  const os = map.outcomes;
  let lastYear = map.inputs.reduce((m, i) => Math.max(m, ...i.years), map.horizonYears);
  if (mkba) lastYear = mkba.referenceCosts.reduce((m, i) => Math.max(m, ...i.years), lastYear);
  const rates = new Float64Array(lastYear + 1);
  for (let t = 1; t <= lastYear; t++) rates[t] = rateInYear(map.schedule, t);
  const qdw = (o: ValueMapOutcome): boolean => o.profile?.quantity !== undefined || o.profile?.deadweight !== undefined;
  const profiled = (o: ValueMapOutcome, p: 'displacement' | 'attribution'): boolean => o.profile?.[p] !== undefined;
  const weights = (o: ValueMapOutcome, forMkba: boolean): Float64Array | null => {
    if (!o.profile) return null;
    return Float64Array.from({ length: o.duration }, (_, k) => {
      const y = outcomeYear(o, o.start + k);
      const ref = o.referenceQuantity ? o.referenceQuantity.quantity : y.quantity * y.deadweight;
      let w = qdw(o) ? (forMkba ? y.quantity - ref : y.quantity * (1 - y.deadweight)) : 1;
      if (profiled(o, 'displacement')) w *= 1 - y.displacement;
      if (profiled(o, 'attribution')) w *= 1 - y.attribution;
      return w;
    });
  };
  const inputWeights = (i: ValueMapInput): Float64Array | null => (i.amounts ? Float64Array.from(i.amounts) : null);
  const special = os.some((o) => o.sign === -1 || o.profile || o.dropOff.fromYear !== undefined);
  const inputsProfiled = map.inputs.some((i) => i.amounts) || (mkba?.referenceCosts.some((i) => i.amounts) ?? false);
  return {
    outcomeIds: os.map((o) => o.id),
    quantity: Float64Array.from(os, (o) => (qdw(o) ? 1 : o.quantity)),
    proxy: Float64Array.from(os, (o) => o.proxy.value),
    deadweight: Float64Array.from(os, (o) => (qdw(o) ? 0 : o.deadweight.value)),
    displacement: Float64Array.from(os, (o) => (profiled(o, 'displacement') ? 0 : o.displacement.value)),
    attribution: Float64Array.from(os, (o) => (profiled(o, 'attribution') ? 0 : o.attribution.value)),
    dropOff: Float64Array.from(os, (o) => o.dropOff.value),
    duration: Float64Array.from(os, (o) => o.duration),
    start: Int32Array.from(os, (o) => o.start),
    // `cohorts` is optional so value maps built before cohorts existed still compile.
    cohorts: Int32Array.from(os, (o) => (o as { readonly cohorts?: number }).cohorts ?? 1),
    ...(special
      ? {
          sign: Float64Array.from(os, (o) => o.sign ?? 1),
          dropFrom: Float64Array.from(os, (o) => o.dropOff.fromYear ?? Number.NaN),
          profileWeights: os.map((o) => weights(o, false)),
          profiledParameters: os.map((o) =>
            o.profile ? [...(qdw(o) ? ['quantity', 'deadweight'] : []), ...(['displacement', 'attribution'] as const).filter((p) => profiled(o, p)), 'duration'] : [],
          ),
        }
      : {}),
    inputIds: map.inputs.map((i) => i.id),
    amount: Float64Array.from(map.inputs, (i) => (i.amounts ? 1 : i.amountPerYear)),
    inputYears: map.inputs.map((i) => [...i.years]),
    ...(inputsProfiled ? { inputWeights: map.inputs.map(inputWeights) } : {}),
    rates,
    rateShift: 0,
    horizonYears: map.horizonYears,
    lastYear,
    discountFirstYear: map.discountFirstYear,
    ...(mkba
      ? {
          mkba: {
            referenceQuantity: Float64Array.from(os, (o) => (qdw(o) ? Number.NaN : (o.referenceQuantity?.quantity ?? Number.NaN))),
            optimismBias: mkba.optimismBias.rate,
            avoidedAmount: Float64Array.from(mkba.referenceCosts, (i) => (i.amounts ? 1 : i.amountPerYear)),
            avoidedYears: mkba.referenceCosts.map((i) => [...i.years]),
            ...(inputsProfiled ? { avoidedWeights: mkba.referenceCosts.map(inputWeights) } : {}),
            ...(special ? { profileWeights: os.map((o) => weights(o, true)) } : {}),
          },
        }
      : {}),
  };
}

/** Whether outcome i needs the year-by-year annuity (a yearly profile or a drop-off that starts later). */
export function needsYearByYear(c: CompiledValueMap, i: number): boolean {
  return (c.profileWeights?.[i] ?? null) !== null || (c.dropFrom !== undefined && !Number.isNaN(c.dropFrom[i]!));
}

/**
 * The annuity of outcome i year by year: Σ_cohorts Σ_t w_(t − start) · keep^(t − dropStart) · DF(periods(t)), where
 * w is the yearly profile's weight (1 without one) and dropStart is max(start + c, fromYear − 1) when drop-off starts
 * in a stated year (else start + c), so it equals {@link annuityFactor} for an outcome without either. A fractional
 * duration counts its last year in proportion, as annuityFactor.
 */
export function yearByYearAnnuity(c: CompiledValueMap, i: number, keep: number, duration: number, df: Float64Array, weights: Float64Array | null): number {
  const start = c.start[i]!;
  const from = c.dropFrom?.[i] ?? Number.NaN;
  const whole = Math.floor(duration);
  const frac = duration - whole;
  let s = 0;
  for (let k = 0; k < c.cohorts[i]!; k++) {
    const sc = start + k;
    const dropStart = Number.isNaN(from) ? sc : Math.max(sc, from - 1);
    const term = (t: number): number => (weights ? (weights[t - sc] ?? 0) : 1) * keep ** Math.max(0, t - dropStart) * df[discountPeriods(t, c.discountFirstYear)]!;
    for (let t = sc; t < sc + whole && t <= c.horizonYears; t++) s += term(t);
    if (frac > 0 && sc + whole <= c.horizonYears) s += frac * term(sc + whole);
  }
  return s;
}

/** Σ_y w_y · DF(periods(y)) over an input's years, with w the yearly amounts when it has a profile (else 1). */
export function inputDiscountSum(years: readonly number[], weights: Float64Array | null | undefined, df: Float64Array, discountFirstYear: boolean): number {
  let f = 0;
  if (weights) years.forEach((y, k) => (f += weights[k]! * df[discountPeriods(y, discountFirstYear)]!));
  else for (const y of years) f += df[discountPeriods(y, discountFirstYear)]!;
  return f;
}

/** The current value of a target in a compiled map (the discount rate is the rate of year 1, shifted). * @example targetValue(c, { kind: 'discountRate', parameter: 'discountRate' }) // 0.0225
 */
export function targetValue(c: CompiledValueMap, t: ParameterTarget): number {
  if (t.kind === 'discountRate') return (c.rates[1] ?? 0) + c.rateShift;
  if (t.kind === 'input') {
    const j = c.inputIds.indexOf(t.input);
    if (j < 0) throw new RangeError(`Unknown input "${t.input}"`);
    return c.amount[j]!;
  }
  const i = c.outcomeIds.indexOf(t.outcome);
  if (i < 0) throw new RangeError(`Unknown outcome "${t.outcome}"`);
  return c[t.parameter][i]!;
}

/**
 * A copy of a compiled map with some parameters set to values; the original is not changed.
 * @throws RangeError when a target names an unknown outcome or input.
 * @example evaluateTotals(withValues(c, [{ target, value: 80 }])).npv
 */
export function withValues(c: CompiledValueMap, values: readonly ParameterValue[]): CompiledValueMap {
  const copy = {
    ...c,
    quantity: c.quantity.slice(),
    proxy: c.proxy.slice(),
    deadweight: c.deadweight.slice(),
    displacement: c.displacement.slice(),
    attribution: c.attribution.slice(),
    dropOff: c.dropOff.slice(),
    duration: c.duration.slice(),
    amount: c.amount.slice(),
  };
  let rateShift = c.rateShift;
  for (const { target: t, value } of values) {
    if (t.kind === 'discountRate') rateShift = value - (c.rates[1] ?? 0);
    else if (t.kind === 'input') {
      const j = c.inputIds.indexOf(t.input);
      if (j < 0) throw new RangeError(`Unknown input "${t.input}"`);
      copy.amount[j] = value;
    } else {
      const i = c.outcomeIds.indexOf(t.outcome);
      if (i < 0) throw new RangeError(`Unknown outcome "${t.outcome}"`);
      copy[t.parameter][i] = value;
    }
  }
  return { ...copy, rateShift };
}

/** DF(0..lastYear), chained, with every year's rate shifted by `shift` (METHODS §3). Written into `out`. * @example shiftedDiscountFactors(Float64Array.of(0, 0.1, 0.1), 0, new Float64Array(3)) // [1, 1/1.1, 1/1.21]
 */
export function shiftedDiscountFactors(rates: Float64Array, shift: number, out: Float64Array): Float64Array {
  out[0] = 1;
  for (let t = 1; t < out.length; t++) out[t] = out[t - 1]! / (1 + rates[t]! + shift);
  return out;
}

/**
 * Σ weight_t · keep^(t − start) · DF(periods(t)) over the years an outcome lasts within the horizon: the present
 * value of one unit of first-year impact. A fractional duration D counts year start + ⌊D⌋ with weight D − ⌊D⌋,
 * so the present value is continuous (piecewise linear) in D; an integer D gives exactly the SROI Guide's sum.
 * @example annuityFactor(0.5, 3, 1, 3, true, Float64Array.of(1, 1 / 1.1, 1 / 1.21, 1 / 1.331)) // 1/1.1 + 0.5/1.21 + 0.25/1.331
 */
export function annuityFactor(
  keep: number,
  duration: number,
  start: number,
  horizonYears: number,
  discountFirstYear: boolean,
  df: Float64Array,
): number {
  const whole = Math.floor(duration);
  const frac = duration - whole;
  let last = start + whole - 1;
  let s = 0;
  if (frac > 0 && last + 1 <= horizonYears) s = frac * df[discountFirstYear ? last + 1 : last]!;
  if (last > horizonYears) last = horizonYears;
  // Horner from the last year back: s = DF(start) + keep·(DF(start+1) + keep·(…)).
  for (let t = last; t >= start; t--) s = s * keep + df[discountFirstYear ? t : t - 1]!;
  return s;
}

/**
 * The MKBA effect per unit of annuity of outcome i with these parameter values (METHODS §2; CPB/PBL 2013): only the
 * difference with the reference alternative counts, (Q − Q_ref) · P · (1 − DS) · (1 − AT), where Q_ref is the stated
 * reference quantity or else Q · deadweight.
 */
export function mkbaEffect(q: number, p: number, dw: number, ds: number, at: number, referenceQuantity: number): number {
  const ref = Number.isNaN(referenceQuantity) ? q * dw : referenceQuantity;
  return (q - ref) * p * (1 - ds) * (1 - at);
}

/** Present value of the costs the reference alternative would have made (avoided costs), discounted by `df`. */
export function avoidedCosts(m: CompiledMkba, df: Float64Array, discountFirstYear: boolean): number {
  let avoided = 0;
  for (let j = 0; j < m.avoidedAmount.length; j++) avoided += m.avoidedAmount[j]! * inputDiscountSum(m.avoidedYears[j]!, m.avoidedWeights?.[j], df, discountFirstYear);
  return avoided;
}

/**
 * The MKBA totals from the present value of the effects and of the project inputs, with the avoided costs discounted
 * by `df`: benefits = effects + avoided costs, costs = inputs · (1 + optimism bias) (HM Treasury Green Book).
 */
export function mkbaTotals(m: CompiledMkba, effects: number, inputs: number, df: Float64Array, discountFirstYear: boolean): MkbaTotals {
  const benefits = effects + avoidedCosts(m, df, discountFirstYear);
  const costs = inputs * (1 + m.optimismBias);
  return { presentValueBenefits: benefits, presentValueCosts: costs, balance: benefits - costs, benefitCostRatio: costs === 0 ? null : benefits / costs };
}

/**
 * Present values of a compiled map: PV = Σ_i sign_i · impact_i · Σ_cohorts annuity_i (SROI Guide 2012, stage 5; METHODS §1;
 * a negative outcome counts −1, a cost to its stakeholder), year by year for a profile or late drop-off, inputs
 * PV = Σ_j amount_j · Σ_y DF(periods(y)); year 0 is never discounted. With an MKBA also its balance and B/C ratio
 * (see {@link mkbaEffect}, {@link mkbaTotals}), equal to computeMkba's.
 * @example evaluateTotals(compileValueMap(map)).ratio // equals computeSroi(map).sroiRatio
 */
export function evaluateTotals(c: CompiledValueMap): Totals {
  const df = shiftedDiscountFactors(c.rates, c.rateShift, new Float64Array(c.lastYear + 1));
  let pvb = 0;
  let effects = 0;
  for (let i = 0; i < c.quantity.length; i++) {
    const sign = c.sign?.[i] ?? 1;
    const impact = sign * c.quantity[i]! * c.proxy[i]! * (1 - c.deadweight[i]!) * (1 - c.displacement[i]!) * (1 - c.attribution[i]!);
    const keep = 1 - c.dropOff[i]!;
    let a = 0;
    let am: number;
    if (needsYearByYear(c, i)) {
      a = yearByYearAnnuity(c, i, keep, c.duration[i]!, df, c.profileWeights?.[i] ?? null);
      am = c.mkba?.profileWeights?.[i] ? yearByYearAnnuity(c, i, keep, c.duration[i]!, df, c.mkba.profileWeights[i]!) : a;
    } else {
      for (let k = 0; k < c.cohorts[i]!; k++) a += annuityFactor(keep, c.duration[i]!, c.start[i]! + k, c.horizonYears, c.discountFirstYear, df);
      am = a;
    }
    pvb += impact * a;
    if (c.mkba) effects += sign * mkbaEffect(c.quantity[i]!, c.proxy[i]!, c.deadweight[i]!, c.displacement[i]!, c.attribution[i]!, c.mkba.referenceQuantity[i]!) * am;
  }
  let pvi = 0;
  for (let j = 0; j < c.amount.length; j++) pvi += c.amount[j]! * inputDiscountSum(c.inputYears[j]!, c.inputWeights?.[j], df, c.discountFirstYear);
  const sroi = { presentValueBenefits: pvb, presentValueInputs: pvi, npv: pvb - pvi, ratio: pvi === 0 ? null : pvb / pvi };
  return c.mkba ? { ...sroi, mkba: mkbaTotals(c.mkba, effects, pvi, df, c.discountFirstYear) } : sroi;
}
