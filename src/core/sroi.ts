import { discountFactors, discountPeriods, type DiscountStep } from './discount.js';
import type { ValueMap, ValueMapInput, ValueMapOutcome, ReasonedShare, QuantitySource, ResolvedProxy } from './value-map.js';

/**
 * One year of one outcome, every factor visible: value = quantity · proxy · Π(1 − deflator) · drop-off factor,
 * where the drop-off factor sums (1 − DO)^age over the cohorts active that year (1 cohort: (1 − DO)^(t − start)).
 */
export interface OutcomeYearTrace {
  readonly year: number;
  readonly calendarYear: number;
  /** This year's quantity: the model's number, or this year's entry of a yearly profile. */
  readonly quantity: number;
  /** This year's deadweight, displacement and attribution (from a yearly profile where the model states one). */
  readonly deadweight: number;
  readonly displacement: number;
  readonly attribution: number;
  /** Which of this year's numbers come from a yearly profile. */
  readonly fromProfile: readonly ('quantity' | 'deadweight' | 'displacement' | 'attribution')[];
  readonly proxy: number;
  readonly grossValue: number;
  readonly activeCohorts: number;
  readonly dropOffFactor: number;
  readonly value: number;
  readonly discountPeriods: number;
  readonly discountFactor: number;
  readonly presentValue: number;
}

/** How an outcome's value was computed, from quantity to present value. */
export interface OutcomeTrace {
  readonly quantity: { readonly value: number; readonly source: QuantitySource };
  readonly proxy: ResolvedProxy;
  readonly deflators: readonly { readonly name: 'deadweight' | 'displacement' | 'attribution'; readonly value: number; readonly reason: string; readonly derivation?: { readonly nl: string; readonly en: string } }[];
  readonly dropOff: ReasonedShare & { readonly fromYear?: number };
  readonly duration: number;
  readonly start: number;
  readonly cohorts: number;
  /** 1, or −1 for a negative outcome: its value is a cost to the stakeholder. */
  readonly sign: 1 | -1;
  readonly years: readonly OutcomeYearTrace[];
  readonly yearsBeyondHorizon: number;
}

/** The SROI result for one outcome. */
export interface OutcomeValue {
  readonly id: string;
  readonly stakeholder: string;
  readonly description: string;
  /** true for a negative outcome: impact and present value are then negative, a cost to the stakeholder. */
  readonly negative: boolean;
  /** impact = sign · Q · P · (1 − DW) · (1 − DS) · (1 − AT) in the first year of value (SROI Guide 2012, stage 4). */
  readonly impactYear1: number;
  readonly presentValue: number;
  readonly trace: OutcomeTrace;
}

/** One year of one input. */
export interface InputYearTrace {
  readonly year: number;
  readonly calendarYear: number;
  readonly amount: number;
  readonly discountPeriods: number;
  readonly discountFactor: number;
  readonly presentValue: number;
}

/** The valued input, with the way its amount was computed. */
export interface InputValue {
  readonly id: string;
  readonly funder: string;
  readonly kind: ValueMapInput['kind'];
  readonly description?: string;
  readonly presentValue: number;
  readonly trace: { readonly computation: ValueMapInput['computation']; readonly years: readonly InputYearTrace[] };
}

/** Totals per valuation year. */
export interface YearTotal {
  readonly year: number;
  readonly calendarYear: number;
  readonly benefits: number;
  readonly inputs: number;
  readonly discountFactor: number;
  readonly presentValueBenefits: number;
  readonly presentValueInputs: number;
}

/** Present value per stakeholder and its share of the total. */
export interface StakeholderValue {
  readonly stakeholder: string;
  readonly presentValue: number;
  readonly share: number;
}

/** The SROI of a value map (SROI Guide 2012, stage 5). Ratios are null when the inputs' present value is 0. */
export interface SroiResult {
  /** Net present value of all outcomes: positive outcomes minus negative ones (SROI Guide 2012, stage 5). */
  readonly presentValueBenefits: number;
  /** Present value of the negative outcomes (≤ 0), already inside presentValueBenefits; 0 when there are none. */
  readonly presentValueNegativeOutcomes: number;
  readonly presentValueInputs: number;
  readonly npv: number;
  readonly sroiRatio: number | null;
  readonly netSroiRatio: number | null;
  readonly paybackMonths: number | null;
  readonly horizonYears: number;
  readonly discountFirstYear: boolean;
  readonly discount: { readonly preset?: string; readonly source: string; readonly rates: readonly DiscountStep[] };
  readonly byStakeholder: readonly StakeholderValue[];
  readonly years: readonly YearTotal[];
  readonly outcomes: readonly OutcomeValue[];
  readonly inputs: readonly InputValue[];
}

/**
 * Impact of an outcome in its first year: Q · P · (1 − DW) · (1 − DS) · (1 − AT) (SROI Guide 2012, stage 4).
 */
export function outcomeImpact(o: {
  readonly quantity: number;
  readonly proxy: { readonly value: number };
  readonly deadweight: { readonly value: number };
  readonly displacement: { readonly value: number };
  readonly attribution: { readonly value: number };
}): number {
  return o.quantity * o.proxy.value * (1 - o.deadweight.value) * (1 - o.displacement.value) * (1 - o.attribution.value);
}

/**
 * Sum of drop-off factors in year t over the cohorts active then: Σ_c (1 − DO)^(t − start − c) for cohorts
 * c = 0 … cohorts − 1 with start + c ≤ t < start + c + duration (SROI Guide 2012, stage 5). Also returns how many
 * cohorts are active. With `fromYear` the decline starts in that valuation year instead: the exponent is
 * max(0, t − max(start + c, fromYear − 1)) (fromYear 4, DO 50 %: 1, 1, 1, 0.5, 0.25 for years 1–5).
 * @example dropOffFactor(4, 0.5, 5, 1, 1, 4).factor // 0.5
 */
export function dropOffFactor(t: number, dropOff: number, duration: number, start: number, cohorts = 1, fromYear?: number): { factor: number; active: number } {
  let factor = 0;
  let active = 0;
  for (let c = 0; c < cohorts; c++) {
    const age = t - start - c;
    if (age < 0 || age >= duration) continue;
    const declining = fromYear === undefined ? age : Math.max(0, t - Math.max(start + c, fromYear - 1));
    factor += (1 - dropOff) ** declining;
    active++;
  }
  return { factor, active };
}

/**
 * The numbers of one outcome in valuation year t: quantity and the three deflators, from the yearly profile where
 * the model states one (index t − start), else the outcome's single value.
 */
export function outcomeYear(o: Pick<ValueMapOutcome, 'quantity' | 'deadweight' | 'displacement' | 'attribution' | 'start' | 'profile'>, t: number): { quantity: number; deadweight: number; displacement: number; attribution: number } {
  const k = t - o.start;
  const p = o.profile;
  return {
    quantity: p?.quantity?.[k] ?? o.quantity,
    deadweight: p?.deadweight?.[k] ?? o.deadweight.value,
    displacement: p?.displacement?.[k] ?? o.displacement.value,
    attribution: p?.attribution?.[k] ?? o.attribution.value,
  };
}

/** Last valuation year in which an outcome has value (before cutting at the horizon). */
export function lastOutcomeYear(o: { start: number; duration: number; cohorts?: number }): number {
  return o.start + (o.cohorts ?? 1) - 1 + o.duration - 1;
}

/**
 * Yearly values of one outcome over the horizon: impact · (1 − DO)^(t − start) for start ≤ t < start + duration,
 * else 0 (SROI Guide 2012, stage 5: 100, 90, 81 for DO = 10 %), summed over yearly cohorts when there are more.
 * Index 0 of the result is year 1.
 * @example outcomeValues(100, 0.1, 3, 1, 5) // [100, 90, 81, 0, 0]
 */
export function outcomeValues(impact: number, dropOff: number, duration: number, start: number, horizonYears: number, cohorts = 1): number[] {
  const out = new Array<number>(horizonYears).fill(0);
  for (let t = start; t <= horizonYears; t++) out[t - 1] = impact * dropOffFactor(t, dropOff, duration, start, cohorts).factor;
  return out;
}

function valueOutcome(o: ValueMapOutcome, map: ValueMap, df: Float64Array): OutcomeValue {
  const sign = o.sign ?? 1;
  const impact = sign * outcomeImpact(o);
  const years: OutcomeYearTrace[] = [];
  let pv = 0;
  const last = Math.min(lastOutcomeYear(o), map.horizonYears);
  const fromProfile = (['quantity', 'deadweight', 'displacement', 'attribution'] as const).filter((k) => o.profile?.[k] !== undefined);
  for (let year = o.start; year <= last; year++) {
    const drop = dropOffFactor(year, o.dropOff.value, o.duration, o.start, o.cohorts, o.dropOff.fromYear);
    const y = outcomeYear(o, year);
    const value = sign * outcomeImpact({ ...y, proxy: o.proxy, deadweight: { value: y.deadweight }, displacement: { value: y.displacement }, attribution: { value: y.attribution } }) * drop.factor;
    const periods = discountPeriods(year, map.discountFirstYear);
    const factor = df[periods]!;
    const presentValue = value * factor;
    pv += presentValue;
    years.push({
      year,
      calendarYear: map.baseYear + year,
      quantity: y.quantity,
      deadweight: y.deadweight,
      displacement: y.displacement,
      attribution: y.attribution,
      fromProfile,
      proxy: o.proxy.value,
      grossValue: sign * y.quantity * o.proxy.value,
      activeCohorts: drop.active,
      dropOffFactor: drop.factor,
      value,
      discountPeriods: periods,
      discountFactor: factor,
      presentValue,
    });
  }
  return {
    id: o.id,
    stakeholder: o.stakeholder,
    description: o.description,
    negative: sign === -1,
    impactYear1: impact,
    presentValue: pv,
    trace: {
      quantity: { value: o.quantity, source: o.quantitySource },
      proxy: o.proxy,
      deflators: [
        { name: 'deadweight', ...o.deadweight },
        { name: 'displacement', ...o.displacement },
        { name: 'attribution', ...o.attribution },
      ],
      dropOff: o.dropOff,
      duration: o.duration,
      start: o.start,
      cohorts: o.cohorts,
      sign,
      years,
      yearsBeyondHorizon: Math.max(0, lastOutcomeYear(o) - map.horizonYears),
    },
  };
}

/** Values one input over its years: Σ amount(t) · DF(periods(t)); year 0 is never discounted. A yearly profile gives each year its own amount. */
export function valueInput(input: ValueMapInput, map: Pick<ValueMap, 'discountFirstYear' | 'baseYear'>, df: Float64Array): InputValue {
  const years = input.years
    .map((year, k) => ({ year, amount: input.amounts?.[k] ?? input.amountPerYear }))
    .sort((a, b) => a.year - b.year)
    .map(({ year, amount }) => {
      const periods = discountPeriods(year, map.discountFirstYear);
      const factor = df[periods]!;
      return {
        year,
        calendarYear: map.baseYear + year,
        amount,
        discountPeriods: periods,
        discountFactor: factor,
        presentValue: amount * factor,
      };
    });
  const base = {
    id: input.id,
    funder: input.funder,
    kind: input.kind,
    presentValue: years.reduce((s, y) => s + y.presentValue, 0),
    trace: { computation: input.computation, years },
  };
  return input.description === undefined ? base : { ...base, description: input.description };
}

/** Largest valuation year used by any input (inputs may fall in year 0 or past the outcome horizon). */
function lastInputYear(inputs: readonly ValueMapInput[]): number {
  return inputs.reduce((m, i) => Math.max(m, ...i.years), 0);
}

/**
 * Computes the SROI of a value map (SROI Guide 2012, stage 5; METHODS §1): present value of benefits (negative
 * outcomes count as negative value for the stakeholder who bears them, not as inputs),
 * present value of inputs, NPV, SROI ratio (PV / inputs PV), net ratio (NPV / inputs PV) and payback in months
 * (inputs PV / (value in year 1 / 12)), with a trace per outcome, input and year.
 * @example computeSroi(map).sroiRatio
 */
export function computeSroi(map: ValueMap): SroiResult {
  const lastYear = Math.max(map.horizonYears, lastInputYear(map.inputs));
  const df = discountFactors(map.schedule, lastYear);
  const outcomes = map.outcomes.map((o) => valueOutcome(o, map, df));
  const inputs = map.inputs.map((i) => valueInput(i, map, df));
  const presentValueBenefits = outcomes.reduce((s, o) => s + o.presentValue, 0);
  const presentValueNegativeOutcomes = outcomes.reduce((s, o) => (o.negative ? s + o.presentValue : s), 0);
  const presentValueInputs = inputs.reduce((s, i) => s + i.presentValue, 0);
  const npv = presentValueBenefits - presentValueInputs;

  const years: YearTotal[] = [];
  for (let year = 0; year <= lastYear; year++) {
    let benefits = 0;
    let pvb = 0;
    for (const o of outcomes)
      for (const y of o.trace.years)
        if (y.year === year) {
          benefits += y.value;
          pvb += y.presentValue;
        }
    let costs = 0;
    let pvi = 0;
    for (const i of inputs)
      for (const y of i.trace.years)
        if (y.year === year) {
          costs += y.amount;
          pvi += y.presentValue;
        }
    years.push({
      year,
      calendarYear: map.baseYear + year,
      benefits,
      inputs: costs,
      discountFactor: df[discountPeriods(year, map.discountFirstYear)]!,
      presentValueBenefits: pvb,
      presentValueInputs: pvi,
    });
  }
  const valueYear1 = years.find((y) => y.year === 1)?.benefits ?? 0;

  const stakeholderOrder: string[] = [];
  const byStakeholderMap = new Map<string, number>();
  for (const o of outcomes) {
    if (!byStakeholderMap.has(o.stakeholder)) stakeholderOrder.push(o.stakeholder);
    byStakeholderMap.set(o.stakeholder, (byStakeholderMap.get(o.stakeholder) ?? 0) + o.presentValue);
  }
  const byStakeholder = stakeholderOrder.map((stakeholder) => {
    const presentValue = byStakeholderMap.get(stakeholder)!;
    return { stakeholder, presentValue, share: presentValueBenefits === 0 ? 0 : presentValue / presentValueBenefits };
  });

  const discount =
    map.schedule.preset === undefined
      ? { source: map.schedule.source, rates: map.schedule.steps }
      : { preset: map.schedule.preset, source: map.schedule.source, rates: map.schedule.steps };
  return {
    presentValueBenefits,
    presentValueNegativeOutcomes,
    presentValueInputs,
    npv,
    sroiRatio: presentValueInputs === 0 ? null : presentValueBenefits / presentValueInputs,
    netSroiRatio: presentValueInputs === 0 ? null : npv / presentValueInputs,
    paybackMonths: valueYear1 === 0 ? null : presentValueInputs / (valueYear1 / 12),
    horizonYears: map.horizonYears,
    discountFirstYear: map.discountFirstYear,
    discount,
    byStakeholder,
    years,
    outcomes,
    inputs,
  };
}
