import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RendementError, type Lang, type Model } from '../core/index.js';
import type { ObservationStore } from '../data/store.js';
import type { ReportFormat } from '../render/build-report.js';
import type { PortfolioRow } from '../render/portfolio-row.js';
import { evaluateInitiative } from './evaluate-initiative.js';
import { runPortfolioInitiative, type PortfolioInitiativeDone, type PortfolioInitiativeJob } from './portfolio-initiative.js';
import { PORTFOLIO_WORKER, type PortfolioWorkerReply } from './portfolio-worker.js';

/** Options of a streamed portfolio run. */
export interface PortfolioStreamOptions {
  readonly asOf: string;
  readonly out: string;
  readonly lang: Lang;
  readonly generatedAt: string;
  readonly formats: readonly ReportFormat[];
  /** Worker threads for uncertainty and reports (default: available parallelism, at most one per initiative); 0 runs all in this thread. */
  readonly workers?: number;
  /** False: evaluate and summarise only, write no report per initiative (`--no-render`). */
  readonly render?: boolean;
  /** Monte Carlo draws per initiative, overriding the models' own (seeds stay the models'). */
  readonly draws?: number;
  /** Count submitted (not yet approved) uploads too: a preview (`--include-submitted`). */
  readonly includeSubmitted?: boolean;
  /** Keep each initiative's `evaluate --json` contract (memory then grows with the portfolio). */
  readonly json?: boolean;
  /** Module the workers run (default: the built portfolio-worker.js beside this file; tests point it at dist). */
  readonly workerUrl?: URL;
  /** Called before each initiative is evaluated (progress). */
  readonly onEvaluate?: (index: number, id: string) => void;
}

/** An initiative that could not be evaluated: its id and the error (bad input, exit code and NL/EN text). */
export interface PortfolioFailure {
  readonly id: string;
  readonly error: RendementError;
}

/** What a streamed run keeps: one summary per initiative (in id order), the failures, and seconds per phase. */
export interface PortfolioStreamResult {
  readonly done: readonly PortfolioInitiativeDone[];
  readonly rows: readonly PortfolioRow[];
  readonly failures: readonly PortfolioFailure[];
  readonly workers: number;
  /**
   * Seconds per phase: `evaluate` (store reads and valuation, this thread), `uncertainty`, `render` and `write`
   * (summed over the workers, so they can exceed the wall time), `pipeline` (wall time of all of that together).
   */
  readonly seconds: Readonly<Record<string, number>>;
}

/** A fixed pool of portfolio workers: each takes one initiative at a time; answers come back in any order. */
class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: { job: PortfolioInitiativeJob; ok: (d: PortfolioInitiativeDone) => void; fail: (e: Error) => void }[] = [];
  private readonly busy = new Map<Worker, { ok: (d: PortfolioInitiativeDone) => void; fail: (e: Error) => void }>();
  private readonly all: Worker[] = [];
  private broken: Error | null = null;

  constructor(count: number, url: URL) {
    for (let i = 0; i < count; i++) {
      const w = new Worker(url, { workerData: { marker: PORTFOLIO_WORKER } });
      w.on('message', (reply: PortfolioWorkerReply) => {
        const task = this.busy.get(w);
        this.busy.delete(w);
        this.idle.push(w);
        if (task) {
          if (reply.ok) task.ok(reply.done);
          else task.fail(new Error(`portfolio worker: ${reply.error}`));
        }
        this.next();
      });
      w.on('error', (e) => this.breakWith(e));
      w.on('exit', (code) => {
        if (code !== 0) this.breakWith(new Error(`portfolio worker exited with code ${code}`));
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  /** Pending initiatives: sent to a worker or waiting for one. */
  get pending(): number {
    return this.busy.size + this.waiting.length;
  }

  run(job: PortfolioInitiativeJob): Promise<PortfolioInitiativeDone> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((ok, fail) => {
      this.waiting.push({ job, ok, fail });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length && this.waiting.length) {
      const w = this.idle.shift()!;
      const task = this.waiting.shift()!;
      this.busy.set(w, task);
      w.postMessage(task.job);
    }
  }

  private breakWith(e: Error): void {
    this.broken ??= e;
    for (const t of [...this.busy.values(), ...this.waiting]) t.fail(e);
    this.busy.clear();
    this.waiting.length = 0;
  }

  async close(): Promise<void> {
    this.broken ??= new Error('pool closed');
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}

const clock = (): number => performance.now() / 1000;

/**
 * A portfolio run that streams (issue 18): this thread takes one model at a time (a list or an async iterable that
 * loads them as it goes), reads and evaluates its initiative from the store,
 * hands it to a pool of worker threads for its uncertainty (Monte Carlo) and report, which is written to
 * `<out>/<id>/` as soon as it is built; only the initiative's summary row comes back. At most two initiatives per
 * worker are in flight, so memory does not grow with the portfolio. Each report depends only on its model, the store
 * and the as-of date, never on the number of workers or which finishes first; rows come back in id order.
 * Initiatives that cannot be evaluated (bad input) are listed in `failures`; the others still run.
 * @throws Error when a worker fails unexpectedly (a bug, not bad input).
 */
export async function runPortfolioStream(store: ObservationStore | null, models: Iterable<Model> | AsyncIterable<Model>, options: PortfolioStreamOptions): Promise<PortfolioStreamResult> {
  const wanted = Math.floor(options.workers ?? availableParallelism());
  // Models may come one at a time (a loaded model takes ~80 KB; 10,000 of them would fill a gigabyte), so the
  // count is only known for a list.
  const count = Math.max(0, Array.isArray(models) ? Math.min(wanted, models.length) : wanted);
  const pool = count > 0 ? new WorkerPool(count, options.workerUrl ?? new URL('./portfolio-worker.js', import.meta.url)) : null;
  const done: PortfolioInitiativeDone[] = [];
  const failures: PortfolioFailure[] = [];
  const inFlight = new Set<Promise<void>>();
  let evaluateSeconds = 0;
  const started = clock();
  try {
    let index = -1;
    for await (const model of models) {
      index++;
      options.onEvaluate?.(index, model.id);
      const t0 = clock();
      let result;
      try {
        result = await evaluateInitiative(store, model, { asOf: options.asOf, uncertainty: 'deferred', includeSubmitted: options.includeSubmitted ?? false, ...(options.draws === undefined ? {} : { draws: options.draws }) });
      } catch (e) {
        if (!(e instanceof RendementError)) throw e;
        failures.push({ id: model.id, error: e });
        continue;
      } finally {
        evaluateSeconds += clock() - t0;
      }
      const job: PortfolioInitiativeJob = {
        index,
        model,
        result,
        lang: options.lang,
        generatedAt: options.generatedAt,
        formats: options.formats,
        out: options.out,
        render: options.render ?? true,
        json: options.json ?? false,
      };
      if (!pool) {
        done.push(await runPortfolioInitiative(job));
        continue;
      }
      const p: Promise<void> = pool.run(job).then((d) => {
        done.push(d);
        inFlight.delete(p);
      });
      inFlight.add(p);
      p.catch(() => undefined); // awaited below (race or all); this only keeps a failure from counting as unhandled meanwhile
      // Back-pressure: evaluate ahead of the workers by at most one initiative each.
      while (pool.pending >= 2 * count) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  const pipeline = clock() - started;
  done.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sum = (k: keyof PortfolioInitiativeDone['seconds']): number => done.reduce((s, d) => s + d.seconds[k], 0);
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    done,
    rows: done.map((d) => d.row),
    failures,
    workers: count,
    seconds: { evaluate: round(evaluateSeconds), uncertainty: round(sum('uncertainty')), render: round(sum('render')), write: round(sum('write')), pipeline: round(pipeline) },
  };
}
