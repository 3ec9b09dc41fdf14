import { InvalidInputError } from '../core/index.js';

/** Whether DuckDB refused to open a file because another process holds its lock. */
export function isStoreLockedError(e: unknown): boolean {
  return e instanceof Error && /Could not set lock on file/i.test(e.message);
}

/** The process DuckDB names as the holder of a lock ("… is held in /usr/bin/node (PID 574)"), if it names one. */
export function lockHolder(e: unknown): { program: string; pid: number } | null {
  const m = e instanceof Error ? /held in (.+?) \(PID (\d+)\)/.exec(e.message) : null;
  return m ? { program: m[1]!, pid: Number(m[2]) } : null;
}

/**
 * The plain-words error for a store another process holds. DuckDB lets one process write a file, or several read
 * it, but never read beside a writer (https://duckdb.org/docs/stable/connect/concurrency): while `rendement serve`
 * runs on a store, the CLI cannot open it at all, so it says which process holds it and what to do.
 * @example throw storeLockedError('data/rendement.duckdb', e)
 */
export function storeLockedError(path: string, e: unknown): InvalidInputError {
  const h = lockHolder(e);
  const who = h ? `${h.program}, PID ${h.pid}` : null;
  return new InvalidInputError('store.locked', {
    nl: `De opslag ${path} is in gebruik door een ander proces${who ? ` (${who})` : ''}, waarschijnlijk "rendement serve". Er kan maar één proces tegelijk met een opslag werken. Stop dat proces eerst (Ctrl+C in het venster waar serve draait${h ? `, of kill ${h.pid}` : ''}) en probeer het opnieuw, of lever de gegevens aan via de webpagina of de API van de draaiende service (POST /api/initiatives/<id>/uploads).`,
    en: `The store ${path} is in use by another process that holds its lock${who ? ` (${who})` : ''}, probably "rendement serve". Only one process at a time can work with a store. Stop that process first (Ctrl+C in the window where serve runs${h ? `, or kill ${h.pid}` : ''}) and try again, or send the data through the running service's web page or API (POST /api/initiatives/<id>/uploads).`,
  });
}
