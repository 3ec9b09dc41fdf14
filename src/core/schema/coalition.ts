import { z } from 'zod';
import { idSchema } from './common.js';

export const partnerTypes = ['informal', 'formal', 'commercial', 'government'] as const;
export const municipalityRoles = ['client', 'facilitator', 'partner'] as const;

/** A partner in the coalition that runs the initiative. */
export const partnerSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  type: z.enum(partnerTypes).describe('informal (residents), formal (association, foundation), commercial, government.'),
  role: z.string().optional().describe('What this partner does in the coalition.'),
});

/** The coalition: its partners and the municipality's role (client, facilitator or partner). */
export const coalitionSchema = z.strictObject({
  municipalityRole: z.enum(municipalityRoles).describe("The municipality's role: client (opdrachtgever), facilitator or partner."),
  partners: z.array(partnerSchema).min(1),
});

/** A stakeholder: someone who bears costs or experiences outcomes (SROI Guide 2012, stage 1). */
export const stakeholderSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  actor: z
    .string()
    .optional()
    .describe('Actor in the MKBA distribution table (municipality, residents, health insurer, ...); defaults to the stakeholder id.'),
});

export type Partner = z.infer<typeof partnerSchema>;
export type Coalition = z.infer<typeof coalitionSchema>;
export type Stakeholder = z.infer<typeof stakeholderSchema>;
