import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/commands/ingest.js';
import { dataCommand } from '../../src/cli/commands/data.js';
import type { CommandContext } from '../../src/cli/context.js';
import { FIXTURES, tempDir } from './helpers.js';

function ctx(args: string[], cwd: string): { ctx: CommandContext; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  return { ctx: { args, lang: 'en', stdout, stderr, cwd, interactive: false, quiet: false }, out: () => o, err: () => e };
}

describe('CLI: rendement ingest and rendement data', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const model = join(FIXTURES, 'monitoring-model.yaml');
  beforeAll(async () => {
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
  });
  afterAll(async () => cleanup());

  it('--json prints { ok, uploadId, rowsWritten, issues: [{ code, row, column, value, message }] }; exit 1 on a bad file', async () => {
    const c = ctx([join(FIXTURES, 'malformed', '21-out-of-range.csv'), '--initiative', 'buurthuis-moerwijk', '--model', model, '--json', '--store', 's.duckdb'], dir);
    expect(await ingestCommand.run(c.ctx)).toBe(1);
    const r = JSON.parse(c.out());
    expect(r).toMatchObject({ ok: false, uploadId: null, rowsWritten: 0 });
    expect(r.issues[0]).toMatchObject({ code: 'data.out-of-range', row: 3, column: 'waarde', value: '45' });
    expect(r.issues[0].message).toContain('45');
  });

  it('stores a good file (exit 0), reports the same file again as a duplicate, lists and exports', async () => {
    const file = join(FIXTURES, 'good-observations.csv');
    const a = ctx([file, '--initiative', 'buurthuis-moerwijk', '--model', model, '--json', '--store', 's.duckdb', '--by', 'tester'], dir);
    expect(await ingestCommand.run(a.ctx)).toBe(0);
    const first = JSON.parse(a.out());
    expect(first).toMatchObject({ ok: true, rowsWritten: 3, issues: [] });
    const b = ctx([file, '--initiative', 'buurthuis-moerwijk', '--model', model, '--json', '--store', 's.duckdb'], dir);
    expect(await ingestCommand.run(b.ctx)).toBe(0);
    expect(JSON.parse(b.out())).toMatchObject({ ok: true, rowsWritten: 0, duplicateOf: first.uploadId });
    const l = ctx(['list', '--json', '--store', 's.duckdb'], dir);
    expect(await dataCommand.run(l.ctx)).toBe(0);
    expect(JSON.parse(l.out())).toMatchObject([{ id: first.uploadId, fileName: 'good-observations.csv', rowCount: 3, uploadedBy: 'tester' }]);
    const x = ctx(['export', '--out', 'out.csv', '--store', 's.duckdb'], dir);
    expect(await dataCommand.run(x.ctx)).toBe(0);
    expect(x.out()).toContain('3 observations');
  });

  it('usage errors exit 2; an initiative without a model is invalid input (1)', async () => {
    expect(await ingestCommand.run(ctx(['x.csv'], dir).ctx)).toBe(2);
    expect(await dataCommand.run(ctx(['export', '--store', 's.duckdb'], dir).ctx)).toBe(2);
    expect(await ingestCommand.run(ctx([join(FIXTURES, 'good-observations.csv'), '--initiative', 'zonder-model', '--store', 's.duckdb'], dir).ctx)).toBe(1);
  });
});
