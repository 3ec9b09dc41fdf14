import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { UsageError } from '../core/index.js';
import type { ObservationStore } from './store.js';

/** What a token may do: a coalition writes its own initiative, a council reads its municipality, an evaluator reads and writes all. */
export const tokenRoles = ['coalition', 'council', 'evaluator'] as const;
export type TokenRole = (typeof tokenRoles)[number];

/** A stored access token, without its secret. `scope` is the initiative (coalition), the municipality (council) or null (evaluator). */
export interface TokenRecord {
  readonly id: string;
  readonly role: TokenRole;
  readonly scope: string | null;
  readonly label: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

/** A new token: its record, and the secret token text, which is shown once and never stored. */
export interface CreatedToken {
  readonly record: TokenRecord;
  readonly token: string;
}

/** What to create. */
export interface TokenSpec {
  readonly role: TokenRole;
  /** Coalition tokens: the initiative id they may write. */
  readonly initiative?: string;
  /** Council tokens: the CBS municipality code (GMxxxx) whose reports they may read. */
  readonly municipality?: string;
  readonly label?: string;
  readonly createdBy: string;
  readonly now?: Date;
}

/** An initiative id as in model files: lowercase slug. Also what keeps ids out of paths and SQL. */
export const INITIATIVE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MUNICIPALITY = /^GM\d{4}$/;
/** `rdm_` + 12 hex id + `_` + 43 base64url characters (32 random bytes). */
const TOKEN_TEXT = /^rdm_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

// scrypt cost (RFC 7914; N=2^14, r=8, p=1 is the interactive-login setting). Tokens carry 256 random bits, so
// the hash guards a leaked store file rather than weak secrets; the parameters are stored with each hash.
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

function scrypt(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(secret, salt, keylen, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const sqlTime = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');

/** The token table. Values are always bound (DESIGN convention 11). */
export function createTokensSql(): string {
  return `CREATE TABLE IF NOT EXISTS access_tokens (
  id VARCHAR PRIMARY KEY,
  role VARCHAR NOT NULL,
  scope VARCHAR,
  label VARCHAR,
  hash VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  created_by VARCHAR NOT NULL,
  revoked_at TIMESTAMP
)`;
}

const columns = `id, role, scope, label, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, created_by,
  strftime(revoked_at, '%Y-%m-%dT%H:%M:%SZ') AS revoked_at`;

export function insertTokenSql(): string {
  return `INSERT INTO access_tokens (id, role, scope, label, hash, created_at, created_by, revoked_at)
VALUES ($id, $role, $scope, $label, $hash, $created_at::TIMESTAMP, $created_by, NULL)`;
}
export function selectTokenSql(): string {
  return `SELECT ${columns}, hash FROM access_tokens WHERE id = $id`;
}
export function listTokensSql(): string {
  return `SELECT ${columns} FROM access_tokens ORDER BY created_at, id`;
}
export function revokeTokenSql(): string {
  return 'UPDATE access_tokens SET revoked_at = $revoked_at::TIMESTAMP WHERE id = $id AND revoked_at IS NULL';
}

const ensured = new WeakSet<ObservationStore>();

/** Creates the token table if it does not exist (idempotent; once per open store). */
export async function ensureTokenTable(store: ObservationStore): Promise<void> {
  if (ensured.has(store)) return;
  await store.connection.run(createTokensSql());
  ensured.add(store);
}

function toRecord(r: Record<string, unknown>): TokenRecord {
  return {
    id: String(r['id']),
    role: String(r['role']) as TokenRole,
    scope: (r['scope'] as string | null) ?? null,
    label: (r['label'] as string | null) ?? null,
    createdAt: String(r['created_at']),
    createdBy: String(r['created_by']),
    revokedAt: (r['revoked_at'] as string | null) ?? null,
  };
}

function usage(code: string, nl: string, en: string): UsageError {
  return new UsageError(code, { nl, en });
}

/**
 * Checks a token spec and returns its scope: the initiative (coalition), the municipality (council) or null (evaluator).
 * @throws UsageError for an unknown role or a missing or malformed scope.
 * @example tokenScope({ role: 'council', municipality: 'GM0518' }) // 'GM0518'
 */
export function tokenScope(spec: Pick<TokenSpec, 'role' | 'initiative' | 'municipality'>): string | null {
  if (!tokenRoles.includes(spec.role))
    throw usage('token.invalid-role', `Onbekende rol "${spec.role}"; kies coalition, council of evaluator.`, `Unknown role "${spec.role}"; choose coalition, council or evaluator.`);
  if (spec.role === 'coalition') {
    if (!spec.initiative || !INITIATIVE_ID.test(spec.initiative))
      throw usage('token.invalid-initiative', 'Een coalitietoken hoort bij één initiatief: geef --initiative <id> (kleine letters, cijfers, streepjes).', 'A coalition token belongs to one initiative: give --initiative <id> (lowercase letters, digits, hyphens).');
    return spec.initiative;
  }
  if (spec.role === 'council') {
    if (!spec.municipality || !MUNICIPALITY.test(spec.municipality))
      throw usage('token.invalid-municipality', 'Een raadstoken hoort bij één gemeente: geef --municipality GMxxxx (CBS-code).', 'A council token belongs to one municipality: give --municipality GMxxxx (CBS code).');
    return spec.municipality;
  }
  return null;
}

/**
 * Creates an access token: a random id (not secret, shown in lists and the audit log) and a random 256-bit
 * secret, stored only as an scrypt hash with a per-token salt. The returned `token` text is the only copy.
 * @throws UsageError when the role or scope is invalid.
 * @example const { token, record } = await createToken(store, { role: 'coalition', initiative: 'buurthuis-moerwijk', createdBy: 'cli:anna' });
 */
export async function createToken(store: ObservationStore, spec: TokenSpec): Promise<CreatedToken> {
  const scope = tokenScope(spec);
  await ensureTokenTable(store);
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, SCRYPT.keylen, SCRYPT);
  const hash = `scrypt:${SCRYPT.N}:${SCRYPT.r}:${SCRYPT.p}:${salt.toString('base64')}:${key.toString('base64')}`;
  const now = spec.now ?? new Date();
  await store.connection.run(insertTokenSql(), {
    id,
    role: spec.role,
    scope,
    label: spec.label ?? null,
    hash,
    created_at: sqlTime(now),
    created_by: spec.createdBy,
  });
  const [row] = await store.query(selectTokenSql(), { id });
  return { record: toRecord(row!), token: `rdm_${id}_${secret}` };
}

/**
 * The non-secret id in a token text, or null when the text is not a rendement token.
 * @example tokenIdOf('rdm_3f9a0c21b7d4_' + 'x'.repeat(43)) // '3f9a0c21b7d4'
 */
export function tokenIdOf(token: string): string | null {
  return TOKEN_TEXT.exec(token)?.[1] ?? null;
}

/**
 * The stored record of a token id (revoked or not), or null.
 * @example (await findToken(store, '3f9a0c21b7d4'))?.revokedAt
 */
export async function findToken(store: ObservationStore, id: string): Promise<TokenRecord | null> {
  await ensureTokenTable(store);
  const [row] = await store.query(selectTokenSql(), { id });
  return row ? toRecord(row) : null;
}

/**
 * A stored token with its hash, for `tokenSecretMatches`; null when the text is malformed, unknown or revoked.
 * @example const found = await tokenForVerification(store, bearer); const ok = found !== null && (await tokenSecretMatches(bearer, found.hash));
 */
export async function tokenForVerification(store: ObservationStore, token: string): Promise<{ record: TokenRecord; hash: string } | null> {
  const id = tokenIdOf(token);
  if (id === null) return null;
  await ensureTokenTable(store);
  const [row] = await store.query(selectTokenSql(), { id });
  if (!row || row['revoked_at'] !== null) return null;
  return { record: toRecord(row), hash: String(row['hash']) };
}

/**
 * True when the secret part of `token` matches a stored `scrypt:N:r:p:salt:key` hash (compared in constant time).
 * CPU only, no store access: a server can run it outside its serialised writer.
 * @example await tokenSecretMatches(bearer, found.hash)
 */
export async function tokenSecretMatches(token: string, hash: string): Promise<boolean> {
  const m = TOKEN_TEXT.exec(token);
  const parts = hash.split(':');
  if (!m || parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, expected] = parts as [string, string, string, string, string, string];
  const want = Buffer.from(expected, 'base64');
  const got = await scrypt(m[2]!, Buffer.from(salt, 'base64'), want.length, { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === want.length && timingSafeEqual(got, want);
}

let unusable: Promise<string> | undefined;

/**
 * A stored-hash twin that no token matches (the hash of a random secret nobody kept), made once per process. A
 * server checks a token text with an unknown or revoked id against it, so that every well-formed token costs one
 * scrypt check and the answer time does not tell which ids are active.
 * @example const ok = found !== null && (await tokenSecretMatches(text, found?.hash ?? (await unusableTokenHash())));
 */
export function unusableTokenHash(): Promise<string> {
  unusable ??= (async () => {
    const salt = randomBytes(16);
    const key = await scrypt(randomBytes(32).toString('base64url'), salt, SCRYPT.keylen, SCRYPT);
    return `scrypt:${SCRYPT.N}:${SCRYPT.r}:${SCRYPT.p}:${salt.toString('base64')}:${key.toString('base64')}`;
  })();
  return unusable;
}

/**
 * Checks a presented token: well formed, known, not revoked, and its secret matches the stored scrypt hash
 * (compared in constant time). Returns the record, or null for any failure — the caller cannot tell which.
 * @example const who = await verifyToken(store, bearer); if (!who) reply 401
 */
export async function verifyToken(store: ObservationStore, token: string): Promise<TokenRecord | null> {
  const found = await tokenForVerification(store, token);
  const matched = await tokenSecretMatches(token, found?.hash ?? (await unusableTokenHash()));
  return found && matched ? found.record : null;
}

/**
 * Every token record (never a secret or hash), oldest first.
 * @example (await listTokens(store)).filter((t) => t.revokedAt === null)
 */
export async function listTokens(store: ObservationStore): Promise<TokenRecord[]> {
  await ensureTokenTable(store);
  return (await store.query(listTokensSql())).map(toRecord);
}

/**
 * Revokes a token; true when it existed and was not yet revoked. The record stays, with its revocation time.
 * @example await revokeToken(store, '3f9a0c21b7d4')
 */
export async function revokeToken(store: ObservationStore, id: string, now: Date = new Date()): Promise<boolean> {
  await ensureTokenTable(store);
  const before = await findToken(store, id);
  if (!before || before.revokedAt !== null) return false;
  await store.connection.run(revokeTokenSql(), { id, revoked_at: sqlTime(now) });
  return true;
}
