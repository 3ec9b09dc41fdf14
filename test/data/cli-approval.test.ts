import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/commands/ingest.js';
import type { CommandContext } from '../../src/cli/context.js';
import { ObservationStore, listAudit, uploadReviews } from '../../src/index.js';
import { FIXTURES, tempDir } from './helpers.js';

function ctx(args: string[], cwd: string): { ctx: CommandContext; out: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  return { ctx: { args, lang: 'en', stdout, stderr, cwd, interactive: false, quiet: true }, out: () => o };
}

describe('CLI ingest by the store owner is approved at once (issue 14)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
  });
  afterAll(async () => cleanup());

  it('records the upload as approved by "cli" in the review table and the audit log, in the same transaction', async () => {
    const c = ctx([join(FIXTURES, 'good-observations.csv'), '--initiative', 'buurthuis-moerwijk', '--model', join(FIXTURES, 'monitoring-model.yaml'), '--json', '--store', 's.duckdb', '--by', 'ria'], dir);
    expect(await ingestCommand.run(c.ctx)).toBe(0);
    const uploadId = JSON.parse(c.out()).uploadId as string;
    const store = await ObservationStore.open(join(dir, 's.duckdb'));
    try {
      expect((await uploadReviews(store, 'buurthuis-moerwijk')).get(uploadId)).toMatchObject({ state: 'approved', actor: 'cli:ria' });
      const [entry] = await listAudit(store, { initiative: 'buurthuis-moerwijk' });
      const [upload] = await store.listUploads('buurthuis-moerwijk');
      expect(entry).toMatchObject({ actor: 'cli:ria', action: 'upload', outcome: 'committed', uploadId, detail: 'approved by cli', sha256: upload!.sha256 });
      expect((await store.observations({ initiative: 'buurthuis-moerwijk' })).length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});
