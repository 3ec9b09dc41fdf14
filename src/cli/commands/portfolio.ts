import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { EXIT, type Command } from '../context.js';
import { json, line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { openExistingStore, storePath } from '../open-store.js';
import { today } from '../clock.js';
import { modelsFrom, printPortfolioSummary, runPortfolio } from '../portfolio-run.js';
import { modelFilesIn } from './demo.js';

export const portfolioCommand: Command = {
  name: 'portfolio',
  summary: { nl: 'Evalueer alle initiatieven van een gemeente en maak het overzicht', en: 'Evaluate every initiative of a municipality and make the overview' },
  help: {
    nl: `Gebruik: rendement portfolio [--models models/] [--municipality GM####] [--store pad] [--out reports/]
                           [--as-of JJJJ-MM-DD] [--workers N] [--draws N] [--no-render] [--include-submitted] [--json] [--quiet] [--lang nl|en]

Evalueert elk model in --models met de data uit de opslag, één initiatief tegelijk, en geeft
het door aan threads (--workers, standaard één per processorkern) die de onzekerheid (Monte
Carlo) uitrekenen en het rapport per initiatief meteen wegschrijven; alleen de samenvattingsregel
blijft in het geheugen. Daarna volgen de overzichtspagina (index.html: tabel om te sorteren en
te filteren, grafiek) en de samenvattingsregels als index.csv en index.parquet.
--municipality beperkt tot één gemeente. --draws zet het aantal Monte Carlo-trekkingen per
initiatief (standaard dat van elk model). --no-render slaat de rapporten per initiatief over.

Voorbeelden:
  rendement portfolio
  rendement portfolio --municipality GM0518 --as-of 2022-12-31 --lang en`,
    en: `Usage: rendement portfolio [--models models/] [--municipality GM####] [--store path] [--out reports/]
                          [--as-of YYYY-MM-DD] [--workers N] [--draws N] [--no-render] [--include-submitted] [--json] [--quiet] [--lang nl|en]

Evaluates every model in --models with the data in the store, one initiative at a time, and
hands each to worker threads (--workers, default one per processor core) that compute its
uncertainty (Monte Carlo) and write its report straight away; only its summary row stays in
memory. Then come the overview page (index.html: a table to sort and filter, a chart) and the
summary rows as index.csv and index.parquet. --municipality limits it to one municipality.
--draws sets the Monte Carlo draws per initiative (default: each model's own). --no-render
skips the report per initiative.

Examples:
  rendement portfolio
  rendement portfolio --municipality GM0518 --as-of 2022-12-31 --lang en`,
  },
  async run(ctx) {
    const { values } = parseArgs({
      args: [...ctx.args],
      options: {
        models: { type: 'string', default: 'models' },
        municipality: { type: 'string' },
        store: { type: 'string' },
        out: { type: 'string', default: 'reports' },
        'as-of': { type: 'string' },
        workers: { type: 'string' },
        draws: { type: 'string' },
        'no-render': { type: 'boolean' },
        'include-submitted': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    const asOf = values['as-of'] ?? today();
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    const draws = values.draws === undefined ? undefined : Number(values.draws);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) || (draws !== undefined && !(Number.isInteger(draws) && draws >= 1 && draws <= 1_000_000)) || (values.municipality !== undefined && !/^GM\d{4}$/.test(values.municipality))) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ --as-of als JJJJ-MM-DD, --workers 0 tot 64, --draws 1 tot 1.000.000, --municipality als GM####. Zie: rendement portfolio --help' : '✗ --as-of as YYYY-MM-DD, --workers 0 to 64, --draws 1 to 1,000,000, --municipality as GM####. See: rendement portfolio --help');
      return EXIT.usage;
    }
    const files = await modelFilesIn(resolve(ctx.cwd, values.models));
    const loading = { exit: EXIT.ok as number, count: 0, illustrative: false };
    const models = modelsFrom(files, (file) => loadModelOrReport(file, ctx), (m) => values.municipality === undefined || m.municipality === values.municipality, loading);
    const store = await openExistingStore(storePath(ctx, values.store));
    let run;
    try {
      run = await runPortfolio(ctx, store, models, {
        asOf,
        out: resolve(ctx.cwd, values.out),
        formats: ['html', 'md', 'json', 'svg'],
        quiet: Boolean(ctx.quiet || values.json),
        render: !values['no-render'],
        includeSubmitted: values['include-submitted'] ?? false,
        json: Boolean(values.json),
        total: files.length,
        ...(workers === undefined ? {} : { workers }),
        ...(draws === undefined ? {} : { draws }),
      });
    } finally {
      store?.close();
    }
    if (loading.count === 0) {
      line(ctx.stderr, ctx.lang === 'nl' ? `✗ Geen modellen gevonden in ${values.models}${values.municipality ? ` voor ${values.municipality}` : ''}.` : `✗ No models found in ${values.models}${values.municipality ? ` for ${values.municipality}` : ''}.`);
      return loading.exit === EXIT.ok ? EXIT.invalidInput : loading.exit;
    }
    let exit = loading.exit;
    exit = Math.max(exit, run.exit);
    if (values.json) ctx.stdout.write(json(run.done.map((d) => d.json)));
    else printPortfolioSummary(ctx, run, asOf, loading.illustrative);
    return exit;
  },
};
