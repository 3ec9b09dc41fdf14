import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { modelJsonSchema } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json } from '../output.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: { nl: 'Druk het JSON Schema van modelbestanden af', en: 'Print the JSON Schema of model files' },
  help: {
    nl: `Gebruik: rendement schema [--out models/schema.json]

Het JSON Schema laat editors (VS Code e.d.) modelbestanden aanvullen en controleren.

Voorbeeld:
  rendement schema --out models/schema.json`,
    en: `Usage: rendement schema [--out models/schema.json]

The JSON Schema lets editors (VS Code etc.) autocomplete and check model files.

Example:
  rendement schema --out models/schema.json`,
  },
  async run(ctx) {
    const { values } = parseArgs({ args: [...ctx.args], options: { out: { type: 'string' } } });
    const text = json(modelJsonSchema());
    if (values.out) await writeFile(values.out, text);
    else ctx.stdout.write(text);
    return EXIT.ok;
  },
};
