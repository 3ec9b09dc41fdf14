import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runPortfolioInitiative, type PortfolioInitiativeDone, type PortfolioInitiativeJob } from './portfolio-initiative.js';

/** Marks a worker started by the portfolio pool, so importing this module anywhere else does nothing. */
export const PORTFOLIO_WORKER = 'rendement-portfolio-worker';

/** A worker's answer: the initiative's summary, or the unexpected error that stopped it (a bug, not bad input). */
export type PortfolioWorkerReply = { readonly ok: true; readonly done: PortfolioInitiativeDone } | { readonly ok: false; readonly index: number; readonly error: string };

// Worker side: one initiative per message, answered in turn; the pool sends the next when the answer arrives.
if (!isMainThread && parentPort && (workerData as { marker?: string } | null)?.marker === PORTFOLIO_WORKER) {
  const port = parentPort;
  port.on('message', (job: PortfolioInitiativeJob) => {
    runPortfolioInitiative(job).then(
      (done) => port.postMessage({ ok: true, done } satisfies PortfolioWorkerReply),
      (e: unknown) => port.postMessage({ ok: false, index: job.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies PortfolioWorkerReply),
    );
  });
}
