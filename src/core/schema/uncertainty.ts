import { z } from 'zod';
import { idSchema } from './common.js';

/** The distributions of METHODS §4 and the fields each one takes. */
export const distributionFields = {
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['median', 'p95'],
  fixed: ['value'],
} as const;
export const distributionTypes = ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'fixed'] as const;
export type DistributionType = (typeof distributionTypes)[number];

/**
 * A probability distribution for one uncertain parameter, as written in a model file (METHODS §4): uniform
 * {min, max}; triangular and Beta-PERT (λ = 4; Vose, "Risk Analysis", 3rd ed. 2008, §9.1.4) {min, mode, max};
 * normal {mean, sd} (values outside the parameter's domain are clamped, with a warning); lognormal {median, p95}
 * (μ = ln median, σ = (ln p95 − ln median)/1.6449); fixed {value}. One flat object with `type`, so a file with an
 * unknown type or a missing field gets a precise message; which fields each type needs is checked with the
 * model's cross-references (see `distributionFields`).
 */
export const distributionSchema = z
  .strictObject({
    type: z.enum(distributionTypes),
    min: z.number().optional(),
    mode: z.number().optional(),
    max: z.number().optional(),
    mean: z.number().optional(),
    sd: z.number().min(0).optional(),
    median: z.number().gt(0).optional(),
    p95: z.number().gt(0).optional(),
    value: z.number().optional(),
  })
  .describe('uniform {min,max}, triangular/pert {min,mode,max}, normal {mean,sd}, lognormal {median,p95} or fixed {value}.');

/** A distribution as declared in a model file (fields checked per type by validation). */
export type DistributionDeclaration = z.infer<typeof distributionSchema>;

/** A distribution with exactly the fields of its type: what the samplers and moments take. */
export type Distribution =
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  | { readonly type: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly type: 'pert'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormal'; readonly median: number; readonly p95: number }
  | { readonly type: 'fixed'; readonly value: number };

/** Parameters of an outcome that may be uncertain (SROI Guide 2012, stages 3–4). */
export const outcomeParameterNames = ['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'dropOff', 'duration'] as const;
/** Every parameter that may be declared uncertain: outcome parameters, an input's amount, the discount rate. */
export const uncertainParameterNames = [...outcomeParameterNames, 'amount', 'discountRate'] as const;

/**
 * One uncertain parameter: which one (`outcome` + parameter, `input` + `amount`, or `discountRate`), its
 * low/high range for the tornado and scenarios, and/or a distribution for Monte Carlo. Values are stated in the
 * units of the model file (a proxy at its own price year, a share as 0.25, an input amount in euro per year).
 * `discountRate` is the rate of year 1; a declining schedule moves as a whole by the same amount. A duration may
 * take fractional values in the Monte Carlo and switching values: the last, partial year counts in proportion.
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

export type UncertainParameterName = (typeof uncertainParameterNames)[number];
export type OutcomeParameterName = (typeof outcomeParameterNames)[number];
export type UncertainParameter = z.infer<typeof uncertainParameterSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Uncertainty = z.infer<typeof uncertaintySchema>;
export type UncertaintyInput = z.input<typeof uncertaintySchema>;
