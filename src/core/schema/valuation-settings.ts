import { z } from 'zod';
import { yearSchema } from './common.js';

export const discountPresetIds = ['nl-2021', 'nl-risk-free', 'nl-2015', 'nl-2015-physical', 'uk-green-book', 'none'] as const;
export type DiscountPresetId = (typeof discountPresetIds)[number];

/** One step of a declining schedule: `rate` applies from year `fromYear` on (until the next step). */
export const scheduleStepSchema = z.strictObject({
  fromYear: z.number().int().min(1),
  rate: z.number().min(-0.5).max(1),
});

/** Discounting: a preset of METHODS §3, one custom flat rate, or a custom schedule. */
export const discountSchema = z.union([
  z.strictObject({ preset: z.enum(discountPresetIds) }),
  z.strictObject({ rate: z.number().min(-0.5).max(1), source: z.string().min(1) }),
  z.strictObject({ schedule: z.array(scheduleStepSchema).min(1), source: z.string().min(1) }),
]);

/** A price index series: yearly change per calendar year (0.031 = 3.1 %), e.g. CBS CPI. */
export const priceIndexSchema = z.strictObject({
  name: z.string().min(1),
  source: z.string().min(1),
  rates: z.record(z.string().regex(/^\d{4}$/, 'year'), z.number().min(-0.5).max(1)),
});

/** Optimism-bias component: share of the cost and its upper bound (HM Treasury Green Book supplementary guidance). */
export const optimismBiasComponentSchema = z.strictObject({
  share: z.number().min(0).max(1),
  upperBound: z.number().min(0).max(5),
});

/** Optimism bias applied to costs: either a flat uplift, or share-weighted components with mitigation. */
export const optimismBiasSchema = z.strictObject({
  components: z.array(optimismBiasComponentSchema).min(1).optional(),
  rate: z.number().min(0).max(5).optional(),
  mitigation: z.number().min(0).max(1).optional().describe('Share of the upper bound removed by risk management (0.92 = 92 %).'),
  source: z.string().min(1),
});

export const valuationMethods = ['sroi', 'mkba', 'both'] as const;

/** How the initiative is valued: method, price level, discounting and horizon. */
export const valuationSettingsSchema = z.strictObject({
  method: z.enum(valuationMethods).default('sroi'),
  priceYear: yearSchema.describe('Price level ("prijspeil") of every amount in the results.'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency')
    .default('EUR')
    .describe('ISO 4217 code of every amount in the model and the results (EUR, GBP, USD, ...); amounts are labelled, never converted.'),
  baseYear: yearSchema.optional().describe('Calendar year of valuation year 0; defaults to the price year.'),
  discount: discountSchema.default({ preset: 'nl-2021' }),
  horizonYears: z.number().int().min(1).max(300),
  discountFirstYear: z
    .boolean()
    .default(true)
    .describe('true: a flow in year t is discounted t periods (value-map/Excel NPV); false: t − 1 periods.'),
  priceIndex: priceIndexSchema.optional(),
  optimismBias: optimismBiasSchema.optional(),
});

export type Discount = z.infer<typeof discountSchema>;
export type PriceIndex = z.infer<typeof priceIndexSchema>;
export type OptimismBias = z.infer<typeof optimismBiasSchema>;
export type ValuationSettings = z.infer<typeof valuationSettingsSchema>;
