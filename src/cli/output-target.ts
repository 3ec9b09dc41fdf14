import { readFile, stat } from 'node:fs/promises';
import { InvalidInputError, isDuckDbFile } from '../index.js';

/**
 * Checks a file a command is about to write: never a DuckDB file (a store), not even with `--force`; an existing
 * file only when `isEarlierOutput` recognises it as what this command writes, or with `--force`.
 * @throws InvalidInputError `output.is-store` or `output.exists`.
 * @example await checkOutputTarget('models/schema.json', false, (head) => head.startsWith('{'))
 */
export async function checkOutputTarget(path: string, force: boolean, isEarlierOutput: (head: string) => boolean): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info === null) return;
  if (info.isFile() && (await isDuckDbFile(path)))
    throw new InvalidInputError('output.is-store', {
      nl: `${path} is een DuckDB-bestand (een store); daar wordt nooit overheen geschreven, ook niet met --force. Er is niets geschreven. Kies met --out een ander bestand.`,
      en: `${path} is a DuckDB file (a store); it is never written over, not even with --force. Nothing was written. Choose another file with --out.`,
    });
  if (force) return;
  const head = info.isFile() ? (await readFile(path)).subarray(0, 4096).toString('utf8') : '';
  if (!info.isFile() || !isEarlierOutput(head))
    throw new InvalidInputError('output.exists', {
      nl: `${path} bestaat al en is niet eerder door deze opdracht geschreven. Er is niets geschreven. Kies met --out een ander bestand, of overschrijf het met --force.`,
      en: `${path} already exists and was not written by this command before. Nothing was written. Choose another file with --out, or overwrite it with --force.`,
    });
}
