import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InvalidInputError } from '../core/index.js';

/**
 * Bytes 8–11 of every DuckDB database file (the main header: checksum, then the magic "DUCK"; DuckDB storage
 * format, `MainHeader::MAGIC_BYTES`).
 */
const DUCKDB_MAGIC = Buffer.from('DUCK');

/** Names that say "data file": a new store with one of these would look like, and be taken for, that format. */
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.json', '.jsonl', '.ndjson', '.parquet', '.xlsx', '.xls', '.ods', '.yaml', '.yml', '.md', '.html', '.pdf', '.zip', '.gz']);

/** True when the file at `path` starts with a DuckDB header; false for any other file, and when there is none. */
export async function isDuckDbFile(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    return bytesRead === 12 && head.subarray(8, 12).equals(DUCKDB_MAGIC);
  } finally {
    await handle.close();
  }
}

/**
 * Checks that `path` can be a store: an existing DuckDB file, or a new file whose name does not pose as a data
 * file. DuckDB itself opens a CSV, JSON or Parquet file as a read-only view in memory, so a store named after one
 * "stores" everything and keeps nothing.
 * @throws InvalidInputError `store.not-duckdb` for an existing file of another kind (or a folder), `store.data-name`
 * for a new file named .csv, .json, .parquet and the like.
 * @example await checkStorePath('data/rendement.duckdb')
 */
export async function checkStorePath(path: string): Promise<void> {
  if (path === ':memory:') return;
  const info = await stat(path).catch(() => null);
  if (info === null) {
    const ext = extname(path).toLowerCase();
    if (DATA_EXTENSIONS.has(ext))
      throw new InvalidInputError('store.data-name', {
        nl: `De store ${path} heeft de naam van een ${ext}-bestand, maar een store is een DuckDB-bestand. Kies een naam op .duckdb, bijvoorbeeld data/rendement.duckdb.`,
        en: `The store ${path} is named like a ${ext} file, but a store is a DuckDB file. Choose a name ending in .duckdb, for example data/rendement.duckdb.`,
      });
    return;
  }
  if (!info.isFile() || !(await isDuckDbFile(path)))
    throw new InvalidInputError('store.not-duckdb', {
      nl: `${path} bestaat al en is geen DuckDB-bestand, dus geen rendement-store. Er is niets gelezen of geschreven. Geef met --store het pad van de store (standaard data/rendement.duckdb) of een nieuw bestand op .duckdb.`,
      en: `${path} already exists and is not a DuckDB file, so not a rendement store. Nothing was read or written. Give the store's path with --store (default data/rendement.duckdb) or a new file ending in .duckdb.`,
    });
}

/** DuckDB's words for a store file it cannot read (checked against DuckDB 1.5: truncated, overwritten, corrupt). */
const DAMAGED = /not a valid DuckDB database file|Could not read enough bytes|Corrupt database file|checksum .* does not match|Invalid Input Error: .*(block|storage)|Serialization Error/i;

/** True when a DuckDB error says the store file is damaged (as opposed to locked, missing or not permitted). */
export function isDamagedStoreError(error: unknown): boolean {
  return DAMAGED.test(String((error as { message?: unknown } | null)?.message ?? ''));
}

/** The error for a damaged store file: what happened and what to do, without DuckDB's internals. */
export function damagedStoreError(path: string): InvalidInputError {
  return new InvalidInputError('store.damaged', {
    nl: `De store ${path} is beschadigd (afgekapt of overschreven) en kan niet worden gelezen. Er is niets veranderd. Zet de laatste reservekopie terug, of begin met --store <nieuw bestand>.duckdb een nieuwe store.`,
    en: `The store ${path} is damaged (cut short or overwritten) and cannot be read. Nothing was changed. Restore the latest backup, or start a new store with --store <new file>.duckdb.`,
  });
}

/** The store's own tables (base tables of the main schema), for {@link readEveryTableSql}. */
export function storeTablesSql(): string {
  return "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name";
}

/**
 * Reads every value of one table (row count and a hash over all columns), so that every block of it is read and
 * checksummed once. The name comes from the catalogue, never from a user, and is quoted as an identifier.
 */
export function readEveryTableSql(table: string): string {
  return `SELECT count(*) AS n, bit_xor(hash(COLUMNS(*))) FROM "${table.replace(/"/g, '""')}"`;
}
