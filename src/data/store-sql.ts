/**
 * The SQL of the observation store, as pure functions returning text with `$name` parameters (DESIGN convention 11:
 * values are always bound, never spliced). Identifiers here are fixed by rendement, never taken from a file.
 */

/** The store tables: every upload, and every observation with the upload it came in and what superseded it. */
export function createStoreSql(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS uploads (
  id VARCHAR PRIMARY KEY,
  initiative VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  row_count BIGINT NOT NULL,
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMP NOT NULL,
  source_kind VARCHAR NOT NULL
)`,
    `CREATE TABLE IF NOT EXISTS observations (
  upload_id VARCHAR NOT NULL,
  "row" BIGINT NOT NULL,
  initiative VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL,
  area VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  value DOUBLE,
  unit VARCHAR,
  source VARCHAR,
  n BIGINT,
  sd DOUBLE,
  note VARCHAR,
  superseded_by VARCHAR
)`,
  ];
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

/** Rows whose key (indicator, area, period) already appeared in an earlier row of the same upload. */
export function duplicateKeysSql(): string {
  return `WITH d AS (
  SELECT indicator, area, period, min("row") AS first FROM stage GROUP BY indicator, area, period HAVING count(*) > 1
)
SELECT s.indicator, s.area, s.period, d.first, min(s."row") AS second
FROM stage s JOIN d ON s.indicator = d.indicator AND s.area = d.area AND s.period = d.period AND s."row" > d.first
GROUP BY s.indicator, s.area, s.period, d.first
ORDER BY second
LIMIT $limit`;
}

/** An earlier upload of the same file for the same initiative. */
export function findUploadSql(): string {
  return 'SELECT id FROM uploads WHERE initiative = $initiative AND sha256 = $sha256 ORDER BY uploaded_at LIMIT 1';
}

/** Records an upload. */
export function insertUploadSql(): string {
  return `INSERT INTO uploads (id, initiative, file_name, sha256, row_count, uploaded_by, uploaded_at, source_kind)
VALUES ($id, $initiative, $file_name, $sha256, $row_count, $uploaded_by, $uploaded_at::TIMESTAMP, $source_kind)`;
}

/** True when the initiative already has current observations (a correction must then supersede them). */
export function hasCurrentSql(): string {
  return 'SELECT count(*) AS n FROM observations WHERE initiative = $initiative AND superseded_by IS NULL';
}

/** Marks current observations with a key in the staged upload as superseded by it; they stay as history. */
export function supersedeSql(): string {
  return `UPDATE observations SET superseded_by = $upload_id
WHERE superseded_by IS NULL AND initiative = $initiative
  AND (indicator, area, period) IN (SELECT indicator, area, period FROM stage)`;
}

/** Moves the staged rows into the store under an upload id. */
export function commitStageSql(): string {
  return `INSERT INTO observations
SELECT $upload_id, "row", $initiative, indicator, area, period, period_start::DATE, period_end::DATE, value, unit, source, n, sd, note, NULL
FROM stage`;
}

/** Uploads, newest first, with how many of their rows are still current. */
export function listUploadsSql(): string {
  return `SELECT u.id, u.initiative, u.file_name, u.sha256, u.row_count, u.uploaded_by, strftime(u.uploaded_at, '%Y-%m-%dT%H:%M:%SZ') AS uploaded_at,
  u.source_kind, count(o.upload_id) FILTER (WHERE o.superseded_by IS NULL) AS current_rows
FROM uploads u LEFT JOIN observations o ON o.upload_id = u.id
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

/** Row counts and an order-independent checksum of both tables: equal before and after means nothing changed. */
export function checksumSql(): string {
  return `SELECT
  (SELECT count(*) FROM uploads) AS uploads,
  (SELECT count(*) FROM observations) AS observations,
  (SELECT coalesce(sum(hash(u)::HUGEINT), 0) FROM uploads u)::VARCHAR AS uploads_hash,
  (SELECT coalesce(sum(hash(o)::HUGEINT), 0) FROM observations o)::VARCHAR AS observations_hash`;
}
