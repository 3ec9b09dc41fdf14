import { z } from 'zod';
import { idSchema } from './common.js';

export const indicatorKinds = ['count', 'share', 'mean', 'amount', 'score', 'ratio'] as const;
export const indicatorAggregations = ['sum', 'mean', 'last', 'ratio'] as const;

/**
 * An indicator: what is monitored, its unit and valid range. Derived indicators have an `expression`
 * over other indicator ids; ratio indicators name a numerator and a denominator (METHODS §5).
 */
export const indicatorSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(indicatorKinds).default('count'),
  description: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  aggregation: z.enum(indicatorAggregations).optional(),
  expression: z.string().min(1).max(500).optional().describe('mathjs expression over other indicator ids.'),
  numerator: idSchema.optional(),
  denominator: idSchema.optional(),
  source: z.string().optional(),
});

export type Indicator = z.infer<typeof indicatorSchema>;
