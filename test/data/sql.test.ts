import { BOOLEAN, DOUBLE, DuckDBInstance, INTEGER, LIST, listValue, STRUCT, structValue, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BULK_BAD_ROW,
  bulkBadRowsSql,
  bulkCheckedSql,
  bulkDetailsSql,
  bulkDictionaryInsertSql,
  bulkDictionaryTableSql,
  bulkIndicatorSummarySql,
  bulkInsertSql,
  bulkCodedSql,
  bulkKeyRangeSql,
  bulkKeyScanSql,
  bulkKeyTableSql,
  bulkKeyTypeSql,
  bulkReadSql,
  bulkSourceSql,
  checksumSql,
  commitStageSql,
  createStageSql,
  createStoreSql,
  duplicateKeysSql,
  exportCopySql,
  findUploadSql,
  insertUploadSql,
  listUploadsSql,
  migrateLayout1Sql,
  observationsKindSql,
  selectObservationsSql,
  supersedeSql,
} from '../../src/data/index.js';

describe('SQL builders: fixed text with bound parameters', () => {
  it('produce exact text', () => {
    expect(findUploadSql()).toBe('SELECT id FROM uploads WHERE initiative = $initiative AND sha256 = $sha256 ORDER BY uploaded_at LIMIT 1');
    expect(bulkKeyScanSql({ count: 3, indicator: 0, area: 1, period: 2 })).toBe(`WITH r AS (SELECT '' AS ini, coalesce(r.c1, '') AS area, coalesce(r.c2, '') AS period, coalesce(r.c0, '') AS ind, '' AS u
  FROM read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR'}, store_rejects = true, ignore_errors = true,
  rejects_table = 'bulk_rejects', rejects_scan = 'bulk_reject_scans') r)
SELECT CASE GROUPING(ini, area, period, ind, u) WHEN 15 THEN 'initiative' WHEN 23 THEN 'area' WHEN 27 THEN 'period' WHEN 31 THEN 'rows' ELSE 'indicator' END AS s,
  coalesce(ini, area, period, ind, '') AS k, coalesce(u, '') AS u, count(*) AS n
FROM r
GROUP BY GROUPING SETS ((ini), (area), (period), (ind, u), ())
LIMIT $limit`);
    expect(bulkReadSql(2)).toBe(`CREATE OR REPLACE TEMP TABLE bulk_raw AS
SELECT * FROM read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR'})`);
    expect(bulkSourceSql(2, false)).toBe(`read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR'})`);
    expect(exportCopySql('parquet')).toMatch(/^COPY \(SELECT .*\) TO \$path \(FORMAT parquet, COMPRESSION zstd\)$/s);
  });

  it('only ever name generated columns c0…cN, never text from a file', () => {
    const canon = { area: true, period: true, indicator: true };
    const sql =
      [bulkCodedSql({ count: 5, indicator: 0, area: 1, period: 2, value: 3, unit: 4 }, canon, 'rendement_bulk_1'),
      bulkBadRowsSql({ count: 5, indicator: 0, area: 1, period: 2, value: 3 }, canon, 'rendement_bulk_1'),
      bulkInsertSql()].join('\n');
    const columns = [...sql.matchAll(/\bc(\d+)\b/g)].map((m) => Number(m[1]));
    expect(Math.max(...columns)).toBe(4);
    const named = new Set(['key', 'limit', 'path', 'delim', 'encoding', 'decimal', 'missing', 'n_units', 'pairs', 'ranges', 'area_canon', 'period_canon', 'indicator_canon']);
    expect([...sql.matchAll(/\$(\w+)/g)].map((m) => m[1]).filter((p) => !named.has(p!))).toEqual([]);
  });

  it('run against an in-memory DuckDB', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    for (const s of createStoreSql()) await c.run(s);
    expect((await c.runAndReadAll(observationsKindSql())).getRowObjects()).toEqual([{ t: 'VIEW' }]);
    await c.run(createStageSql());
    await c.run("ATTACH ':memory:' AS rendement_bulk_1");
    const dir = await mkdtemp(join(tmpdir(), 'rendement-sql-'));
    const path = join(dir, 'f.csv');
    await writeFile(path, 'indicator,area,period,value,unit,bron\na,WK051836,2025,1,,CBS\nb,WK051836,2025,x,,\n');
    const read = { path, delim: ',', encoding: 'utf-8' };
    const cols = { count: 6, indicator: 0, area: 1, period: 2, value: 3, unit: 4, source: 5 };
    // One scan of the file gives every key column's distinct values and the row count, tagged by set (GROUPING bits: ini 16, area 8, period 4, ind 2, u 1).
    const keys = (await c.runAndReadAll(bulkKeyScanSql(cols), { ...read, limit: 100 })).getRowObjects();
    expect(keys.map((k) => `${k['s']}:${k['k']}:${k['u']}:${k['n']}`).sort()).toEqual(['area:WK051836::2', 'indicator:a::1', 'indicator:b::1', 'initiative:::2', 'period:2025::2', 'rows:::2']);
    const values = { area: ['WK051836'], period: ['2025'], indicator: ['a', 'b'], unit: [''] } as const;
    for (const [set, list] of Object.entries(values)) {
      await c.run(bulkKeyTableSql(set as keyof typeof values));
      for (const [i, k] of list.entries()) await c.run(`INSERT INTO bulk_keys_${set} VALUES ($i, $k)`, { i, k });
      await c.run(bulkKeyTypeSql(set as keyof typeof values, 'rendement_bulk_1'));
      expect((await c.runAndReadAll(bulkKeyRangeSql(set as keyof typeof values, 'rendement_bulk_1'))).getRowObjects()[0]!['r']).toEqual(listValue([...list]));
    }
    // Pair (a, '') is stored under indicator code 0, (b, '') under 1; b must lie in [0, 0.5].
    const canon = { area: false, period: false, indicator: false };
    const check: Record<string, DuckDBValue> = {
      decimal: '.',
      missing: listValue(['', '.']),
      n_units: 1n,
      pairs: listValue([0, 1]),
      ranges: listValue([structValue({ lo: null, hi: null, c: false }), structValue({ lo: 0, hi: 0.5, c: false })]),
    };
    const types: Record<string, DuckDBType> = { missing: LIST(VARCHAR), pairs: LIST(INTEGER), ranges: LIST(STRUCT({ lo: DOUBLE, hi: DOUBLE, c: BOOLEAN })) };
    const without = (name: string): Record<string, DuckDBValue> => Object.fromEntries(Object.entries(check).filter(([k]) => k !== name));
    const checked = (
      await c.runAndReadAll(
        `SELECT indicator, area, period, value, source, bad FROM (${bulkCheckedSql(cols, canon, { ranges: false, from: 'file', catalog: 'rendement_bulk_1' })})`,
        { ...without('ranges'), ...read },
        types,
      )
    ).getRowObjects();
    expect(checked.map((r) => [r['indicator'], r['area'], r['period'], r['value'], r['source'], r['bad']])).toEqual([
      [0, 0, 0, 1, 'CBS', false],
      [1, 0, 0, null, null, true],
    ]);
    // A failing row aborts the second read: nothing of the file is kept.
    await expect(c.run(bulkCodedSql(cols, canon, 'rendement_bulk_1'), { ...without('ranges'), ...read }, types)).rejects.toThrow(BULK_BAD_ROW);
    await c.run(bulkReadSql(cols.count), read);
    const bad = (await c.runAndReadAll(bulkBadRowsSql(cols, canon, 'rendement_bulk_1'), { ...check, limit: 10 }, types)).getRowObjects();
    expect(bad.map((b) => [b['row'], b['c3']])).toEqual([[3n, 'x']]);

    // A good file: checked rows as codes in file order, copied into the store; the view gives the long form back.
    await writeFile(path, 'indicator,area,period,value,unit,bron\na,WK051836,2025,1,,CBS\nb,WK051836,2025,0.25,,\na,WK051836,2025,3,,\n');
    await c.run(bulkCodedSql(cols, canon, 'rendement_bulk_1'), { ...without('ranges'), ...read }, types);
    await c.run(bulkDictionaryTableSql());
    await c.run(`INSERT INTO bulk_dictionary VALUES ('indicator', 0, 'a', NULL, NULL, NULL), ('indicator', 1, 'b', NULL, NULL, NULL),
      ('area', 0, 'WK051836', NULL, NULL, NULL), ('period', 0, '2025', NULL, '2025-01-01', '2025-12-31')`);
    // Per indicator: rows, smallest and largest value, whole, and distinct (area, period) keys — a repeats (row 4 of row 2's key).
    const summary = (await c.runAndReadAll(`${bulkIndicatorSummarySql({ indicator: 2, area: 1, period: 1 })} ORDER BY indicator`)).getRowObjects();
    expect(summary).toEqual([
      { indicator: 0, n: 2n, lo: 1, hi: 3, whole: true, d: 1n },
      { indicator: 1, n: 1n, lo: 0.25, hi: 0.25, whole: false, d: 1n },
    ]);
    await c.run('BEGIN');
    const upload = { id: 'u', initiative: 'x', file_name: 'f.csv', sha256: 'y', row_count: 3, uploaded_by: 'me', uploaded_at: '2025-01-01 00:00:00', source_kind: 'csv-bulk' };
    const [{ key }] = (await c.runAndReadAll(insertUploadSql(), upload)).getRowObjects() as [{ key: number }];
    expect(key).toBe(1);
    await c.run(bulkInsertSql(), { key });
    await c.run(bulkDictionaryInsertSql(), { key });
    await c.run(bulkDetailsSql(), { key });
    const view = (await c.runAndReadAll('SELECT upload_id, "row", initiative, indicator, area, period, period_start::VARCHAR AS s, value, source FROM observations ORDER BY "row"')).getRowObjects();
    expect(view.map((v) => Object.values(v))).toEqual([
      ['u', 2n, 'x', 'a', 'WK051836', '2025', '2025-01-01', 1, 'CBS'],
      ['u', 3n, 'x', 'b', 'WK051836', '2025', '2025-01-01', 0.25, null],
      ['u', 4n, 'x', 'a', 'WK051836', '2025', '2025-01-01', 3, null],
    ]);
    const dups = (await c.runAndReadAll(duplicateKeysSql('upload'), { upload_id: 'u', limit: 10 })).getRowObjects();
    expect(dups).toEqual([{ indicator: 'a', area: 'WK051836', period: '2025', first: 2n, second: 4n }]);
    await c.run('ROLLBACK');
    expect((await c.runAndReadAll('SELECT count(*) AS n FROM observations')).getRowObjects()).toEqual([{ n: 0n }]);
    await rm(dir, { recursive: true, force: true });
    const expectRuns = async (sql: string, params: Record<string, unknown> = {}): Promise<void> => {
      await expect(c.run(sql, params as never)).resolves.toBeDefined();
    };
    await expectRuns(findUploadSql(), { initiative: 'x', sha256: 'y' });
    await expectRuns(duplicateKeysSql(), { limit: 10 });
    await expectRuns(listUploadsSql(), { initiative: null });
    await expectRuns(selectObservationsSql(), { initiative: null, history: false, indicator: null, area: null, from: null, to: null });
    await expectRuns(checksumSql());
    await expectRuns(bulkIndicatorSummarySql({ indicator: 10 ** 4, area: 10 ** 3, period: 10 ** 3 }));
    await c.run('BEGIN');
    await expectRuns(insertUploadSql(), { id: 'u', initiative: 'x', file_name: 'f.csv', sha256: 'y', row_count: 0, uploaded_by: 'me', uploaded_at: '2025-01-01 00:00:00', source_kind: 'csv' });
    for (const sql of commitStageSql()) await expectRuns(sql, { key: 1 });
    await expectRuns(supersedeSql(), { key: 1, initiative: 'x' });
    await c.run('ROLLBACK');
    expect(migrateLayout1Sql().rename).toHaveLength(2);
    c.closeSync();
    db.closeSync();
  });
});
