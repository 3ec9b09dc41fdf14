import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationStore } from '../../src/data/index.js';
import { InvalidInputError } from '../../src/core/index.js';
import { rendement } from '../cli/run-cli.js';
import { FIXTURES, tempDir } from './helpers.js';

// A real second process holds the store, as `rendement serve` does: DuckDB's lock is per process.
const HOLDER = `const { DuckDBInstance } = require('@duckdb/node-api');
DuckDBInstance.create(process.argv[1]).then(() => { process.stdout.write('ready\\n'); setInterval(() => {}, 1000); });`;

describe('a store held by another process (issue 14: the CLI while serve runs)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let holder: ChildProcess;
  let storePath: string;
  beforeAll(async () => {
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    storePath = join(dir, 'store.duckdb');
    (await ObservationStore.open(storePath)).close();
    holder = spawn(process.execPath, ['-e', HOLDER, storePath], { stdio: ['ignore', 'pipe', 'inherit'] });
    // Waits for the child's own signal, not for a time.
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
  });
  afterAll(async () => {
    holder.kill('SIGKILL');
    await cleanup();
  });

  it('opening it gives store.locked naming the holder\'s PID and what to do, in Dutch and English — no raw DuckDB error', async () => {
    const e = await ObservationStore.open(storePath).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InvalidInputError);
    const err = e as InvalidInputError;
    expect(err.code).toBe('store.locked');
    expect(err.text.nl).toContain(`PID ${holder.pid}`);
    expect(err.text.nl).toMatch(/rendement serve/);
    expect(err.text.en).toMatch(/Stop that process first/);
    expect(err.text.en).not.toMatch(/IO Error|Could not set lock/);
  });

  it('rendement ingest says the same in plain words and exits 1', () => {
    const r = rendement(['ingest', join(FIXTURES, 'good-observations.csv'), '--initiative', 'buurthuis-moerwijk', '--model', join(FIXTURES, 'monitoring-model.yaml'), '--store', storePath, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is in use by another process that holds its lock');
    expect(r.stderr).not.toMatch(/Could not set lock/);
  });
});
