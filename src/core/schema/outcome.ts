import { z } from 'zod';
import { idSchema, isoDateSchema, areaCodeSchema, reasonedShareSchema, yearSchema } from './common.js';

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
  value: z.number().min(0),
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
    .union([z.number().min(0), observationQuantitySchema])
    .describe('Units of outcome per year: a number, or a reference to monitoring data.'),
  proxy: proxySchema,
  deadweight: reasonedShareSchema.describe('Share that would have happened anyway.'),
  displacement: reasonedShareSchema.describe('Share that displaces outcomes elsewhere.'),
  attribution: reasonedShareSchema.describe('Share due to others than the initiative.'),
  dropOff: reasonedShareSchema.describe('Yearly decline after the first year.'),
  duration: z.number().int().min(1).describe('Years the outcome lasts.'),
  start: z.number().int().min(1).default(1).describe('Valuation year of the first value (1 = first year).'),
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
