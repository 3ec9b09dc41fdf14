import type { CriteriaLock } from '../core/index.js';
import type { ObservationStore } from './store.js';

/** SQL creating the table of criteria locks: one row per lock, the criteria as canonical JSON. */
export function createCriteriaLockSql(): string {
  return `CREATE TABLE IF NOT EXISTS criteria_locks (
  initiative VARCHAR NOT NULL,
  locked_at VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  criteria_json VARCHAR NOT NULL,
  locked_by VARCHAR NOT NULL
)`;
}

/** SQL inserting one lock, with bound parameters. */
export function insertCriteriaLockSql(): string {
  return 'INSERT INTO criteria_locks (initiative, locked_at, sha256, criteria_json, locked_by) VALUES ($initiative, $lockedAt, $sha256, $criteria, $lockedBy)';
}

/** SQL selecting the locks of one initiative, the first lock first (the first lock is what was agreed). */
export function selectCriteriaLocksSql(): string {
  return 'SELECT locked_at, sha256, criteria_json FROM criteria_locks WHERE initiative = $initiative ORDER BY locked_at, sha256';
}

/**
 * Records a criteria lock in the store. Locking the same criteria again is a no-op that returns the existing lock:
 * the agreed version keeps its date.
 */
export async function saveCriteriaLock(
  store: ObservationStore,
  initiative: string,
  lock: CriteriaLock,
  lockedBy: string,
): Promise<{ lock: CriteriaLock; created: boolean }> {
  await store.query(createCriteriaLockSql());
  const existing = (await loadCriteriaLocks(store, initiative)).find((l) => l.sha256 === lock.sha256);
  if (existing) return { lock: existing, created: false };
  await store.query(insertCriteriaLockSql(), {
    initiative,
    lockedAt: lock.lockedAt,
    sha256: lock.sha256,
    criteria: JSON.stringify(lock.criteria),
    lockedBy,
  });
  return { lock, created: true };
}

/** Every lock of an initiative, oldest first. */
export async function loadCriteriaLocks(store: ObservationStore, initiative: string): Promise<CriteriaLock[]> {
  await store.query(createCriteriaLockSql());
  const rows = await store.query(selectCriteriaLocksSql(), { initiative });
  return rows.map((r) => ({
    version: 1 as const,
    lockedAt: String(r['locked_at']),
    sha256: String(r['sha256']),
    criteria: JSON.parse(String(r['criteria_json'])) as CriteriaLock['criteria'],
  }));
}
