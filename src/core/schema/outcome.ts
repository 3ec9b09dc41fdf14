import { z } from 'zod';
import { idSchema, isoDateSchema, areaCodeSchema, yearSchema } from './common.js';

export const aggregates = ['sum', 'mean', 'last'] as const;

/** A quantity taken from monitoring data: an aggregate of observations of one indicator. */
export const observationQuantitySchema = z.strictObject({
  indicator: idSchema,
  area: areaCodeSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  aggregate: z.enum(aggregates).default('sum'),
});

/** A financial proxy: the value of one unit of outcome, with unit, price year and source (SROI Guide 2012, stage 3). */
export const proxySchema = z.strictObject({
  value: z
    .number()
    .describe('Value of one unit. A negative value marks a negative outcome (a cost to the stakeholder); or state a positive value with `sign: negative`.'),
  unit: z.string().min(1),
  priceYear: yearSchema,
  source: z.string().min(1),
  description: z.string().optional(),
});

/** The quantity of this outcome in the reference alternative (MKBA "nulalternatief"). */
export const outcomeReferenceSchema = z.strictObject({
  quantity: z.number().min(0),
  reason: z.string().min(1),
});

export const outcomeSigns = ['positive', 'negative'] as const;

/**
 * A yearly profile: one number per year the outcome has value, the first for valuation year `start` (index k is
 * valuation year start + k), so the list is as long as `duration`.
 */
export const yearlyNumbersSchema = z.array(z.number().min(0)).min(1);

/** A share (deadweight, displacement, attribution) that may differ per year: one value, or one per year the outcome lasts. */
export const yearlyShareSchema = z.strictObject({
  value: z
    .union([z.number().min(0).max(1), z.array(z.number().min(0).max(1)).min(1)])
    .describe('Share between 0 and 1 (0.25 = 25 %), or a list with one share per year the outcome lasts (first = valuation year `start`).'),
  reason: z.string().min(1).describe('Why this value: evidence or assumption, with its source.'),
});

/** Drop-off: the yearly decline, from the year after the first year of value or from a stated valuation year on. */
export const dropOffSchema = z.strictObject({
  value: z.number().min(0).max(1).describe('Share between 0 and 1 (0.25 = 25 %).'),
  reason: z.string().min(1).describe('Why this value: evidence or assumption, with its source.'),
  fromYear: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Valuation year of the first decline (e.g. the year after the programme ends); default: the year after the first year of value.'),
});

/**
 * An outcome in the value map: who experiences what change, how much, what it is worth,
 * and how much of it is due to the initiative (SROI Guide 2012, stages 2–4).
 */
export const outcomeSchema = z.strictObject({
  id: idSchema,
  stakeholder: idSchema,
  indicator: idSchema.optional(),
  description: z.string().min(1),
  quantity: z
    .union([z.number().min(0), yearlyNumbersSchema, observationQuantitySchema])
    .describe('Units of outcome per year: a number, a list with one number per year the outcome lasts (first = valuation year `start`), or a reference to monitoring data.'),
  sign: z
    .enum(outcomeSigns)
    .optional()
    .describe('negative: an unintended or negative outcome, valued as a cost to its stakeholder (SROI Guide 2012; CPB/PBL 2013).'),
  proxy: proxySchema,
  deadweight: yearlyShareSchema.describe('Share that would have happened anyway.'),
  displacement: yearlyShareSchema.describe('Share that displaces outcomes elsewhere.'),
  attribution: yearlyShareSchema.describe('Share due to others than the initiative.'),
  dropOff: dropOffSchema.describe('Yearly decline after the first year (or from `fromYear`).'),
  duration: z.number().int().min(1).describe('Years the outcome lasts.'),
  start: z.number().int().min(0).default(1).describe('Valuation year of the first value (1 = first year; 0 = the base year, not discounted).'),
  cohorts: z
    .number()
    .int()
    .min(1)
    .default(1)
    .describe('Yearly cohorts: the activity reaches `quantity` new units in each of this many consecutive years, each lasting `duration` years.'),
  reference: outcomeReferenceSchema.optional(),
});

export type ObservationQuantity = z.infer<typeof observationQuantitySchema>;
export type Proxy = z.infer<typeof proxySchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
