import { parseArgs } from 'node:util';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatEuro, formatNumber, formatRatio, valueModel } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line, table } from '../output.js';
import { loadModelOrReport } from '../load-model.js';

/** Model files in a folder: *.yaml, *.yml and *.json except the JSON Schema, sorted by name. */
export async function modelFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => /\.(ya?ml|json)$/i.test(n) && n !== 'schema.json')
    .sort()
    .map((n) => join(dir, n));
}

export const demoCommand: Command = {
  name: 'demo',
  summary: { nl: 'Waardeer alle voorbeeldmodellen en toon een overzicht', en: 'Value every example model and show a summary' },
  help: {
    nl: `Gebruik: rendement demo [--models models/] [--json] [--lang nl|en]

De hoofdtaak op de voorbeelddata: waardeert elk model in models/ en toont per initiatief
de SROI-ratio, NCW en (bij MKBA) het saldo. Dit draait "npm start".

Voorbeeld:
  rendement demo --lang en`,
    en: `Usage: rendement demo [--models models/] [--json] [--lang nl|en]

The main job on the example data: values every model in models/ and shows per initiative
the SROI ratio, NPV and (for MKBA) the balance. This is what "npm start" runs.

Example:
  rendement demo --lang en`,
  },
  async run(ctx) {
    const { values } = parseArgs({ args: [...ctx.args], options: { json: { type: 'boolean' }, models: { type: 'string', default: join(ctx.cwd, 'models') } } });
    const nl = ctx.lang === 'nl';
    const files = await modelFilesIn(values.models);
    const rows: string[][] = [];
    const results = [];
    let exit: number = EXIT.ok;
    for (const file of files) {
      const loaded = await loadModelOrReport(file, ctx);
      if ('exit' in loaded) {
        exit = loaded.exit;
        continue;
      }
      const r = valueModel(loaded.model);
      results.push(r);
      const v = r.valuation;
      // An MKBA-only model is judged on its MKBA: show its present values, not the SROI's.
      const m = v.method === 'mkba' ? r.mkba : undefined;
      rows.push([
        r.initiative.name,
        v.method,
        formatEuro(m ? m.presentValueBenefits : v.presentValueBenefits, ctx.lang),
        formatEuro(m ? m.presentValueCosts : v.presentValueInputs, ctx.lang),
        formatEuro(m ? m.balance : v.npv, ctx.lang),
        m ? '—' : formatRatio(v.sroiRatio, ctx.lang),
        r.mkba?.benefitCostRatio != null ? formatNumber(r.mkba.benefitCostRatio, ctx.lang, 2) : '—',
      ]);
    }
    if (values.json) {
      ctx.stdout.write(json(results));
      return exit;
    }
    line(
      ctx.stdout,
      table(
        [nl ? 'Initiatief' : 'Initiative', nl ? 'Methode' : 'Method', nl ? 'CW baten' : 'PV benefits', nl ? 'CW kosten' : 'PV costs', nl ? 'NCW / saldo' : 'NPV / balance', 'SROI', nl ? 'MKBA B/K' : 'MKBA B/C'],
        rows,
        [false, false, true, true, true, true, true],
      ),
    );
    line(ctx.stdout);
    line(
      ctx.stdout,
      nl
        ? 'Illustratieve getallen. Details per initiatief: rendement value models/<bestand>.yaml (of --json voor het volledige spoor).'
        : 'Illustrative numbers. Details per initiative: rendement value models/<file>.yaml (or --json for the full trace).',
    );
    return exit;
  },
};
