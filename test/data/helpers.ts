import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModelFile } from '../../src/data/index.js';
import type { Model } from '../../src/core/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'data');

/** The monitoring test model: the Moerwijk example plus ratio and derived indicators (test/fixtures/data). */
export async function monitoringModel(): Promise<Model> {
  const r = await loadModelFile(join(FIXTURES, 'monitoring-model.yaml'));
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.model;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rendement-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
