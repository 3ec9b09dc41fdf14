import { parseArgs } from 'node:util';
import { join, relative, resolve } from 'node:path';
import {
  RendementError,
  buildReport,
  evaluateInitiative,
  initiativeReportInput,
  reportFormats,
  writeReportFiles,
  type Model,
  type ObservationStore,
  type ReportFormat,
  type ReportInput,
} from '../../index.js';
import { modelsFrom, runPortfolio } from '../portfolio-run.js';
import { EXIT, type Command, type CommandContext } from '../context.js';
import { json, line } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { generationTime, today } from '../clock.js';
import { openExistingStore, storePath } from '../open-store.js';
import { modelFilesIn } from './demo.js';

function parseFormats(text: string): ReportFormat[] | string {
  const asked = text.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const bad = asked.find((f) => !reportFormats.includes(f as ReportFormat));
  return bad ?? (asked as ReportFormat[]);
}

/** Everything a report of one initiative draws on, by the one evaluation path every route shares. */
async function reportInput(model: Model, ctx: CommandContext, store: ObservationStore | null, asOf: string, includeSubmitted = false): Promise<ReportInput> {
  return initiativeReportInput(model, await evaluateInitiative(store, model, { asOf, includeSubmitted }), ctx.lang);
}

const text = {
  usage: {
    nl: '✗ Geef een of meer modelbestanden op, of --all. Zie: rendement report --help',
    en: '✗ Give one or more model files, or --all. See: rendement report --help',
  },
  format: {
    nl: (f: string) => `✗ Onbekend formaat "${f}". Kies uit: ${reportFormats.join(', ')}.`,
    en: (f: string) => `✗ Unknown format "${f}". Choose from: ${reportFormats.join(', ')}.`,
  },
  written: { nl: (n: number, dir: string) => `${n} bestanden geschreven in ${dir}`, en: (n: number, dir: string) => `${n} files written to ${dir}` },
} as const;

export const reportCommand: Command = {
  name: 'report',
  summary: { nl: 'Maak rapporten (raad en buurt), grafieken en samenvattingen', en: 'Make reports (council and neighbourhood), charts and summaries' },
  help: {
    nl: `Gebruik: rendement report <model...|--all> [--models models/] [--out reports/] [--format html,md,json,svg,png] [--store data/rendement.duckdb] [--as-of YYYY-MM-DD] [--include-submitted] [--json] [--lang nl|en]

Maakt per initiatief een map <out>/<id>/ met:
  council.html        rapport voor de gemeenteraad (samenvatting, criteria, SROI, MKBA, PM-posten,
                      onzekerheid, methoden, herkomst van gegevens, rekenspoor)
  neighbourhood.html  verslag in gewone taal voor de buurt
  summary.md          korte samenvatting; report.json: alle getallen
  charts/             elke grafiek als SVG en/of PNG met de Vega-Lite-spec (.vl.json) ernaast
Met --all of meerdere modellen komt er een overzicht bij: <out>/index.html.
Monitoringdata komt uit de opslag (--store): de succescriteria worden geëvalueerd per
--as-of (standaard vandaag), aantallen uit monitoringdata ingevuld, en de aangeleverde
bestanden staan als herkomst in het rapport. Zonder opslag is er geen meting: criteria zijn
dan "niet meetbaar" of "termijn loopt nog", nooit 0.
De rapporten zijn zelfstandige bestanden (geen internet nodig) en printen netjes naar PDF.
Het enige dat per run verschilt is de gemarkeerde generatietijd; zet SOURCE_DATE_EPOCH
om ook die vast te leggen.

Voorbeelden:
  rendement report models/buurthuis-moerwijk.yaml
  rendement report --all --out reports/ --format html,png --lang en`,
    en: `Usage: rendement report <model...|--all> [--models models/] [--out reports/] [--format html,md,json,svg,png] [--store data/rendement.duckdb] [--as-of YYYY-MM-DD] [--include-submitted] [--json] [--lang nl|en]

Makes a folder <out>/<id>/ per initiative with:
  council.html        report for the council (summary, criteria, SROI, MKBA, PM items,
                      uncertainty, methods, data provenance, calculation trace)
  neighbourhood.html  plain-language report for the neighbourhood
  summary.md          short summary; report.json: every number
  charts/             every chart as SVG and/or PNG with its Vega-Lite spec (.vl.json) beside it
With --all or several models there is also an overview: <out>/index.html.
Monitoring data comes from the store (--store): success criteria are evaluated as of
--as-of (default today), quantities taken from monitoring data, and the files supplied are
listed as provenance. Without a store there is no measurement: criteria are "not
measurable" or "not due yet", never 0.
Reports are self-contained files (no internet needed) and print cleanly to PDF.
Only the marked generation time differs between runs; set SOURCE_DATE_EPOCH to fix that too.

Examples:
  rendement report models/buurthuis-moerwijk.yaml
  rendement report --all --out reports/ --format html,png --lang en`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: [...ctx.args],
      allowPositionals: true,
      options: {
        all: { type: 'boolean' },
        models: { type: 'string', default: join(ctx.cwd, 'models') },
        out: { type: 'string', default: join(ctx.cwd, 'reports') },
        format: { type: 'string', default: reportFormats.join(',') },
        store: { type: 'string' },
        'as-of': { type: 'string' },
        'include-submitted': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    const formats = parseFormats(values.format);
    if (typeof formats === 'string') {
      line(ctx.stderr, text.format[ctx.lang](formats));
      return EXIT.usage;
    }
    if ((!values.all && positionals.length === 0) || (values.all && positionals.length > 0)) {
      line(ctx.stderr, text.usage[ctx.lang]);
      return EXIT.usage;
    }
    const paths = values.all ? await modelFilesIn(resolve(ctx.cwd, values.models)) : positionals.map((p) => resolve(ctx.cwd, p));
    const asOf = values['as-of'] ?? today();
    const out = resolve(ctx.cwd, values.out);
    if (values.all || paths.length > 1) {
      // Several initiatives: streamed like `portfolio` (models loaded and reports written one at a time), plus the overview.
      const loading = { exit: EXIT.ok as number, count: 0, illustrative: false };
      const models = modelsFrom(paths, (file) => loadModelOrReport(file, ctx), () => true, loading);
      const store = await openExistingStore(storePath(ctx, values.store));
      let run;
      try {
        run = await runPortfolio(ctx, store, models, { asOf, out, formats, quiet: Boolean(ctx.quiet), total: paths.length, includeSubmitted: values['include-submitted'] ?? false });
      } finally {
        store?.close();
      }
      if (values.json) {
        const initiatives = run.done.map((d) => ({ id: d.id, main: relative(out, join(out, d.mainFile ?? d.id)) }));
        ctx.stdout.write(json({ out, initiatives, index: run.index ? relative(out, run.index) : null, filesWritten: run.filesWritten }));
      } else {
        for (const d of run.done) line(ctx.stdout, `✓ ${d.id}: ${relative(ctx.cwd, join(out, d.mainFile ?? d.id))}`);
        if (run.index) line(ctx.stdout, `✓ ${relative(ctx.cwd, run.index)}`);
        if (run.done.length) line(ctx.stdout, text.written[ctx.lang](run.filesWritten, relative(ctx.cwd, out) || '.'));
      }
      return loading.count === 0 && loading.exit !== EXIT.ok ? loading.exit : Math.max(loading.exit, run.exit);
    }
    const loaded = await loadModelOrReport(paths[0]!, ctx);
    if ('exit' in loaded) return loaded.exit;
    const store = await openExistingStore(storePath(ctx, values.store));
    try {
      const model = loaded.model;
      let input: ReportInput;
      try {
        input = await reportInput(model, ctx, store, asOf, values['include-submitted'] ?? false);
      } catch (e) {
        if (!(e instanceof RendementError)) throw e;
        line(ctx.stderr, `✗ ${model.id}: ${e.text[ctx.lang]}`);
        return e.exitCode;
      }
      const files = (await buildReport(input, { lang: ctx.lang, generatedAt: generationTime() }, formats)).files.map((f) => ({ ...f, path: join(model.id, f.path) }));
      const written = await writeReportFiles(out, files);
      const main = written.find((p) => p.endsWith(join(model.id, 'council.html'))) ?? written[0];
      if (values.json) {
        const initiatives = [{ id: model.id, main: relative(out, main ?? join(out, model.id)) }];
        ctx.stdout.write(json({ out, initiatives, index: null, filesWritten: written.length }));
      } else {
        line(ctx.stdout, `✓ ${model.id}: ${main ? relative(ctx.cwd, main) : relative(ctx.cwd, join(out, model.id))}`);
        line(ctx.stdout, text.written[ctx.lang](written.length, relative(ctx.cwd, out) || '.'));
      }
    } finally {
      store?.close();
    }
    return EXIT.ok;
  },
};
