/**
 * Ingestion benchmark (issue 3): generates a seeded observation CSV (10 million rows by default) in a temporary
 * directory, ingests it with validation through rendement's bulk path into a fresh store, then loads the same file
 * with DuckDB's plain `read_csv` into a table, in the same run. Prints both times, their ratio and peak memory
 * (maxRSS of this process, which includes DuckDB), and ends with one JSON line. The directory is deleted after.
 *
 *   npm run bench:ingest [-- --rows 10000000 --memory-limit 512MB]
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Indicator } from '../src/core/index.js';
import { ingestFile, ObservationStore } from '../src/data/index.js';
import { mulberry32 } from './mulberry32.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000000' }, 'memory-limit': { type: 'string', default: '512MB' }, seed: { type: 'string', default: '20250601' } } });
const rows = Number(values.rows);
const memoryLimit = values['memory-limit']!;


const INDICATORS = 10;
const AREAS = 10_000;
const indicators: Indicator[] = Array.from({ length: INDICATORS }, (_, i) => ({ id: `indicator-${i}`, name: `Indicator ${i}`, unit: 'score', kind: 'score', min: 0, max: 1000 }));

async function generate(path: string): Promise<void> {
  const rnd = mulberry32(Number(values.seed));
  const out = createWriteStream(path);
  const day0 = Date.UTC(2024, 0, 1);
  let chunk = 'indicator,area,period,value\n';
  for (let i = 0; i < rows; i++) {
    // Unique key per row: indicator × area × day.
    const ind = i % INDICATORS;
    const area = Math.floor(i / INDICATORS) % AREAS;
    const day = Math.floor(i / (INDICATORS * AREAS));
    const d = new Date(day0 + day * 86_400_000);
    const period = `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
    chunk += `indicator-${ind},BU0518${String(area).padStart(4, '0')},${period},${(rnd() * 1000).toFixed(2)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

const dir = await mkdtemp(join(tmpdir(), 'rendement-bench-'));
try {
  const csv = join(dir, 'observations.csv');
  let t = performance.now();
  await generate(csv);
  const size = (await stat(csv)).size;
  console.log(`generated ${rows.toLocaleString('en')} rows (${(size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const periodEnd = new Date(Date.UTC(2024, 0, 1) + Math.floor((rows - 1) / (INDICATORS * AREAS)) * 86_400_000).toISOString().slice(0, 10);
  const store = await ObservationStore.open(join(dir, 'validated.duckdb'), { memoryLimit });
  t = performance.now();
  // Where the validated time goes: sniffing (sha256 of the whole file, encoding, delimiter), the reads and checks,
  // and the commit into the store.
  const marks: Record<string, number> = {};
  const result = await ingestFile(store, csv, {
    onPhase: (phase) => (marks[phase] = performance.now()),
    initiative: 'bench',
    rules: { initiative: 'bench', indicators: new Map(indicators.map((i) => [i.id, i])), municipality: 'GM0518', period: { start: '2024-01-01', end: periodEnd < '2024-12-31' ? '2024-12-31' : periodEnd } },
    bulk: true,
    uploadedBy: 'bench',
    now: new Date(0),
  });
  const validatedSeconds = (performance.now() - t) / 1000;
  const phaseSeconds = {
    sniff: +((marks['read']! - t) / 1000).toFixed(3),
    readAndCheck: +((marks['commit']! - marks['read']!) / 1000).toFixed(3),
    commit: +((t + validatedSeconds * 1000 - marks['commit']!) / 1000).toFixed(3),
  };
  const validatedRssMB = process.resourceUsage().maxRSS / 1024;
  store.close();
  if (!result.ok || result.rowsWritten !== rows) throw new Error(`validated ingest failed: ${JSON.stringify(result).slice(0, 2000)}`);
  console.log(`validated ingest: ${result.rowsWritten.toLocaleString('en')} rows in ${validatedSeconds.toFixed(2)} s (peak RSS so far ${validatedRssMB.toFixed(0)} MB)`);
  console.log(`  sniff ${phaseSeconds.sniff} s, read and check ${phaseSeconds.readAndCheck} s, commit ${phaseSeconds.commit} s`);

  const plain = await DuckDBInstance.create(join(dir, 'plain.duckdb'), { memory_limit: memoryLimit });
  const c = await plain.connect();
  t = performance.now();
  await c.run('CREATE TABLE observations AS SELECT * FROM read_csv($path)', { path: csv });
  const duckdbSeconds = (performance.now() - t) / 1000;
  const n = Number((await c.runAndReadAll('SELECT count(*) AS n FROM observations')).getRowObjects()[0]!['n']);
  c.closeSync();
  plain.closeSync();
  console.log(`plain DuckDB read_csv: ${n.toLocaleString('en')} rows in ${duckdbSeconds.toFixed(2)} s`);

  const ratio = validatedSeconds / duckdbSeconds;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(`ratio ${ratio.toFixed(2)} (target ≤ 1.5) · peak RSS ${peakRssMB.toFixed(0)} MB (target < 1024)`);
  console.log(JSON.stringify({ rows, validatedSeconds: +validatedSeconds.toFixed(3), duckdbSeconds: +duckdbSeconds.toFixed(3), ratio: +ratio.toFixed(3), peakRssMB: +peakRssMB.toFixed(1), phaseSeconds, peer: 'DuckDB read_csv into a table, same file, same run' }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
