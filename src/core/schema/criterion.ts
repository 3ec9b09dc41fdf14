import { z } from 'zod';
import { areaCodeSchema, idSchema, isoDateSchema } from './common.js';

export const criterionCategories = ['economic', 'social', 'support', 'spin-off', 'process', 'attitude'] as const;
export const criterionDirections = ['increase', 'decrease', 'maintain', 'range'] as const;

/** A success criterion, fixed before the work starts (METHODS §5). */
export const criterionSchema = z.strictObject({
  id: idSchema,
  category: z.enum(criterionCategories),
  description: z.string().min(1),
  indicator: idSchema,
  area: areaCodeSchema.optional(),
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(criterionDirections),
  range: z.strictObject({ min: z.number(), max: z.number() }).optional(),
  tolerance: z.number().min(0).optional().describe('For "maintain": allowed distance from the baseline.'),
  threshold: z.number().min(0).max(1).default(0.5).describe('Achievement from which the criterion is "partly met".'),
  per: z
    .enum(['year', 'quarter', 'month'])
    .optional()
    .describe(
      'The target is per calendar year, quarter or month ("120 per year"): observations are rolled up with the indicator\'s aggregation (count → sum, mean → mean, ratio → Σnum/Σden, last → last) and only fully covered periods are judged.',
    ),
  deadline: isoDateSchema,
  weight: z.number().min(0).default(1),
  source: z.string().min(1).describe('Where the criterion was agreed (council decision, contract).'),
});

export type Criterion = z.infer<typeof criterionSchema>;
