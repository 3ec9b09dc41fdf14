import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit, ObservationStore, WriteQueue, ingestBytes } from '../../src/index.js';
import type { Model } from '../../src/core/index.js';
import { monitoringModel, tempDir } from './helpers.js';
import { join } from 'node:path';

/** A valid file of `days` dates × one indicator, values `value`, dates from day `from` of 2024. */
function csv(from: number, days: number, value: number): Buffer {
  const lines = ['indicator;gebied;periode;waarde'];
  for (let d = 0; d < days; d++) lines.push(`bezoekers-65plus;WK051836;${new Date(Date.UTC(2024, 0, 1 + from + d)).toISOString().slice(0, 10)};${value}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Occupies the writer until `release()`, so that uploads submitted meanwhile wait together and form one group. */
async function hold(queue: WriteQueue): Promise<{ release: () => void; held: Promise<void> }> {
  let release!: () => void;
  let held!: Promise<void>;
  await new Promise<void>((started) => {
    held = queue.run(() => new Promise<void>((r) => ((release = r), started())));
  });
  return { release, held };
}

describe('group commit of uploads (issue 16)', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  let store: ObservationStore;
  let model: Model;
  let commits: number;
  beforeEach(async () => {
    tmp = await tempDir();
    store = await ObservationStore.open(join(tmp.dir, 'store.duckdb'));
    model = await monitoringModel();
    // Counts the COMMIT statements the store receives.
    commits = 0;
    const run = store.connection.run.bind(store.connection);
    store.connection.run = (async (sql: string, ...rest: unknown[]) => {
      if (/^\s*COMMIT\b/i.test(sql)) commits++;
      return (run as (s: string, ...r: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof store.connection.run;
  });
  afterEach(async () => {
    store.close();
    await tmp.cleanup();
  });

  const upload = (bytes: Buffer, name: string) => (inGroup: boolean) =>
    ingestBytes(store, bytes, tmp.dir, { initiative: model.id, model, fileName: name, uploadedBy: 'test', now: new Date('2026-01-01T00:00:00Z'), inGroup });
  const stored = async () => Object.fromEntries((await store.query('SELECT file_name, row_count FROM uploads ORDER BY file_name')).map((r) => [r['file_name'], Number(r['row_count'])]));

  it('commits uploads that wait together in one transaction, each checked on its own and in order', async () => {
    const queue = new WriteQueue();
    const groups = new GroupCommit(store, queue);
    const { release, held } = await hold(queue);
    const results = [
      groups.submit(upload(csv(0, 3, 1), 'a.csv')),
      groups.submit(upload(csv(10, 4, 2), 'b.csv')),
      groups.submit(upload(Buffer.from('indicator;gebied;periode;waarde\nbestaat-niet;WK051836;2024-02-01;1\n'), 'bad.csv')),
      groups.submit(upload(csv(0, 3, 1), 'a-again.csv')), // the same bytes as a.csv: a duplicate of it, within the group
      groups.submit(upload(csv(20, 2, 3), 'c.csv')),
    ];
    release();
    await held;
    const [a, b, bad, again, c] = await Promise.all(results);
    expect(commits).toBe(1);
    expect([a!.ok, a!.rowsWritten, b!.rowsWritten, c!.rowsWritten]).toEqual([true, 3, 4, 2]);
    expect(bad!.ok).toBe(false);
    expect(bad!.issues.length).toBeGreaterThan(0);
    expect(again!.duplicateOf).toBe(a!.uploadId);
    expect(await stored()).toEqual({ 'a.csv': 3, 'b.csv': 4, 'c.csv': 2 });
  });

  it('a job that fails inside the group rolls the group back; the others then commit alone and the failed one leaves nothing', async () => {
    const queue = new WriteQueue();
    const groups = new GroupCommit(store, queue);
    const { release, held } = await hold(queue);
    // Fails after its rows are written into the transaction (its audit step throws), on every attempt.
    const failing = (inGroup: boolean) =>
      ingestBytes(store, csv(30, 5, 9), tmp.dir, {
        initiative: model.id,
        model,
        fileName: 'failing.csv',
        uploadedBy: 'test',
        inGroup,
        inTransaction: async () => {
          throw new Error('audit log unavailable');
        },
      });
    const results = [groups.submit(upload(csv(0, 3, 1), 'a.csv')), groups.submit(failing), groups.submit(upload(csv(10, 4, 2), 'b.csv'))].map((p) =>
      p.then(
        (r) => ({ ok: true as const, r }),
        (e: Error) => ({ ok: false as const, message: e.message }),
      ),
    );
    release();
    await held;
    const [a, f, b] = await Promise.all(results);
    expect(a).toMatchObject({ ok: true, r: { rowsWritten: 3 } });
    expect(b).toMatchObject({ ok: true, r: { rowsWritten: 4 } });
    expect(f).toEqual({ ok: false, message: 'audit log unavailable' });
    expect(await stored()).toEqual({ 'a.csv': 3, 'b.csv': 4 });
    const [rows] = await store.query('SELECT count(*) AS n FROM observations');
    expect(Number(rows!['n'])).toBe(7);
    // The group's COMMIT never ran; a and b committed alone, one transaction each.
    expect(commits).toBe(2);
  });

  it('settles a job only after its group committed', async () => {
    const queue = new WriteQueue();
    const groups = new GroupCommit(store, queue);
    const { release, held } = await hold(queue);
    const seen: number[] = [];
    const both = [groups.submit(upload(csv(0, 2, 1), 'a.csv')), groups.submit(upload(csv(5, 2, 1), 'b.csv'))].map((p) => p.then(() => seen.push(commits)));
    release();
    await held;
    await Promise.all(both);
    expect(seen).toEqual([1, 1]);
  });
});
