import { DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  bulkBadRowsSql,
  bulkCheckSql,
  bulkKeyValuesSql,
  bulkDuplicateKeysSql,
  bulkLookupTablesSql,
  bulkReadSql,
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
    expect(bulkKeyValuesSql({ indicator: 0, area: 1, period: 2 })).toBe(`WITH r AS (SELECT '' AS ini, trim(coalesce(c1, '')) AS area, trim(coalesce(c2, '')) AS period, trim(coalesce(c0, '')) AS ind, '' AS u FROM bulk_raw)
SELECT CASE GROUPING(ini, area, period, ind, u) WHEN 15 THEN 'initiative' WHEN 23 THEN 'area' WHEN 27 THEN 'period' ELSE 'indicator' END AS s,
  coalesce(ini, area, period, ind) AS k, coalesce(u, '') AS u
FROM r
GROUP BY GROUPING SETS ((ini), (area), (period), (ind, u))
LIMIT $limit`);
    expect(bulkReadSql(2)).toBe(`CREATE OR REPLACE TEMP TABLE bulk_raw AS
SELECT * FROM read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR'}, store_rejects = true, ignore_errors = true,
  rejects_table = 'bulk_rejects', rejects_scan = 'bulk_reject_scans')`);
    expect(exportCopySql('parquet')).toMatch(/^COPY \(SELECT .*\) TO \$path \(FORMAT parquet, COMPRESSION zstd\)$/s);
  });

  it('only ever name generated columns c0…cN, never text from a file', () => {
    const sql = bulkCheckSql({ count: 5, indicator: 0, area: 1, period: 2, value: 3, unit: 4 });
    const columns = [...sql.matchAll(/\br\.c(\d+)\b/g)].map((m) => Number(m[1]));
    expect(Math.max(...columns)).toBe(4);
  });

  it('run against an in-memory DuckDB', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    for (const s of createStoreSql()) await c.run(s);
    await c.run(createStageSql());
    for (const s of bulkLookupTablesSql()) await c.run(s);
    await c.run(`CREATE TEMP TABLE bulk_raw AS SELECT 'a' AS c0, 'WK051836' AS c1, '2025' AS c2, '1' AS c3, NULL::VARCHAR AS c4`);
    await c.run(bulkCheckSql({ count: 5, indicator: 0, area: 1, period: 2, value: 3, unit: 4 }), { n_areas: 1n, n_periods: 1n, decimal: '.', missing: listValue(['', '.']) }, { missing: LIST(VARCHAR) });
    // One scan gives every key column's distinct values, tagged by set (GROUPING bits: ini 16, area 8, period 4, ind 2, u 1).
    const keys = (await c.runAndReadAll(bulkKeyValuesSql({ indicator: 0, area: 1, period: 2, unit: 4 }), { limit: 100 })).getRowObjects();
    expect(keys.map((k) => `${k['s']}:${k['k']}:${k['u']}`).sort()).toEqual(['area:WK051836:', 'indicator:a:', 'initiative::', 'period:2025:']);
    const expectRuns = async (sql: string, params: Record<string, unknown> = {}): Promise<void> => {
      await expect(c.run(sql, params as never)).resolves.toBeDefined();
    };
    await expectRuns(findUploadSql(), { initiative: 'x', sha256: 'y' });
    await expectRuns(hasCurrentSql(), { initiative: 'x' });
    await expectRuns(duplicateKeysSql(), { limit: 10 });
    await expectRuns(bulkDuplicateKeysSql(), { limit: 10 });
    await expectRuns(bulkBadRowsSql(), { limit: 10 });
    await expectRuns(listUploadsSql(), { initiative: null });
    await expectRuns(selectObservationsSql(), { initiative: null, history: false, indicator: null, area: null, from: null, to: null });
    await expectRuns(checksumSql());
    await c.run('BEGIN');
    await expectRuns(insertUploadSql(), { id: 'u', initiative: 'x', file_name: 'f.csv', sha256: 'y', row_count: 0, uploaded_by: 'me', uploaded_at: '2025-01-01 00:00:00', source_kind: 'csv' });
    await expectRuns(supersedeSql(), { upload_id: 'u', initiative: 'x' });
    await expectRuns(commitStageSql(), { upload_id: 'u', initiative: 'x' });
    await c.run('ROLLBACK');
    c.closeSync();
    db.closeSync();
  });
});
