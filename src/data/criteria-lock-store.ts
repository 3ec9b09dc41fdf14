import type { CriteriaLock, ForecastLock } from '../core/index.js';
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

/**
 * SQL creating the table of forecast locks (issue 13 point 5): the value map as agreed, recorded with the criteria
 * lock by `criteria lock`. A table of its own, so stores whose criteria were locked before forecasts existed stay valid.
 */
export function createForecastLockSql(): string {
  return `CREATE TABLE IF NOT EXISTS forecast_locks (
  initiative VARCHAR NOT NULL,
  locked_at VARCHAR NOT NULL,
  criteria_sha256 VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  forecast_json VARCHAR NOT NULL,
  locked_by VARCHAR NOT NULL
)`;
}

/** SQL inserting one forecast lock, with bound parameters. */
export function insertForecastLockSql(): string {
  return 'INSERT INTO forecast_locks (initiative, locked_at, criteria_sha256, sha256, forecast_json, locked_by) VALUES ($initiative, $lockedAt, $criteriaSha256, $sha256, $forecast, $lockedBy)';
}

/** SQL selecting the forecast locks of one initiative, the first lock first (the first forecast is what was agreed). */
export function selectForecastLocksSql(): string {
  return 'SELECT forecast_json FROM forecast_locks WHERE initiative = $initiative ORDER BY locked_at, sha256';
}

/**
 * Records a forecast lock. Append-only: locking the same value map again is a no-op that returns the existing lock
 * (the agreed forecast keeps its date); a different one is added after it, and evaluations keep comparing against the
 * first one recorded by their as-of date.
 */
export async function saveForecastLock(store: ObservationStore, initiative: string, lock: ForecastLock, lockedBy: string): Promise<{ lock: ForecastLock; created: boolean }> {
  await store.query(createForecastLockSql());
  const existing = (await loadForecastLocks(store, initiative)).find((l) => l.sha256 === lock.sha256);
  if (existing) return { lock: existing, created: false };
  await store.query(insertForecastLockSql(), {
    initiative,
    lockedAt: lock.lockedAt,
    criteriaSha256: lock.criteriaSha256,
    sha256: lock.sha256,
    forecast: JSON.stringify(lock),
    lockedBy,
  });
  return { lock, created: true };
}

/** Every forecast lock of an initiative, oldest first. */
export async function loadForecastLocks(store: ObservationStore, initiative: string): Promise<ForecastLock[]> {
  await store.query(createForecastLockSql());
  const rows = await store.query(selectForecastLocksSql(), { initiative });
  return rows.map((r) => JSON.parse(String(r['forecast_json'])) as ForecastLock);
}
