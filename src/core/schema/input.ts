import { z } from 'zod';
import { idSchema, yearSchema } from './common.js';

export const inputKinds = ['money', 'in-kind', 'volunteer-hours'] as const;
export type InputKind = (typeof inputKinds)[number];

/** A shadow price for volunteer time (e.g. a minimum or replacement wage), with its price year and source. */
export const shadowPriceSchema = z.strictObject({
  value: z.number().min(0),
  unit: z.string().min(1).default('EUR/hour'),
  priceYear: yearSchema,
  source: z.string().min(1),
});

/**
 * An input (cost) by one funder in one or more valuation years (0 = base year, not discounted).
 * Money and in-kind have an `amount` in the model currency (one per year, or a list per year); volunteer hours have `hours` × `shadowPrice` (SROI Guide 2012, stage 2).
 */
export const inputSchema = z.strictObject({
  id: idSchema,
  funder: idSchema.describe('Stakeholder id of who bears this cost.'),
  kind: z.enum(inputKinds),
  description: z.string().optional(),
  years: z.array(z.number().int().min(0)).min(1).describe('Valuation years in which this amount is spent (0 = base year).'),
  amount: z
    .union([z.number().min(0), z.array(z.number().min(0)).min(1)])
    .optional()
    .describe('Amount per year in the model currency, for money and in-kind: one number for every year, or a list with one amount per entry of `years`.'),
  priceYear: yearSchema.optional().describe('Price level of the amount; defaults to the valuation price year.'),
  hours: z
    .union([z.number().min(0), z.array(z.number().min(0)).min(1)])
    .optional()
    .describe('Volunteer hours per year: one number, or a list with one number per entry of `years`.'),
  shadowPrice: shadowPriceSchema.optional(),
});

export type Input = z.infer<typeof inputSchema>;
