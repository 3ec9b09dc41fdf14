import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTable, ObservationStore } from '../../src/data/index.js';
import type { Model } from '../../src/core/index.js';
import { monitoringModel, tempDir } from './helpers.js';

describe('other sources: a DuckDB database table or query, and Parquet', () => {
  let model: Model;
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: ObservationStore;
  let sourceDb: string;
  beforeAll(async () => {
    model = await monitoringModel();
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    store = await ObservationStore.open(join(dir, 'store.duckdb'));
    sourceDb = join(dir, 'monitor.duckdb');
    const db = await DuckDBInstance.create(sourceDb);
    const c = await db.connect();
    await c.run(`CREATE TABLE telling (wijkcode VARCHAR, kwartaal VARCHAR, indicator VARCHAR, aantal DOUBLE)`);
    await c.run(`INSERT INTO telling VALUES ('WK051836', '2025-Q1', 'bezoekers-65plus', 118), ('WK051836', '2025-Q2', 'bezoekers-65plus', 131), ('WK051836', '2025-Q2', 'vrijwilligers', NULL)`);
    await c.run(`CREATE TABLE fout (gebied VARCHAR, periode DATE, indicator VARCHAR, waarde DOUBLE)`);
    await c.run(`INSERT INTO fout VALUES ('WK051836', DATE '2025-03-01', 'tevredenheid', 11.5)`);
    await c.run(`COPY (SELECT 'vrijwilligers' AS indicator, 'WK051836' AS gebied, '2025-Q3' AS periode, 41 AS waarde) TO '${join(dir, 'v.parquet').replace(/'/g, "''")}' (FORMAT parquet)`);
    c.closeSync();
    db.closeSync();
  });
  afterAll(async () => {
    store.close();
    await cleanup();
  });

  const columns = { wijkcode: 'area', kwartaal: 'period', aantal: 'value' } as const;

  it('reads a table with a column mapping; NULL is missing, not 0', async () => {
    const r = await ingestTable(store, { path: sourceDb, table: 'telling', columns }, { initiative: model.id, model, uploadedBy: 't' });
    expect(r.issues).toEqual([]);
    expect(r.rowsWritten).toBe(3);
    const obs = await store.observations({ initiative: model.id });
    expect(obs.map((o) => [o.indicator, o.period, o.value])).toEqual([
      ['bezoekers-65plus', '2025-Q1', 118],
      ['bezoekers-65plus', '2025-Q2', 131],
      ['vrijwilligers', '2025-Q2', null],
    ]);
    const again = await ingestTable(store, { path: sourceDb, table: 'telling', columns }, { initiative: model.id, model });
    expect(again.duplicateOf).toBe(r.uploadId);
  });

  it('reads a query, with the same checks as a CSV (tevredenheid 11.5 is above its maximum 10)', async () => {
    const before = await store.checksum();
    const r = await ingestTable(store, { path: sourceDb, query: 'SELECT gebied, periode, indicator, waarde FROM fout' }, { initiative: model.id, model });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'data.out-of-range', row: 2, column: 'waarde', value: '11.5' });
    expect(await store.checksum()).toEqual(before);
  });

  it('reads Parquet', async () => {
    const r = await ingestTable(store, { path: join(dir, 'v.parquet') }, { initiative: model.id, model });
    expect(r.issues).toEqual([]);
    expect(r.rowsWritten).toBe(1);
  });
});
