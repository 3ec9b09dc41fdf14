import { createHash } from 'node:crypto';
import type { ObservationStore } from './store.js';

/** One audited write: who (a token id or `cli:<user>`), what, when, and the sha256 of what was written. */
export interface AuditEntry {
  readonly actor: string;
  /** `upload`, `token.create`, `token.revoke`. */
  readonly action: string;
  readonly initiative: string | null;
  /** sha256 of the uploaded bytes, or of the canonical JSON of any other change. */
  readonly sha256: string;
  /** `committed`, `duplicate`, `rejected`, `ok`. */
  readonly outcome: string;
  readonly uploadId?: string | null;
  readonly rows?: number | null;
  readonly detail?: string | null;
  readonly at?: Date;
}

/** An audit entry as stored, with its sequence number and ISO time. */
export interface AuditRecord extends Required<Omit<AuditEntry, 'at'>> {
  readonly seq: number;
  readonly at: string;
}

export function createAuditSql(): string[] {
  return [
    'CREATE SEQUENCE IF NOT EXISTS audit_seq START 1',
    `CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
  logged_at TIMESTAMP NOT NULL,
  actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  initiative VARCHAR,
  sha256 VARCHAR NOT NULL,
  outcome VARCHAR NOT NULL,
  upload_id VARCHAR,
  "rows" BIGINT,
  detail VARCHAR
)`,
  ];
}

export function insertAuditSql(): string {
  return `INSERT INTO audit_log (logged_at, actor, action, initiative, sha256, outcome, upload_id, "rows", detail)
VALUES ($at::TIMESTAMP, $actor, $action, $initiative, $sha256, $outcome, $upload_id, $rows, $detail)`;
}

export function listAuditSql(): string {
  return `SELECT seq, strftime(logged_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, actor, action, initiative, sha256, outcome, upload_id, "rows", detail
FROM audit_log
WHERE $initiative IS NULL OR initiative = $initiative
ORDER BY seq DESC
LIMIT $limit`;
}

/**
 * sha256 (hex) of bytes or of the canonical JSON (keys sorted) of a flat record.
 * @example sha256Of({ id: '3f9a0c21b7d4', action: 'revoke' })
 */
export function sha256Of(content: Uint8Array | string | Record<string, unknown>): string {
  const data = typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, Object.keys(content).sort());
  return createHash('sha256').update(data).digest('hex');
}

const ensured = new WeakSet<ObservationStore>();

/** Creates the audit table if it does not exist (idempotent; once per open store). */
export async function ensureAuditLog(store: ObservationStore): Promise<void> {
  if (ensured.has(store)) return;
  for (const sql of createAuditSql()) await store.connection.run(sql);
  ensured.add(store);
}

/**
 * Appends one entry to the audit log. Call it through the same serialised writer as the write it records.
 * @example await appendAudit(store, { actor: 'token:3f9a…', action: 'upload', initiative, sha256, outcome: 'committed', uploadId, rows: 12 })
 */
export async function appendAudit(store: ObservationStore, entry: AuditEntry): Promise<void> {
  await ensureAuditLog(store);
  await store.connection.run(insertAuditSql(), {
    at: (entry.at ?? new Date()).toISOString().replace('T', ' ').replace('Z', ''),
    actor: entry.actor,
    action: entry.action,
    initiative: entry.initiative,
    sha256: entry.sha256,
    outcome: entry.outcome,
    upload_id: entry.uploadId ?? null,
    rows: entry.rows ?? null,
    detail: entry.detail ?? null,
  });
}

/**
 * The newest audit entries (of one initiative, or all), newest first.
 * @example await listAudit(store, { initiative: 'buurthuis-moerwijk', limit: 20 })
 */
export async function listAudit(store: ObservationStore, options: { initiative?: string; limit?: number } = {}): Promise<AuditRecord[]> {
  await ensureAuditLog(store);
  const rows = await store.query(listAuditSql(), { initiative: options.initiative ?? null, limit: options.limit ?? 100 });
  return rows.map((r) => ({
    seq: Number(r['seq']),
    at: String(r['at']),
    actor: String(r['actor']),
    action: String(r['action']),
    initiative: (r['initiative'] as string | null) ?? null,
    sha256: String(r['sha256']),
    outcome: String(r['outcome']),
    uploadId: (r['upload_id'] as string | null) ?? null,
    rows: r['rows'] === null ? null : Number(r['rows']),
    detail: (r['detail'] as string | null) ?? null,
  }));
}
