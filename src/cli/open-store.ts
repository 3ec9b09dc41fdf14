import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_STORE_PATH, ObservationStore } from '../index.js';
import type { CommandContext } from './context.js';

/** The store path of a command: `--store`, else `data/rendement.duckdb` under the working directory. */
export function storePath(ctx: CommandContext, option: string | undefined): string {
  return resolve(ctx.cwd, option ?? DEFAULT_STORE_PATH);
}

/** Opens the store when it exists (reading never creates one); null when there is none yet. */
export async function openExistingStore(path: string): Promise<ObservationStore | null> {
  return existsSync(path) ? ObservationStore.open(path) : null;
}
