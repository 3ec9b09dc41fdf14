import { BOOLEAN, DOUBLE, DuckDBInstance, LIST, listValue, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BULK_BAD_ROW,
  bulkBadRowsSql,
  bulkCheckedSql,
  bulkInsertSql,
  bulkKeyValuesSql,
  bulkDuplicateKeysSql,
  bulkDropKeyTypeSql,
  bulkKeyListTypes,
  bulkKeyTableSql,
  bulkKeyTypeSql,
  bulkReadSql,
  bulkSourceSql,
  bulkSupersedeSql,
  checksumSql,
  commitStageSql,
  createStageSql,
  createStoreSql,
  duplicateKeysSql,
  exportCopySql,
  findUploadSql,
  hasCurrentSql,
  insertUploadSql,
  listUploadsSql,
  selectObservationsSql,
  supersedeSql,
} from '../../src/data/index.js';

describe('SQL builders: fixed text with bound parameters', () => {
  it('produce exact text', () => {
    expect(findUploadSql()).toBe('SELECT id FROM uploads WHERE initiative = $initiative AND sha256 = $sha256 ORDER BY uploaded_at LIMIT 1');
    expect(hasCurrentSql()).toBe('SELECT count(*) AS n FROM observations WHERE initiative = $initiative AND superseded_by IS NULL');
    expect(bulkKeyValuesSql({ indicator: 0, area: 1, period: 2 })).toBe(`WITH r AS (SELECT '' AS ini, coalesce(r.c1, '') AS area, coalesce(r.c2, '') AS period, coalesce(r.c0, '') AS ind, '' AS u
  FROM bulk_raw r)
SELECT CASE GROUPING(ini, area, period, ind, u) WHEN 15 THEN 'initiative' WHEN 23 THEN 'area' WHEN 27 THEN 'period' WHEN 31 THEN 'rows' ELSE 'indicator' END AS s,
  coalesce(ini, area, period, ind, '') AS k, coalesce(u, '') AS u, count(*) AS n
FROM r
GROUP BY GROUPING SETS ((ini), (area), (period), (ind, u), ())
LIMIT $limit`);
    expect(bulkReadSql(2)).toBe(`CREATE OR REPLACE TEMP TABLE bulk_raw AS
SELECT * FROM read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR'}, store_rejects = true, ignore_errors = true,
  rejects_table = 'bulk_rejects', rejects_scan = 'bulk_reject_scans')`);
    expect(bulkSourceSql(2, false)).toBe(`read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR'})`);
    expect(exportCopySql('parquet')).toMatch(/^COPY \(SELECT .*\) TO \$path \(FORMAT parquet, COMPRESSION zstd\)$/s);
  });

  it('only ever name generated columns c0…cN, never text from a file', () => {
    const sql = bulkInsertSql({ count: 5, indicator: 0, area: 1, period: 2, value: 3, unit: 4 });
    const columns = [...sql.matchAll(/\bc(\d+)\b/g)].map((m) => Number(m[1]));
    expect(Math.max(...columns)).toBe(4);
    const named = new Set(['upload_id', 'initiative', 'path', 'delim', 'encoding', 'decimal', 'missing', 'n_units', ...Object.keys(bulkKeyListTypes)]);
    expect([...sql.matchAll(/\$(\w+)/g)].map((m) => m[1]).filter((p) => !named.has(p!))).toEqual([]);
  });

  it('run against an in-memory DuckDB', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    for (const s of createStoreSql()) await c.run(s);
    await c.run(createStageSql());
    const dir = await mkdtemp(join(tmpdir(), 'rendement-sql-'));
    const path = join(dir, 'f.csv');
    await writeFile(path, 'indicator,area,period,value,unit\na,WK051836,2025,1,\nb,WK051836,2025,x,\n');
    const read = { path, delim: ',', encoding: 'utf-8' };
    const cols = { count: 5, indicator: 0, area: 1, period: 2, value: 3, unit: 4 };
    // One scan gives every key column's distinct values and the row count, tagged by set (GROUPING bits: ini 16, area 8, period 4, ind 2, u 1).
    await c.run(bulkReadSql(cols.count), read);
    const keys = (await c.runAndReadAll(bulkKeyValuesSql(cols), { limit: 100 })).getRowObjects();
    expect(keys.map((k) => `${k['s']}:${k['k']}:${k['u']}:${k['n']}`).sort()).toEqual(['area:WK051836::2', 'indicator:a::1', 'indicator:b::1', 'initiative:::2', 'period:2025::2', 'rows:::2']);
    const values = { area: ['WK051836'], period: ['2025'], indicator: ['a', 'b'], unit: [''] } as const;
    for (const [set, list] of Object.entries(values)) {
      await c.run(bulkKeyTableSql(set as keyof typeof values));
      for (const [i, k] of list.entries()) await c.run(`INSERT INTO bulk_keys_${set} VALUES ($i, $k)`, { i, k });
    }
    const lists: Record<keyof typeof bulkKeyListTypes, DuckDBValue[]> = {
      ini_ok: [true],
      area_ok: [true],
      area_value: ['WK051836'],
      area_same: [true],
      period_ok: [true],
      period_value: ['2025'],
      period_same: [true],
      period_start: ['2025-01-01'],
      period_end: ['2025-12-31'],
      ind_ok: [true, true],
      ind_value: ['a', 'b'],
      ind_same: [true, true],
      ind_unit: [null, null],
      ind_unit_same: [false, false],
      ind_lo: [null, null],
      ind_hi: [null, null],
      ind_count: [false, false],
    };
    const element = { BOOLEAN, DOUBLE, VARCHAR } as const;
    const check: Record<string, DuckDBValue> = { decimal: '.', missing: listValue(['', '.']), n_units: 1n };
    const types: Record<string, DuckDBType> = { missing: LIST(VARCHAR) };
    for (const [name, type] of Object.entries(bulkKeyListTypes)) {
      if (name === 'ini_ok') continue; // no initiative column in this file
      check[name] = listValue(lists[name as keyof typeof bulkKeyListTypes]);
      types[name] = LIST(element[type]);
    }
    await c.run('BEGIN');
    for (const set of Object.keys(values)) await c.run(bulkKeyTypeSql(set as keyof typeof values));
    const checked = (await c.runAndReadAll(`SELECT "row", indicator, period_start, value, bad FROM (${bulkCheckedSql(cols)}) ORDER BY "row"`, check, types)).getRowObjects();
    expect(checked.map((r) => [r['row'], r['indicator'], String(r['period_start']), r['value'], r['bad']])).toEqual([
      [2n, 'a', '2025-01-01', 1, false],
      [3n, 'b', '2025-01-01', null, true],
    ]);
    const bad = (await c.runAndReadAll(bulkBadRowsSql(cols), { ...check, limit: 10 }, types)).getRowObjects();
    expect(bad.map((b) => [b['row'], b['c3']])).toEqual([[3n, 'x']]);
    // A failing row aborts the insert: nothing of the file is kept.
    await expect(c.run(bulkInsertSql(cols), { ...check, upload_id: 'u', initiative: 'x' }, types)).rejects.toThrow(BULK_BAD_ROW);
    await c.run('ROLLBACK');
    expect((await c.runAndReadAll('SELECT count(*) AS n FROM observations')).getRowObjects()).toEqual([{ n: 0n }]);
    // The enum types exist only inside the upload's transaction.
    expect((await c.runAndReadAll("SELECT count(*) AS n FROM duckdb_types() WHERE type_name LIKE 'bulk_%'")).getRowObjects()).toEqual([{ n: 0n }]);
    await c.run(bulkDropKeyTypeSql('area'));
    await rm(dir, { recursive: true, force: true });
    const expectRuns = async (sql: string, params: Record<string, unknown> = {}): Promise<void> => {
      await expect(c.run(sql, params as never)).resolves.toBeDefined();
    };
    await expectRuns(findUploadSql(), { initiative: 'x', sha256: 'y' });
    await expectRuns(hasCurrentSql(), { initiative: 'x' });
    await expectRuns(duplicateKeysSql(), { limit: 10 });
    await expectRuns(bulkDuplicateKeysSql(), { upload_id: 'u', limit: 10 });
    await expectRuns(listUploadsSql(), { initiative: null });
    await expectRuns(selectObservationsSql(), { initiative: null, history: false, indicator: null, area: null, from: null, to: null });
    await expectRuns(checksumSql());
    await c.run('BEGIN');
    await expectRuns(insertUploadSql(), { id: 'u', initiative: 'x', file_name: 'f.csv', sha256: 'y', row_count: 0, uploaded_by: 'me', uploaded_at: '2025-01-01 00:00:00', source_kind: 'csv' });
    await expectRuns(supersedeSql(), { upload_id: 'u', initiative: 'x' });
    await expectRuns(commitStageSql(), { upload_id: 'u', initiative: 'x' });
    await expectRuns(bulkSupersedeSql(), { upload_id: 'u', initiative: 'x' });
    await c.run('ROLLBACK');
    c.closeSync();
    db.closeSync();
  });
});
