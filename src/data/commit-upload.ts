import { createHash } from 'node:crypto';
import { observationIssue, type ObservationIssue } from '../core/index.js';
import type { ObservationStore } from './store.js';
import { commitStageSql, duplicateKeysSql, findUploadSql, insertUploadSql, mayOverlapSql, supersedeSql } from './store-sql.js';

/** Who uploads what, when. */
export interface UploadMeta {
  readonly initiative: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
  readonly sourceKind: string;
}

/** Work done inside an upload's transaction just before it commits (its audit entry): kept with the upload or not at all. */
export type InTransaction = (uploadId: string, rowsWritten: number) => Promise<void>;

/** The outcome of an upload, as the CLI prints it with --json. */
export interface IngestResult {
  readonly ok: boolean;
  readonly uploadId: string | null;
  readonly rowsWritten: number;
  readonly rowsRead: number;
  readonly duplicateOf?: string;
  readonly dryRun: boolean;
  readonly issues: readonly ObservationIssue[];
}

/**
 * The id of an upload: the first 16 hex digits of sha256(initiative, file sha256). Stable, so traces that name
 * `upload:row` stay valid, and the same file for the same initiative always has the same id.
 */
export function uploadIdFor(initiative: string, sha256: string): string {
  return createHash('sha256').update(`${initiative}\n${sha256}`).digest('hex').slice(0, 16);
}

/** The earlier upload of the same file for the same initiative, if any. */
export async function findDuplicateUpload(store: ObservationStore, initiative: string, sha256: string): Promise<string | undefined> {
  const rows = await store.query(findUploadSql(), { initiative, sha256 });
  return rows[0] ? String(rows[0]['id']) : undefined;
}

/** Issues for rows of the staged upload whose key appeared in an earlier row. */
export async function stagedDuplicateIssues(
  store: ObservationStore,
  keyColumn: (indicator: string) => string,
  limit: number,
  sql: string = duplicateKeysSql(),
  params: Record<string, string> = {},
): Promise<ObservationIssue[]> {
  const rows = await store.query(sql, { ...params, limit });
  return rows.map((r) =>
    observationIssue('data.duplicate-key', Number(r['second']), keyColumn(String(r['indicator'])), String(r['indicator']), {
      indicator: String(r['indicator']),
      area: String(r['area']),
      period: String(r['period']),
      first: Number(r['first']),
    }),
  );
}

/** Records an upload in the current transaction and returns its key. */
export async function insertUpload(store: ObservationStore, id: string, meta: UploadMeta, rowCount: number): Promise<number> {
  const [row] = await store.query(insertUploadSql(), {
    id,
    initiative: meta.initiative,
    file_name: meta.fileName,
    sha256: meta.sha256,
    row_count: rowCount,
    uploaded_by: meta.uploadedBy,
    uploaded_at: meta.uploadedAt.toISOString().replace('T', ' ').replace('Z', ''),
    source_kind: meta.sourceKind,
  });
  return Number(row!['key']);
}

/** Marks what upload `key` corrects as superseded by it (in its transaction); skipped when no other upload shares a period. */
export async function supersedeEarlier(store: ObservationStore, key: number, initiative: string): Promise<void> {
  const [overlap] = await store.query(mayOverlapSql(), { key, initiative });
  if (Number(overlap!['n']) > 0) await store.connection.run(supersedeSql(), { key, initiative });
}

/**
 * Moves the staged rows into the store in one transaction: the upload record, the superseding of earlier values
 * with the same key (kept as history), and the rows. All or nothing: on any failure the transaction is rolled
 * back, and a killed process leaves DuckDB's write-ahead log without a commit, which is discarded on reopen.
 * With `inGroup` the caller holds the transaction (a group commit, see group-commit.ts): the writes join it, and
 * on a failure the caller rolls back the whole group.
 */
export async function commitStage(store: ObservationStore, meta: UploadMeta, rowCount: number, inTransaction?: InTransaction, inGroup = false): Promise<string> {
  const uploadId = uploadIdFor(meta.initiative, meta.sha256);
  const c = store.connection;
  const writes = async (): Promise<void> => {
    const key = await insertUpload(store, uploadId, meta, rowCount);
    for (const sql of commitStageSql()) await c.run(sql, { key });
    await supersedeEarlier(store, key, meta.initiative);
    await inTransaction?.(uploadId, rowCount);
  };
  if (inGroup) await writes();
  else await inOwnTransaction(store, writes);
  return uploadId;
}

/** Runs `writes` in a transaction of its own: committed whole, or rolled back and the error thrown on. */
export async function inOwnTransaction(store: ObservationStore, writes: () => Promise<void>): Promise<void> {
  const c = store.connection;
  await c.run('BEGIN TRANSACTION');
  try {
    await writes();
    await c.run('COMMIT');
  } catch (e) {
    await c.run('ROLLBACK');
    throw e;
  }
}
