import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFile, type IngestOptions } from './ingest-file.js';
import type { IngestResult } from './commit-upload.js';
import type { ObservationStore } from './store.js';

/**
 * Ingests a file received as bytes (an HTTP body): writes them to a private temporary file in `tmpDir`, runs
 * `ingestFile` on it (which reads from a path, to stream large files) and removes the file again, whatever the
 * outcome. The bytes are not decoded here, so the encoding sniffing (BOM, Windows-1252) applies as for a file.
 * @example await ingestBytes(store, body, '/tmp/rendement-x', { initiative, model, fileName: 'bezoekers.csv' })
 */
export async function ingestBytes(store: ObservationStore, bytes: Uint8Array, tmpDir: string, options: IngestOptions): Promise<IngestResult> {
  const path = join(tmpDir, `${randomUUID()}.csv`);
  await writeFile(path, bytes, { mode: 0o600 });
  try {
    return await ingestFile(store, path, options);
  } finally {
    await rm(path, { force: true });
  }
}
