import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  ObservationStore,
  elanWijkPanelAdapter,
  ingestFile,
  type Model,
} from '../../index.js';
import { EXIT, type Command, type CommandContext } from '../context.js';
import { json, line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { today } from '../clock.js';
import { printPortfolioSummary, runPortfolio } from '../portfolio-run.js';

/** Model files in a folder: *.yaml, *.yml and *.json except the JSON Schema, sorted by name. */
export async function modelFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => /\.(ya?ml|json)$/i.test(n) && n !== 'schema.json')
    .sort()
    .map((n) => join(dir, n));
}

/** Public statistics bundled in data/, ingested once as their own datasets (a repeat is a no-op). */
const publicData = [{ dataset: 'elan-wijkprofielen', file: join('elan-wijkprofielen', 'df_numeric_ver_6.csv'), adapter: elanWijkPanelAdapter }];

async function ingestAll(store: ObservationStore, dataDir: string, models: readonly Model[], ctx: CommandContext, quiet: boolean): Promise<number> {
  let exit: number = EXIT.ok;
  const say = (text: string): void => {
    if (!quiet) line(ctx.stderr, text);
  };
  for (const p of publicData) {
    const file = join(dataDir, p.file);
    if (!existsSync(file)) continue;
    const r = await ingestFile(store, file, { initiative: p.dataset, adapter: p.adapter, uploadedBy: 'rendement demo' });
    if (!r.ok) exit = EXIT.invalidInput;
    say(r.duplicateOf ? `= ${p.dataset}` : r.ok ? `✓ ${p.dataset}: ${r.rowsWritten}` : `✗ ${p.dataset}: ${r.issues.length}`);
  }
  for (const model of models) {
    const file = join(dataDir, 'demo', `${model.id}.csv`);
    if (!existsSync(file)) continue;
    const r = await ingestFile(store, file, { initiative: model.id, model, uploadedBy: 'rendement demo' });
    if (!r.ok) {
      exit = EXIT.invalidInput;
      for (const i of r.issues.slice(0, 5)) say(`✗ ${relative(ctx.cwd, file)}:${i.row ?? ''} ${i.column ?? ''} ${i.message[ctx.lang]}`);
    } else say(r.duplicateOf ? `= ${model.id}` : `✓ ${model.id}: ${r.rowsWritten}`);
  }
  return exit;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: { nl: 'De hoofdtaak: voorbeelddata inlezen, alles evalueren, rapporten schrijven', en: 'The main job: ingest the example data, evaluate everything, write reports' },
  help: {
    nl: `Gebruik: rendement demo [--models models/] [--data data/] [--store data/rendement.duckdb] [--out reports/]
                      [--as-of JJJJ-MM-DD] [--json] [--quiet] [--lang nl|en]

Wat "npm start" draait: leest de meegeleverde data in de ingebouwde opslag in (het echte ELAN-
wijkpanel en de illustratieve monitoringdata in data/demo/), evalueert elk model in models/
(waardering, succescriteria, onzekerheid), schrijft de rapporten naar reports/ en toont een
overzicht. Opnieuw draaien leest niets dubbel in.

Voorbeeld:
  rendement demo --lang en`,
    en: `Usage: rendement demo [--models models/] [--data data/] [--store data/rendement.duckdb] [--out reports/]
                      [--as-of YYYY-MM-DD] [--json] [--quiet] [--lang nl|en]

What "npm start" runs: ingests the bundled data into the embedded store (the real ELAN wijk
panel and the illustrative monitoring data in data/demo/), evaluates every model in models/
(valuation, success criteria, uncertainty), writes the reports to reports/ and prints a
summary. Running it again ingests nothing twice.

Example:
  rendement demo --lang en`,
  },
  async run(ctx) {
    const { values } = parseArgs({
      args: [...ctx.args],
      options: {
        json: { type: 'boolean' },
        models: { type: 'string', default: 'models' },
        data: { type: 'string', default: 'data' },
        store: { type: 'string' },
        out: { type: 'string', default: 'reports' },
        'as-of': { type: 'string' },
      },
    });
    const quiet = Boolean(ctx.quiet || values.json);
    const asOf = values['as-of'] ?? today();
    const dataDir = resolve(ctx.cwd, values.data);
    const out = resolve(ctx.cwd, values.out);
    let exit: number = EXIT.ok;

    const models: Model[] = [];
    for (const file of await modelFilesIn(resolve(ctx.cwd, values.models))) {
      const loaded = await loadModelOrReport(file, ctx);
      if ('exit' in loaded) exit = loaded.exit;
      else models.push(loaded.model);
    }

    const store = await ObservationStore.open(resolve(ctx.cwd, values.store ?? join(values.data, 'rendement.duckdb')));
    let run;
    try {
      exit = Math.max(exit, await ingestAll(store, dataDir, models, ctx, quiet));
      run = await runPortfolio(ctx, store, models, { asOf, out, formats: ['html', 'md', 'json', 'svg'], quiet, json: Boolean(values.json) });
    } finally {
      store.close();
    }
    exit = Math.max(exit, run.exit);
    if (values.json) ctx.stdout.write(json(run.done.map((d) => d.json)));
    else printPortfolioSummary(ctx, run, asOf, models.some((m) => m.illustrative));
    return exit;
  },
};
