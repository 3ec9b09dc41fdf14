import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
// Narrow imports keep each worker's start-up small (the core index would also load mathjs).
import { modelUncertainty, type UncertaintyResult } from '../core/uncertainty/evaluate-uncertainty.js';
import type { Model } from '../core/schema/model.js';
import type { ResolvedQuantity, ValueModelOptions } from '../core/value-model.js';

/** One initiative of a portfolio run: its validated model and, when its quantities come from data, those. */
export interface PortfolioJob {
  readonly model: Model;
  readonly quantities?: Readonly<Record<string, ResolvedQuantity>>;
  /** Deadweights derived from comparison areas, as the valuation used them. */
  readonly deadweights?: ValueModelOptions['deadweights'];
}

/** The uncertainty of one initiative, or why it could not be computed (code and NL/EN text of the error). */
export type PortfolioOutcome =
  | { readonly id: string; readonly ok: true; readonly uncertainty: UncertaintyResult }
  | { readonly id: string; readonly ok: false; readonly error: { readonly code: string; readonly message: { readonly nl: string; readonly en: string } } };

/** Options of a portfolio run. */
export interface PortfolioOptions {
  /** Worker threads (default: the machine's available parallelism, at most one per initiative); 0 runs in this thread. */
  readonly workers?: number;
  /** Draws and seed for every initiative, overriding the models' own settings. */
  readonly draws?: number;
  readonly seed?: number;
  /** Module the workers run (default: this module; tests point it at the built file). */
  readonly workerUrl?: URL;
}

interface JobMessage {
  readonly index: number;
  readonly job: PortfolioJob;
  readonly draws?: number;
  readonly seed?: number;
}

type ResultMessage = { readonly index: number; readonly outcome: PortfolioOutcome };

const MARKER = 'rendement-monte-carlo-worker';

function evaluate(job: PortfolioJob, draws: number | undefined, seed: number | undefined): PortfolioOutcome {
  try {
    const options = { ...(job.quantities ? { quantities: job.quantities } : {}), ...(job.deadweights ? { deadweights: job.deadweights } : {}), ...(draws === undefined ? {} : { draws }), ...(seed === undefined ? {} : { seed }) };
    return { id: job.model.id, ok: true, uncertainty: modelUncertainty(job.model, options) };
  } catch (e) {
    const err = e as { code?: unknown; text?: { nl?: unknown; en?: unknown }; message?: unknown };
    const en = typeof err.text?.en === 'string' ? err.text.en : String(err.message ?? e);
    const nl = typeof err.text?.nl === 'string' ? err.text.nl : en;
    return { id: job.model.id, ok: false, error: { code: typeof err.code === 'string' ? err.code : 'uncertainty.failed', message: { nl, en } } };
  }
}

/**
 * Evaluates the uncertainty (tornado, switching values, scenarios, seeded Monte Carlo) of every initiative of a
 * portfolio, spread over worker threads (DESIGN "Scale": evaluation per initiative is independent). Results come
 * back in the order of `jobs`; each depends only on its model and seed, never on the number of workers, so a run
 * with 1 or 8 threads gives identical numbers. An initiative that fails is reported, the others still run.
 * @example const results = await runPortfolioUncertainty(models.map((model) => ({ model })), { draws: 10_000, seed: 1 });
 */
export async function runPortfolioUncertainty(jobs: readonly PortfolioJob[], options: PortfolioOptions = {}): Promise<PortfolioOutcome[]> {
  const results = new Array<PortfolioOutcome>(jobs.length);
  const wanted = options.workers ?? availableParallelism();
  const count = Math.max(0, Math.min(Math.floor(wanted), jobs.length));
  if (count === 0) {
    jobs.forEach((job, i) => (results[i] = evaluate(job, options.draws, options.seed)));
    return results;
  }
  let next = 0;
  const url = options.workerUrl ?? new URL(import.meta.url);
  await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(url, { workerData: { marker: MARKER } });
      return new Promise<void>((resolve, reject) => {
        const send = (): void => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const index = next++;
          const message: JobMessage = { index, job: jobs[index]!, ...(options.draws === undefined ? {} : { draws: options.draws }), ...(options.seed === undefined ? {} : { seed: options.seed }) };
          worker.postMessage(message);
        };
        worker.on('message', (m: ResultMessage) => {
          results[m.index] = m.outcome;
          send();
        });
        worker.once('error', reject);
        send();
      });
    }),
  );
  return results;
}

// Worker side: evaluate each job message and send the outcome back.
if (!isMainThread && parentPort && (workerData as { marker?: string } | null)?.marker === MARKER) {
  const port = parentPort;
  port.on('message', (m: JobMessage) => {
    const reply: ResultMessage = { index: m.index, outcome: evaluate(m.job, m.draws, m.seed) };
    port.postMessage(reply);
  });
}
