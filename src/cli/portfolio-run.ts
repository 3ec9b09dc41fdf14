import { join, relative } from 'node:path';
import {
  RendementError,
  buildPortfolio,
  evaluateInitiative,
  formatEuro,
  formatNumber,
  formatRatio,
  initiativeReportInput,
  runPortfolioUncertainty,
  withUncertainty,
  writeReportFiles,
  type InitiativeEvaluation,
  type Lang,
  type Model,
  type ObservationStore,
  type ReportFormat,
  type ReportInput,
} from '../index.js';
import { EXIT, type CommandContext } from './context.js';
import { line, table } from './output.js';
import { createProgress } from './progress.js';
import { generationTime } from './clock.js';

/** What a portfolio run produced: one evaluation per initiative, the overview page, and the exit code. */
export interface PortfolioRun {
  readonly results: readonly InitiativeEvaluation[];
  readonly index?: string;
  readonly exit: number;
}

/**
 * Evaluates every model from the store, runs their uncertainty on worker threads (DESIGN "Scale": initiatives are
 * independent), and writes the portfolio report: an overview page plus a page per initiative.
 */
export async function runPortfolio(
  ctx: CommandContext,
  store: ObservationStore | null,
  models: readonly Model[],
  options: { asOf: string; out: string; formats: readonly ReportFormat[]; quiet: boolean; workers?: number },
): Promise<PortfolioRun> {
  let exit: number = EXIT.ok;
  const phases = phaseTimer();
  const evaluated: { model: Model; result: InitiativeEvaluation }[] = [];
  const progress = createProgress(ctx.stderr, ctx.lang === 'nl' ? 'evalueren' : 'evaluating', models.length, !options.quiet);
  for (const [i, model] of models.entries()) {
    progress.tick(i, model.id);
    try {
      evaluated.push({ model, result: await evaluateInitiative(store, model, { asOf: options.asOf, uncertainty: 'deferred' }) });
    } catch (e) {
      if (!(e instanceof RendementError)) throw e;
      line(ctx.stderr, `✗ ${model.id}: ${e.text[ctx.lang]}`);
      exit = Math.max(exit, e.exitCode);
    }
  }
  progress.done();
  phases.end('evaluate');

  // The same uncertainty evaluateInitiative computes inline (initiativeUncertainty), on worker threads.
  const outcomes = await runPortfolioUncertainty(
    evaluated.map(({ model, result }) => ({
      model,
      ...(result.valueOptions.quantities ? { quantities: result.valueOptions.quantities } : {}),
      ...(result.valueOptions.deadweights ? { deadweights: result.valueOptions.deadweights } : {}),
    })),
    options.workers === undefined ? {} : { workers: options.workers },
  );
  phases.end('monteCarlo');
  const uncertaintyOf = new Map(outcomes.map((o) => [o.id, o]));
  const results: InitiativeEvaluation[] = [];
  const inputs: ReportInput[] = [];
  for (const { model, result } of evaluated) {
    const u = uncertaintyOf.get(model.id);
    if (u && !u.ok) line(ctx.stderr, `! ${model.id}: ${u.error.message[ctx.lang]}`);
    const full = u?.ok ? withUncertainty(result, u.uncertainty) : result;
    results.push(full);
    inputs.push(initiativeReportInput(model, full, ctx.lang));
  }
  if (inputs.length === 0) return { results, exit: exit === EXIT.ok ? EXIT.invalidInput : exit };
  const { files } = await buildPortfolio(inputs, { lang: ctx.lang, generatedAt: generationTime() }, options.formats);
  phases.end('report');
  const written = await writeReportFiles(options.out, files);
  phases.end('write');
  phases.print(ctx);
  const index = written.find((p) => p === join(options.out, 'index.html'));
  return index === undefined ? { results, exit } : { results, index, exit };
}

/**
 * Seconds per phase of a portfolio run, printed to stderr as one JSON line when RENDEMENT_TIMINGS=1
 * (`npm run bench:portfolio` reads it), with the process's peak resident memory so far. Never part of a result.
 */
function phaseTimer(): { end(phase: string): void; print(ctx: CommandContext): void } {
  const seconds: Record<string, number> = {};
  let last = performance.now();
  return {
    end(phase) {
      const now = performance.now();
      seconds[phase] = Math.round(now - last) / 1000;
      last = now;
    },
    print(ctx) {
      if (process.env['RENDEMENT_TIMINGS'] === '1') line(ctx.stderr, `rendement-timings ${JSON.stringify({ seconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}`);
    },
  };
}

function summaryRow(r: InitiativeEvaluation, lang: Lang): string[] {
  const v = r.valuation;
  const mc = r.uncertainty?.monteCarlo;
  const mkbaOnly = v.method === 'mkba' && r.mkba;
  const bc = r.uncertainty?.mkba?.monteCarlo?.benefitCostRatio;
  const ratio = mkbaOnly
    ? `${lang === 'nl' ? 'B/K' : 'B/C'} ${formatNumber(r.mkba!.benefitCostRatio, lang, 2, 2)}${bc ? ` (${formatNumber(bc.p05, lang, 2, 2)}–${formatNumber(bc.p95, lang, 2, 2)})` : ''}`
    : `${formatRatio(v.sroiRatio, lang)}${mc?.ratio ? ` (${formatRatio(mc.ratio.p05, lang)}–${formatRatio(mc.ratio.p95, lang)})` : ''}`;
  const c = r.evaluation.scores.counts;
  return [
    r.initiative.name,
    ratio,
    formatEuro(mkbaOnly ? r.mkba!.balance : v.npv, lang),
    `${c.met} / ${c['partly-met']} / ${c['not-met']}${c['not-measurable'] ? ` (+${c['not-measurable']} ?)` : ''}${c['not-due'] ? ` (+${c['not-due']} …)` : ''}`,
  ];
}

/** The summary table of a portfolio: ratio with its P5–P95, NPV (or MKBA balance), criteria met / partly / not. */
export function printPortfolioSummary(ctx: CommandContext, run: PortfolioRun, asOf: string, illustrative: boolean): void {
  const nl = ctx.lang === 'nl';
  line(
    ctx.stdout,
    table(
      [nl ? 'Initiatief' : 'Initiative', 'Ratio (P5–P95)', nl ? 'NCW / saldo' : 'NPV / balance', nl ? 'Criteria gehaald / deels / niet' : 'Criteria met / partly / not'],
      run.results.map((r) => summaryRow(r, ctx.lang)),
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
