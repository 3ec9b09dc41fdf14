/**
 * The SQL of the observation store, as pure functions returning text with `$name` parameters (DESIGN convention 11:
 * values are always bound, never spliced). Identifiers here are fixed by rendement, never taken from a file.
 */

/**
 * The store tables (layout 2). Every upload has an integer `key`; each upload's values (indicators with their unit,
 * areas, periods with their dates) are stored once in `upload_values` under a code local to the upload; each
 * observation row holds only the upload key, its row number, three codes and the value (`observation_rows`);
 * source, n, sd and note live in `observation_details` for the rows that have any, and superseding is recorded in
 * `observation_superseded`, both keyed like an observation: upload, row and indicator (a row of a wide file holds
 * one observation per indicator). The view `observations` joins them back into the long form every reader uses (upload
 * id, row, initiative, indicator, area, period, dates, value, unit, source, n, sd, note, superseded_by). A large
 * upload so stores six numbers per row instead of repeated text and empty columns, which is what keeps the
 * validated bulk path within twice DuckDB's plain load (issue 3's benchmark).
 */
export function createStoreSql(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS uploads (
  id VARCHAR PRIMARY KEY,
  key INTEGER NOT NULL UNIQUE,
  initiative VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  row_count BIGINT NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMP NOT NULL,
  source_kind VARCHAR NOT NULL
)`,
    `CREATE TABLE IF NOT EXISTS upload_values (
  upload INTEGER NOT NULL,
  kind VARCHAR NOT NULL,
  code INTEGER NOT NULL,
  value VARCHAR NOT NULL,
  unit VARCHAR,
  period_start DATE,
  period_end DATE
)`,
    `CREATE TABLE IF NOT EXISTS observation_rows (
  upload INTEGER NOT NULL,
  "row" BIGINT NOT NULL,
  indicator INTEGER NOT NULL,
  area INTEGER NOT NULL,
  period INTEGER NOT NULL,
  value DOUBLE
)`,
    `CREATE TABLE IF NOT EXISTS observation_details (
  upload INTEGER NOT NULL,
  "row" BIGINT NOT NULL,
  indicator INTEGER NOT NULL,
  source VARCHAR,
  n BIGINT,
  sd DOUBLE,
  note VARCHAR
)`,
    `CREATE TABLE IF NOT EXISTS observation_superseded (
  upload INTEGER NOT NULL,
  "row" BIGINT NOT NULL,
  indicator INTEGER NOT NULL,
  by_upload INTEGER NOT NULL
)`,
    `CREATE VIEW IF NOT EXISTS observations AS
SELECT u.id AS upload_id, o."row", u.initiative, i.value AS indicator, a.value AS area, p.value AS period,
  p.period_start, p.period_end, o.value, i.unit, d.source, d.n, d.sd, d.note, s.id AS superseded_by
FROM observation_rows o
JOIN uploads u ON u.key = o.upload
JOIN upload_values i ON i.upload = o.upload AND i.kind = 'indicator' AND i.code = o.indicator
JOIN upload_values a ON a.upload = o.upload AND a.kind = 'area' AND a.code = o.area
JOIN upload_values p ON p.upload = o.upload AND p.kind = 'period' AND p.code = o.period
LEFT JOIN observation_details d ON d.upload = o.upload AND d."row" = o."row" AND d.indicator = o.indicator
LEFT JOIN observation_superseded x ON x.upload = o.upload AND x."row" = o."row" AND x.indicator = o.indicator
LEFT JOIN uploads s ON s.key = x.by_upload`,
  ];
}

/** The type of the table or view named `observations`: `BASE TABLE` in a store of layout 1 (before upload keys). */
export function observationsKindSql(): string {
  return "SELECT table_type AS t FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'observations'";
}

/** Whether a file's `observations` and `uploads` tables have the columns of a layout-1 store (`n` = 2 when they do). */
export function layout1ShapeSql(): string {
  return `SELECT count(*) AS n FROM information_schema.columns
WHERE table_schema = 'main' AND ((table_name = 'observations' AND column_name = 'upload_id') OR (table_name = 'uploads' AND column_name = 'sha256'))`;
}

/**
 * Moves a store of layout 1 (one wide `observations` table with text on every row) to layout 2, inside the
 * caller's transaction: upload keys in upload order, each upload's values under codes in value order, every
 * observation and its history kept. createStoreSql() runs in between (after the renames) to create the new tables;
 * migrationCountsSql() checks the copy before the old tables are dropped.
 */
export function migrateLayout1Sql(): { readonly rename: string[]; readonly copy: string[]; readonly drop: string[] } {
  return {
    rename: ['ALTER TABLE observations RENAME TO observations_layout1', 'ALTER TABLE uploads RENAME TO uploads_layout1'],
    copy: [
      `INSERT INTO uploads
SELECT id, (row_number() OVER (ORDER BY uploaded_at, id))::INTEGER, initiative, file_name, sha256, row_count, uploaded_by, uploaded_at, source_kind
FROM uploads_layout1`,
      `INSERT INTO upload_values
SELECT u.key, d.kind, (row_number() OVER (PARTITION BY u.key, d.kind ORDER BY d.value, d.unit NULLS FIRST) - 1)::INTEGER, d.value, d.unit, d.period_start, d.period_end
FROM (
  SELECT upload_id, 'indicator' AS kind, indicator AS value, unit, NULL::DATE AS period_start, NULL::DATE AS period_end FROM observations_layout1 GROUP BY ALL
  UNION ALL SELECT upload_id, 'area', area, NULL, NULL, NULL FROM observations_layout1 GROUP BY ALL
  UNION ALL SELECT upload_id, 'period', period, NULL, min(period_start), min(period_end) FROM observations_layout1 GROUP BY upload_id, period
) d JOIN uploads u ON u.id = d.upload_id`,
      `INSERT INTO observation_rows
SELECT u.key, o."row", i.code, a.code, p.code, o.value
FROM observations_layout1 o
JOIN uploads u ON u.id = o.upload_id
JOIN upload_values i ON i.upload = u.key AND i.kind = 'indicator' AND i.value = o.indicator AND i.unit IS NOT DISTINCT FROM o.unit
JOIN upload_values a ON a.upload = u.key AND a.kind = 'area' AND a.value = o.area
JOIN upload_values p ON p.upload = u.key AND p.kind = 'period' AND p.value = o.period`,
      `INSERT INTO observation_details
SELECT u.key, o."row", i.code, o.source, o.n, o.sd, o.note FROM observations_layout1 o JOIN uploads u ON u.id = o.upload_id
JOIN upload_values i ON i.upload = u.key AND i.kind = 'indicator' AND i.value = o.indicator AND i.unit IS NOT DISTINCT FROM o.unit
WHERE o.source IS NOT NULL OR o.n IS NOT NULL OR o.sd IS NOT NULL OR o.note IS NOT NULL`,
      `INSERT INTO observation_superseded
SELECT u.key, o."row", i.code, s.key FROM observations_layout1 o JOIN uploads u ON u.id = o.upload_id JOIN uploads s ON s.id = o.superseded_by
JOIN upload_values i ON i.upload = u.key AND i.kind = 'indicator' AND i.value = o.indicator AND i.unit IS NOT DISTINCT FROM o.unit`,
    ],
    drop: ['DROP TABLE observations_layout1', 'DROP TABLE uploads_layout1'],
  };
}

/**
 * Before the layout-1 tables are dropped: how many observations and superseded marks they hold and how many were
 * moved. They differ only for a damaged store (an observation or a superseded mark naming an upload that is missing).
 */
export function migrationCountsSql(): string {
  return `SELECT (SELECT count(*) FROM observations_layout1) AS before, (SELECT count(*) FROM observation_rows) AS after,
  (SELECT count(*) FROM observations_layout1 WHERE superseded_by IS NOT NULL) AS superseded_before,
  (SELECT count(*) FROM observation_superseded) AS superseded_after`;
}

/** The columns of a staged observation, in table order. */
export const stageColumns = ['row', 'initiative', 'indicator', 'area', 'period', 'period_start', 'period_end', 'value', 'unit', 'source', 'n', 'sd', 'note'] as const;

/** A temporary table holding an upload's rows until they are validated and committed together. */
export function createStageSql(): string {
  return `CREATE OR REPLACE TEMP TABLE stage (
  "row" BIGINT NOT NULL,
  initiative VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL,
  area VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  period_start VARCHAR NOT NULL,
  period_end VARCHAR NOT NULL,
  value DOUBLE,
  unit VARCHAR,
  source VARCHAR,
  n BIGINT,
  sd DOUBLE,
  note VARCHAR
)`;
}

/**
 * Rows whose key (indicator, area, period) already appeared in an earlier row of the same upload: of the staged
 * rows (`stage`, the row path), or of upload $upload_id once inserted, not yet committed (`upload`, the bulk path).
 */
export function duplicateKeysSql(rows: 'stage' | 'upload' = 'stage'): string {
  const source = rows === 'stage' ? 'stage' : `(SELECT indicator, area, period, "row" FROM observations WHERE upload_id = $upload_id)`;
  return `WITH s AS (SELECT indicator, area, period, "row" FROM ${source}), d AS (
  SELECT indicator, area, period, min("row") AS first FROM s GROUP BY indicator, area, period HAVING count(*) > 1
)
SELECT s.indicator, s.area, s.period, d.first, min(s."row") AS second
FROM s JOIN d ON s.indicator = d.indicator AND s.area = d.area AND s.period = d.period AND s."row" > d.first
GROUP BY s.indicator, s.area, s.period, d.first
ORDER BY second
LIMIT $limit`;
}

/** An earlier upload of the same file for the same initiative. */
export function findUploadSql(): string {
  return 'SELECT id FROM uploads WHERE initiative = $initiative AND sha256 = $sha256 ORDER BY uploaded_at LIMIT 1';
}

/** Records an upload under the next upload key (the store has one writer) and returns that `key`. */
export function insertUploadSql(): string {
  return `INSERT INTO uploads (id, key, initiative, file_name, sha256, row_count, uploaded_by, uploaded_at, source_kind)
SELECT $id, (coalesce(max(key), 0) + 1)::INTEGER, $initiative, $file_name, $sha256, $row_count, $uploaded_by, $uploaded_at::TIMESTAMP, $source_kind FROM uploads
RETURNING key`;
}

/**
 * Whether upload $key can supersede anything: the number of other uploads of the initiative holding one of its
 * periods. Cheap (the uploads' values only); when 0, supersedeSql has nothing to do and is not run.
 */
export function mayOverlapSql(): string {
  return `SELECT count(DISTINCT v.upload) AS n FROM upload_values v JOIN uploads u ON u.key = v.upload AND u.initiative = $initiative AND u.key <> $key
WHERE v.kind = 'period' AND v.value IN (SELECT value FROM upload_values WHERE upload = $key AND kind = 'period')`;
}

/**
 * Records the initiative's current observations whose key (indicator, area, period) is also in upload $key as
 * superseded by it; they stay as history. Run after the upload's rows are in, in its transaction. Works on the base
 * tables: the new upload's keys as text, matched against the other uploads' rows through their own values.
 */
export function supersedeSql(): string {
  const keyed = (o: string): string => `JOIN upload_values i ON i.upload = ${o}.upload AND i.kind = 'indicator' AND i.code = ${o}.indicator
  JOIN upload_values a ON a.upload = ${o}.upload AND a.kind = 'area' AND a.code = ${o}.area
  JOIN upload_values p ON p.upload = ${o}.upload AND p.kind = 'period' AND p.code = ${o}.period`;
  return `INSERT INTO observation_superseded
WITH k AS (
  SELECT DISTINCT i.value AS indicator, a.value AS area, p.value AS period FROM observation_rows n
  ${keyed('n')}
  WHERE n.upload = $key
)
SELECT o.upload, o."row", o.indicator, $key FROM observation_rows o
  JOIN uploads u ON u.key = o.upload AND u.initiative = $initiative AND u.key <> $key
  ${keyed('o')}
  JOIN k ON k.indicator = i.value AND k.area = a.value AND k.period = p.value
  LEFT JOIN observation_superseded x ON x.upload = o.upload AND x."row" = o."row" AND x.indicator = o.indicator
WHERE x.upload IS NULL`;
}

/**
 * Moves the staged rows (checked, normalised text) into the store under upload key $key: first the upload's
 * values, each under a code in value order (an indicator with each unit it has), then the rows as codes, then
 * source, n, sd and note for the rows that have any.
 */
export function commitStageSql(): string[] {
  return [
    `INSERT INTO upload_values
SELECT $key, kind, (row_number() OVER (PARTITION BY kind ORDER BY value, unit NULLS FIRST) - 1)::INTEGER, value, unit, period_start, period_end
FROM (
  SELECT DISTINCT 'indicator' AS kind, indicator AS value, unit, NULL::DATE AS period_start, NULL::DATE AS period_end FROM stage
  UNION ALL SELECT DISTINCT 'area', area, NULL, NULL, NULL FROM stage
  UNION ALL SELECT 'period', period, NULL, min(period_start)::DATE, min(period_end)::DATE FROM stage GROUP BY period
)`,
    `INSERT INTO observation_rows
SELECT $key, s."row", i.code, a.code, p.code, s.value
FROM stage s
JOIN upload_values i ON i.upload = $key AND i.kind = 'indicator' AND i.value = s.indicator AND i.unit IS NOT DISTINCT FROM s.unit
JOIN upload_values a ON a.upload = $key AND a.kind = 'area' AND a.value = s.area
JOIN upload_values p ON p.upload = $key AND p.kind = 'period' AND p.value = s.period`,
    `INSERT INTO observation_details
SELECT $key, s."row", i.code, s.source, s.n, s.sd, s.note FROM stage s
JOIN upload_values i ON i.upload = $key AND i.kind = 'indicator' AND i.value = s.indicator AND i.unit IS NOT DISTINCT FROM s.unit
WHERE s.source IS NOT NULL OR s.n IS NOT NULL OR s.sd IS NOT NULL OR s.note IS NOT NULL`,
  ];
}

/** Uploads, newest first, with how many of their rows are still current. */
export function listUploadsSql(): string {
  return `SELECT u.id, u.initiative, u.file_name, u.sha256, u.row_count, u.uploaded_by, strftime(u.uploaded_at, '%Y-%m-%dT%H:%M:%SZ') AS uploaded_at,
  u.source_kind, count(o.upload) FILTER (WHERE x.upload IS NULL) AS current_rows
FROM uploads u LEFT JOIN observation_rows o ON o.upload = u.key
LEFT JOIN observation_superseded x ON x.upload = o.upload AND x."row" = o."row" AND x.indicator = o.indicator
WHERE $initiative IS NULL OR u.initiative = $initiative
GROUP BY ALL
ORDER BY 7 DESC, 1`;
}

/**
 * Current observations (or all, with history) of an initiative, in a stable order, with a row id
 * `upload:row` that traces every number back to a line in an uploaded file.
 */
export function selectObservationsSql(): string {
  return `SELECT upload_id || ':' || "row" AS row_id, upload_id, "row", initiative, indicator, area, period,
  strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
  value, unit, source, n, sd, note, superseded_by
FROM observations
WHERE ($initiative IS NULL OR initiative = $initiative)
  AND ($history OR superseded_by IS NULL)
  AND ($indicator IS NULL OR indicator = $indicator)
  AND ($area IS NULL OR area = $area)
  AND ($from IS NULL OR period_start >= $from::DATE)
  AND ($to IS NULL OR period_end <= $to::DATE)
ORDER BY initiative, indicator, area, period_start, period, upload_id, "row"`;
}

/** Row counts and an order-independent checksum of every store table: equal before and after means nothing changed. */
export function checksumSql(): string {
  return `SELECT
  (SELECT count(*) FROM uploads) AS uploads,
  (SELECT count(*) FROM observation_rows) AS observations,
  (SELECT coalesce(sum(hash(u)::HUGEINT), 0) FROM uploads u)::VARCHAR AS uploads_hash,
  ((SELECT coalesce(sum(hash(o)::HUGEINT), 0) FROM observation_rows o)
    + (SELECT coalesce(sum(hash(v)::HUGEINT), 0) FROM upload_values v)
    + (SELECT coalesce(sum(hash(d)::HUGEINT), 0) FROM observation_details d)
    + (SELECT coalesce(sum(hash(x)::HUGEINT), 0) FROM observation_superseded x))::VARCHAR AS observations_hash`;
}
