import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationStore } from '../../src/data/index.js';
import { tempDir } from './helpers.js';

// The store layout before upload keys (layout 1), as src/data/store-sql.ts created it up to commit 3d8382c.
const LAYOUT_1 = [
  `CREATE TABLE uploads (id VARCHAR PRIMARY KEY, initiative VARCHAR NOT NULL, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    row_count BIGINT NOT NULL, uploaded_by VARCHAR NOT NULL, uploaded_at TIMESTAMP NOT NULL, source_kind VARCHAR NOT NULL)`,
  `CREATE TABLE observations (upload_id VARCHAR NOT NULL, "row" BIGINT NOT NULL, initiative VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
    area VARCHAR NOT NULL, period VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL, value DOUBLE, unit VARCHAR,
    source VARCHAR, n BIGINT, sd DOUBLE, note VARCHAR, superseded_by VARCHAR)`,
];

// Two uploads of one initiative: a wide file (row 2 holds two indicators) and a correction that superseded one value.
const UPLOADS = [
  ['u-first', 'buurthuis', 'q1.csv', 'aa', 3, 'ans', '2025-04-01 10:00:00', 'csv'],
  ['u-fix', 'buurthuis', 'q1-correctie.csv', 'bb', 1, 'ans', '2025-04-02 09:00:00', 'csv'],
];
const OBSERVATIONS = [
  ['u-first', 2, 'buurthuis', 'bezoekers', 'WK051836', '2025-Q1', '2025-01-01', '2025-03-31', 1200, 'personen', 'registratie', null, null, null, 'u-fix'],
  ['u-first', 2, 'buurthuis', 'tevredenheid', 'WK051836', '2025-Q1', '2025-01-01', '2025-03-31', 7.8, null, null, 40, 1.2, 'enquête', null],
  ['u-first', 3, 'buurthuis', 'bezoekers', 'WK051836', '2025-Q2', '2025-04-01', '2025-06-30', null, 'personen', null, null, null, null, null],
  ['u-fix', 2, 'buurthuis', 'bezoekers', 'WK051836', '2025-Q1', '2025-01-01', '2025-03-31', 1240, 'personen', null, null, null, null, null],
];

describe('a store written before upload keys', () => {
  it('opens with every upload, observation and piece of history as before (moved in one transaction)', async () => {
    const { dir, cleanup } = await tempDir();
    const path = join(dir, 'layout1.duckdb');
    const db = await DuckDBInstance.create(path);
    const c = await db.connect();
    for (const sql of LAYOUT_1) await c.run(sql);
    for (const u of UPLOADS) await c.run('INSERT INTO uploads VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP, $8)', Object.fromEntries(u.map((v, i) => [String(i + 1), v])) as never);
    for (const o of OBSERVATIONS)
      await c.run(
        'INSERT INTO observations VALUES ($1, $2, $3, $4, $5, $6, $7::DATE, $8::DATE, $9, $10, $11, $12, $13, $14, $15)',
        Object.fromEntries(o.map((v, i) => [String(i + 1), v])) as never,
      );
    c.closeSync();
    db.closeSync();

    const store = await ObservationStore.open(path);
    try {
      const all = await store.observations({ history: true });
      expect(all.map((o) => [o.uploadId, o.row, o.indicator, o.period, o.periodStart, o.periodEnd, o.value, o.unit, o.source, o.n, o.sd, o.note, o.supersededBy])).toEqual([
        ['u-first', 2, 'bezoekers', '2025-Q1', '2025-01-01', '2025-03-31', 1200, 'personen', 'registratie', null, null, null, 'u-fix'],
        ['u-fix', 2, 'bezoekers', '2025-Q1', '2025-01-01', '2025-03-31', 1240, 'personen', null, null, null, null, null],
        ['u-first', 3, 'bezoekers', '2025-Q2', '2025-04-01', '2025-06-30', null, 'personen', null, null, null, null, null],
        ['u-first', 2, 'tevredenheid', '2025-Q1', '2025-01-01', '2025-03-31', 7.8, null, null, 40, 1.2, 'enquête', null],
      ]);
      expect((await store.observations()).map((o) => o.rowId)).toEqual(['u-fix:2', 'u-first:3', 'u-first:2']);
      const uploads = await store.listUploads();
      expect(uploads.map((u) => [u.id, u.fileName, u.rowCount, u.uploadedAt, u.currentRows])).toEqual([
        ['u-fix', 'q1-correctie.csv', 1, '2025-04-02T09:00:00Z', 1],
        ['u-first', 'q1.csv', 3, '2025-04-01T10:00:00Z', 2],
      ]);
      const [kind] = await store.query("SELECT table_type AS t FROM information_schema.tables WHERE table_name = 'observations'");
      expect(kind).toEqual({ t: 'VIEW' });
      const leftovers = await store.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%layout1'");
      expect(leftovers).toEqual([]);
    } finally {
      store.close();
    }
    // Opened again: already layout 2, nothing changes.
    const again = await ObservationStore.open(path);
    const before = await again.checksum();
    again.close();
    const third = await ObservationStore.open(path);
    expect(await third.checksum()).toEqual(before);
    expect(before.observations).toBe(4);
    third.close();
    await cleanup();
  });

  it('refuses a DuckDB file whose observations table is not a rendement store, and leaves it as it was', async () => {
    const { dir, cleanup } = await tempDir();
    const path = join(dir, 'other.duckdb');
    const db = await DuckDBInstance.create(path);
    const c = await db.connect();
    await c.run('CREATE TABLE observations (station VARCHAR, temperature DOUBLE)');
    await c.run("INSERT INTO observations VALUES ('De Bilt', 11.5)");
    c.closeSync();
    db.closeSync();
    await expect(ObservationStore.open(path)).rejects.toMatchObject({ code: 'store.not-a-store', exitCode: 1, text: { en: expect.stringContaining('not a rendement store') } });
    const again = await DuckDBInstance.create(path);
    const a = await again.connect();
    expect((await a.runAndReadAll('SELECT * FROM observations')).getRowObjects()).toEqual([{ station: 'De Bilt', temperature: 11.5 }]);
    expect((await a.runAndReadAll("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'uploads'")).getRowObjects()).toEqual([{ n: 0n }]);
    a.closeSync();
    again.closeSync();
    await cleanup();
  });

  it('refuses to move a damaged store (an observation or a correction naming a missing upload) and changes nothing', async () => {
    const { dir, cleanup } = await tempDir();
    const path = join(dir, 'damaged.duckdb');
    const db = await DuckDBInstance.create(path);
    const c = await db.connect();
    for (const sql of LAYOUT_1) await c.run(sql);
    await c.run('INSERT INTO uploads VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP, $8)', Object.fromEntries(UPLOADS[0]!.map((v, i) => [String(i + 1), v])) as never);
    // Row 2 names a correction upload that is not there; row 9 belongs to an upload that is not there.
    const rows = [OBSERVATIONS[0]!, ['gone', 9, ...OBSERVATIONS[2]!.slice(2)]];
    for (const o of rows)
      await c.run('INSERT INTO observations VALUES ($1, $2, $3, $4, $5, $6, $7::DATE, $8::DATE, $9, $10, $11, $12, $13, $14, $15)', Object.fromEntries(o.map((v, i) => [String(i + 1), v])) as never);
    c.closeSync();
    db.closeSync();
    await expect(ObservationStore.open(path)).rejects.toMatchObject({
      code: 'store.migration-incomplete',
      text: { en: expect.stringContaining('1 observation(s) and 1 correction(s) name an upload that is missing') },
    });
    // Nothing changed, and the file is closed again (it opens).
    const again = await DuckDBInstance.create(path);
    const a = await again.connect();
    expect((await a.runAndReadAll('SELECT count(*) AS n FROM observations')).getRowObjects()).toEqual([{ n: 2n }]);
    expect((await a.runAndReadAll("SELECT table_type AS t FROM information_schema.tables WHERE table_name = 'observations'")).getRowObjects()).toEqual([{ t: 'BASE TABLE' }]);
    a.closeSync();
    again.closeSync();
    await cleanup();
  });
});
