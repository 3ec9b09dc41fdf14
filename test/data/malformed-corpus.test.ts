import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ObservationStore } from '../../src/data/index.js';
import type { Model } from '../../src/core/index.js';
import { FIXTURES, monitoringModel, tempDir } from './helpers.js';

interface Case {
  file: string;
  code: string;
  row: number;
  column: string | null;
  value?: string;
}
// The corpus: one file per fault class; the expected code, row (header = 1) and column of each are written by hand
// in test/fixtures/data/malformed.json from the file's own text (see test/fixtures/data/README.md).
const cases = JSON.parse(readFileSync(join(FIXTURES, 'malformed.json'), 'utf8')) as Case[];

describe('malformed corpus: every fault class gives its own issue, and the store is unchanged', () => {
  let model: Model;
  let store: ObservationStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    model = await monitoringModel();
    const t = await tempDir();
    cleanup = t.cleanup;
    store = await ObservationStore.open(join(t.dir, 'store.duckdb'));
    // An earlier, valid upload that must survive every failed one.
    const good = join(t.dir, 'good.csv');
    writeFileSync(good, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2024-Q4;96\nvrijwilligers;WK051836;2024-Q4;31\n');
    const r = await ingestFile(store, good, { initiative: model.id, model, uploadedBy: 'test', now: new Date('2025-01-15T10:00:00Z') });
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    store.close();
    await cleanup();
  });

  it('has at least 25 distinct fault classes', () => {
    expect(new Set(cases.map((c) => c.code)).size).toBeGreaterThanOrEqual(25);
  });

  for (const c of cases)
    for (const bulk of [false, true]) {
      if (bulk && c.file.includes('wide')) continue;
      it(`${c.file} → ${c.code} at row ${c.row}, column ${c.column ?? '—'} (${bulk ? 'bulk' : 'row'} path)`, async () => {
        const before = await store.checksum();
        const r = await ingestFile(store, join(FIXTURES, 'malformed', c.file), { initiative: model.id, model, uploadedBy: 'test', bulk });
        expect(r.ok).toBe(false);
        expect(r.rowsWritten).toBe(0);
        const first = r.issues[0]!;
        expect({ code: first.code, row: first.row, column: first.column }).toEqual({ code: c.code, row: c.row, column: c.column });
        if (c.value !== undefined) expect(first.value).toBe(c.value);
        expect(first.message.nl.length).toBeGreaterThan(0);
        expect(first.fix.en.length).toBeGreaterThan(0);
        expect(await store.checksum()).toEqual(before);
        expect(before.observations).toBe(2);
      });
    }
});
