import { z } from 'zod';
import { areaCodeSchema, idSchema, isoDateSchema, municipalityCodeSchema } from './common.js';
import { coalitionSchema, stakeholderSchema } from './coalition.js';
import { valuationSettingsSchema } from './valuation-settings.js';
import { inputSchema } from './input.js';
import { outcomeSchema } from './outcome.js';
import { pmItemSchema, referenceAlternativeSchema, transferSchema } from './mkba.js';
import { indicatorSchema } from './indicator.js';
import { criterionSchema } from './criterion.js';
import { comparisonSchema } from './comparison.js';
import { uncertaintySchema } from './uncertainty.js';

/** An initiative model file: the initiative, its coalition, value map, indicators and success criteria. */
export const modelSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: idSchema,
    name: z.string().min(1),
    illustrative: z.boolean().default(false).describe('true when the numbers are made up for illustration.'),
    municipality: municipalityCodeSchema,
    areas: z.array(areaCodeSchema).default([]),
    horizon: z.string().min(1).describe('The goal in words ("stip aan de horizon").'),
    period: z.strictObject({ start: isoDateSchema, end: isoDateSchema }),
    description: z.string().optional(),
    coalition: coalitionSchema,
    stakeholders: z.array(stakeholderSchema).min(1),
    valuation: valuationSettingsSchema,
    inputs: z.array(inputSchema).min(1),
    outcomes: z.array(outcomeSchema).min(1),
    referenceAlternative: referenceAlternativeSchema.optional(),
    transfers: z.array(transferSchema).default([]),
    pmItems: z.array(pmItemSchema).default([]),
    indicators: z.array(indicatorSchema).default([]),
    criteria: z.array(criterionSchema).default([]),
    comparisons: z.array(comparisonSchema).default([]).describe('Comparison areas per indicator (difference-in-differences).'),
    uncertainty: uncertaintySchema.optional().describe('Uncertain parameters, scenarios and Monte Carlo settings (METHODS §4).'),
  })
  .describe('rendement initiative model');

/** A validated model, with defaults filled in. */
export type Model = z.infer<typeof modelSchema>;
/** A model as written in a file, before defaults. */
export type ModelInput = z.input<typeof modelSchema>;
