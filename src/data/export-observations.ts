import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInputError } from '../core/index.js';
import { neutralisedColumnSql } from './csv-injection.js';
import { isDuckDbFile } from './store-path-check.js';
import type { ObservationQuery, ObservationStore } from './store.js';

/** Formats the store exports to. */
export type ExportFormat = 'csv' | 'parquet';

/** How an export may write. */
export interface ExportOptions {
  /** Overwrite an existing file that is not an earlier export (never a DuckDB file). Default false. */
  readonly overwrite?: boolean;
  /** CSV only: write text cells exactly as stored, without neutralising formula-leading cells. Default false. */
  readonly raw?: boolean;
}

/** The export's columns, in order: the header of every CSV export and the schema of every Parquet export. */
export const exportColumns = ['initiative', 'indicator', 'area', 'period', 'period_start', 'period_end', 'value', 'unit', 'source', 'n', 'sd', 'note', 'upload_id', 'row', 'superseded_by'] as const;

/** Text columns: the ones a spreadsheet could read as a formula (identifiers included: they come from files too). */
const TEXT_COLUMNS = new Set(['initiative', 'indicator', 'area', 'period', 'unit', 'source', 'note', 'upload_id', 'superseded_by']);

/**
 * The export query: observations in long form with their trace, filtered like ObservationStore.observations.
 * With `neutralise`, text cells that start a spreadsheet formula get a leading apostrophe (see csv-injection.ts).
 */
export function exportSelectSql(neutralise = false): string {
  const cols = exportColumns
    .map((c) => {
      const ref = c === 'row' ? 'o."row"' : `o.${c}`;
      return neutralise && TEXT_COLUMNS.has(c) ? `${neutralisedColumnSql(ref)} AS ${c}` : ref;
    })
    .join(', ');
  return `SELECT ${cols}
FROM observations o
WHERE ($initiative IS NULL OR o.initiative = $initiative)
  AND ($history OR o.superseded_by IS NULL)
  AND ($indicator IS NULL OR o.indicator = $indicator)
  AND ($area IS NULL OR o.area = $area)
  AND ($from IS NULL OR o.period_start >= $from::DATE)
  AND ($to IS NULL OR o.period_end <= $to::DATE)
ORDER BY o.initiative, o.indicator, o.area, o.period_start, o.period, o.upload_id, o."row"`;
}

/**
 * COPY of the export query to a file; the path is a bound parameter like every other value. CSV text cells are
 * neutralised against formula injection unless `raw`; Parquet is not read by spreadsheets as formulas and is raw.
 */
export function exportCopySql(format: ExportFormat, raw = false): string {
  const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : "FORMAT csv, HEADER true, DELIMITER ','";
  return `COPY (${exportSelectSql(format === 'csv' && !raw)}) TO $path (${options})`;
}

/** The schema of a Parquet file, read by DuckDB's parquet_schema: the root first, then the columns in order. */
export function parquetColumnsSql(): string {
  return 'SELECT name FROM parquet_schema($path)';
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (p: string): Promise<string> => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

/** True when the file at `path` is an earlier export of this kind: a CSV with the export's header, or a Parquet file with its columns. */
async function isEarlierExport(store: ObservationStore, path: string, format: ExportFormat): Promise<boolean> {
  if (format === 'csv') {
    const head = (await readFile(path)).subarray(0, 400).toString('utf8');
    return head.split(/\r?\n/)[0] === exportColumns.join(',');
  }
  try {
    const rows = await store.query(parquetColumnsSql(), { path });
    return rows.slice(1).map((r) => String(r['name'])).join(',') === exportColumns.join(',');
  } catch {
    return false;
  }
}

/**
 * Checks where an export may write: never the store, its write-ahead log or any DuckDB file; an existing file only
 * when it is an earlier export or `overwrite` is set.
 * @throws InvalidInputError `export.target-is-store` or `export.target-exists`.
 */
export async function checkExportTarget(store: ObservationStore, path: string, format: ExportFormat, overwrite = false): Promise<void> {
  const info = await stat(path).catch(() => null);
  const store_ = store.path === ':memory:' ? null : store.path;
  if ((store_ !== null && ((await sameFile(path, store_)) || (await sameFile(path, `${store_}.wal`)))) || (info?.isFile() && (await isDuckDbFile(path))))
    throw new InvalidInputError('export.target-is-store', {
      nl: `${path} is een DuckDB-bestand (de store of een andere database); een export schrijft daar nooit overheen, ook niet met --force. Er is niets geschreven. Kies met --out een nieuw bestand, bijvoorbeeld export/waarnemingen.csv.`,
      en: `${path} is a DuckDB file (the store or another database); an export never writes over it, not even with --force. Nothing was written. Choose a new file with --out, for example export/observations.csv.`,
    });
  if (info === null || overwrite) return;
  if (!info.isFile() || !(await isEarlierExport(store, path, format)))
    throw new InvalidInputError('export.target-exists', {
      nl: `${path} bestaat al en is geen eerdere export. Er is niets geschreven. Kies met --out een nieuw bestand, of overschrijf het met --force.`,
      en: `${path} already exists and is not an earlier export. Nothing was written. Choose a new file with --out, or overwrite it with --force.`,
    });
}

/**
 * Writes observations (current, or with `history` all of them) to a CSV or Parquet file through DuckDB's COPY,
 * streaming, in a stable order; returns the number of rows written. Never writes over the store or another DuckDB
 * file; over another existing file only when it is an earlier export or `overwrite` is set. CSV text cells that
 * start with = + - @ (OWASP CSV injection) get a leading apostrophe unless `raw`.
 * @throws InvalidInputError when the target is refused (see {@link checkExportTarget}).
 * @example await exportObservations(store, 'export/moerwijk.parquet', 'parquet', { initiative: 'buurthuis-moerwijk' })
 */
export async function exportObservations(store: ObservationStore, path: string, format: ExportFormat, q: ObservationQuery = {}, options: ExportOptions = {}): Promise<number> {
  await checkExportTarget(store, path, format, options.overwrite ?? false);
  const result = await store.connection.run(exportCopySql(format, options.raw ?? false), {
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
