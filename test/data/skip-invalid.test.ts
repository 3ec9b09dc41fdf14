import { PassThrough } from 'node:stream';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../../src/cli/commands/ingest.js';
import type { CommandContext } from '../../src/cli/context.js';
import { ObservationStore } from '../../src/index.js';
import { FIXTURES, tempDir } from './helpers.js';

function ctx(args: string[], cwd: string): { ctx: CommandContext; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  return { ctx: { args, lang: 'en', stdout, stderr, cwd, interactive: false, quiet: true }, out: () => o, err: () => e };
}

describe('--skip-invalid for public datasets (issue 14)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let panel: string;
  beforeAll(async () => {
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    // The ELAN fixture (28 data rows × 2 indicators) with two rows given a malformed area code, lines 3 and 5.
    const lines = readFileSync(join(FIXTURES, 'elan-welfare-moerwijk-laakkwartier.csv'), 'utf8').split('\n');
    lines[2] = lines[2]!.replace('WK051836', 'WK05183X');
    lines[4] = lines[4]!.replace('WK051836', '=1+2');
    panel = join(dir, 'panel.csv');
    writeFileSync(panel, lines.join('\n'));
  });
  afterAll(async () => cleanup());

  const args = (...extra: string[]) => [panel, '--initiative', 'elan-wijkprofielen', '--adapter', 'elan-wijk-panel', '--store', 's.duckdb', '--json', ...extra];

  it('by default refuses the whole panel for two bad rows', async () => {
    const c = ctx(args(), dir);
    expect(await ingestCommand.run(c.ctx)).toBe(1);
    expect(JSON.parse(c.out()).issues.map((i: { row: number }) => i.row)).toEqual([3, 5]);
  });

  it('stores the 26 good rows and writes the 2 refused ones, neutralised, to the quarantine file', async () => {
    const c = ctx(args('--skip-invalid'), dir);
    expect(await ingestCommand.run(c.ctx)).toBe(0);
    // 26 rows × 2 indicators (Total_Population and %_Welfare_benefit_user), counted by hand from the fixture.
    expect(JSON.parse(c.out()).rowsWritten).toBe(52);
    expect(c.err()).toContain('2 row(s) skipped');
    const q = readFileSync(join(dir, 'panel.refused.csv'), 'utf8').trim().split('\r\n');
    expect(q).toHaveLength(3);
    expect(q[1]).toMatch(/^"3";"area";"WK05183X";/);
    expect(q[2]).toMatch(/^"5";"area";"'=1\+2";/);
    const store = await ObservationStore.open(join(dir, 's.duckdb'));
    try {
      expect(await store.observations({ initiative: 'elan-wijkprofielen' })).toHaveLength(52);
    } finally {
      store.close();
    }
  });

  it("is refused for an initiative's own data (no adapter): usage error", async () => {
    const c = ctx([join(FIXTURES, 'good-observations.csv'), '--initiative', 'buurthuis-moerwijk', '--model', join(FIXTURES, 'monitoring-model.yaml'), '--store', 's.duckdb', '--skip-invalid'], dir);
    expect(await ingestCommand.run(c.ctx)).toBe(2);
    expect(c.err()).toContain('public datasets only');
  });
});
