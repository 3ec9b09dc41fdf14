/**
 * SQL for the bulk path. DuckDB's own CSV reader reads every field as text into `bulk_raw` (in file order, so
 * `rowid + 2` is the spreadsheet row). The key fields (initiative, indicator + unit, area, period) have few distinct
 * values: those are checked once each in TypeScript by the same field checks as the row path and joined back as
 * lookup tables; numbers are checked per row in SQL with the same patterns as src/core/observations/number.ts.
 * Pure functions returning text; every value from a file or a model is a bound `$parameter` or sits in a lookup
 * table. Column names c0…cN are generated here, never taken from the file's header.
 */

/** Which generated column (c0…) holds each field. */
export interface BulkColumns {
  readonly count: number;
  readonly initiative?: number;
  readonly indicator: number;
  readonly area: number;
  readonly period: number;
  readonly value: number;
  readonly unit?: number;
  readonly source?: number;
  readonly n?: number;
  readonly sd?: number;
  readonly note?: number;
}

const col = (i: number | undefined): string => (i === undefined ? "''" : `coalesce(r.c${i}, '')`);
const raw = (i: number | undefined): string => (i === undefined ? 'NULL::VARCHAR' : `nullif(trim(r.c${i}), '')`);

/** Reads the file (header skipped, every column VARCHAR) into `bulk_raw`; malformed lines go to `bulk_rejects`. */
export function bulkReadSql(columns: number): string {
  const spec = Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE bulk_raw AS
SELECT * FROM read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {${spec}}, store_rejects = true, ignore_errors = true,
  rejects_table = 'bulk_rejects', rejects_scan = 'bulk_reject_scans')`;
}

/**
 * The distinct values of every key column in one scan (GROUPING SETS): `s` names the set — `initiative`, `area`,
 * `period` or `indicator` (with its unit in `u`) — and `k` the trimmed value.
 */
export function bulkKeyValuesSql(c: Pick<BulkColumns, 'initiative' | 'area' | 'period' | 'indicator' | 'unit'>): string {
  const t = (i: number | undefined): string => (i === undefined ? "''" : `trim(coalesce(c${i}, ''))`);
  return `WITH r AS (SELECT ${t(c.initiative)} AS ini, ${t(c.area)} AS area, ${t(c.period)} AS period, ${t(c.indicator)} AS ind, ${t(c.unit)} AS u FROM bulk_raw)
SELECT CASE GROUPING(ini, area, period, ind, u) WHEN 15 THEN 'initiative' WHEN 23 THEN 'area' WHEN 27 THEN 'period' ELSE 'indicator' END AS s,
  coalesce(ini, area, period, ind) AS k, coalesce(u, '') AS u
FROM r
GROUP BY GROUPING SETS ((ini), (area), (period), (ind, u))
LIMIT $limit`;
}

/** Lookup tables for the checked key values, filled by the caller. */
export function bulkLookupTablesSql(): string[] {
  return [
    'CREATE OR REPLACE TEMP TABLE bulk_initiative (k VARCHAR, ok BOOLEAN)',
    'CREATE OR REPLACE TEMP TABLE bulk_area (k VARCHAR, id BIGINT, ok BOOLEAN, area VARCHAR)',
    'CREATE OR REPLACE TEMP TABLE bulk_period (k VARCHAR, id BIGINT, ok BOOLEAN, period VARCHAR, ps DATE, pe DATE)',
    'CREATE OR REPLACE TEMP TABLE bulk_indicator (k VARCHAR, u VARCHAR, id BIGINT, ok BOOLEAN, indicator VARCHAR, unit VARCHAR, lo DOUBLE, hi DOUBLE, is_count BOOLEAN, pair BIGINT)',
  ];
}

// Number shapes, as in src/core/observations/number.ts.
const COMMA_PLAIN = `'[+-]?\\d+(,\\d+)?'`;
const COMMA_GROUPED = `'[+-]?\\d{1,3}([. \\x{00a0}\\x{202f}]\\d{3})+(,\\d+)?'`;
const POINT_PLAIN = `'[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?'`;
const POINT_GROUPED = `'[+-]?\\d{1,3}([, \\x{00a0}\\x{202f}]\\d{3})+(\\.\\d+)?'`;

/** A number cell as DOUBLE: NULL when missing or not a number (the flag tells which). */
function numberSql(v: string): string {
  return `CASE WHEN $decimal = ',' THEN CASE WHEN regexp_full_match(${v}, ${COMMA_PLAIN}) THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)
      WHEN regexp_full_match(${v}, ${COMMA_GROUPED}) THEN TRY_CAST(replace(regexp_replace(${v}, '[. \\x{00a0}\\x{202f}]', '', 'g'), ',', '.') AS DOUBLE) END
    ELSE CASE WHEN regexp_full_match(${v}, ${POINT_PLAIN}) THEN TRY_CAST(${v} AS DOUBLE)
      WHEN regexp_full_match(${v}, ${POINT_GROUPED}) THEN TRY_CAST(regexp_replace(${v}, '[, \\x{00a0}\\x{202f}]', '', 'g') AS DOUBLE) END END`;
}

/**
 * Checks every row into `bulk`: parsed numbers, the ids of its checked key values (strings stay in the small
 * lookup tables, which keeps this table narrow), a key number `k` (unique per indicator, area and period, for the
 * duplicate check) and `bad` when any field fails. The failing rows are re-checked by the row checker for their issues.
 */
export function bulkCheckSql(c: BulkColumns): string {
  const v = `trim(${col(c.value)})`;
  const nv = raw(c.n);
  const sdv = raw(c.sd);
  const initiativeJoin = c.initiative === undefined ? '' : `\n  LEFT JOIN bulk_initiative i ON i.k = trim(${col(c.initiative)})`;
  const initiativeOk = c.initiative === undefined ? 'true' : 'i.ok';
  return `CREATE OR REPLACE TEMP TABLE bulk AS
WITH t AS (
  SELECT r.rowid + 2 AS "row", a.id AS area_id, p.id AS period_id, ind.pair, ind.lo, ind.hi, ind.is_count,
    (ind.id * $n_areas + a.id) * $n_periods + p.id AS k,
    ${initiativeOk} AND a.ok AND p.ok AND ind.ok AS keys_ok,
    ${v} AS v, ${nv} AS nv, ${sdv} AS sdv,
    ${raw(c.source)} AS source, ${raw(c.note)} AS note
  FROM bulk_raw r${initiativeJoin}
  LEFT JOIN bulk_area a ON a.k = trim(${col(c.area)})
  LEFT JOIN bulk_period p ON p.k = trim(${col(c.period)})
  LEFT JOIN bulk_indicator ind ON ind.k = trim(${col(c.indicator)}) AND ind.u = trim(${col(c.unit)})
), n AS (
  SELECT *,
    list_contains($missing, lower(v)) AS v_missing,
    ${numberSql('v')} AS value,
    nv IS NULL OR list_contains($missing, lower(nv)) AS nv_missing,
    ${numberSql('nv')} AS n_num,
    sdv IS NULL OR list_contains($missing, lower(sdv)) AS sdv_missing,
    ${numberSql('sdv')} AS sd_num
  FROM t
)
SELECT "row", pair, area_id, period_id,
  CASE WHEN v_missing THEN NULL ELSE value END AS value, source,
  CASE WHEN nv_missing THEN NULL ELSE n_num::BIGINT END AS n, CASE WHEN sdv_missing THEN NULL ELSE sd_num END AS sd, note, k,
  NOT coalesce(keys_ok
    AND (v_missing OR (value IS NOT NULL AND isfinite(value) AND (lo IS NULL OR value >= lo) AND (hi IS NULL OR value <= hi)
      AND (NOT is_count OR value = round(value))))
    AND (nv_missing OR (n_num IS NOT NULL AND n_num >= 1 AND n_num = round(n_num)))
    AND (sdv_missing OR (sd_num IS NOT NULL AND sd_num >= 0)), false) AS bad
FROM n`;
}

/** The raw cells of the first failing rows, in row order, for the row checker to describe. */
export function bulkBadRowsSql(): string {
  return `SELECT r.rowid + 2 AS "row", r.* FROM bulk_raw r
WHERE r.rowid IN (SELECT "row" - 2 FROM bulk WHERE bad ORDER BY "row" LIMIT $limit)
ORDER BY r.rowid`;
}

/** Malformed lines DuckDB's reader set aside (wrong number of fields, an unclosed quote). */
export function bulkRejectsSql(): string {
  return 'SELECT line, error_type, column_name, csv_line FROM bulk_rejects ORDER BY line LIMIT $limit';
}

/** Rows of the staged upload whose key appeared in an earlier row (bulk path: one integer key per row). */
export function bulkDuplicateKeysSql(): string {
  return `WITH d AS (SELECT k, min("row") AS first FROM bulk GROUP BY k HAVING count(*) > 1),
dup AS (SELECT d.first, min(b."row") AS second FROM bulk b JOIN d ON b.k = d.k AND b."row" > d.first GROUP BY d.first)
SELECT s.indicator, s.area, s.period, dup.first, dup.second
FROM dup JOIN stage s ON s."row" = dup.second
ORDER BY dup.second
LIMIT $limit`;
}

/** The checked rows as the stage of an upload: the narrow `bulk` table joined back to the key values. */
export function bulkStageViewSql(): string {
  return `CREATE OR REPLACE TEMP VIEW stage AS
SELECT b."row", i.indicator, a.area, p.period, p.ps AS period_start, p.pe AS period_end, b.value, i.unit, b.source, b.n, b.sd, b.note
FROM bulk b
JOIN bulk_indicator i ON i.pair = b.pair
JOIN (SELECT DISTINCT id, area FROM bulk_area) a ON a.id = b.area_id
JOIN (SELECT DISTINCT id, period, ps, pe FROM bulk_period) p ON p.id = b.period_id`;
}
