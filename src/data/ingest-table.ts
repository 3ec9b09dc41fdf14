import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { userInfo } from 'node:os';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { observationIssue, type ObservationField, type ObservationIssue } from '../core/index.js';
import { commitStage, findDuplicateUpload, stagedDuplicateIssues, type IngestResult } from './commit-upload.js';
import { appendStaged, dropStage, rulesFor, type IngestOptions } from './ingest-file.js';
import { readObservationRecords } from './read-observations.js';
import { sniffFile } from './sniff-file.js';
import type { ObservationStore } from './store.js';
import { createStageSql } from './store-sql.js';

/** Where observations come from in a DuckDB database or Parquet file, and which source column is which field. */
export interface TableSource {
  /** A `.duckdb` database file (opened read-only) or a `.parquet` file. */
  readonly path: string;
  /** In a DuckDB file: the table (or view) to read. */
  readonly table?: string;
  /** In a DuckDB file: a query whose columns are the observation fields (the evaluator's own SQL, run read-only). */
  readonly query?: string;
  /** Source column name → observation field (`{ wijkcode: 'area', jaar: 'period' }`); other names are used as they are. */
  readonly columns?: Readonly<Record<string, ObservationField>>;
}

/** A DuckDB value as the text a CSV cell would hold (numbers with a decimal point, dates as ISO). */
export function cellOf(v: DuckDBValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return String(v);
}

async function* records(conn: DuckDBConnection, sql: string, params: Record<string, DuckDBValue>, rename: (n: string) => string): AsyncIterable<string[]> {
  const result = await conn.stream(sql, params);
  yield result.columnNames().map(rename);
  for await (const rows of result.yieldRows()) for (const r of rows) yield r.map(cellOf);
}

/**
 * Ingests observations from a DuckDB database table or query, or from a Parquet file, with exactly the checks,
 * staging, duplicate handling and all-or-nothing commit of a CSV upload. The table name and the file path are
 * bound parameters (`query_table($table)`, `read_parquet($path)`); the identity of the upload is the sha256 of the
 * file with the table name or query.
 * @example await ingestTable(store, { path: 'monitor.duckdb', table: 'bezoekers' }, { initiative: 'buurthuis-moerwijk', model })
 */
export async function ingestTable(store: ObservationStore, source: TableSource, options: IngestOptions): Promise<IngestResult> {
  const dryRun = options.dryRun ?? false;
  const parquet = extname(source.path).toLowerCase() === '.parquet';
  const fail = (issues: ObservationIssue[], rowsRead = 0): IngestResult => ({ ok: false, uploadId: null, rowsWritten: 0, rowsRead, dryRun, issues });
  if (!parquet && (source.table === undefined) === (source.query === undefined))
    return fail([observationIssue('data.missing-column', 1, 'table', null, { column: 'table | query', expected: 'table, query' })]);
  const sniff = await sniffFile(source.path);
  const sha256 = createHash('sha256').update(`${sniff.sha256}\n${source.table ?? ''}\n${source.query ?? ''}`).digest('hex');
  const duplicateOf = await findDuplicateUpload(store, options.initiative, sha256);
  if (duplicateOf)
    return { ok: true, uploadId: duplicateOf, rowsWritten: 0, rowsRead: 0, duplicateOf, dryRun, issues: [observationIssue('data.duplicate-upload', 0, null, duplicateOf)] };
  const rules = rulesFor(options, '.');
  const maxIssues = options.maxIssues ?? 200;
  const rename = (n: string): string => source.columns?.[n] ?? n;

  let sourceDb: DuckDBInstance | undefined;
  let sourceConn: DuckDBConnection | undefined;
  await store.connection.run(createStageSql());
  try {
    let iter: AsyncIterable<string[]>;
    if (parquet) iter = records(store.connection, 'SELECT * FROM read_parquet($path)', { path: source.path }, rename);
    else {
      sourceDb = await DuckDBInstance.create(source.path, { access_mode: 'READ_ONLY' });
      sourceConn = await sourceDb.connect();
      iter = source.table !== undefined ? records(sourceConn, 'SELECT * FROM query_table($table)', { table: source.table }, rename) : records(sourceConn, source.query!, {}, rename);
    }
    const appender = await appendStaged(store);
    let summary;
    try {
      summary = await readObservationRecords(iter, { delimiter: ',', rules, maxIssues }, (o) => appender.append(o));
    } finally {
      appender.close();
    }
    let issues = summary.issues;
    const layout = summary.layout;
    if (issues.length === 0)
      issues = await stagedDuplicateIssues(store, (indicator) => (layout?.kind === 'long' ? layout.header[layout.fields.indicator!]! : indicator), maxIssues);
    if (issues.length > 0) return fail(issues, summary.rows);
    const [staged] = await store.query('SELECT count(*) AS n FROM stage');
    const rows = Number(staged!['n']);
    if (dryRun) return { ok: true, uploadId: null, rowsWritten: 0, rowsRead: summary.rows, dryRun, issues: [] };
    options.onPhase?.('commit');
    const uploadId = await commitStage(
      store,
      {
        initiative: options.initiative,
        fileName: options.fileName ?? `${basename(source.path)}${source.table ? `#${source.table}` : source.query ? '#query' : ''}`,
        sha256,
        uploadedBy: options.uploadedBy ?? userInfo().username,
        uploadedAt: options.now ?? new Date(),
        sourceKind: parquet ? 'parquet' : 'duckdb',
      },
      rows,
      options.inTransaction,
    );
    return { ok: true, uploadId, rowsWritten: rows, rowsRead: summary.rows, dryRun, issues: [] };
  } finally {
    sourceConn?.closeSync();
    sourceDb?.closeSync();
    await dropStage(store);
  }
}
