import { join, relative } from 'node:path';
import {
  buildPortfolioOverview,
  formatEuro,
  formatNumber,
  formatRatio,
  portfolioSummaryCsv,
  runPortfolioStream,
  writePortfolioSummaryParquet,
  writeReportFiles,
  type Lang,
  type Model,
  type ObservationStore,
  type PortfolioFigures,
  type PortfolioInitiativeDone,
  type ReportFormat,
} from '../index.js';
import { EXIT, type CommandContext } from './context.js';
import { line, table } from './output.js';
import { createProgress } from './progress.js';
import { generationTime } from './clock.js';

/** What a portfolio run produced: the summary of each initiative (in id order), the overview page, and the exit code. */
export interface PortfolioRun {
  readonly done: readonly PortfolioInitiativeDone[];
  readonly index?: string;
  readonly exit: number;
  /** Files written: every initiative's report plus the overview and its summary files. */
  readonly filesWritten: number;
}

/** Options of a portfolio run from the CLI (`portfolio`, `demo`, `report --all`). */
export interface PortfolioRunOptions {
  readonly asOf: string;
  readonly out: string;
  readonly formats: readonly ReportFormat[];
  readonly quiet: boolean;
  readonly workers?: number;
  /** Monte Carlo draws per initiative, overriding the models' own. */
  readonly draws?: number;
  /** Count submitted (not yet approved) uploads too (`--include-submitted`). */
  readonly includeSubmitted?: boolean;
  /** False: no report per initiative, only the overview and summary files. */
  readonly render?: boolean;
  /** Keep each initiative's `evaluate --json` contract for printing. */
  readonly json?: boolean;
  /** How many models an async iterable will give, at most (for the progress line). */
  readonly total?: number;
}

/**
 * Loads model files one at a time for a streamed run, so a portfolio never holds every model at once: a file that
 * does not load is reported (and its exit code kept in `state`), a model `keep` rejects is skipped.
 */
export async function* modelsFrom(files: readonly string[], load: (file: string) => Promise<{ model: Model } | { exit: number }>, keep: (model: Model) => boolean, state: { exit: number; count: number; illustrative: boolean }): AsyncGenerator<Model> {
  for (const file of files) {
    const loaded = await load(file);
    if ('exit' in loaded) state.exit = Math.max(state.exit, loaded.exit);
    else if (keep(loaded.model)) {
      state.count++;
      if (loaded.model.illustrative) state.illustrative = true;
      yield loaded.model;
    }
  }
}

/** File names of the summary rows written beside the overview. */
export const summaryFiles = { csv: 'index.csv', parquet: 'index.parquet' } as const;

/**
 * Evaluates every model from the store one at a time and streams each to worker threads for its uncertainty and
 * report (written as it is built; DESIGN "Scale"), keeping only summary rows; then writes the overview page, the
 * summary rows as CSV and Parquet, and prints failures and uncertainty warnings in id order.
 */
export async function runPortfolio(ctx: CommandContext, store: ObservationStore | null, models: readonly Model[] | AsyncIterable<Model>, options: PortfolioRunOptions): Promise<PortfolioRun> {
  const started = performance.now();
  const total = Array.isArray(models) ? models.length : (options.total ?? 0);
  const progress = createProgress(ctx.stderr, ctx.lang === 'nl' ? 'evalueren' : 'evaluating', total, !options.quiet);
  const generatedAt = generationTime();
  const stream = await runPortfolioStream(store, models, {
    asOf: options.asOf,
    out: options.out,
    lang: ctx.lang,
    generatedAt,
    formats: options.formats,
    render: options.render ?? true,
    json: options.json ?? false,
    includeSubmitted: options.includeSubmitted ?? false,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.draws === undefined ? {} : { draws: options.draws }),
    onEvaluate: (i, id) => progress.tick(i, id),
  });
  progress.done();
  let exit: number = EXIT.ok;
  for (const f of [...stream.failures].sort((a, b) => a.id.localeCompare(b.id))) {
    line(ctx.stderr, `✗ ${f.id}: ${f.error.text[ctx.lang]}`);
    exit = Math.max(exit, f.error.exitCode);
  }
  for (const d of stream.done) if (d.warning) line(ctx.stderr, `! ${d.id}: ${d.warning[ctx.lang]}`);
  if (stream.done.length === 0) return { done: [], exit: exit === EXIT.ok ? EXIT.invalidInput : exit, filesWritten: 0 };
  const o0 = performance.now();
  const overview = await buildPortfolioOverview(stream.rows, { lang: ctx.lang, generatedAt }, options.formats, { downloads: summaryFiles, rendered: options.render ?? true });
  const written = await writeReportFiles(options.out, [...overview, { path: summaryFiles.csv, content: portfolioSummaryCsv(stream.rows) }]);
  await writePortfolioSummaryParquet(join(options.out, summaryFiles.parquet), stream.rows);
  const overviewSeconds = (performance.now() - o0) / 1000;
  if (process.env['RENDEMENT_TIMINGS'] === '1') {
    const seconds = { ...stream.seconds, overview: Math.round(overviewSeconds * 1000) / 1000, run: Math.round(performance.now() - started) / 1000 };
    line(ctx.stderr, `rendement-timings ${JSON.stringify({ seconds, workers: stream.workers, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}`);
  }
  const index = written.find((p) => p === join(options.out, 'index.html'));
  const filesWritten = stream.done.reduce((n, d) => n + d.filesWritten, written.length + 1);
  return index === undefined ? { done: stream.done, exit, filesWritten } : { done: stream.done, index, exit, filesWritten };
}

function summaryRow(name: string, f: PortfolioFigures, lang: Lang): string[] {
  const mkbaOnly = f.method === 'mkba' && f.mkba;
  const ratio = mkbaOnly
    ? `${lang === 'nl' ? 'B/K' : 'B/C'} ${formatNumber(f.mkba!.benefitCostRatio, lang, 2, 2)}${f.mkba!.p05 !== undefined && f.mkba!.p95 !== undefined ? ` (${formatNumber(f.mkba!.p05, lang, 2, 2)}–${formatNumber(f.mkba!.p95, lang, 2, 2)})` : ''}`
    : `${formatRatio(f.sroiRatio, lang)}${f.ratioP05 !== undefined && f.ratioP95 !== undefined ? ` (${formatRatio(f.ratioP05, lang)}–${formatRatio(f.ratioP95, lang)})` : ''}`;
  const c = f.counts;
  return [
    name,
    ratio,
    formatEuro(mkbaOnly ? f.mkba!.balance : f.npv, lang),
    `${c['met'] ?? 0} / ${c['partly-met'] ?? 0} / ${c['not-met'] ?? 0}${c['not-measurable'] ? ` (+${c['not-measurable']} ?)` : ''}${c['not-due'] ? ` (+${c['not-due']} …)` : ''}`,
  ];
}

/** The summary table of a portfolio: ratio with its P5–P95, NPV (or MKBA balance), criteria met / partly / not. */
export function printPortfolioSummary(ctx: CommandContext, run: PortfolioRun, asOf: string, illustrative: boolean): void {
  const nl = ctx.lang === 'nl';
  line(
    ctx.stdout,
    table(
      [nl ? 'Initiatief' : 'Initiative', 'Ratio (P5–P95)', nl ? 'NCW / saldo' : 'NPV / balance', nl ? 'Criteria gehaald / deels / niet' : 'Criteria met / partly / not'],
      run.done.map((d) => summaryRow(d.row.name, d.figures, ctx.lang)),
      [false, true, true, true],
    ),
  );
  line(ctx.stdout);
  const legend = nl ? '"?" = niet meetbaar, "…" = nog niet aan de orde.' : '"?" = not measurable, "…" = not due yet.';
  const note = illustrative
    ? nl
      ? `Per ${asOf}; illustratieve getallen (de wijkcijfers van ELAN zijn echt). ${legend}`
      : `As of ${asOf}; illustrative numbers (the ELAN neighbourhood figures are real). ${legend}`
    : `${nl ? 'Per' : 'As of'} ${asOf}. ${legend}`;
  line(ctx.stdout, note);
  if (run.index) line(ctx.stdout, `${nl ? 'Open het rapport' : 'Open the report'}: ${relative(ctx.cwd, run.index)}`);
}
