import { z } from 'zod';
import { idSchema } from './common.js';

/** uniform(min, max): every value in the range equally likely (METHODS §4). */
export const uniformSchema = z.strictObject({ type: z.literal('uniform'), min: z.number(), max: z.number() });
/** triangular(min, mode, max) (METHODS §4). */
export const triangularSchema = z.strictObject({ type: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() });
/** Beta-PERT(min, mode, max) with λ = 4 (METHODS §4; Vose, "Risk Analysis", 3rd ed. 2008, §9.1.4). */
export const pertSchema = z.strictObject({ type: z.literal('pert'), min: z.number(), mode: z.number(), max: z.number() });
/** normal(mean, sd); values outside the parameter's domain are clamped, with a warning. */
export const normalSchema = z.strictObject({ type: z.literal('normal'), mean: z.number(), sd: z.number().min(0) });
/** lognormal from its median and 95th percentile: μ = ln(median), σ = (ln p95 − ln median) / 1.6449. */
export const lognormalSchema = z.strictObject({ type: z.literal('lognormal'), median: z.number().gt(0), p95: z.number().gt(0) });
/** A fixed value: no uncertainty, but stated explicitly. */
export const fixedSchema = z.strictObject({ type: z.literal('fixed'), value: z.number() });

/** A probability distribution for one uncertain parameter (METHODS §4). */
export const distributionSchema = z
  .union([uniformSchema, triangularSchema, pertSchema, normalSchema, lognormalSchema, fixedSchema])
  .describe('uniform {min,max}, triangular/pert {min,mode,max}, normal {mean,sd}, lognormal {median,p95} or fixed {value}.');

/** Parameters of an outcome that may be uncertain (SROI Guide 2012, stages 3–4). */
export const outcomeParameterNames = ['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'dropOff', 'duration'] as const;
/** Every parameter that may be declared uncertain: outcome parameters, an input's amount, the discount rate. */
export const uncertainParameterNames = [...outcomeParameterNames, 'amount', 'discountRate'] as const;

/**
 * One uncertain parameter: which one (`outcome` + parameter, `input` + `amount`, or `discountRate`), its
 * low/high range for the tornado and scenarios, and/or a distribution for Monte Carlo. Values are stated in the
 * units of the model file (a proxy at its own price year, a share as 0.25).
 */
export const uncertainParameterSchema = z.strictObject({
  outcome: idSchema.optional().describe('Outcome id, for quantity, proxy, deadweight, displacement, attribution, dropOff, duration.'),
  input: idSchema.optional().describe('Input id, for amount.'),
  parameter: z.enum(uncertainParameterNames),
  low: z.number().optional().describe('Low value for the tornado and the low scenario.'),
  high: z.number().optional().describe('High value for the tornado and the high scenario.'),
  distribution: distributionSchema.optional(),
  reason: z.string().min(1).optional().describe('Why this range or distribution: evidence or assumption, with its source.'),
});

/** One value of a scenario: a parameter set to a value. */
export const scenarioValueSchema = z.strictObject({
  outcome: idSchema.optional(),
  input: idSchema.optional(),
  parameter: z.enum(uncertainParameterNames),
  value: z.number(),
});

/** A named scenario (e.g. low, central, high): parameters set to stated values, the rest at base. */
export const scenarioSchema = z.strictObject({
  id: idSchema,
  description: z.string().optional(),
  values: z.array(scenarioValueSchema).default([]),
});

/**
 * Uncertainty declarations of a model (METHODS §4): uncertain parameters, named scenarios, and the Monte Carlo
 * settings (≥ 10,000 draws by default, a seed so the numbers can be reproduced).
 */
export const uncertaintySchema = z.strictObject({
  draws: z.number().int().min(1).max(10_000_000).default(10_000),
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
  parameters: z.array(uncertainParameterSchema).default([]),
  scenarios: z.array(scenarioSchema).default([]),
});

export type Distribution = z.infer<typeof distributionSchema>;
export type UncertainParameterName = (typeof uncertainParameterNames)[number];
export type OutcomeParameterName = (typeof outcomeParameterNames)[number];
export type UncertainParameter = z.infer<typeof uncertainParameterSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Uncertainty = z.infer<typeof uncertaintySchema>;
export type UncertaintyInput = z.input<typeof uncertaintySchema>;
