/**
 * One serialised writer: jobs run one at a time, in the order they were queued, each to completion (or failure)
 * before the next starts. The embedded store has one connection whose staging table and transactions are
 * per-connection state, so two uploads interleaving on it would mix their rows; queueing them makes every
 * upload land exactly once, whole. A failed job does not stop the queue.
 * @example const queue = new WriteQueue(); const r = await queue.run(() => ingestFile(store, path, options));
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Jobs queued or running. */
  get depth(): number {
    return this.waiting;
  }

  /** Queues `job` and resolves (or rejects) with its result once it has run. */
  run<T>(job: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(job, job);
    this.tail = result.then(
      () => this.waiting--,
      () => this.waiting--,
    );
    return result;
  }

  /** Resolves when every job queued so far has finished. */
  async drain(): Promise<void> {
    while (this.waiting > 0) await this.tail;
  }
}
