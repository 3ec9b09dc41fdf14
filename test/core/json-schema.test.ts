import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { modelJsonSchema } from '../../src/core/index.js';

describe('models/schema.json', () => {
  it('is the JSON Schema generated from the zod model schema (regenerate with `npm run schema`)', () => {
    const committed = readFileSync(new URL('../../models/schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
  });

  it('describes the fields an editor should autocomplete', () => {
    const schema = modelJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'coalition', 'valuation', 'outcomes', 'criteria', 'pmItems']));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'outcomes', 'inputs']));
  });
});

describe('models/REFERENCE.md', () => {
  it('is the model-file reference generated from the schema (regenerate with `npm run schema`)', async () => {
    const { schemaReference } = await import('../../src/cli/schema-reference.js');
    const committed = readFileSync(new URL('../../models/REFERENCE.md', import.meta.url), 'utf8');
    expect(committed).toBe(schemaReference(modelJsonSchema()));
  });
});
