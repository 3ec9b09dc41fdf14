import type { Criterion } from '../schema/criterion.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { sha256Hex } from './sha256.js';

/** The criteria as recorded when they were fixed ("vastgelegd"), with their hash and date. */
export interface CriteriaLock {
  /** Format version of this record. */
  readonly version: 1;
  /** ISO date the criteria were locked, supplied by the caller (the core has no clock). */
  readonly lockedAt: string;
  /** sha256 of {@link canonicalCriteria}. */
  readonly sha256: string;
  /** The criteria, sorted by id. */
  readonly criteria: readonly Criterion[];
}

/** One criterion that differs between the locked and the current version. */
export interface CriterionDiff {
  readonly id: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** Fields that differ, sorted; every field for added and removed criteria. */
  readonly fields: readonly string[];
  readonly locked: Criterion | null;
  readonly current: Criterion | null;
}

/** A hash function from text to hex; defaults to the pure {@link sha256Hex}. */
export type HashFunction = (text: string) => string;

const byId = (a: Criterion, b: Criterion): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Canonical text of a list of criteria: sorted by id, each criterion as canonical JSON (sorted keys, no
 * whitespace, absent optional fields left out) — see {@link canonicalJson}. Criteria should be parsed by the
 * schema first, so a default written out (threshold 0.5) and one left implicit hash alike.
 * @example canonicalCriteria(model.criteria) // '[{"area":…,"baseline":40,…}]'
 */
export function canonicalCriteria(criteria: readonly Criterion[]): string {
  return canonicalJson([...criteria].sort(byId) as unknown as JsonValue);
}

/**
 * The sha256 of a list of criteria's canonical text (FIPS 180-4 via {@link sha256Hex}, or an injected hash).
 * @example criteriaHash(model.criteria) // '3f1c…' (64 hex digits)
 */
export function criteriaHash(criteria: readonly Criterion[], hash: HashFunction = sha256Hex): string {
  return hash(canonicalCriteria(criteria));
}

/**
 * The lock record of a list of criteria: sorted copies, their hash and the given date. The store keeps it;
 * later evaluations compare against it with {@link diffCriteria}.
 * @example lockCriteria(model.criteria, '2024-01-15')
 */
export function lockCriteria(criteria: readonly Criterion[], lockedAt: string, hash: HashFunction = sha256Hex): CriteriaLock {
  const sorted = [...criteria].sort(byId).map((c) => JSON.parse(canonicalJson(c as unknown as JsonValue)) as Criterion);
  return { version: 1, lockedAt, sha256: hash(canonicalCriteria(sorted)), criteria: sorted };
}

/**
 * The criteria that differ between a locked list and the current one, by id: added, removed, or changed with
 * the fields that differ (compared as canonical JSON) and both versions. Sorted by id; empty when equal.
 * @example diffCriteria(lock.criteria, model.criteria) // [{ id: 'bereik-ouderen', kind: 'changed', fields: ['target'], … }]
 */
export function diffCriteria(locked: readonly Criterion[], current: readonly Criterion[]): CriterionDiff[] {
  const before = new Map(locked.map((c) => [c.id, c]));
  const after = new Map(current.map((c) => [c.id, c]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: CriterionDiff[] = [];
  for (const id of ids) {
    const b = before.get(id) ?? null;
    const a = after.get(id) ?? null;
    if (!b || !a) {
      const only = (b ?? a)!;
      out.push({ id, kind: b ? 'removed' : 'added', fields: Object.keys(only).filter((k) => (only as Record<string, unknown>)[k] !== undefined).sort(), locked: b, current: a });
      continue;
    }
    const rb = b as unknown as Record<string, JsonValue | undefined>;
    const ra = a as unknown as Record<string, JsonValue | undefined>;
    const keys = [...new Set([...Object.keys(rb), ...Object.keys(ra)])].sort();
    const text = (v: JsonValue | undefined): string => (v === undefined ? '∅' : canonicalJson(v));
    const fields = keys.filter((k) => text(rb[k]) !== text(ra[k]));
    if (fields.length > 0) out.push({ id, kind: 'changed', fields, locked: b, current: a });
  }
  return out;
}

/** Whether the current criteria still match their lock. */
export interface CriteriaLockStatus {
  /** `unlocked`: no lock recorded; `unchanged`: hashes equal; `changed`: see `changes`. */
  readonly status: 'unlocked' | 'unchanged' | 'changed';
  readonly lockedAt: string | null;
  readonly lockedSha256: string | null;
  readonly currentSha256: string;
  readonly changes: readonly CriterionDiff[];
}

/**
 * Compares the current criteria with a lock (or its absence): the hashes, and when they differ each changed
 * criterion with both versions.
 * @example criteriaLockStatus(lock, model.criteria) // { status: 'changed', changes: [...] }
 */
export function criteriaLockStatus(lock: CriteriaLock | null, current: readonly Criterion[], hash: HashFunction = sha256Hex): CriteriaLockStatus {
  const currentSha256 = criteriaHash(current, hash);
  if (!lock) return { status: 'unlocked', lockedAt: null, lockedSha256: null, currentSha256, changes: [] };
  const changes = lock.sha256 === currentSha256 ? [] : diffCriteria(lock.criteria, current);
  return {
    status: changes.length === 0 && lock.sha256 === currentSha256 ? 'unchanged' : 'changed',
    lockedAt: lock.lockedAt,
    lockedSha256: lock.sha256,
    currentSha256,
    changes,
  };
}
