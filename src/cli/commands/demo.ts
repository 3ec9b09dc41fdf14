import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import {
  ObservationStore,
  RendementError,
  buildPortfolio,
  elanWijkPanelAdapter,
  evaluateInitiative,
  formatEuro,
  formatNumber,
  formatRatio,
  ingestFile,
  reportEvaluation,
  reportUncertainty,
  writeReportFiles,
  type InitiativeEvaluation,
  type Lang,
  type Model,
  type ReportInput,
} from '../../index.js';
import { EXIT, type Command, type CommandContext } from '../context.js';
import { json, line, table } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { createProgress } from '../progress.js';
import { generationTime, today } from '../clock.js';

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

function summaryRow(r: InitiativeEvaluation, lang: Lang): string[] {
  const v = r.valuation;
  const mc = r.uncertainty?.monteCarlo;
  const mkbaOnly = v.method === 'mkba' && r.mkba;
  const ratio = mkbaOnly
    ? `${lang === 'nl' ? 'B/K' : 'B/C'} ${formatNumber(r.mkba!.benefitCostRatio, lang, 2)}`
    : `${formatRatio(v.sroiRatio, lang)}${mc?.ratio ? ` (${formatRatio(mc.ratio.p05, lang)}–${formatRatio(mc.ratio.p95, lang)})` : ''}`;
  const c = r.evaluation.scores.counts;
  return [
    r.initiative.name,
    ratio,
    formatEuro(mkbaOnly ? r.mkba!.balance : v.npv, lang),
    `${c.met} / ${c['partly-met']} / ${c['not-met']}${c['not-measurable'] ? ` (+${c['not-measurable']} ?)` : ''}${c['not-due'] ? ` (+${c['not-due']} …)` : ''}`,
  ];
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
        quiet: { type: 'boolean' },
        models: { type: 'string', default: 'models' },
        data: { type: 'string', default: 'data' },
        store: { type: 'string' },
        out: { type: 'string', default: 'reports' },
        'as-of': { type: 'string' },
      },
    });
    const nl = ctx.lang === 'nl';
    const quiet = Boolean(values.quiet || values.json);
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
    const results: InitiativeEvaluation[] = [];
    const inputs: ReportInput[] = [];
    try {
      exit = Math.max(exit, await ingestAll(store, dataDir, models, ctx, quiet));
      const progress = createProgress(ctx.stderr, nl ? 'evalueren' : 'evaluating', models.length, !quiet);
      for (const [i, model] of models.entries()) {
        progress.tick(i, model.id);
        try {
          const r = await evaluateInitiative(store, model, { asOf });
          results.push(r);
          inputs.push({
            model,
            valuation: r,
            evaluation: reportEvaluation(r.outcomeEvaluation, model, ctx.lang),
            ...(r.uncertainty ? { uncertainty: reportUncertainty(r.uncertainty, model, ctx.lang) } : {}),
          });
        } catch (e) {
          if (!(e instanceof RendementError)) throw e;
          line(ctx.stderr, `✗ ${model.id}: ${e.text[ctx.lang]}`);
          exit = Math.max(exit, e.exitCode);
        }
      }
      progress.done();
    } finally {
      store.close();
    }

    let index: string | undefined;
    if (inputs.length > 0) {
      const { files } = await buildPortfolio(inputs, { lang: ctx.lang, generatedAt: generationTime() }, ['html', 'md', 'json', 'svg']);
      const written = await writeReportFiles(out, files);
      index = written.find((p) => p === join(out, 'index.html'));
    }
    if (values.json) {
      ctx.stdout.write(json(results.map(({ outcomeEvaluation: _full, ...contract }) => contract)));
      return exit;
    }
    line(
      ctx.stdout,
      table(
        [nl ? 'Initiatief' : 'Initiative', nl ? 'Ratio (P5–P95)' : 'Ratio (P5–P95)', nl ? 'NCW / saldo' : 'NPV / balance', nl ? 'Criteria gehaald / deels / niet' : 'Criteria met / partly / not'],
        results.map((r) => summaryRow(r, ctx.lang)),
        [false, true, true, true],
      ),
    );
    line(ctx.stdout);
    line(
      ctx.stdout,
      nl
        ? `Per ${asOf}; illustratieve getallen (de wijkcijfers van ELAN zijn echt). "?" = niet meetbaar, "…" = nog niet aan de orde.`
        : `As of ${asOf}; illustrative numbers (the ELAN neighbourhood figures are real). "?" = not measurable, "…" = not due yet.`,
    );
    if (index) line(ctx.stdout, `${nl ? 'Open het rapport' : 'Open the report'}: ${relative(ctx.cwd, index)}`);
    return exit;
  },
};
