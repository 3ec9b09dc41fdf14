import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { detectLayout, observationIssue, rulesFromModel, type DecimalSeparator, type Model, type Observation, type ObservationIssue, type ObservationRules } from '../core/index.js';
import { commitStage, findDuplicateUpload, stagedDuplicateIssues, type InTransaction, type IngestResult, type UploadMeta } from './commit-upload.js';
import { decimalFor, loadObservationsCsv, readObservationRecords, type CsvReadSummary } from './read-observations.js';
import { readWorkbookRows, SheetNotFoundError, WorkbookLimitError } from './read-workbook.js';
import { detectDelimiter, hasWindows1252Specials, sniffFile, type FileSniff } from './sniff-file.js';
import type { ObservationStore } from './store.js';
import { createStageSql } from './store-sql.js';
import { bulkIngestCsv, headerFields } from './bulk-stage.js';
import type { CsvAdapter } from './csv-adapter.js';

/** Options for ingesting one file. */
export interface IngestOptions {
  readonly initiative: string;
  /** The initiative's model: its indicators, areas and period are the rules. Without it only form is checked. */
  readonly model?: Model;
  /** Rules to use instead of those of a model (adapters for public statistics). `decimal` is set from the file. */
  readonly rules?: Omit<ObservationRules, 'decimal'>;
  readonly delimiter?: ';' | ',' | '\t';
  readonly decimal?: DecimalSeparator;
  readonly dryRun?: boolean;
  /** Name recorded for the upload (default: the file's base name). */
  readonly fileName?: string;
  /** Who uploads (default: the operating-system user). */
  readonly uploadedBy?: string;
  /** When (default: now). */
  readonly now?: Date;
  /** Read through DuckDB's own CSV reader (long layout, no empty lines): `auto` does so for files over 64 MB. */
  readonly bulk?: boolean | 'auto';
  readonly maxIssues?: number;
  /** Told when a phase starts: reading the file, committing the checked rows. */
  readonly onPhase?: (phase: 'read' | 'commit') => void;
  /** Runs inside the upload's transaction just before it commits (the service writes its audit entry here). */
  readonly inTransaction?: InTransaction;
  /** Maps a foreign layout onto observation columns (row path only). */
  readonly adapter?: CsvAdapter;
  /** The caller holds the transaction (a group commit): the upload joins it instead of committing on its own (row path only). */
  readonly inGroup?: boolean;
  /** The sheet of an .xlsx workbook to read (default its first sheet). */
  readonly sheet?: string;
  /** Most rows of an .xlsx sheet, header included (the service's row limit); more gives `data.too-many-rows`. */
  readonly maxRows?: number;
  /**
   * Public datasets (`--skip-invalid`): rows with issues are left out and handed here (the quarantine report), the
   * valid rows are stored. Without it a file is stored whole or not at all. Row path only.
   */
  readonly onRefusedRow?: (issues: readonly ObservationIssue[]) => void | Promise<void>;
}

const BULK_BYTES = 64 * 1024 * 1024;

/** Drops the temporary stage table of the row path. */
export async function dropStage(store: ObservationStore): Promise<void> {
  await store.connection.run('DROP TABLE IF EXISTS temp.stage');
}

function fail(rowsRead: number, issues: ObservationIssue[], dryRun: boolean): IngestResult {
  return { ok: false, uploadId: null, rowsWritten: 0, rowsRead, dryRun, issues };
}

/** The rules for a file, from the options and the file's decimal separator. */
export function rulesFor(options: IngestOptions, decimal: DecimalSeparator): ObservationRules {
  // The upload day in UTC: rows dated after it are refused (issue 14).
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  if (options.rules) return { ...options.rules, initiative: options.initiative, decimal, today };
  if (options.model) return { ...rulesFromModel(options.model, decimal), initiative: options.initiative, today };
  return { initiative: options.initiative, decimal, today };
}

/** An appender writing checked observations into the temporary stage table. */
export async function appendStaged(store: ObservationStore): Promise<{ append(o: Observation): void; close(): void }> {
  const ap = await store.connection.createAppender('stage', 'main', 'temp');
  const str = (v: string | null): void => (v === null ? ap.appendNull() : ap.appendVarchar(v));
  return {
    append(o) {
      ap.appendBigInt(BigInt(o.row));
      ap.appendVarchar(o.initiative);
      ap.appendVarchar(o.indicator);
      ap.appendVarchar(o.area);
      ap.appendVarchar(o.period);
      ap.appendVarchar(o.periodStart);
      ap.appendVarchar(o.periodEnd);
      if (o.value === null) ap.appendNull();
      else ap.appendDouble(o.value);
      str(o.unit);
      str(o.source);
      if (o.n === null) ap.appendNull();
      else ap.appendBigInt(BigInt(o.n));
      if (o.sd === null) ap.appendNull();
      else ap.appendDouble(o.sd);
      str(o.note);
      ap.endRow();
    },
    close() {
      ap.flushSync();
      ap.closeSync();
    },
  };
}

/**
 * Ingests a monitoring data file into the store: sniff (hash, encoding, delimiter), check every row, stage the
 * rows, check duplicate keys, then commit everything in one transaction — or nothing when there is any issue, or
 * with `dryRun`. An identical file already uploaded for the initiative is a no-op reported as `duplicateOf`.
 * @example const r = await ingestFile(store, 'bezoekers.csv', { initiative: 'buurthuis-moerwijk', model })
 */
export async function ingestFile(store: ObservationStore, path: string, options: IngestOptions): Promise<IngestResult> {
  const dryRun = options.dryRun ?? false;
  const sniff: FileSniff = await sniffFile(path);
  const bomBytes = sniff.encoding === 'utf-16le' || sniff.encoding === 'utf-16be' ? 2 : 3;
  if (sniff.bytes === 0 || (sniff.bom && sniff.bytes === bomBytes)) return fail(0, [observationIssue('data.empty-file', 1, null, null)], dryRun);
  if (sniff.binary && !sniff.zip) return fail(0, [observationIssue('data.binary-file', 1, null, null)], dryRun);
  const duplicateOf = await findDuplicateUpload(store, options.initiative, sniff.sha256);
  if (duplicateOf) {
    const info = observationIssue('data.duplicate-upload', 0, null, duplicateOf);
    return { ok: true, uploadId: duplicateOf, rowsWritten: 0, rowsRead: 0, duplicateOf, dryRun, issues: [info] };
  }
  const meta = {
    initiative: options.initiative,
    fileName: options.fileName ?? basename(path),
    sha256: sniff.sha256,
    uploadedBy: options.uploadedBy ?? userInfo().username,
    uploadedAt: options.now ?? new Date(),
  };
  const maxIssues = options.maxIssues ?? 200;
  if (sniff.zip) return ingestWorkbook(store, path, options, { ...meta, sourceKind: options.adapter ? `xlsx:${options.adapter.name}` : 'xlsx' }, maxIssues, dryRun);
  const delimiter = options.delimiter ?? detectDelimiter(sniff.firstLine);
  if (delimiter === null) return fail(0, [observationIssue('data.single-column', 1, sniff.firstLine.trim() || null, sniff.firstLine.trim() || null)], dryRun);
  const rules = rulesFor(options, options.decimal ?? decimalFor(delimiter));
  const headerCells = headerFields(sniff.firstLine, delimiter);
  // The bulk path reads long files; a wide file (one column per indicator) always takes the row path.
  const wide = detectLayout(headerCells, rules).layout?.kind === 'wide';
  // So do files with unnamed columns (Excel's trailing `;;;`), which the row reader drops when they are empty.
  const unnamed = headerCells.some((h) => h.trim() === '');
  // DuckDB's reader skips empty lines, which would shift row numbers away from the spreadsheet's: such files take the row path.
  // DuckDB reads Windows-1252 as Latin-1, which has no € – … and the like: files holding them take the row path too.
  const bulk =
    !options.adapter &&
    !options.inGroup &&
    !options.onRefusedRow &&
    !wide &&
    !unnamed &&
    !sniff.blankLines &&
    (options.bulk === true || (options.bulk === 'auto' && sniff.bytes > BULK_BYTES)) &&
    !(sniff.encoding === 'windows-1252' && (await hasWindows1252Specials(path)));
  if (bulk) {
    const r = await bulkIngestCsv(store, path, {
      sniff,
      delimiter,
      rules,
      maxIssues,
      dryRun,
      meta: { ...meta, sourceKind: 'csv-bulk' },
      ...(options.onPhase ? { onPhase: options.onPhase } : {}),
      ...(options.inTransaction ? { inTransaction: options.inTransaction } : {}),
    });
    if (r !== 'row-path') return r;
  }

  const adapter = { ...(options.adapter ? { adapter: options.adapter } : {}), ...(options.onRefusedRow ? { onRefusedRow: options.onRefusedRow } : {}) };
  return stageAndCommit(
    store,
    (sink) => loadObservationsCsv(path, sniff.encoding, { delimiter, rules, maxIssues, ...adapter }, sink),
    { ...meta, sourceKind: options.adapter ? `csv:${options.adapter.name}` : 'csv' },
    options,
    maxIssues,
    dryRun,
  );
}

/** An .xlsx workbook: one sheet, streamed, through the same row checks, staging and commit as a CSV file. */
async function ingestWorkbook(store: ObservationStore, path: string, options: IngestOptions, meta: UploadMeta, maxIssues: number, dryRun: boolean): Promise<IngestResult> {
  // Excel stores numbers as numbers: the cell texts are written with a decimal point whatever the locale.
  const rules = rulesFor(options, options.decimal ?? '.');
  const unreadable = (e: unknown): IngestResult =>
    fail(0, [observationIssue('data.xlsx-unreadable', 1, null, null, { detail: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) })], dryRun);
  let sheet;
  try {
    sheet = await readWorkbookRows(path, { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), ...(options.maxRows !== undefined ? { maxRows: options.maxRows } : {}) });
  } catch (e) {
    if (e instanceof SheetNotFoundError) return fail(0, [observationIssue('data.sheet-not-found', 1, null, e.sheet, { expected: e.sheets.join(', ') })], dryRun);
    return unreadable(e);
  }
  const adapter = { ...(options.adapter ? { adapter: options.adapter } : {}), ...(options.onRefusedRow ? { onRefusedRow: options.onRefusedRow } : {}) };
  try {
    return await stageAndCommit(
      store,
      (sink) => readObservationRecords(sheet.records, { delimiter: ',', rules, maxIssues, headerRow: sheet.headerRow, ...adapter }, sink),
      meta,
      options,
      maxIssues,
      dryRun,
    );
  } catch (e) {
    if (e instanceof WorkbookLimitError) return fail(0, [observationIssue('data.too-many-rows', 0, null, String(e.limit))], dryRun);
    return unreadable(e);
  }
}

/** The row path: read and check every row into the stage table, check duplicate keys, commit (or not). */
async function stageAndCommit(
  store: ObservationStore,
  read: (sink: (o: Observation) => void) => Promise<CsvReadSummary>,
  meta: UploadMeta,
  options: IngestOptions,
  maxIssues: number,
  dryRun: boolean,
): Promise<IngestResult> {
  await store.connection.run(createStageSql());
  options.onPhase?.('read');
  try {
    const appender = await appendStaged(store);
    let summary;
    try {
      summary = await read((o) => appender.append(o));
    } finally {
      appender.close();
    }
    const rowsRead = summary.rows;
    let issues = summary.issues;
    const layout = summary.layout;
    const keyColumn = (indicator: string): string => (layout?.kind === 'long' ? layout.header[layout.fields.indicator!]! : indicator);
    if (issues.length === 0) issues = await stagedDuplicateIssues(store, keyColumn, maxIssues);
    if (issues.length > 0) return fail(rowsRead, issues, dryRun);
    const [staged] = await store.query('SELECT count(*) AS n FROM stage');
    const rowsStaged = Number(staged!['n']);
    if (dryRun) return { ok: true, uploadId: null, rowsWritten: 0, rowsRead, dryRun, issues: [] };
    options.onPhase?.('commit');
    const uploadId = await commitStage(store, meta, rowsStaged, options.inTransaction, options.inGroup);
    return { ok: true, uploadId, rowsWritten: rowsStaged, rowsRead, dryRun, issues: [] };
  } finally {
    await dropStage(store);
  }
}
