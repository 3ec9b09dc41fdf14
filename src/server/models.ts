import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadModelFile, type Model } from '../index.js';

/** The initiatives a server knows: every valid model file in a directory, by initiative id. */
export interface ModelCatalogue {
  readonly models: ReadonlyMap<string, Model>;
  /** Model files that could not be used, with why (for the startup log). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

/** Reads every `*.yaml`/`*.yml`/`*.json` model in `dir` (not `schema.json`); invalid files are skipped and listed. */
export async function loadModelCatalogue(dir: string): Promise<ModelCatalogue> {
  const models = new Map<string, Model>();
  const skipped: { file: string; reason: string }[] = [];
  const names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/i.test(n) && n !== 'schema.json').sort();
  for (const name of names) {
    const r = await loadModelFile(join(dir, name));
    if (!r.ok) skipped.push({ file: name, reason: `${r.issues.length} issue(s): ${r.issues[0]!.message.en}` });
    else if (models.has(r.model.id)) skipped.push({ file: name, reason: `duplicate initiative id ${r.model.id}` });
    else models.set(r.model.id, r.model);
  }
  return { models, skipped };
}
