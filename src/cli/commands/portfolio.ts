import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { initiativeEvaluationJson, type Model } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { openExistingStore, storePath } from '../open-store.js';
import { today } from '../clock.js';
import { printPortfolioSummary, runPortfolio } from '../portfolio-run.js';
import { modelFilesIn } from './demo.js';

export const portfolioCommand: Command = {
  name: 'portfolio',
  summary: { nl: 'Evalueer alle initiatieven van een gemeente en maak het overzicht', en: 'Evaluate every initiative of a municipality and make the overview' },
  help: {
    nl: `Gebruik: rendement portfolio [--models models/] [--municipality GM####] [--store pad] [--out reports/]
                           [--as-of JJJJ-MM-DD] [--workers N] [--json] [--quiet] [--lang nl|en]

Evalueert elk model in --models met de data uit de opslag, rekent de onzekerheid (Monte Carlo)
van de initiatieven tegelijk uit op meerdere threads, en schrijft een overzichtspagina plus een
rapport per initiatief. --municipality beperkt tot één gemeente.

Voorbeelden:
  rendement portfolio
  rendement portfolio --municipality GM0518 --as-of 2022-12-31 --lang en`,
    en: `Usage: rendement portfolio [--models models/] [--municipality GM####] [--store path] [--out reports/]
                          [--as-of YYYY-MM-DD] [--workers N] [--json] [--quiet] [--lang nl|en]

Evaluates every model in --models with the data in the store, computes the initiatives'
uncertainty (Monte Carlo) in parallel on worker threads, and writes an overview page plus a
report per initiative. --municipality limits it to one municipality.

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
        json: { type: 'boolean' },
      },
    });
    const asOf = values['as-of'] ?? today();
    const workers = values.workers === undefined ? undefined : Number(values.workers);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) || (values.municipality !== undefined && !/^GM\d{4}$/.test(values.municipality))) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ --as-of als JJJJ-MM-DD, --workers 0 tot 64, --municipality als GM####. Zie: rendement portfolio --help' : '✗ --as-of as YYYY-MM-DD, --workers 0 to 64, --municipality as GM####. See: rendement portfolio --help');
      return EXIT.usage;
    }
    let exit: number = EXIT.ok;
    const models: Model[] = [];
    for (const file of await modelFilesIn(resolve(ctx.cwd, values.models))) {
      const loaded = await loadModelOrReport(file, ctx);
      if ('exit' in loaded) exit = loaded.exit;
      else if (values.municipality === undefined || loaded.model.municipality === values.municipality) models.push(loaded.model);
    }
    if (models.length === 0) {
      line(ctx.stderr, ctx.lang === 'nl' ? `✗ Geen modellen gevonden in ${values.models}${values.municipality ? ` voor ${values.municipality}` : ''}.` : `✗ No models found in ${values.models}${values.municipality ? ` for ${values.municipality}` : ''}.`);
      return EXIT.invalidInput;
    }
    const store = await openExistingStore(storePath(ctx, values.store));
    let run;
    try {
      run = await runPortfolio(ctx, store, models, {
        asOf,
        out: resolve(ctx.cwd, values.out),
        formats: ['html', 'md', 'json', 'svg'],
        quiet: Boolean(ctx.quiet || values.json),
        ...(workers === undefined ? {} : { workers }),
      });
    } finally {
      store?.close();
    }
    exit = Math.max(exit, run.exit);
    if (values.json) ctx.stdout.write(json(run.results.map(initiativeEvaluationJson)));
    else printPortfolioSummary(ctx, run, asOf, models.some((m) => m.illustrative));
    return exit;
  },
};
