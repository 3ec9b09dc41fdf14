/**
 * Load test of the upload service (issue 8), on loopback only: starts `rendement serve` (the built binary) on a
 * free 127.0.0.1 port with a temporary store and 50 temporary initiatives, runs 50 concurrent clients × 20
 * uploads each (one coalition token per client), stops the server, then opens the store and checks that every
 * acknowledged upload is there with exactly its rows — none lost, none twice. Prints throughput and p50/p99
 * latency and ends with one JSON line. Bounded: a fixed number of uploads and a deadline, after which it stops
 * the clients and the server itself.
 *
 *   npm run bench:load [-- --clients 50 --uploads 20 --days 5 --deadline 300]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ObservationStore, createToken } from '../src/index.js';

const root = process.cwd();
const bin = resolve(root, 'dist/cli/main.js');
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    uploads: { type: 'string', default: '20' },
    days: { type: 'string', default: '5' },
    deadline: { type: 'string', default: '300' },
  },
});
const CLIENTS = Math.min(200, Number(values.clients));
const UPLOADS = Math.min(200, Number(values.uploads));
const DAYS = Math.min(300, Number(values.days)); // rows per upload = 4 × DAYS
const DEADLINE_MS = Math.min(1800, Number(values.deadline)) * 1000;

/** A unique valid file for a copy of buurthuis-moerwijk: DAYS dates × 4 indicators, dates distinct per upload. */
function csv(client: number, upload: number): string {
  const lines = ['indicator;gebied;periode;waarde'];
  const base = Date.UTC(2024, 0, 1);
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(base + (upload * DAYS + d) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`bezoekers-65plus;WK051836;${date};${client * 1000 + upload}`, `vrijwilligers;WK051836;${date};${d}`, `tevredenheid;WK051836;${date};7,5`, `eenzaamheid;WK051836;${date};0,3`);
  }
  return `${lines.join('\n')}\n`;
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

async function main(): Promise<number> {
  if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: npm run build');
  if (UPLOADS * DAYS > 1400) throw new Error('uploads × days must stay within the model period (1400 days)');
  const dir = await mkdtemp(join(tmpdir(), 'rendement-load-'));
  const storePath = join(dir, 'store.duckdb');
  const modelsDir = join(dir, 'models');
  await mkdir(modelsDir);
  const template = await readFile(resolve(root, 'test/server/fixtures/models/buurthuis-moerwijk.yaml'), 'utf8');
  const ids = Array.from({ length: CLIENTS }, (_, c) => `load-${String(c).padStart(3, '0')}`);
  for (const id of ids) await writeFile(join(modelsDir, `${id}.yaml`), template.replace(/^id: buurthuis-moerwijk$/m, `id: ${id}`));
  const setup = await ObservationStore.open(storePath);
  const tokens: string[] = [];
  for (const id of ids) tokens.push((await createToken(setup, { role: 'coalition', initiative: id, createdBy: 'bench' })).token);
  setup.close();

  const server = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--store', storePath, '--models', modelsDir, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RENDEMENT_LANG: 'en' },
  });
  const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
  const hardStop = setTimeout(() => server.kill('SIGKILL'), DEADLINE_MS + 60_000);
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      const t = setTimeout(() => fail(new Error('server did not start')), 30_000);
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(t);
          ok(m[1]!);
        }
      });
      server.once('exit', () => fail(new Error('server exited')));
    });
    if (!url.startsWith('http://127.0.0.1:')) throw new Error('not loopback');

    const abort = new AbortController();
    const deadline = setTimeout(() => abort.abort(), DEADLINE_MS);
    const acked = new Map<string, { rows: number; initiative: string }>();
    const latencies: number[] = [];
    const errors: string[] = [];
    const started = performance.now();
    await Promise.all(
      ids.map(async (id, c) => {
        for (let u = 0; u < UPLOADS && !abort.signal.aborted; u++) {
          const body = csv(c, u);
          const t0 = performance.now();
          try {
            const r = await fetch(`${url}/api/initiatives/${id}/uploads?name=u${u}.csv`, {
              method: 'POST',
              headers: { authorization: `Bearer ${tokens[c]}`, 'content-type': 'text/csv' },
              body,
              signal: abort.signal,
            });
            const j = (await r.json()) as { uploadId?: string; rowsWritten?: number };
            latencies.push(performance.now() - t0);
            if (r.status === 201 && j.uploadId) {
              if (acked.has(j.uploadId)) errors.push(`upload id ${j.uploadId} acknowledged twice`);
              acked.set(j.uploadId, { rows: j.rowsWritten ?? -1, initiative: id });
            } else errors.push(`${id} u${u}: HTTP ${r.status} ${JSON.stringify(j).slice(0, 200)}`);
          } catch (e) {
            errors.push(`${id} u${u}: ${(e as Error).message}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    clearTimeout(deadline);
    server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) errors.push(`server exited with ${code}`);

    // Verify in the store itself.
    const store = await ObservationStore.open(storePath);
    let lost = 0;
    let duplicated = 0;
    let expectedRows = 0;
    let storedRows = 0;
    try {
      const rows = await store.query(`SELECT u.id, u.row_count, count(o.upload_id) AS stored, count(DISTINCT o."row") AS distinct_rows
        FROM uploads u LEFT JOIN observations o ON o.upload_id = u.id GROUP BY ALL`);
      const byId = new Map(rows.map((r) => [String(r['id']), r]));
      for (const [id, a] of acked) {
        const r = byId.get(id);
        const want = 4 * DAYS;
        expectedRows += want;
        if (a.rows !== want) errors.push(`${id}: acknowledged ${a.rows} rows, sent ${want}`);
        if (!r) {
          lost += want;
          continue;
        }
        const stored = Number(r['stored']);
        const distinct = Number(r['distinct_rows']);
        storedRows += stored;
        lost += Math.max(0, want - distinct);
        duplicated += stored - distinct + Math.max(0, distinct - want);
      }
      const unacked = rows.filter((r) => !acked.has(String(r['id'])));
      if (unacked.length > 0) errors.push(`${unacked.length} uploads in the store that were not acknowledged`);
      const [orphans] = await store.query('SELECT count(*) AS n FROM observations WHERE upload_id NOT IN (SELECT id FROM uploads)');
      duplicated += Number(orphans!['n']);
      const [audit] = await store.query("SELECT count(*) AS n FROM audit_log WHERE action = 'upload' AND outcome = 'committed'");
      if (Number(audit!['n']) !== acked.size) errors.push(`audit log has ${audit!['n']} committed uploads, ${acked.size} acknowledged`);
    } finally {
      store.close();
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      clients: CLIENTS,
      uploadsPerClient: UPLOADS,
      rowsPerUpload: 4 * DAYS,
      attempted: CLIENTS * UPLOADS,
      acknowledged: acked.size,
      expectedRows,
      storedRows,
      rowsLost: lost,
      rowsDuplicated: duplicated,
      seconds: Math.round(seconds * 100) / 100,
      uploadsPerSecond: Math.round((acked.size / seconds) * 10) / 10,
      rowsPerSecond: Math.round(storedRows / seconds),
      p50Ms: Math.round(quantile(sorted, 0.5)),
      p99Ms: Math.round(quantile(sorted, 0.99)),
      errors: errors.length,
    };
    for (const e of errors.slice(0, 10)) console.error(`! ${e}`);
    console.log(`${result.acknowledged}/${result.attempted} uploads acknowledged by ${CLIENTS} concurrent clients in ${result.seconds} s`);
    console.log(`throughput ${result.uploadsPerSecond} uploads/s (${result.rowsPerSecond} rows/s); latency p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
    console.log(`rows expected ${expectedRows}, stored ${storedRows}, lost ${lost}, duplicated ${duplicated}`);
    console.log(JSON.stringify(result));
    return errors.length === 0 && lost === 0 && duplicated === 0 && acked.size === CLIENTS * UPLOADS ? 0 : 1;
  } finally {
    clearTimeout(hardStop);
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
