import type { Lang, Model } from '../core/index.js';
import { buildReport, type ReportFormat } from '../render/build-report.js';
import { viewFiles } from '../render/council-view.js';
import { portfolioRow, type PortfolioRow } from '../render/portfolio-row.js';
import { writeReportFiles } from '../render/write-report.js';
import { initiativeEvaluationJson, initiativeUncertainty, withUncertainty, type InitiativeEvaluation } from './evaluate-initiative.js';
import { initiativeReportInput } from './initiative-report.js';

/** The work on one initiative of a portfolio after its store reads: what a worker thread receives. */
export interface PortfolioInitiativeJob {
  readonly index: number;
  readonly model: Model;
  /** Its evaluation with the uncertainty deferred (`evaluateInitiative(…, { uncertainty: 'deferred' })`). */
  readonly result: InitiativeEvaluation;
  readonly lang: Lang;
  readonly generatedAt: string;
  readonly formats: readonly ReportFormat[];
  /** The portfolio's output folder; this initiative's report goes to `<out>/<id>/`. */
  readonly out: string;
  /** False: no report files, only the summary (`--no-render`). */
  readonly render: boolean;
  /** Return the `evaluate --json` contract of the initiative too (`portfolio --json`). */
  readonly json: boolean;
}

/** The figures the CLI's summary table prints for one initiative. */
export interface PortfolioFigures {
  readonly method: string;
  readonly sroiRatio: number | null;
  readonly npv: number;
  readonly ratioP05?: number;
  readonly ratioP95?: number;
  readonly mkba?: { readonly benefitCostRatio: number | null; readonly balance: number; readonly p05?: number; readonly p95?: number };
  readonly counts: Readonly<Record<string, number>>;
}

/** What is kept of one initiative once its report is written: a few hundred bytes. */
export interface PortfolioInitiativeDone {
  readonly index: number;
  readonly id: string;
  readonly row: PortfolioRow;
  readonly figures: PortfolioFigures;
  /** Why its uncertainty could not be computed (the report is then without it). */
  readonly warning?: { readonly nl: string; readonly en: string };
  /** Files written, and the main page (council.html, else the first file) relative to the output folder. */
  readonly filesWritten: number;
  readonly mainFile?: string;
  readonly json?: ReturnType<typeof initiativeEvaluationJson>;
  /** Seconds spent on uncertainty, building the report and writing it. */
  readonly seconds: { readonly uncertainty: number; readonly render: number; readonly write: number };
}

function figuresOf(r: InitiativeEvaluation): PortfolioFigures {
  const v = r.valuation;
  const mc = r.uncertainty?.monteCarlo;
  const bc = r.uncertainty?.mkba?.monteCarlo?.benefitCostRatio;
  return {
    method: v.method,
    sroiRatio: v.sroiRatio,
    npv: v.npv,
    ...(mc?.ratio ? { ratioP05: mc.ratio.p05, ratioP95: mc.ratio.p95 } : {}),
    ...(r.mkba ? { mkba: { benefitCostRatio: r.mkba.benefitCostRatio, balance: r.mkba.balance, ...(bc ? { p05: bc.p05, p95: bc.p95 } : {}) } } : {}),
    counts: { ...r.evaluation.scores.counts },
  };
}

const clock = (): number => performance.now() / 1000;

/**
 * One initiative of a portfolio, after its store reads: uncertainty on exactly the quantities and deadweights its
 * valuation used, then its full report built and written to `<out>/<id>/` — the same files `report` writes for it —
 * and only its summary returned. Runs on a worker thread or, with no workers, in the calling thread.
 */
export async function runPortfolioInitiative(job: PortfolioInitiativeJob): Promise<PortfolioInitiativeDone> {
  const { model, lang } = job;
  const t0 = clock();
  let full = job.result;
  let warning: { nl: string; en: string } | undefined;
  try {
    full = withUncertainty(job.result, initiativeUncertainty(model, job.result.valueOptions, job.result.uncertaintyOptions));
  } catch (e) {
    const err = e as { text?: { nl?: unknown; en?: unknown }; message?: unknown };
    if (typeof err.text?.en !== 'string') throw e;
    warning = { en: err.text.en, nl: typeof err.text.nl === 'string' ? err.text.nl : err.text.en };
  }
  const t1 = clock();
  const input = initiativeReportInput(model, full, lang);
  const row = portfolioRow(input, lang);
  let filesWritten = 0;
  let mainFile: string | undefined;
  let t2 = t1;
  if (job.render) {
    const bundle = await buildReport(input, { lang, generatedAt: job.generatedAt }, job.formats);
    t2 = clock();
    const files = bundle.files.map((f) => ({ path: `${model.id}/${f.path}`, content: f.content }));
    await writeReportFiles(job.out, files);
    filesWritten = files.length;
    mainFile = (files.find((f) => f.path === `${model.id}/${viewFiles.council}`) ?? files[0])?.path;
  }
  const t3 = job.render ? clock() : t1;
  return {
    index: job.index,
    id: model.id,
    row,
    figures: figuresOf(full),
    ...(warning ? { warning } : {}),
    filesWritten,
    ...(mainFile ? { mainFile } : {}),
    ...(job.json ? { json: initiativeEvaluationJson(full) } : {}),
    seconds: { uncertainty: t1 - t0, render: t2 - t1, write: t3 - t2 },
  };
}
