import { parseArgs } from 'node:util';
import { loadModelFile } from '../../model-file.js';
import { EXIT, type Command } from '../context.js';
import { formatIssues, json, line } from '../output.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: { nl: 'Controleer een of meer modelbestanden', en: 'Check one or more model files' },
  help: {
    nl: `Gebruik: rendement validate <model...> [--json] [--lang nl|en]

Controleert modelbestanden (YAML of JSON) en meldt alle problemen in één keer,
met bestand, regel, pad, wat er mis is en hoe je het oplost.

Voorbeelden:
  rendement validate models/buurthuis-moerwijk.yaml
  rendement validate models/*.yaml --json

Exitcodes: 0 geldig, 1 ongeldig of onleesbaar, 2 verkeerd aangeroepen.`,
    en: `Usage: rendement validate <model...> [--json] [--lang nl|en]

Checks model files (YAML or JSON) and reports every problem in one run,
with file, line, path, what is wrong and how to fix it.

Examples:
  rendement validate models/buurthuis-moerwijk.yaml
  rendement validate models/*.yaml --json

Exit codes: 0 valid, 1 invalid or unreadable, 2 usage error.`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({ args: [...ctx.args], options: { json: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length === 0) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ Geef een modelbestand op. Zie: rendement validate --help' : '✗ Give a model file. See: rendement validate --help');
      return EXIT.usage;
    }
    let exit: number = EXIT.ok;
    const report: { file: string; ok: boolean; issues: unknown[] }[] = [];
    for (const path of positionals) {
      try {
        const r = await loadModelFile(path);
        report.push({ file: path, ok: r.ok, issues: r.ok ? [] : [...r.issues] });
        if (!r.ok) {
          exit = EXIT.invalidInput;
          if (!values.json) {
            line(ctx.stderr, formatIssues(r.issues, ctx.lang));
            const n = r.issues.length;
            line(ctx.stderr, ctx.lang === 'nl' ? `${n} ${n === 1 ? 'probleem' : 'problemen'} in ${path}.` : `${n} problem${n === 1 ? '' : 's'} in ${path}.`);
          }
        } else if (!values.json) line(ctx.stdout, `✓ ${path}`);
      } catch (e) {
        exit = EXIT.invalidInput;
        const err = e as NodeJS.ErrnoException;
        const text = err.code === 'ENOENT' ? (ctx.lang === 'nl' ? 'bestand niet gevonden' : 'file not found') : err.message;
        report.push({ file: path, ok: false, issues: [{ code: 'file.unreadable', message: text }] });
        if (!values.json) line(ctx.stderr, `✗ ${path}: ${text}`);
      }
    }
    if (values.json) ctx.stdout.write(json(positionals.length === 1 ? report[0] : report));
    return exit;
  },
};
