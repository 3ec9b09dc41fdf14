import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { evaluateInitiative, valueMapWorkbook, writeWorkbookXlsx } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { openExistingStore, storePath } from '../open-store.js';
import { checkOutputTarget } from '../output-target.js';
import { today } from '../clock.js';

export const exportXlsxCommand: Command = {
  name: 'export-xlsx',
  summary: { nl: 'Schrijf de waardekaart als Excel-werkmap met formules', en: 'Write the value map as an Excel workbook with formulas' },
  help: {
    nl: `Gebruik: rendement export-xlsx <model> --out bestand.xlsx [--store pad] [--as-of JJJJ-MM-DD] [--force] [--lang nl|en]

Schrijft de waardekaart als werkmap met levende formules, zodat een evaluator elke euro in Excel
kan narekenen: wijzig een proxy, aantal of deadweight (gele cellen) en de ratio rekent mee.
Tabbladen: Samenvatting (contante waarden, NCW, SROI-ratio; bij MKBA saldo en B/K), Instellingen
(discontovoet, optimism bias), Discontering, Investeringen (+ per jaar), Uitkomsten (één rij per
uitkomst, bronnen als opmerking) en Uitkomsten per jaar (formules per uitkomst en jaar).
Elke formule heeft ook haar berekende uitkomst, gelijk aan rendement value --json.
Aantallen uit monitoringdata komen uit de opslag (--store, standaard data/rendement.duckdb), met
data tot en met --as-of (standaard vandaag). Een bestaand bestand wordt alleen met --force overschreven;
--out - schrijft de werkmap naar stdout.

Voorbeeld:
  rendement export-xlsx models/leeskamer-rijswijk.yaml --out leeskamer.xlsx`,
    en: `Usage: rendement export-xlsx <model> --out file.xlsx [--store path] [--as-of YYYY-MM-DD] [--force] [--lang nl|en]

Writes the value map as a workbook with live formulas, so an evaluator can audit every euro in
Excel: change a proxy, quantity or deadweight (yellow cells) and the ratio follows.
Sheets: Summary (present values, NPV, SROI ratio; for an MKBA the balance and B/C), Settings
(discount rate, optimism bias), Discounting, Inputs (+ by year), Outcomes (one row per outcome,
sources as comments) and Outcomes by year (formulas per outcome and year).
Every formula also carries its computed result, equal to rendement value --json.
Quantities from monitoring data come from the store (--store, default data/rendement.duckdb), with
data up to --as-of (default today). An existing file is only overwritten with --force;
--out - writes the workbook to stdout.

Example:
  rendement export-xlsx models/leeskamer-rijswijk.yaml --out leeskamer.xlsx --lang en`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: [...ctx.args],
      options: { out: { type: 'string' }, store: { type: 'string' }, 'as-of': { type: 'string' }, force: { type: 'boolean' } },
      allowPositionals: true,
    });
    const nl = ctx.lang === 'nl';
    const asOf = values['as-of'] ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
      line(ctx.stderr, nl ? '✗ --as-of als JJJJ-MM-DD. Zie: rendement export-xlsx --help' : '✗ --as-of as YYYY-MM-DD. See: rendement export-xlsx --help');
      return EXIT.usage;
    }
    const path = positionals[0];
    if (!path || positionals.length > 1 || !values.out) {
      line(ctx.stderr, nl ? '✗ Geef precies één modelbestand en --out bestand.xlsx op. Zie: rendement export-xlsx --help' : '✗ Give exactly one model file and --out file.xlsx. See: rendement export-xlsx --help');
      return EXIT.usage;
    }
    const out = values.out;
    const loaded = await loadModelOrReport(path, ctx);
    if ('exit' in loaded) return loaded.exit;
    // The same evaluation as `value` (store quantities, derived deadweights), so the workbook shows its numbers.
    const store = await openExistingStore(storePath(ctx, values.store));
    let result;
    try {
      result = await evaluateInitiative(store, loaded.model, { asOf, uncertainty: 'deferred' });
    } finally {
      store?.close();
    }
    const plan = valueMapWorkbook(loaded.model, result.valueOptions, ctx.lang);
    const bytes = await writeWorkbookXlsx(plan);
    if (out === '-') {
      ctx.stdout.write(bytes);
      return EXIT.ok;
    }
    await checkOutputTarget(out, values.force ?? false, () => false);
    await writeFile(out, bytes);
    if (!ctx.quiet) line(ctx.stderr, nl ? `✓ Waardekaart geschreven naar ${out}` : `✓ Value map written to ${out}`);
    return EXIT.ok;
  },
};
