import { parseArgs } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { formatIssues, line } from '../output.js';
import { isDuckDbFile, parseModelText } from '../../index.js';
import { checkOutputTarget } from '../output-target.js';
import { EXIT, type Command, type CommandContext } from '../context.js';
import { initTemplate, type InitAnswers } from '../init-template.js';

const checks: Record<string, { re: RegExp; nl: string; en: string }> = {
  id: { re: /^[a-z0-9][a-z0-9-]{0,62}$/, nl: 'kleine letters, cijfers en streepjes, bijvoorbeeld buurthuis-de-kroon', en: 'lower-case letters, digits and hyphens, for example buurthuis-de-kroon' },
  municipality: { re: /^GM\d{4}$/, nl: 'een CBS-gemeentecode zoals GM0518', en: 'a CBS municipality code such as GM0518' },
  area: { re: /^$|^(WK\d{6}|BU\d{8})$/, nl: 'leeg of een wijk-/buurtcode zoals WK051836', en: 'empty or a wijk/buurt code such as WK051836' },
  method: { re: /^(sroi|mkba|both)$/, nl: 'sroi, mkba of both', en: 'sroi, mkba or both' },
  'price-year': { re: /^(19|20|21)\d{2}$/, nl: 'een jaartal zoals 2025', en: 'a year such as 2025' },
  start: { re: /^\d{4}-\d{2}-\d{2}$/, nl: 'een datum JJJJ-MM-DD', en: 'a date YYYY-MM-DD' },
  end: { re: /^\d{4}-\d{2}-\d{2}$/, nl: 'een datum JJJJ-MM-DD', en: 'a date YYYY-MM-DD' },
};

const prompts: Record<string, { nl: string; en: string; fallback?: string }> = {
  id: { nl: 'Id van het initiatief (bijv. buurthuis-de-kroon)', en: 'Initiative id (e.g. buurthuis-de-kroon)' },
  name: { nl: 'Naam', en: 'Name' },
  municipality: { nl: 'CBS-gemeentecode (bijv. GM0518)', en: 'CBS municipality code (e.g. GM0518)' },
  area: { nl: 'Wijk- of buurtcode (leeg laten mag)', en: 'Wijk or buurt code (may be empty)', fallback: '' },
  method: { nl: 'Methode: sroi, mkba of both', en: 'Method: sroi, mkba or both', fallback: 'sroi' },
  'price-year': { nl: 'Prijspeil (jaar)', en: 'Price level (year)', fallback: '2025' },
  start: { nl: 'Startdatum (JJJJ-MM-DD)', en: 'Start date (YYYY-MM-DD)', fallback: '2025-01-01' },
  end: { nl: 'Einddatum (JJJJ-MM-DD)', en: 'End date (YYYY-MM-DD)', fallback: '2028-12-31' },
};

async function ask(ctx: CommandContext, given: Record<string, string | undefined>): Promise<Record<string, string | undefined>> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const out = { ...given };
  try {
    for (const [key, p] of Object.entries(prompts)) {
      while (out[key] === undefined) {
        const suffix = p.fallback !== undefined && p.fallback !== '' ? ` [${p.fallback}]` : '';
        const answer = (await rl.question(`${p[ctx.lang]}${suffix}: `)).trim();
        const value = answer === '' ? p.fallback : answer;
        const check = checks[key];
        if (value === undefined || (check && !check.re.test(value))) {
          line(ctx.stderr, `  ${check ? check[ctx.lang] : ctx.lang === 'nl' ? 'verplicht' : 'required'}`);
          continue;
        }
        out[key] = value;
      }
    }
  } finally {
    rl.close();
  }
  return out;
}

export const initCommand: Command = {
  name: 'init',
  summary: { nl: 'Maak een nieuw, toegelicht model voor een initiatief', en: 'Create a new, commented initiative model' },
  help: {
    nl: `Gebruik: rendement init [--id ID] [--name NAAM] [--municipality GM####] [--area WK######]
                      [--method sroi|mkba|both] [--price-year JJJJ] [--start JJJJ-MM-DD] [--end JJJJ-MM-DD]
                      [--out models/ID.yaml] [--force] [--lang nl|en]

Schrijft een geldig modelbestand met uitleg bij elk veld. In een terminal vraagt init wat
ontbreekt; anders zijn --id, --name en --municipality verplicht. Taal van de uitleg: --lang.

Voorbeelden:
  rendement init
  rendement init --id buurthuis-de-kroon --name "Buurthuis De Kroon" --municipality GM0518 --method both

Exitcodes: 0 geschreven, 1 bestand bestaat al of map niet schrijfbaar, 2 verkeerd aangeroepen.`,
    en: `Usage: rendement init [--id ID] [--name NAME] [--municipality GM####] [--area WK######]
                      [--method sroi|mkba|both] [--price-year YYYY] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
                      [--out models/ID.yaml] [--force] [--lang nl|en]

Writes a valid model file with every field explained. In a terminal init asks for what is
missing; otherwise --id, --name and --municipality are required. Language of the comments: --lang.

Examples:
  rendement init
  rendement init --id buurthuis-de-kroon --name "Buurthuis De Kroon" --municipality GM0518 --method both --lang en

Exit codes: 0 written, 1 file exists or folder not writable, 2 usage error.`,
  },
  async run(ctx) {
    const { values } = parseArgs({
      args: [...ctx.args],
      options: {
        id: { type: 'string' },
        name: { type: 'string' },
        municipality: { type: 'string' },
        area: { type: 'string' },
        method: { type: 'string' },
        'price-year': { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
      },
    });
    const given: Record<string, string | undefined> = { ...values, force: undefined, out: undefined } as Record<string, string | undefined>;
    const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
    let answers = given;
    if (interactive) answers = await ask(ctx, given);
    else {
      for (const key of Object.keys(prompts)) if (answers[key] === undefined && prompts[key]!.fallback !== undefined) answers[key] = prompts[key]!.fallback;
      const missing = ['id', 'name', 'municipality'].filter((k) => answers[k] === undefined);
      if (missing.length > 0) {
        line(ctx.stderr, ctx.lang === 'nl' ? `✗ Geef ${missing.map((m) => `--${m}`).join(', ')} op (of draai init in een terminal). Zie: rendement init --help` : `✗ Give ${missing.map((m) => `--${m}`).join(', ')} (or run init in a terminal). See: rendement init --help`);
        return EXIT.usage;
      }
    }
    for (const [key, check] of Object.entries(checks)) {
      const v = answers[key];
      if (v !== undefined && !check.re.test(v)) {
        line(ctx.stderr, `✗ --${key} "${v}": ${check[ctx.lang]}`);
        return EXIT.usage;
      }
    }
    const a: InitAnswers = {
      id: answers['id']!,
      name: answers['name']!,
      municipality: answers['municipality']!,
      ...(answers['area'] ? { area: answers['area'] } : {}),
      method: answers['method'] as InitAnswers['method'],
      priceYear: Number(answers['price-year']),
      start: answers['start']!,
      end: answers['end']!,
    };
    const text = initTemplate(a, ctx.lang);
    const out = values.out ?? join(ctx.cwd, 'models', `${a.id}.yaml`);
    const check = parseModelText(text, out);
    if (!check.ok) {
      line(ctx.stderr, formatIssues(check.issues, ctx.lang));
      return EXIT.invalidInput;
    }
    const folder = dirname(out);
    // --force overwrites a model file, never a store.
    if (await isDuckDbFile(out)) await checkOutputTarget(out, true, () => false);
    try {
      await mkdir(folder, { recursive: true });
      await writeFile(out, text, { flag: values.force ? 'w' : 'wx' });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const exists = err.code === 'EEXIST' && err.path === out;
      const msg = exists
        ? { nl: `${out} bestaat al. Kies een ander --id of --out, of overschrijf met --force.`, en: `${out} already exists. Choose another --id or --out, or overwrite with --force.` }
        : { nl: `Kan niet schrijven in ${folder} (${err.code ?? err.message}). Kies met --out een map waarin je mag schrijven.`, en: `Cannot write in ${folder} (${err.code ?? err.message}). Choose a folder you can write to with --out.` };
      line(ctx.stderr, `✗ ${msg[ctx.lang]}`);
      return EXIT.invalidInput;
    }
    line(ctx.stdout, out);
    line(
      ctx.stderr,
      ctx.lang === 'nl'
        ? `✓ Model geschreven. Vul de waarden met VOORBEELD in en controleer met: rendement validate ${out}`
        : `✓ Model written. Fill in the values marked EXAMPLE and check with: rendement validate ${out}`,
    );
    return EXIT.ok;
  },
};
