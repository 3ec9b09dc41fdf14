import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { InvalidInputError } from '../core/index.js';
import { checkStorePath, damagedStoreError, isDamagedStoreError, readEveryTableSql, storeTablesSql } from './store-path-check.js';
import { isStoreLockedError, storeLockedError } from './store-lock.js';
import { hasUploadReviews, selectReviewedObservationsSql } from './upload-reviews.js';
import { checksumSql, createStoreSql, layout1ShapeSql, listUploadsSql, migrateLayout1Sql, migrationCountsSql, observationsKindSql, selectObservationsSql } from './store-sql.js';

/** DuckDB's memory limit for a store unless given: keeps a whole ingest under 1 GB of process memory. */
export const DEFAULT_MEMORY_LIMIT = '512MB';

/** Default location of the store, relative to the working directory. */
export const DEFAULT_STORE_PATH = 'data/rendement.duckdb';

/** One recorded upload. */
export interface UploadRecord {
  readonly id: string;
  readonly initiative: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly rowCount: number;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  readonly sourceKind: string;
  readonly currentRows: number;
}

/** An observation as stored, with the row id that traces it (`upload:row`). */
export interface StoredObservation {
  readonly rowId: string;
  readonly uploadId: string;
  readonly row: number;
  readonly initiative: string;
  readonly indicator: string;
  readonly area: string;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly source: string | null;
  readonly n: number | null;
  readonly sd: number | null;
  readonly note: string | null;
  readonly supersededBy: string | null;
}

/** Filter for reading observations. */
export interface ObservationQuery {
  readonly initiative?: string;
  readonly indicator?: string;
  readonly area?: string;
  readonly from?: string;
  readonly to?: string;
  /** Include superseded rows (history). */
  readonly history?: boolean;
  /**
   * Count uploads still waiting for approval too (a preview). By default only approved uploads count: a service
   * upload is `submitted` until a council or evaluator approves it (see upload-reviews.ts). Ignored with `history`.
   */
  readonly includeSubmitted?: boolean;
}

/** Row counts and checksums of the store's tables. */
export interface StoreChecksum {
  readonly uploads: number;
  readonly observations: number;
  readonly uploadsHash: string;
  readonly observationsHash: string;
}

/** Takes group and other permissions off a store file (it holds token hashes and every upload); never loosens. */
async function ownerOnly(path: string): Promise<void> {
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) await chmod(path, mode & 0o700).catch(() => {});
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Moves a store written before upload keys (layout 1) to layout 2 in one transaction: all of it, or nothing. */
async function migrateLayout1(c: DuckDBConnection, path: string): Promise<void> {
  const { rename, copy, drop } = migrateLayout1Sql();
  await c.run('BEGIN TRANSACTION');
  try {
    for (const sql of [...rename, ...createStoreSql(), ...copy]) await c.run(sql);
    const counts = (await c.runAndReadAll(migrationCountsSql())).getRowObjects()[0]!;
    const lost = Number(counts['before']) - Number(counts['after']);
    const unmarked = Number(counts['superseded_before']) - Number(counts['superseded_after']);
    if (lost !== 0 || unmarked !== 0)
      throw new InvalidInputError('store.migration-incomplete', {
        nl: `${path} is een rendement-store van een eerdere versie, maar kan niet worden omgezet: ${lost} waarneming(en) en ${unmarked} correctie(s) verwijzen naar een upload die ontbreekt. Er is niets veranderd; herstel de store met een eerdere versie of neem contact op met de beheerder.`,
        en: `${path} is a rendement store of an earlier version but cannot be moved to this one: ${lost} observation(s) and ${unmarked} correction(s) name an upload that is missing. Nothing was changed; repair the store with an earlier version or ask its maintainer.`,
      });
    for (const sql of drop) await c.run(sql);
    await c.run('COMMIT');
  } catch (e) {
    await c.run('ROLLBACK');
    throw e;
  }
}

/**
 * The embedded observation store: one DuckDB file (created with its tables on first use) holding every upload and
 * every observation, current and superseded. A resource, so a class; close it when done.
 * @example const store = await ObservationStore.open('data/rendement.duckdb'); … store.close();
 */
export class ObservationStore {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens (and on first use creates) the store at `path`; `:memory:` gives a throwaway store.
   * `memoryLimit` (e.g. '512MB') bounds DuckDB's memory; larger work spills to a temporary directory.
   */
  static async open(path: string = DEFAULT_STORE_PATH, options: { memoryLimit?: string; threads?: number } = {}): Promise<ObservationStore> {
    if (path !== ':memory:') {
      await checkStorePath(path);
      await mkdir(dirname(path), { recursive: true });
    }
    // Bounded memory whatever the file size: DuckDB spills to a temporary directory beyond this.
    const config: Record<string, string> = { memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT };
    if (options.threads) config['threads'] = String(options.threads);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (e) {
      if (isStoreLockedError(e)) throw storeLockedError(path, e);
      throw isDamagedStoreError(e) ? damagedStoreError(path) : e;
    }
    if (path !== ':memory:') await ownerOnly(path);
    const connection = await instance.connect();
    try {
      const kind = (await connection.runAndReadAll(observationsKindSql())).getRowObjects()[0]?.['t'];
      if (kind !== 'BASE TABLE') for (const sql of createStoreSql()) await connection.run(sql);
      else {
        const [shape] = (await connection.runAndReadAll(layout1ShapeSql())).getRowObjects();
        if (Number(shape?.['n']) !== 2)
          throw new InvalidInputError('store.not-a-store', {
            nl: `${path} is een DuckDB-bestand, maar geen rendement-store: de tabel "observations" heeft een onbekende vorm. Kies met --store een ander bestand (een nieuw bestand wordt een lege store).`,
            en: `${path} is a DuckDB file but not a rendement store: its table "observations" has an unknown shape. Choose another file with --store (a new file becomes an empty store).`,
          });
        await migrateLayout1(connection, path);
      }
    } catch (e) {
      // Refused or not moved: the file is closed again, as it was.
      connection.closeSync();
      instance.closeSync();
      throw isDamagedStoreError(e) ? damagedStoreError(path) : e;
    }
    return new ObservationStore(path, instance, connection);
  }

  /**
   * Reads every table of the store in full, so that a truncated or overwritten file is found now rather than by a
   * later request. A long-running service calls this once at start.
   * @throws InvalidInputError `store.damaged` when a block cannot be read or fails its checksum.
   */
  async checkReadable(): Promise<void> {
    try {
      for (const row of await this.query(storeTablesSql())) await this.query(readEveryTableSql(String(row['table_name'])));
    } catch (e) {
      throw isDamagedStoreError(e) ? damagedStoreError(this.path) : e;
    }
  }

  /** Runs a statement with bound parameters (and their types where DuckDB cannot tell) and returns its rows as objects. */
  async query(sql: string, params: Record<string, DuckDBValue> = {}, types?: Record<string, DuckDBType>): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql, params, types);
    return reader.getRowObjects() as Record<string, unknown>[];
  }

  /** Every upload, newest first (optionally of one initiative). */
  async listUploads(initiative?: string): Promise<UploadRecord[]> {
    const rows = await this.query(listUploadsSql(), { initiative: initiative ?? null });
    return rows.map((r) => ({
      id: String(r['id']),
      initiative: String(r['initiative']),
      fileName: String(r['file_name']),
      sha256: String(r['sha256']),
      rowCount: Number(r['row_count']),
      uploadedBy: String(r['uploaded_by']),
      uploadedAt: String(r['uploaded_at']),
      sourceKind: String(r['source_kind']),
      currentRows: Number(r['current_rows']),
    }));
  }

  /** Observations matching the query, current only unless `history` is set, in a stable order. */
  async observations(q: ObservationQuery = {}): Promise<StoredObservation[]> {
    const reviewed = !q.history && (await hasUploadReviews(this));
    const params = reviewed ? { submitted: q.includeSubmitted ?? false } : { history: q.history ?? false };
    const rows = await this.query(reviewed ? selectReviewedObservationsSql() : selectObservationsSql(), {
      initiative: q.initiative ?? null,
      ...params,
      indicator: q.indicator ?? null,
      area: q.area ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
    });
    return rows.map((r) => ({
      rowId: String(r['row_id']),
      uploadId: String(r['upload_id']),
      row: Number(r['row']),
      initiative: String(r['initiative']),
      indicator: String(r['indicator']),
      area: String(r['area']),
      period: String(r['period']),
      periodStart: String(r['period_start']),
      periodEnd: String(r['period_end']),
      value: num(r['value']),
      unit: (r['unit'] as string | null) ?? null,
      source: (r['source'] as string | null) ?? null,
      n: num(r['n']),
      sd: num(r['sd']),
      note: (r['note'] as string | null) ?? null,
      supersededBy: (r['superseded_by'] as string | null) ?? null,
    }));
  }

  /** Row counts and order-independent checksums of uploads and observations. */
  async checksum(): Promise<StoreChecksum> {
    const [r] = await this.query(checksumSql());
    return {
      uploads: Number(r!['uploads']),
      observations: Number(r!['observations']),
      uploadsHash: String(r!['uploads_hash']),
      observationsHash: String(r!['observations_hash']),
    };
  }

  /** Closes the connection and the database file. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
