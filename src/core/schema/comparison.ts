import { z } from 'zod';
import { areaCodeSchema, idSchema, isoDateSchema } from './common.js';

const windowSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema });

/**
 * A comparison design for one indicator: the model's areas against comparison areas, before and after the start
 * (difference-in-differences, METHODS §5). `dataset` names where the figures are in the store (e.g. the ingested
 * ELAN wijk panel); `deadweightFor` lists outcomes whose deadweight is derived from the comparison's change.
 */
export const comparisonSchema = z.strictObject({
  indicator: idSchema,
  areas: z.array(areaCodeSchema).min(1).describe('Comparison areas (CBS codes).'),
  dataset: idSchema.optional().describe('Store dataset (ingested as this initiative id) holding the figures; defaults to the model id.'),
  pre: windowSchema.describe('Before the initiative.'),
  post: windowSchema.describe('After the initiative started.'),
  preTrend: windowSchema.optional().describe('Window for the pre-period trends shown side by side.'),
  parallelTolerance: z.number().min(0).optional().describe('Largest difference in pre-period slopes per year still called parallel.'),
  standardError: z
    .enum(['panel', 'sampling'])
    .optional()
    .describe(
      'Where the DiD standard error comes from: panel (default) = spread of the target − comparison gap over the pre-trend years, for register and area-panel figures whose n is a population; sampling = p(1 − p)/n or s²/n per cell, only when every n is the size of a random sample (a survey).',
    ),
  direction: z
    .enum(['increase', 'decrease'])
    .optional()
    .describe('Which way is progress on this indicator, for the derived deadweight; default: the direction of the criteria on the indicator.'),
  deadweightFor: z.array(idSchema).default([]).describe('Outcome ids whose deadweight is derived from the comparison area’s change.'),
});

export type Comparison = z.infer<typeof comparisonSchema>;
