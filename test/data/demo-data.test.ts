import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const demo = fileURLToPath(new URL('../../data/demo/', import.meta.url));

describe('data/demo', () => {
  it('is exactly what the seeded generator writes, so the illustrative data can be reproduced anywhere', () => {
    const out = mkdtempSync(join(tmpdir(), 'rendement-demo-data-'));
    const r = spawnSync(process.execPath, [join(demo, 'generate.mjs'), out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(readdirSync(demo).filter((f) => f.endsWith('.csv')).sort());
    for (const f of files) expect(readFileSync(join(out, f)).equals(readFileSync(join(demo, f))), f).toBe(true);
  });
});
