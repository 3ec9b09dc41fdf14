import { afterAll, describe, expect, it } from 'vitest';
import { ObservationStore, listAudit } from '../../src/index.js';
import { makeTokens, modelsDir, tempDir, uploadCsv } from './fixtures.js';
import { startServeProcess, type ServerProcess } from './serve-process.js';

// Kill -9 the server while clients upload, restart it on the same store: every upload that was acknowledged
// (201) is there with all its rows, and no upload is there in part.
const CLIENTS = 6;
const DAYS = 100; // 400 rows per upload

let server: ServerProcess | undefined;
const tmp = await tempDir('rendement-kill-');
afterAll(async () => {
  await server?.kill();
  await tmp.cleanup();
});

describe('SIGKILL during uploads', () => {
  it('keeps every acknowledged upload whole and no partial one', async () => {
    const tokens = await makeTokens(tmp.storePath, { c: { role: 'coalition', initiative: 'buurthuis-moerwijk' }, e: { role: 'evaluator' } });
    server = await startServeProcess(['--store', tmp.storePath, '--models', modelsDir, '--rate', '100000']);
    const url = server.url;
    const acked = new Map<string, number>();
    let attempted = 0;
    let killed = false;
    const failures: string[] = [];
    const client = async (c: number): Promise<void> => {
      for (let u = 0; !killed && u < 200; u++) {
        attempted++;
        const body = uploadCsv(c * 1000 + u, (u * 7) % 1300, DAYS);
        let r: Response;
        try {
          r = await fetch(`${url}/api/initiatives/buurthuis-moerwijk/uploads?name=c${c}-u${u}.csv`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens['c']!.token}`, 'content-type': 'text/csv' },
            body,
          });
        } catch {
          return; // connection dropped by the kill: not acknowledged
        }
        if (r.status !== 201) failures.push(`${r.status}: ${await r.text()}`);
        else {
          const j = (await r.json().catch(() => null)) as { uploadId: string; rowsWritten: number } | null;
          if (j) acked.set(j.uploadId, j.rowsWritten);
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    // Kill once some uploads are acknowledged and others are certainly in flight.
    const started = Date.now();
    while (acked.size < 8 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await server.kill();
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(8);
    expect(attempted).toBeGreaterThan(acked.size);

    // Restart on the same store: it opens, serves the acknowledged uploads, and takes new ones.
    server = await startServeProcess(['--store', tmp.storePath, '--models', modelsDir]);
    const list = (await (await fetch(`${server.url}/api/initiatives/buurthuis-moerwijk/uploads`, { headers: { authorization: `Bearer ${tokens['e']!.token}` } })).json()) as {
      uploads: { id: string }[];
    };
    for (const id of acked.keys()) expect(list.uploads.map((u) => u.id)).toContain(id);
    const after = await fetch(`${server.url}/api/initiatives/buurthuis-moerwijk/uploads?name=after.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['c']!.token}`, 'content-type': 'text/csv' },
      body: uploadCsv(999_999, 0, 3),
    });
    expect(after.status).toBe(201);
    expect(await server.stop()).toBe(0);

    const store = await ObservationStore.open(tmp.storePath);
    try {
      const perUpload = await store.query(
        `SELECT u.id, u.row_count, count(o.upload_id) AS stored, count(DISTINCT o."row") AS distinct_rows
         FROM uploads u LEFT JOIN observations o ON o.upload_id = u.id GROUP BY ALL`,
      );
      const stored = new Map(perUpload.map((r) => [String(r['id']), r]));
      for (const [id, rows] of acked) {
        const r = stored.get(id);
        expect(r, `acknowledged upload ${id} is missing`).toBeDefined();
        expect(Number(r!['stored'])).toBe(rows);
      }
      for (const r of perUpload) {
        // No partial upload: every recorded upload has exactly its rows, each once.
        expect(Number(r['stored']), String(r['id'])).toBe(Number(r['row_count']));
        expect(Number(r['distinct_rows'])).toBe(Number(r['row_count']));
      }
      console.log(`kill test: ${attempted} uploads attempted, ${acked.size} acknowledged before SIGKILL, ${perUpload.length - 1} stored (+1 after restart)`);
      const [orphans] = await store.query('SELECT count(*) AS n FROM observations WHERE upload_id NOT IN (SELECT id FROM uploads)');
      expect(Number(orphans!['n'])).toBe(0);
      // The audit entry is written in the upload's own transaction: every stored upload (acknowledged or cut off by the
      // kill after its commit) has exactly one "committed" entry, and no entry names an upload that is not stored.
      const committed = (await listAudit(store, { limit: 10_000 })).filter((e) => e.outcome === 'committed').map((e) => e.uploadId);
      expect([...committed].sort()).toEqual(perUpload.map((r) => String(r['id'])).sort());
      for (const id of acked.keys()) expect(committed).toContain(id);
    } finally {
      store.close();
    }
  });
});
