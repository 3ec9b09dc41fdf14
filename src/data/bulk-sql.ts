/**
 * SQL for the bulk path. DuckDB's own CSV reader reads every field as text into the temporary table `bulk_raw`, in
 * file order (insertion order kept), so `rowid + 2` is the spreadsheet row (header = 1), counting records as the row
 * path does — DuckDB documents rowid, like row_number() OVER () on the reader, as the original row order, and unlike
 * that window it keeps the read parallel. The distinct values of the key fields (initiative, indicator + unit, area,
 * period) are checked once each in TypeScript by the same field checks as the row path; then one INSERT … SELECT
 * checks every row in SQL (numbers with the same patterns as src/core/observations/number.ts) on its way into the
 * store. A failing row makes that insert raise an error, so the transaction rolls back, and only then are the
 * failing rows listed for the row checker to describe.
 * Key values are looked up without a join: each key column is cast to an ENUM type holding exactly the file's valid
 * written values (created inside the upload's transaction, so nothing of it outlives the upload; a value that is
 * not in it casts to NULL and fails the row), and the enum code is the code under which the upload's value is
 * stored (store layout 2, see store-sql.ts) — through a bound list only where two written forms mean one value.
 * Indicators are checked with their unit: the pair's codes index a bound list of structs with the checked result.
 * A join would cost DuckDB its order-preserving batch insert and run the insert on one thread; casts and list
 * lookups keep it parallel.
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
 * The distinct values of every key column and the number of rows of `bulk_raw`: `s` names the set — `initiative`,
 * `area`, `period`, `indicator` (with its unit in `u`) or `rows` (the count in `n`) — and `k` the value as written
 * (untrimmed: the enums map each written form to its checked value). One DISTINCT per column (cheaper than one
 * GROUPING SETS scan, as each groups only its own column).
 */
export function bulkKeyValuesSql(c: Pick<BulkColumns, 'initiative' | 'area' | 'period' | 'indicator' | 'unit'>): string {
  const distinct = (set: string, i: number): string => `SELECT DISTINCT '${set}' AS s, ${key(i)} AS k, '' AS u, 0::BIGINT AS n FROM bulk_raw r`;
  return [
    ...(c.initiative === undefined ? [] : [distinct('initiative', c.initiative)]),
    distinct('area', c.area),
    distinct('period', c.period),
    `SELECT DISTINCT 'indicator' AS s, ${key(c.indicator)} AS k, ${key(c.unit)} AS u, 0::BIGINT AS n FROM bulk_raw r`,
    "SELECT 'rows' AS s, '' AS k, '' AS u, count(*) AS n FROM bulk_raw",
  ].join('\nUNION ALL ') + '\nLIMIT $limit';
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

/** The fields of the bound list `$ranges`, one struct per stored indicator code (+ 1): the indicator's value rules. */
export const bulkRangeFields = { lo: 'DOUBLE', hi: 'DOUBLE', c: 'BOOLEAN' } as const;

/**
 * How each key column's enum code becomes the code it is stored under: directly, or through a bound list where two
 * written forms mean one value (`$area_canon`, `$period_canon`, `$indicator_canon`); with a unit column the
 * (indicator, unit) pair is looked up in `$pairs` (indexed by indicator code × $n_units + unit code + 1).
 */
export interface BulkCanon {
  readonly area: boolean;
  readonly period: boolean;
  readonly indicator: boolean;
}

/** A temporary table for the upload's values (kind, code, value, dates) until they go into upload_values. */
export function bulkDictionaryTableSql(): string {
  return 'CREATE OR REPLACE TEMP TABLE bulk_dictionary (kind VARCHAR, code INTEGER, value VARCHAR, unit VARCHAR, period_start VARCHAR, period_end VARCHAR)';
}

/** Stores the upload's values under its key. */
export function bulkDictionaryInsertSql(): string {
  return `INSERT INTO upload_values
SELECT $key, kind, code, value, unit, period_start::DATE, period_end::DATE FROM temp.bulk_dictionary`;
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
 * Every row of the file, checked: its row number, its raw cells (c0…), the codes and values to store, and `bad` when
 * a field fails — a key value not in its enum, an indicator and unit that do not go together, a value that is not a
 * number, an invalid n or sd. With `ranges`, also a value outside its indicator's range or a count that is not whole
 * (looked up per row in `$ranges`); without, those are checked per indicator after the insert (bulkIndicatorSummarySql),
 * which keeps per-row list lookups out of the insert. Parameters: $decimal, $missing (VARCHAR[]), the lists `canon`
 * names, with a unit column $pairs and $n_units, and with `ranges` $ranges.
 */
export function bulkCheckedSql(c: BulkColumns, canon: BulkCanon, ranges: boolean): string {
  const code = (set: BulkKeySet, i: number | undefined): string => `enum_code(TRY_CAST(${key(i)} AS ${bulkKeyTypes[set]}))`;
  const stored = (set: 'area' | 'period' | 'indicator', i: number): string =>
    canon[set] ? `list_extract($${set}_canon, ${code(set, i)}::BIGINT + 1)` : `${code(set, i)}::INTEGER`;
  const indicator =
    c.unit === undefined
      ? stored('indicator', c.indicator)
      : `list_extract($pairs, ${code('indicator', c.indicator)}::BIGINT * $n_units::BIGINT + ${code('unit', c.unit)}::BIGINT + 1)`;
  const cells = Array.from({ length: c.count }, (_, i) => `r.c${i}`).join(', ');
  const range = ranges
    ? `
    AND (value_num IS NULL OR ((rule.lo IS NULL OR value_num >= rule.lo) AND (rule.hi IS NULL OR value_num <= rule.hi) AND (NOT rule.c OR value_num = round(value_num))))`
    : '';
  return `WITH k AS (
  SELECT rowid + 2 AS "row", ${cells},
    ${c.initiative === undefined ? 'true' : `${code('initiative', c.initiative)} IS NOT NULL`} AS ini_ok,
    ${stored('area', c.area)} AS area,
    ${stored('period', c.period)} AS period,
    ${indicator} AS indicator,
    trim(${key(c.value)}) AS v, ${raw(c.n)} AS nv, ${raw(c.sd)} AS sdv, ${raw(c.source)} AS source, ${raw(c.note)} AS note
  FROM bulk_raw r
), p AS (
  SELECT *, ${ranges ? 'list_extract($ranges, indicator::BIGINT + 1) AS rule, ' : ''}${numberSql('v')} AS value_num, ${numberSql('nv')} AS n_num, ${numberSql('sdv')} AS sd_num
  FROM k
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
  NOT coalesce(ini_ok AND area IS NOT NULL AND period IS NOT NULL AND indicator IS NOT NULL
    AND (v_missing OR (value_num IS NOT NULL AND isfinite(value_num)))${range}
    AND (nv_missing OR (n_num IS NOT NULL AND n_num >= 1 AND n_num = round(n_num)))
    AND (sdv_missing OR (sd_num IS NOT NULL AND sd_num >= 0)), false) AS bad
FROM x`;
}

/**
 * Inserts every checked row of the file into the store under upload key $key, in the upload's transaction. A
 * failing row raises BULK_BAD_ROW, which aborts the insert: nothing of a bad file is ever kept.
 */
export function bulkInsertSql(c: BulkColumns, canon: BulkCanon): string {
  return `INSERT INTO observation_rows
SELECT $key, "row", indicator, area, period, CASE WHEN bad THEN error('${BULK_BAD_ROW}') ELSE value END
FROM (${bulkCheckedSql(c, canon, false)})`;
}

/** Source, n, sd and note of the rows that have any (only for files with one of those columns). */
export function bulkDetailsSql(c: BulkColumns, canon: BulkCanon): string {
  return `INSERT INTO observation_details
SELECT $key, "row", indicator, source, n, sd, note FROM (${bulkCheckedSql(c, canon, false)})
WHERE source IS NOT NULL OR n IS NOT NULL OR sd IS NOT NULL OR note IS NOT NULL`;
}

/** The raw cells of the first failing rows (value ranges included), in row order, for the row checker to describe. */
export function bulkBadRowsSql(c: BulkColumns, canon: BulkCanon): string {
  const cells = Array.from({ length: c.count }, (_, i) => `c${i}`).join(', ');
  return `SELECT "row", ${cells} FROM (${bulkCheckedSql(c, canon, true)})
WHERE bad
ORDER BY "row"
LIMIT $limit`;
}

/** Malformed lines DuckDB's reader set aside (wrong number of fields, an unclosed quote). */
export function bulkRejectsSql(): string {
  return 'SELECT line, error_type, column_name, csv_line FROM bulk_rejects ORDER BY line LIMIT $limit';
}

/** Most bits the duplicate-key bitmaps of one upload may have together (16 MiB per thread); beyond, keys are grouped. */
export const BULK_BITMAP_BITS = 2 ** 27;

/**
 * Per stored indicator code of upload $key: the number of rows `n`, the smallest and largest value, whether every
 * value is whole, and — when the area × period key space fits BULK_BITMAP_BITS over all indicators — `d`, the
 * number of distinct (area, period) keys: a bitmap over that range (DuckDB's bitstring_agg, one bit per key) has
 * fewer bits set than there are rows exactly when a key repeats. Without the bitmap `d` is NULL.
 */
export function bulkIndicatorSummarySql(space: { indicator: number; area: number; period: number }): string {
  const bits = space.area * space.period;
  const bitmap =
    bits > 0 && space.indicator * bits <= BULK_BITMAP_BITS
      ? `bit_count(bitstring_agg(area::BIGINT * ${space.period} + period, 0::BIGINT, ${bits - 1}::BIGINT))`
      : 'NULL::BIGINT';
  return `SELECT indicator, count(*) AS n, min(value) AS lo, max(value) AS hi, coalesce(bool_and(value = round(value)), true) AS whole, ${bitmap} AS d
FROM observation_rows WHERE upload = $key
GROUP BY indicator`;
}

/**
 * Rows of an upload (inserted, not yet committed) whose key appeared in an earlier row of it, as text: run only
 * when bulkHasDuplicatesSql found some.
 */
export function bulkDuplicateKeysSql(): string {
  return `WITH c AS (
  SELECT indicator, area, period, "row" FROM observations WHERE upload_id = $upload_id
), d AS (
  SELECT indicator, area, period, min("row") AS first FROM c GROUP BY indicator, area, period HAVING count(*) > 1
)
SELECT c.indicator, c.area, c.period, d.first, min(c."row") AS second
FROM c JOIN d ON c.indicator = d.indicator AND c.area = d.area AND c.period = d.period AND c."row" > d.first
GROUP BY c.indicator, c.area, c.period, d.first
ORDER BY second
LIMIT $limit`;
}
