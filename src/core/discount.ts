import type { Discount, DiscountPresetId } from './schema/valuation-settings.js';

/** One step of a discount schedule: `rate` applies to each year from `fromYear` on, until the next step. */
export interface DiscountStep {
  readonly fromYear: number;
  readonly rate: number;
}

/** A resolved discount schedule: the steps, where they come from, and the longest horizon they may be used for. */
export interface DiscountSchedule {
  readonly preset?: DiscountPresetId;
  readonly steps: readonly DiscountStep[];
  readonly source: string;
  readonly maxYears?: number;
}

/** Discount presets of METHODS §3. */
export const discountPresets: Readonly<Record<DiscountPresetId, DiscountSchedule>> = {
  'nl-2021': {
    preset: 'nl-2021',
    steps: [{ fromYear: 1, rate: 0.0225 }],
    source: 'Werkgroep discontovoet 2020: 2.25 % real (−1 % risk-free + 3.25 % risk premium), in force for Dutch MKBAs from 2021',
  },
  'nl-risk-free': {
    preset: 'nl-risk-free',
    steps: [{ fromYear: 1, rate: -0.01 }],
    source: 'Werkgroep discontovoet 2020: −1 % risk-free rate, only for demonstrably risk-free items',
    maxYears: 100,
  },
  'nl-2015': {
    preset: 'nl-2015',
    steps: [{ fromYear: 1, rate: 0.03 }],
    source: 'Werkgroep discontovoet 2015: 3 % standard rate, used 2016–2020',
  },
  'nl-2015-physical': {
    preset: 'nl-2015-physical',
    steps: [{ fromYear: 1, rate: 0.045 }],
    source: 'Werkgroep discontovoet 2015: 4.5 % for public physical investments, used 2016–2020',
  },
  'uk-green-book': {
    preset: 'uk-green-book',
    steps: [
      { fromYear: 1, rate: 0.035 },
      { fromYear: 31, rate: 0.03 },
      { fromYear: 76, rate: 0.025 },
      { fromYear: 126, rate: 0.02 },
      { fromYear: 201, rate: 0.015 },
      { fromYear: 301, rate: 0.01 },
    ],
    source: 'HM Treasury Green Book, table 6.1 (declining schedule, chained year by year)',
  },
  none: { preset: 'none', steps: [{ fromYear: 1, rate: 0 }], source: 'No discounting (undiscounted SROI)' },
};

/**
 * Resolves the discount setting of a model (a preset, a flat custom rate or a custom schedule) to a schedule.
 * @example resolveDiscount({ preset: 'nl-2021' }).steps // [{ fromYear: 1, rate: 0.0225 }]
 */
export function resolveDiscount(discount: Discount): DiscountSchedule {
  if ('preset' in discount) return discountPresets[discount.preset];
  if ('rate' in discount) return { steps: [{ fromYear: 1, rate: discount.rate }], source: discount.source };
  const steps = [...discount.schedule].sort((a, b) => a.fromYear - b.fromYear);
  if (steps[0]!.fromYear !== 1) steps.unshift({ fromYear: 1, rate: steps[0]!.rate });
  return { steps, source: discount.source };
}

/** The rate that applies to year `t` (t ≥ 1) of a schedule. */
export function rateInYear(schedule: DiscountSchedule, t: number): number {
  let rate = schedule.steps[0]!.rate;
  for (const step of schedule.steps) if (t >= step.fromYear) rate = step.rate;
  return rate;
}

/**
 * Discount factors DF(0..horizon), chained: DF(t) = Π_{s=1..t} 1/(1 + r_s) (METHODS §3; HM Treasury
 * Green Book table 6.1). A declining schedule does not restart at the lower rate: DF(31) = DF(30)/1.03.
 * @example discountFactors(discountPresets['nl-2021'], 1)[1] // 1/1.0225
 */
export function discountFactors(schedule: DiscountSchedule, horizon: number): Float64Array {
  const df = new Float64Array(horizon + 1);
  df[0] = 1;
  for (let t = 1; t <= horizon; t++) df[t] = df[t - 1]! / (1 + rateInYear(schedule, t));
  return df;
}

/**
 * Periods a flow in valuation year `year` is discounted: `year` when year 1 is discounted
 * (value map and Excel NPV convention), else `year − 1`; year 0 is never discounted.
 */
export function discountPeriods(year: number, discountFirstYear: boolean): number {
  return discountFirstYear ? year : Math.max(0, year - 1);
}
