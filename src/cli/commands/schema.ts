import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { modelJsonSchema } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json } from '../output.js';
import { checkOutputTarget } from '../output-target.js';
import { schemaReference } from '../schema-reference.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: { nl: 'Druk het JSON Schema van modelbestanden af', en: 'Print the JSON Schema of model files' },
  help: {
    nl: `Gebruik: rendement schema [--markdown] [--out models/schema.json] [--force]

Het JSON Schema laat editors (VS Code e.d.) modelbestanden aanvullen en controleren;
--markdown geeft de naslag van alle velden (models/REFERENCE.md).

Voorbeeld:
  rendement schema --out models/schema.json
  rendement schema --markdown --out models/REFERENCE.md`,
    en: `Usage: rendement schema [--markdown] [--out models/schema.json] [--force]

The JSON Schema lets editors (VS Code etc.) autocomplete and check model files;
--markdown gives the reference of every field (models/REFERENCE.md).

Example:
  rendement schema --out models/schema.json
  rendement schema --markdown --out models/REFERENCE.md`,
  },
  async run(ctx) {
    const { values } = parseArgs({ args: [...ctx.args], options: { out: { type: 'string' }, markdown: { type: 'boolean' }, force: { type: 'boolean' } } });
    const text = values.markdown ? schemaReference(modelJsonSchema()) : json(modelJsonSchema());
    if (values.out) {
      // An earlier schema or reference (same first two lines) is this command's own output; anything else needs --force.
      const start = (t: string): string => t.split('\n', 2).join('\n');
      await checkOutputTarget(values.out, values.force ?? false, (head) => start(head) === start(text));
      await writeFile(values.out, text);
    }
    else ctx.stdout.write(text);
    return EXIT.ok;
  },
};
