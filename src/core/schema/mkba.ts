import { z } from 'zod';
import { idSchema } from './common.js';
import { inputSchema } from './input.js';

/** The reference alternative ("nulalternatief"): what happens without the initiative (CPB/PBL 2013, §3). */
export const referenceAlternativeSchema = z.strictObject({
  description: z.string().min(1),
  costs: z.array(inputSchema).default([]).describe('Costs that would be made without the initiative.'),
});

/** A transfer between actors (e.g. a subsidy): it shifts money but nets to zero for society. */
export const transferSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  years: z.array(z.number().int().min(0)).min(1),
  amount: z.number().min(0),
  description: z.string().optional(),
});

export const pmSigns = ['positive', 'negative'] as const;
export const pmSizes = ['small', 'medium', 'large', 'unknown'] as const;

/** A PM item ("pro memorie"): an effect that is named but not valued; it stays in every table. */
export const pmItemSchema = z.strictObject({
  id: idSchema,
  description: z.string().min(1),
  stakeholder: idSchema.optional(),
  sign: z.enum(pmSigns),
  size: z.enum(pmSizes).default('unknown'),
  reason: z.string().optional().describe('Why it is not valued.'),
});

export type ReferenceAlternative = z.infer<typeof referenceAlternativeSchema>;
export type Transfer = z.infer<typeof transferSchema>;
export type PmItem = z.infer<typeof pmItemSchema>;
