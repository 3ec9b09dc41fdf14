import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ObservationStore } from '../../src/data/index.js';
import { tempDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ROWS = 400_000;

/** Writes a long-form CSV of `rows` unique observations (indicator × buurt × day), deterministic. */
async function writeLarge(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let chunk = 'indicator,area,period,value\n';
  for (let i = 0; i < rows; i++) {
    const day = Math.floor(i / 10_000);
    chunk += `indicator-${i % 10},BU0518${String(Math.floor(i / 10) % 1000).padStart(4, '0')},2024-${String(1 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')},${i % 977}.5\n`;
    if (chunk.length > 1 << 20) {
      out.write(chunk);
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

/** Runs the child ingest and SIGKILLs it `delayMs` after it reports `phase`; resolves with what it printed. */
function killDuring(storePath: string, file: string, phase: string, delayMs: number): Promise<{ out: string; signal: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'kill-child.mjs'), storePath, file, 'bulk-upload'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.split('\n').includes(phase)) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) => resolve({ out, signal }));
  });
}

describe('a SIGKILL in the middle of an upload leaves all or nothing of it, and earlier uploads intact', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let storePath: string;
  let large: string;
  beforeAll(async () => {
    // The child runs the built library; `npm test` builds first, a bare vitest run builds here when needed.
    const built = join(ROOT, 'dist', 'data', 'ingest-file.js');
    const newestSource = Math.max(...readdirSync(join(ROOT, 'src', 'data')).map((f) => statSync(join(ROOT, 'src', 'data', f)).mtimeMs));
    if (!existsSync(built) || statSync(built).mtimeMs < newestSource)
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    storePath = join(dir, 'store.duckdb');
    large = join(dir, 'large.csv');
    await writeLarge(large, ROWS);
    const store = await ObservationStore.open(storePath);
    const early = join(dir, 'early.csv');
    writeFileSync(early, 'indicator,area,period,value\nbezoekers,WK051836,2024-Q1,118\nbezoekers,WK051836,2024-Q2,131\n');
    const r = await ingestFile(store, early, { initiative: 'earlier', uploadedBy: 'test', now: new Date('2025-01-01T00:00:00Z') });
    expect(r.rowsWritten).toBe(2);
    store.close();
  }, 120_000);
  afterAll(async () => {
    await cleanup();
  });

  for (const [phase, delay] of [
    ['read', 150],
    ['commit', 20],
    ['in-transaction', 50],
  ] as const) {
    it(`killed ${delay} ms into "${phase}"`, async () => {
      const before = await ObservationStore.open(storePath);
      const earlier = await before.observations({ initiative: 'earlier' });
      const sumBefore = await before.checksum();
      before.close();

      const { out, signal } = await killDuring(storePath, large, phase, delay);
      expect(out).toContain(phase);
      expect(signal).toBe('SIGKILL');
      // The child holds its transaction open for 5 s once every row is in it: the kill always lands before the commit.
      expect(out).not.toContain('done');

      const after = await ObservationStore.open(storePath);
      const sum = await after.checksum();
      const mine = await after.observations({ initiative: 'bulk-upload' });
      const uploads = await after.listUploads('bulk-upload');
      expect(await after.observations({ initiative: 'earlier' })).toEqual(earlier);
      after.close();
      if (signal === 'SIGKILL' && !out.includes('done')) {
        // Nothing of the killed upload: the store is exactly as before.
        expect(sum).toEqual(sumBefore);
        expect(mine).toHaveLength(0);
        expect(uploads).toHaveLength(0);
      } else {
        // The upload finished before the kill landed: then all of it is there.
        expect(mine).toHaveLength(ROWS);
        expect(uploads).toHaveLength(1);
      }
    }, 120_000);
  }
});
