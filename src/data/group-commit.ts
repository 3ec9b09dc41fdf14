import type { ObservationStore } from './store.js';
import type { WriteQueue } from './write-queue.js';

/**
 * A write that can join a group transaction. With `inGroup` true the transaction is the group's: the job must not
 * begin or commit one (ingestFile's `inGroup` option). With false it runs alone, in its own transaction, as before.
 */
export type GroupJob<T> = (inGroup: boolean) => Promise<T>;

interface Pending {
  readonly job: GroupJob<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Group commit on the single writer: jobs submitted while the writer is busy wait together and then run one after
 * another in one transaction with one COMMIT, so a burst of small uploads pays for one durable commit instead of
 * one each (the technique of DeWitt et al., "Implementation techniques for main memory database systems",
 * SIGMOD 1984; PostgreSQL's commit_delay). Each job is still checked on its own and in order, so it sees the
 * uploads before it, exactly as if they had run one by one.
 *
 * Every promise settles only after the group's COMMIT returned: nothing is acknowledged before it is durable, and
 * a killed process leaves a write-ahead log without that commit, which DuckDB discards on reopen. DuckDB has no
 * savepoints, so when any job of a group throws, or the COMMIT fails, the whole group is rolled back and every job
 * of it runs again alone, in its own transaction: each upload stays all or nothing, and only a job that fails
 * alone reports its error. Rejected files (issues) do not throw: they write nothing but their audit entry.
 * @example const groups = new GroupCommit(store, queue); const r = await groups.submit((inGroup) => ingestBytes(store, bytes, dir, { ...options, inGroup }));
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly store: ObservationStore,
    private readonly queue: WriteQueue,
    /** Most jobs in one transaction; more wait for the next group. */
    private readonly maxGroup = 64,
  ) {}

  /** Queues `job` on the writer; resolves (or rejects) with its result once its group has committed. */
  submit<T>(job: GroupJob<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ job, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.pending.length === 0) return;
    this.scheduled = true;
    void this.queue.run(async () => {
      this.scheduled = false;
      const group = this.pending.splice(0, this.maxGroup);
      this.schedule();
      await this.runGroup(group);
    });
  }

  private async runGroup(group: readonly Pending[]): Promise<void> {
    if (group.length === 1) return this.runAlone(group[0]!);
    const c = this.store.connection;
    const results: unknown[] = [];
    let committed = false;
    await c.run('BEGIN TRANSACTION');
    try {
      for (const p of group) results.push(await p.job(true));
      await c.run('COMMIT');
      committed = true;
    } catch {
      await c.run('ROLLBACK').catch(() => {});
    }
    if (committed) {
      group.forEach((p, i) => p.resolve(results[i]));
      return;
    }
    for (const p of group) await this.runAlone(p);
  }

  private async runAlone(p: Pending): Promise<void> {
    try {
      p.resolve(await p.job(false));
    } catch (e) {
      p.reject(e);
    }
  }
}
