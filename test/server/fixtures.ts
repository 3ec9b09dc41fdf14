import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ObservationStore, createToken, type TokenRole } from '../../src/index.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
/** Frozen copies of two example models (see fixtures/README.md). */
export const modelsDir = join(root, 'test/server/fixtures/models');

/** A valid quarterly file for models/buurthuis-moerwijk.yaml (Dutch Excel export: `;` and decimal comma). */
export const validCsv = 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;85\nvrijwilligers;WK051836;2025-Q1;22\ntevredenheid;WK051836;2025-Q1;7,9\n';
/** Text in a numeric field (row 3) and an unknown area (row 4). */
export const invalidCsv = 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q2;90\nvrijwilligers;WK051836;2025-Q2;veel\ntevredenheid;WK999999;2025-Q2;8\n';

/** A temporary directory with a store path in it; `cleanup` removes it. */
export async function tempDir(prefix = 'rendement-test-'): Promise<{ dir: string; storePath: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, storePath: join(dir, 'store.duckdb'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Creates tokens in a store file (the store must not be open elsewhere) and returns their texts and ids. */
export async function makeTokens(
  storePath: string,
  specs: Record<string, { role: TokenRole; initiative?: string; municipality?: string }>,
): Promise<Record<string, { token: string; id: string }>> {
  const store = await ObservationStore.open(storePath);
  try {
    const out: Record<string, { token: string; id: string }> = {};
    for (const [name, spec] of Object.entries(specs)) {
      const c = await createToken(store, { ...spec, createdBy: 'test' });
      out[name] = { token: c.token, id: c.record.id };
    }
    return out;
  } finally {
    store.close();
  }
}

const INDICATORS = ['bezoekers-65plus', 'vrijwilligers', 'tevredenheid', 'eenzaamheid'] as const;

/**
 * A valid, unique upload for a copy of buurthuis-moerwijk: `days` consecutive dates from day `offset` of 2024
 * times the four indicators (so `4 × days` rows, no key twice), values derived from `seed` so no two files match.
 */
export function uploadCsv(seed: number, offset: number, days: number): string {
  const lines = ['indicator;gebied;periode;waarde'];
  const base = Date.UTC(2024, 0, 1);
  for (let d = 0; d < days; d++) {
    const date = new Date(base + (offset + d) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`bezoekers-65plus;WK051836;${date};${seed}`);
    lines.push(`vrijwilligers;WK051836;${date};${(seed + d) % 1000}`);
    lines.push(`tevredenheid;WK051836;${date};${1 + ((seed + d) % 9)},5`);
    lines.push(`eenzaamheid;WK051836;${date};0,${(seed + d) % 10}`);
  }
  return `${lines.join('\n')}\n`;
}
export const indicatorCount = INDICATORS.length;
