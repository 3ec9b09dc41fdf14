import { z } from 'zod';
import { areaCodeSchema, idSchema, isoDateSchema } from '../schema/common.js';

/**
 * One observation as stored: an indicator's value for one area and period, reported by an initiative.
 * `value` null means "not measured" (an empty cell, `n.v.t.`, the CBS `.`) and is never read as 0.
 * `n` and `sd` are the sample size and standard deviation of a survey score (METHODS §5, mean CI).
 * `row` is the row in the uploaded file (header = row 1).
 */
export const observationSchema = z.strictObject({
  initiative: idSchema,
  indicator: idSchema,
  area: areaCodeSchema,
  period: z.string().min(4).max(10),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  value: z.number().finite().nullable(),
  unit: z.string().nullable(),
  source: z.string().nullable(),
  n: z.number().int().positive().nullable(),
  sd: z.number().min(0).nullable(),
  note: z.string().nullable(),
  row: z.number().int().min(1),
});

/** A validated observation. */
export type Observation = z.infer<typeof observationSchema>;
