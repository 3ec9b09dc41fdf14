/**
 * SQL for the bulk path: DuckDB's own CSV reader reads every field as text, and the same rules as the row checker
 * (src/core/observations/check-row.ts) are applied in SQL, with row numbers. Pure functions returning text; every
 * value from a file or a model is a bound `$parameter`. Column names c0…cN are generated here, never taken from the
 * file's header.
 */

/** Which generated column (c0…) holds each field; absent fields are NULL. */
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

const col = (i: number | undefined): string => (i === undefined ? 'NULL::VARCHAR' : `c${i}`);

/** The read_csv call: header skipped, every column VARCHAR, malformed lines kept in a rejects table. */
export function readCsvSql(columns: number): string {
  const spec = Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv($path, header = false, skip = 1, auto_detect = false, delim = $delim, quote = '"', escape = '"', encoding = $encoding,
    columns = {${spec}}, store_rejects = true, ignore_errors = true, rejects_table = 'bulk_rejects', rejects_scan = 'bulk_reject_scans')`;
}

// Number shapes, as in src/core/observations/number.ts.
const COMMA_PLAIN = `'[+-]?\\d+(,\\d+)?'`;
const COMMA_GROUPED = `'[+-]?\\d{1,3}([. \\x{00a0}\\x{202f}]\\d{3})+(,\\d+)?'`;
const POINT_PLAIN = `'[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?'`;
const POINT_GROUPED = `'[+-]?\\d{1,3}([, \\x{00a0}\\x{202f}]\\d{3})+(\\.\\d+)?'`;

function numberSql(v: string): { value: string; kind: string } {
  const value = `CASE WHEN ${v}_missing THEN NULL
    WHEN $decimal = ',' THEN CASE WHEN regexp_full_match(${v}, ${COMMA_PLAIN}) THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)
      WHEN regexp_full_match(${v}, ${COMMA_GROUPED}) THEN TRY_CAST(replace(regexp_replace(${v}, '[. \\x{00a0}\\x{202f}]', '', 'g'), ',', '.') AS DOUBLE) END
    ELSE CASE WHEN regexp_full_match(${v}, ${POINT_PLAIN}) THEN TRY_CAST(${v} AS DOUBLE)
      WHEN regexp_full_match(${v}, ${POINT_GROUPED}) THEN TRY_CAST(regexp_replace(${v}, '[, \\x{00a0}\\x{202f}]', '', 'g') AS DOUBLE) END END`;
  const kind = `CASE WHEN ${v}_missing THEN 'missing' WHEN ${v}_num IS NOT NULL AND isfinite(${v}_num) THEN 'number'
    WHEN $decimal = ',' AND regexp_full_match(${v}, ${POINT_PLAIN}) THEN 'ambiguous'
    WHEN $decimal = '.' AND regexp_full_match(${v}, ${COMMA_PLAIN}) THEN 'ambiguous' ELSE 'invalid' END`;
  return { value, kind };
}

/**
 * Reads the file and checks every row in one pass into a temporary table `bulk`: parsed fields, the first issue
 * code of the row (`code`), the field it is in (`field`) and the offending text (`bad`). The order of the checks is
 * that of the row checker.
 */
export function bulkCheckSql(c: BulkColumns): string {
  const v = numberSql('v');
  const nn = numberSql('nv');
  const sdn = numberSql('sdv');
  return `CREATE OR REPLACE TEMP TABLE bulk AS
WITH raw AS (
  SELECT (row_number() OVER ()) + 1 AS "row", * FROM ${readCsvSql(c.count)}
), t AS (
  SELECT "row",
    nullif(trim(${col(c.initiative)}), '') AS ini,
    nullif(trim(${col(c.indicator)}), '') AS indicator,
    nullif(trim(${col(c.area)}), '') AS area,
    nullif(upper(trim(${col(c.period)})), '') AS p,
    trim(coalesce(${col(c.value)}, '')) AS v,
    nullif(trim(${col(c.unit)}), '') AS unit,
    nullif(trim(${col(c.source)}), '') AS source,
    nullif(trim(${col(c.n)}), '') AS nv,
    nullif(trim(${col(c.sd)}), '') AS sdv,
    nullif(trim(${col(c.note)}), '') AS note
  FROM raw
), m AS (
  SELECT *,
    list_contains($missing, lower(v)) AS v_missing,
    nv IS NULL OR list_contains($missing, lower(nv)) AS nv_missing,
    sdv IS NULL OR list_contains($missing, lower(sdv)) AS sdv_missing,
    CASE
      WHEN regexp_full_match(p, '\\d{4}') THEN 'year'
      WHEN regexp_full_match(p, '\\d{4}[- ]?Q[1-4]') THEN 'quarter'
      WHEN regexp_full_match(p, 'Q[1-4][- ]\\d{4}') THEN 'quarter-first'
      WHEN regexp_full_match(p, '\\d{4}-\\d{1,2}') THEN 'month'
      WHEN regexp_full_match(p, '\\d{1,2}-\\d{4}') THEN 'month-first'
      WHEN regexp_full_match(p, '\\d{4}-\\d{1,2}-\\d{1,2}') THEN 'iso'
      WHEN regexp_full_match(p, '\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}') THEN 'dutch'
    END AS shape
  FROM t
), d AS (
  SELECT *,
    CASE shape
      WHEN 'year' THEN make_date(p::INTEGER, 1, 1)
      WHEN 'quarter' THEN make_date(p[1:4]::INTEGER, right(p, 1)::INTEGER * 3 - 2, 1)
      WHEN 'quarter-first' THEN make_date(right(p, 4)::INTEGER, p[2:2]::INTEGER * 3 - 2, 1)
      WHEN 'month' THEN CASE WHEN split_part(p, '-', 2)::INTEGER BETWEEN 1 AND 12 THEN make_date(split_part(p, '-', 1)::INTEGER, split_part(p, '-', 2)::INTEGER, 1) END
      WHEN 'month-first' THEN CASE WHEN split_part(p, '-', 1)::INTEGER BETWEEN 1 AND 12 THEN make_date(split_part(p, '-', 2)::INTEGER, split_part(p, '-', 1)::INTEGER, 1) END
      WHEN 'iso' THEN try_strptime(p, '%Y-%m-%d')::DATE
      WHEN 'dutch' THEN try_strptime(regexp_replace(p, '[/.]', '-', 'g'), '%d-%m-%Y')::DATE
    END AS ps,
    ${v.value} AS v_num,
    ${nn.value} AS nv_num,
    ${sdn.value} AS sdv_num
  FROM m
), e AS (
  SELECT *,
    CASE shape
      WHEN 'year' THEN make_date(p::INTEGER, 12, 31)
      WHEN 'quarter' THEN last_day(ps + INTERVAL 2 MONTH)
      WHEN 'quarter-first' THEN last_day(ps + INTERVAL 2 MONTH)
      WHEN 'month' THEN last_day(ps)
      WHEN 'month-first' THEN last_day(ps)
      ELSE ps
    END AS pe,
    CASE shape
      WHEN 'year' THEN p
      WHEN 'quarter' THEN p[1:4] || '-Q' || right(p, 1)
      WHEN 'quarter-first' THEN right(p, 4) || '-Q' || p[2:2]
      WHEN 'month' THEN strftime(ps, '%Y-%m')
      WHEN 'month-first' THEN strftime(ps, '%Y-%m')
      ELSE strftime(ps, '%Y-%m-%d')
    END AS period,
    ${v.kind} AS v_kind,
    ${nn.kind} AS nv_kind,
    ${sdn.kind} AS sdv_kind
  FROM d
), r AS (
  SELECT e.*, ind.id IS NOT NULL AS ind_known, ind.unit AS ind_unit, ind.lo, ind.hi, ind.is_count, ind.derived
  FROM e LEFT JOIN (
    SELECT unnest($ind_ids) AS id, unnest($ind_units) AS unit, unnest($ind_min) AS lo, unnest($ind_max) AS hi,
      unnest($ind_count) AS is_count, unnest($ind_derived) AS derived
  ) ind ON ind.id = e.indicator
)
SELECT "row", $initiative AS initiative, indicator, area, period, strftime(ps, '%Y-%m-%d') AS period_start, strftime(pe, '%Y-%m-%d') AS period_end,
  v_num AS value, coalesce(unit, ind_unit) AS unit, source, nv_num::BIGINT AS n, sdv_num AS sd, note,
  CASE
    WHEN ini IS NOT NULL AND ini <> $initiative THEN 'data.initiative-mismatch|initiative|' || ini
    WHEN area IS NULL THEN 'data.missing-area|area|'
    WHEN NOT regexp_full_match(area, '(GM\\d{4}|WK\\d{6}|BU\\d{8})') THEN 'data.invalid-area|area|' || area
    WHEN $check_areas AND NOT (list_contains($areas, area) OR ($municipality IS NOT NULL AND (area = $municipality
      OR area[1:6] = 'WK' || $municipality[3:6] OR area[1:6] = 'BU' || $municipality[3:6]))) THEN 'data.unknown-area|area|' || area
    WHEN p IS NULL THEN 'data.missing-period|period|'
    WHEN shape IS NULL THEN 'data.invalid-period|period|' || p
    WHEN ps IS NULL THEN 'data.invalid-date|period|' || p
    WHEN $period_start IS NOT NULL AND (ps < $period_start::DATE OR pe > $period_end::DATE) THEN 'data.period-outside|period|' || p
    WHEN indicator IS NULL THEN 'data.missing-indicator|indicator|'
    WHEN ($check_indicators AND NOT ind_known) OR NOT regexp_full_match(indicator, '[a-z0-9][a-z0-9-]{0,62}') THEN 'data.unknown-indicator|indicator|' || indicator
    WHEN NOT nv_missing AND (nv_kind <> 'number' OR nv_num < 1 OR nv_num <> round(nv_num)) THEN 'data.invalid-n|n|' || nv
    WHEN NOT sdv_missing AND (sdv_kind <> 'number' OR sdv_num < 0) THEN 'data.invalid-sd|sd|' || sdv
    WHEN derived THEN 'data.derived-supplied|value|' || indicator
    WHEN unit IS NOT NULL AND ind_unit IS NOT NULL AND lower(unit) <> lower(ind_unit) THEN 'data.unit-mismatch|unit|' || unit
    WHEN v_kind = 'invalid' THEN 'data.not-a-number|value|' || v
    WHEN v_kind = 'ambiguous' THEN 'data.ambiguous-number|value|' || v
    WHEN v_num < lo OR v_num > hi THEN 'data.out-of-range|value|' || v
    WHEN is_count AND v_num <> round(v_num) THEN 'data.not-integer|value|' || v
  END AS code
FROM r`;
}

/** The first issues found by the bulk check, in row order. */
export function bulkIssuesSql(): string {
  return 'SELECT "row", code FROM bulk WHERE code IS NOT NULL ORDER BY "row" LIMIT $limit';
}

/** Malformed lines DuckDB's reader set aside (wrong number of fields, an unclosed quote). */
export function bulkRejectsSql(): string {
  return 'SELECT line, error_type, csv_line FROM bulk_rejects ORDER BY line LIMIT $limit';
}

/** The checked rows as the stage of an upload. */
export function bulkStageViewSql(): string {
  return `CREATE OR REPLACE TEMP VIEW stage AS
SELECT "row", initiative, indicator, area, period, period_start, period_end, value, unit, source, n, sd, note FROM bulk`;
}
