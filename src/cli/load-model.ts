import { loadModelFile, type Model } from '../model-file.js';
import type { CommandContext } from './context.js';
import { EXIT } from './context.js';
import { formatIssues, line } from './output.js';

/** Loads and validates a model for a command; on failure prints the issues and returns the exit code. */
export async function loadModelOrReport(path: string, ctx: CommandContext): Promise<{ model: Model } | { exit: number }> {
  let result;
  try {
    result = await loadModelFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const msg =
      err.code === 'ENOENT'
        ? { nl: `Modelbestand niet gevonden: ${path}. Controleer het pad (bijvoorbeeld models/buurthuis-moerwijk.yaml).`, en: `Model file not found: ${path}. Check the path (for example models/buurthuis-moerwijk.yaml).` }
        : { nl: `Kan ${path} niet lezen: ${err.message}`, en: `Cannot read ${path}: ${err.message}` };
    line(ctx.stderr, `✗ ${msg[ctx.lang]}`);
    return { exit: EXIT.invalidInput };
  }
  if (!result.ok) {
    const n = result.issues.length;
    line(ctx.stderr, formatIssues(result.issues, ctx.lang));
    line(ctx.stderr, ctx.lang === 'nl' ? `${n} ${n === 1 ? 'probleem' : 'problemen'} in ${path}.` : `${n} problem${n === 1 ? '' : 's'} in ${path}.`);
    return { exit: EXIT.invalidInput };
  }
  return { model: result.model };
}
