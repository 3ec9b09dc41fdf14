/**
 * SQL for the bulk path. DuckDB's own CSV reader reads every field as text into the temporary table `bulk_raw`, in
 * file order (insertion order kept), so `rowid + 2` is the spreadsheet row (header = 1), counting records as the row
 * path does — DuckDB documents rowid, like row_number() OVER () on the reader, as the original row order, and unlike
 * that window it keeps the read parallel. The distinct values of the key fields (initiative, indicator + unit, area,
 * period) are checked once each in TypeScript by the same field checks as the row path; then one INSERT … SELECT
 * checks every row in SQL (numbers with the same patterns as src/core/observations/number.ts) on its way into the
 * store. A failing row makes that insert raise an error, so the transaction rolls back, and only then are the
 * failing rows listed for the row checker to describe.
 * Key values are looked up without a join: each key column is cast to an ENUM type holding exactly the file's
 * distinct values (created inside the upload's transaction, so nothing of it outlives the upload), and the enum's
 * code indexes bound lists with each value's check result. A join would cost DuckDB its order-preserving batch
 * insert and run the insert on one thread; casts and list lookups keep it parallel.
 * Pure functions returning text; every value from a file or a model is a bound `$parameter` or sits in a bound list
 * or an enum built from a table. Column names c0…cN are generated here, never taken from the file's header.
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

/** The message of the error a failing row raises inside the insert (fixed text, never from a file). */
export const BULK_BAD_ROW = 'rendement: bulk row failed its checks';

const key = (i: number | undefined): string => (i === undefined ? "''" : `coalesce(r.c${i}, '')`);
const raw = (i: number | undefined): string => (i === undefined ? 'NULL::VARCHAR' : `nullif(trim(r.c${i}), '')`);

/**
 * DuckDB's CSV reader over the file ($path, $delim, $encoding): header skipped, every column VARCHAR. With `rejects`,
 * malformed lines (wrong number of fields, an unclosed quote) are set aside in `bulk_rejects` instead of failing.
 */
export function bulkSourceSql(columns: number, rejects: boolean): string {
  const spec = Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const errors = rejects ? `, store_rejects = true, ignore_errors = true,\n  rejects_table = 'bulk_rejects', rejects_scan = 'bulk_reject_scans'` : '';
  return `read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"',
  encoding = $encoding, columns = {${spec}}${errors})`;
}

/** Reads the file into `bulk_raw` (every column VARCHAR, in file order); malformed lines go to `bulk_rejects`. */
export function bulkReadSql(columns: number): string {
  return `CREATE OR REPLACE TEMP TABLE bulk_raw AS
SELECT * FROM ${bulkSourceSql(columns, true)}`;
}

/**
 * The distinct values of every key column and the number of rows, in one scan of `bulk_raw` (GROUPING SETS): `s`
 * names the set — `initiative`, `area`, `period`, `indicator` (with its unit in `u`) or `rows` (the count in `n`) —
 * and `k` the value as written (untrimmed: the lookup tables map each written form to its checked value).
 */
export function bulkKeyValuesSql(c: Pick<BulkColumns, 'initiative' | 'area' | 'period' | 'indicator' | 'unit'>): string {
  return `WITH r AS (SELECT ${key(c.initiative)} AS ini, ${key(c.area)} AS area, ${key(c.period)} AS period, ${key(c.indicator)} AS ind, ${key(c.unit)} AS u
  FROM bulk_raw r)
SELECT CASE GROUPING(ini, area, period, ind, u) WHEN 15 THEN 'initiative' WHEN 23 THEN 'area' WHEN 27 THEN 'period' WHEN 31 THEN 'rows' ELSE 'indicator' END AS s,
  coalesce(ini, area, period, ind, '') AS k, coalesce(u, '') AS u, count(*) AS n
FROM r
GROUP BY GROUPING SETS ((ini), (area), (period), (ind, u), ())
LIMIT $limit`;
}

/** The enum types of the key columns, by set; their values are the distinct values as written. */
export const bulkKeyTypes = { initiative: 'bulk_initiative_t', area: 'bulk_area_t', period: 'bulk_period_t', indicator: 'bulk_indicator_t', unit: 'bulk_unit_t' } as const;
export type BulkKeySet = keyof typeof bulkKeyTypes;

/** A temporary table for the written values of one key column, in the order the caller gives them (`i`). */
export function bulkKeyTableSql(set: BulkKeySet): string {
  return `CREATE OR REPLACE TEMP TABLE bulk_keys_${set} (i INTEGER, k VARCHAR)`;
}

/** The enum type of one key column, from its key table (run inside the upload's transaction). */
export function bulkKeyTypeSql(set: BulkKeySet): string {
  return `CREATE TYPE ${bulkKeyTypes[set]} AS ENUM (SELECT k FROM bulk_keys_${set} ORDER BY i)`;
}

/** The values of an enum type in code order, to check that code + 1 indexes the caller's lists. */
export function bulkKeyRangeSql(set: BulkKeySet): string {
  return `SELECT enum_range(NULL::${bulkKeyTypes[set]})::VARCHAR[] AS r`;
}

/** Drops an enum type of the key columns. */
export function bulkDropKeyTypeSql(set: BulkKeySet): string {
  return `DROP TYPE IF EXISTS ${bulkKeyTypes[set]}`;
}

/**
 * The bound lists the checked rows look their keys up in, each indexed by enum code + 1 (for indicators by
 * indicator code × $n_units + unit code + 1), with their DuckDB types.
 */
export const bulkKeyListTypes = {
  ini_ok: 'BOOLEAN',
  area_ok: 'BOOLEAN',
  area_value: 'VARCHAR',
  area_same: 'BOOLEAN',
  period_ok: 'BOOLEAN',
  period_value: 'VARCHAR',
  period_same: 'BOOLEAN',
  period_start: 'VARCHAR',
  period_end: 'VARCHAR',
  ind_ok: 'BOOLEAN',
  ind_value: 'VARCHAR',
  ind_same: 'BOOLEAN',
  ind_unit: 'VARCHAR',
  ind_unit_same: 'BOOLEAN',
  ind_lo: 'DOUBLE',
  ind_hi: 'DOUBLE',
  ind_count: 'BOOLEAN',
} as const;

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
 * Every row of the file, checked: its row number, its raw cells (c0…), the values to store, and `bad` when any
 * field fails (an unknown key, a value that is not a number or out of range, an invalid n or sd).
 * Parameters: $decimal, $missing (VARCHAR[]), $n_units and the lists of bulkKeyListTypes.
 */
export function bulkCheckedSql(c: BulkColumns): string {
  const code = (set: BulkKeySet, i: number | undefined): string => `enum_code(${key(i)}::${bulkKeyTypes[set]})::BIGINT`;
  const text = (i: number | undefined): string => (i === undefined ? 'NULL::VARCHAR' : `r.c${i}`);
  const at = (list: string, index: string): string => `list_extract($${list}, ${index})`;
  return `WITH r AS (SELECT rowid + 2 AS "row", * FROM bulk_raw),
k AS (
  SELECT r.*,
    ${c.initiative === undefined ? '1' : `${code('initiative', c.initiative)} + 1`} AS ii,
    ${code('area', c.area)} + 1 AS ai,
    ${code('period', c.period)} + 1 AS pi,
    ${code('indicator', c.indicator)} * $n_units::BIGINT + ${c.unit === undefined ? '0' : code('unit', c.unit)} + 1 AS ki
  FROM r
),
t AS (
  SELECT r."row", ${Array.from({ length: c.count }, (_, i) => `r.c${i}`).join(', ')},
    CASE WHEN ${at('ind_same', 'ki')} THEN ${text(c.indicator)} ELSE ${at('ind_value', 'ki')} END AS indicator,
    CASE WHEN ${at('area_same', 'ai')} THEN ${text(c.area)} ELSE ${at('area_value', 'ai')} END AS area,
    CASE WHEN ${at('period_same', 'pi')} THEN ${text(c.period)} ELSE ${at('period_value', 'pi')} END AS period,
    ${at('period_start', 'pi')}::DATE AS period_start, ${at('period_end', 'pi')}::DATE AS period_end,
    CASE WHEN ${at('ind_unit_same', 'ki')} THEN ${text(c.unit)} ELSE ${at('ind_unit', 'ki')} END AS unit,
    ${at('ind_lo', 'ki')} AS lo, ${at('ind_hi', 'ki')} AS hi, ${at('ind_count', 'ki')} AS is_count,
    coalesce(${c.initiative === undefined ? 'true' : at('ini_ok', 'ii')} AND ${at('area_ok', 'ai')} AND ${at('period_ok', 'pi')} AND ${at('ind_ok', 'ki')}, false) AS keys_ok,
    trim(${key(c.value)}) AS v, ${raw(c.n)} AS nv, ${raw(c.sd)} AS sdv,
    ${raw(c.source)} AS source, ${raw(c.note)} AS note
  FROM k r
), p AS (
  SELECT *, ${numberSql('v')} AS value_num, ${numberSql('nv')} AS n_num, ${numberSql('sdv')} AS sd_num
  FROM t
), x AS (
  -- No missing token reads as a number, so only cells that are not numbers are compared with them (saves a lower() per row).
  SELECT *,
    value_num IS NULL AND list_contains($missing, lower(v)) AS v_missing,
    nv IS NULL OR (n_num IS NULL AND list_contains($missing, lower(nv))) AS nv_missing,
    sdv IS NULL OR (sd_num IS NULL AND list_contains($missing, lower(sdv))) AS sdv_missing
  FROM p
)
SELECT *,
  CASE WHEN v_missing THEN NULL ELSE value_num END AS value,
  CASE WHEN nv_missing THEN NULL ELSE n_num::BIGINT END AS n,
  CASE WHEN sdv_missing THEN NULL ELSE sd_num END AS sd,
  NOT coalesce(keys_ok
    AND (v_missing OR (value_num IS NOT NULL AND isfinite(value_num) AND (lo IS NULL OR value_num >= lo) AND (hi IS NULL OR value_num <= hi)
      AND (NOT is_count OR value_num = round(value_num))))
    AND (nv_missing OR (n_num IS NOT NULL AND n_num >= 1 AND n_num = round(n_num)))
    AND (sdv_missing OR (sd_num IS NOT NULL AND sd_num >= 0)), false) AS bad
FROM x`;
}

/**
 * Inserts every checked row of the file into the store under an upload id, in the upload's transaction. A failing
 * row raises BULK_BAD_ROW, which aborts the insert: nothing of a bad file is ever kept.
 */
export function bulkInsertSql(c: BulkColumns): string {
  return `INSERT INTO observations
SELECT $upload_id, "row", $initiative, indicator, area, period, period_start, period_end,
  CASE WHEN bad THEN error('${BULK_BAD_ROW}') ELSE value END, unit, source, n, sd, note, NULL
FROM (${bulkCheckedSql(c)})`;
}

/** The raw cells of the first failing rows, in row order, for the row checker to describe. */
export function bulkBadRowsSql(c: BulkColumns): string {
  const cells = Array.from({ length: c.count }, (_, i) => `c${i}`).join(', ');
  return `SELECT "row", ${cells} FROM (${bulkCheckedSql(c)})
WHERE bad
ORDER BY "row"
LIMIT $limit`;
}

/** Malformed lines DuckDB's reader set aside (wrong number of fields, an unclosed quote). */
export function bulkRejectsSql(): string {
  return 'SELECT line, error_type, column_name, csv_line FROM bulk_rejects ORDER BY line LIMIT $limit';
}

/**
 * Rows of an upload (inserted, not yet committed) whose key appeared in an earlier row of it. Keys are grouped by
 * a 64-bit hash first (one small integer per row, so the whole upload fits DuckDB's memory); the few candidate keys
 * are then compared as text, so a hash collision can never report a duplicate that is not one.
 */
export function bulkDuplicateKeysSql(): string {
  return `WITH h AS (
  SELECT hash(indicator, area, period) AS h FROM observations WHERE upload_id = $upload_id GROUP BY h HAVING count(*) > 1
), c AS (
  SELECT o.indicator, o.area, o.period, o."row" FROM observations o
  WHERE o.upload_id = $upload_id AND hash(o.indicator, o.area, o.period) IN (SELECT h FROM h)
), d AS (
  SELECT indicator, area, period, min("row") AS first FROM c GROUP BY indicator, area, period HAVING count(*) > 1
)
SELECT c.indicator, c.area, c.period, d.first, min(c."row") AS second
FROM c JOIN d ON c.indicator = d.indicator AND c.area = d.area AND c.period = d.period AND c."row" > d.first
GROUP BY c.indicator, c.area, c.period, d.first
ORDER BY second
LIMIT $limit`;
}

/** Marks the initiative's current observations with a key in the new upload as superseded by it (kept as history). */
export function bulkSupersedeSql(): string {
  return `UPDATE observations SET superseded_by = $upload_id
WHERE superseded_by IS NULL AND initiative = $initiative AND upload_id <> $upload_id
  AND (indicator, area, period) IN (SELECT indicator, area, period FROM observations WHERE upload_id = $upload_id)`;
}
