import type { ObservationQuery, ObservationStore } from './store.js';

/** Formats the store exports to. */
export type ExportFormat = 'csv' | 'parquet';

/** The export query: observations in long form with their trace, filtered like ObservationStore.observations. */
export function exportSelectSql(): string {
  return `SELECT o.initiative, o.indicator, o.area, o.period, o.period_start, o.period_end, o.value, o.unit, o.source, o.n, o.sd, o.note,
  o.upload_id, o."row", o.superseded_by
FROM observations o
WHERE ($initiative IS NULL OR o.initiative = $initiative)
  AND ($history OR o.superseded_by IS NULL)
  AND ($indicator IS NULL OR o.indicator = $indicator)
  AND ($area IS NULL OR o.area = $area)
  AND ($from IS NULL OR o.period_start >= $from::DATE)
  AND ($to IS NULL OR o.period_end <= $to::DATE)
ORDER BY o.initiative, o.indicator, o.area, o.period_start, o.period, o.upload_id, o."row"`;
}

/** COPY of the export query to a file; the path is a bound parameter like every other value. */
export function exportCopySql(format: ExportFormat): string {
  const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : "FORMAT csv, HEADER true, DELIMITER ','";
  return `COPY (${exportSelectSql()}) TO $path (${options})`;
}

/**
 * Writes observations (current, or with `history` all of them) to a CSV or Parquet file through DuckDB's COPY,
 * streaming, in a stable order; returns the number of rows written.
 * @example await exportObservations(store, 'export/moerwijk.parquet', 'parquet', { initiative: 'buurthuis-moerwijk' })
 */
export async function exportObservations(store: ObservationStore, path: string, format: ExportFormat, q: ObservationQuery = {}): Promise<number> {
  const result = await store.connection.run(exportCopySql(format), {
    path,
    initiative: q.initiative ?? null,
    history: q.history ?? false,
    indicator: q.indicator ?? null,
    area: q.area ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
  });
  return Number(result.rowsChanged);
}
