import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { detectLayout, observationIssue, rulesFromModel, type DecimalSeparator, type Model, type Observation, type ObservationIssue, type ObservationRules } from '../core/index.js';
import { commitStage, findDuplicateUpload, stagedDuplicateIssues, type InTransaction, type IngestResult } from './commit-upload.js';
import { decimalFor, loadObservationsCsv } from './read-observations.js';
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
  if (options.rules) return { ...options.rules, initiative: options.initiative, decimal };
  if (options.model) return { ...rulesFromModel(options.model, decimal), initiative: options.initiative };
  return { initiative: options.initiative, decimal };
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
  if (sniff.bytes === 0 || (sniff.bom && sniff.bytes === 3)) return fail(0, [observationIssue('data.empty-file', 1, null, null)], dryRun);
  if (sniff.binary) return fail(0, [observationIssue('data.binary-file', 1, null, null)], dryRun);
  const duplicateOf = await findDuplicateUpload(store, options.initiative, sniff.sha256);
  if (duplicateOf) {
    const info = observationIssue('data.duplicate-upload', 0, null, duplicateOf);
    return { ok: true, uploadId: duplicateOf, rowsWritten: 0, rowsRead: 0, duplicateOf, dryRun, issues: [info] };
  }
  const delimiter = options.delimiter ?? detectDelimiter(sniff.firstLine);
  if (delimiter === null) return fail(0, [observationIssue('data.single-column', 1, sniff.firstLine.trim() || null, sniff.firstLine.trim() || null)], dryRun);
  const rules = rulesFor(options, options.decimal ?? decimalFor(delimiter));
  const maxIssues = options.maxIssues ?? 200;

  const meta = {
    initiative: options.initiative,
    fileName: options.fileName ?? basename(path),
    sha256: sniff.sha256,
    uploadedBy: options.uploadedBy ?? userInfo().username,
    uploadedAt: options.now ?? new Date(),
  };
  // The bulk path reads long files; a wide file (one column per indicator) always takes the row path.
  const wide = detectLayout(headerFields(sniff.firstLine, delimiter), rules).layout?.kind === 'wide';
  // DuckDB's reader skips empty lines, which would shift row numbers away from the spreadsheet's: such files take the row path.
  // DuckDB reads Windows-1252 as Latin-1, which has no € – … and the like: files holding them take the row path too.
  const bulk =
    !options.adapter &&
    !options.inGroup &&
    !wide &&
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

  await store.connection.run(createStageSql());
  options.onPhase?.('read');
  try {
    const appender = await appendStaged(store);
    let summary;
    try {
      summary = await loadObservationsCsv(path, sniff.encoding, { delimiter, rules, maxIssues, ...(options.adapter ? { adapter: options.adapter } : {}) }, (o) =>
        appender.append(o),
      );
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
    const uploadId = await commitStage(store, { ...meta, sourceKind: options.adapter ? `csv:${options.adapter.name}` : 'csv' }, rowsStaged, options.inTransaction, options.inGroup);
    return { ok: true, uploadId, rowsWritten: rowsStaged, rowsRead, dryRun, issues: [] };
  } finally {
    await dropStage(store);
  }
}
