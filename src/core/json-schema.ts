import { z } from 'zod';
import { modelSchema } from './schema/model.js';

/**
 * JSON Schema (draft 2020-12) of initiative model files, generated from the zod schema so editors can
 * autocomplete and check model files. Describes the file as written (defaults optional).
 */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(modelSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { title: 'rendement initiative model', ...schema };
}
