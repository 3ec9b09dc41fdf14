import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { rendement, root } from './run-cli.js';
import { tempDir } from '../server/fixtures.js';

// Issue 18: a portfolio of 1,000 initiatives must complete — before, 1,000 crashed ("Maximum call stack size
// exceeded") after 4.5 minutes at 2.9 GB. The initiatives are copies of the Stompwijk village budget (it needs no
// store), each with its own id, name, Monte Carlo seed and its quality-control cost times 1 + (k mod 7), so the ratios differ.
// Small draws and --no-render keep it inside the CI time (the per-initiative report is the same code `report`
// runs, tested elsewhere); no wall-clock assertion. What is checked: every initiative is in the overview, the
// CSV and the Parquet file, in id order, with the same numbers, and memory stays bounded.
const N = 1000;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const tmp = await tempDir('rendement-portfolio-scale-');
  dir = tmp.dir;
  cleanup = tmp.cleanup;
  await mkdir(join(dir, 'models'));
  const template = await readFile(join(root, 'models', 'dorpsbudget-stompwijk.yaml'), 'utf8');
  for (let k = 0; k < N; k++) {
    const id = `dorp-${String(k).padStart(4, '0')}`;
    const yaml = template
      .replace(/^id: .*$/m, `id: ${id}`)
      .replace(/^name: (.*)$/m, (_, name: string) => `name: ${name} ${k}`)
      .replace(/^(\s+seed: )(\d+)$/m, (_, lead: string, seed: string) => `${lead}${Number(seed) + k}`)
      .replace('amount: 8000, description: Steekproefsgewijze', `amount: ${8000 * (1 + (k % 7))}, description: Steekproefsgewijze`);
    expect(yaml).toContain(`id: ${id}`);
    await writeFile(join(dir, 'models', `${id}.yaml`), yaml);
  }
});

afterAll(async () => {
  await cleanup();
});

describe('a portfolio of 1,000 initiatives', () => {
  it('completes, with every initiative in the overview, index.csv and index.parquet, memory bounded', async () => {
    const out = join(dir, 'out');
    const r = rendement(['portfolio', '--models', join(dir, 'models'), '--store', join(dir, 'none.duckdb'), '--out', out, '--as-of', '2024-12-31', '--draws', '50', '--no-render', '--workers', '2', '--quiet', '--lang', 'en'], { env: { RENDEMENT_TIMINGS: '1' } });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const timings = JSON.parse(/^rendement-timings (.*)$/m.exec(r.stderr)![1]!) as { peakRssMB: number; workers: number };
    expect(timings.workers).toBe(2);
    // Before: 2.94 GB at 1,000 (issue 18). A run that kept every report would grow by MBs per initiative.
    expect(timings.peakRssMB).toBeLessThan(1024);

    const ids = Array.from({ length: N }, (_, k) => `dorp-${String(k).padStart(4, '0')}`);
    const csv = (await readFile(join(out, 'index.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(csv).toHaveLength(N + 1);
    expect(csv[0]).toBe('id,name,method,ratio,ratio_p5,ratio_p95,net_value,mkba_balance,horizon_years,discount_source,price_year,criteria_declared,criteria_met,criteria_partly_met,criteria_not_met,criteria_not_due,criteria_not_measurable,illustrative');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(ids);

    const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as { initiatives: { id: string; ratio: number }[] };
    expect(index.initiatives.map((i) => i.id)).toEqual(ids);
    // A larger cost at the same benefits gives a lower B/C ratio: k mod 7 = 6 below k mod 7 = 0.
    expect(index.initiatives[6]!.ratio).toBeLessThan(index.initiatives[0]!.ratio);

    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const rows = (await c.runAndReadAll('SELECT id, ratio FROM read_parquet($p) ORDER BY id', { p: join(out, 'index.parquet') })).getRowObjects();
    c.closeSync();
    db.closeSync();
    expect(rows.map((x) => x['id'])).toEqual(ids);
    rows.forEach((x, i) => expect(x['ratio'] as number).toBeCloseTo(index.initiatives[i]!.ratio, 12));

    const html = await readFile(join(out, 'index.html'), 'utf8');
    const table = html.slice(html.indexOf('id="portfolio-table"'));
    expect(table.slice(0, table.indexOf('</table>')).match(/<tr><th scope="row"/g)).toHaveLength(N);
    expect(html).toContain('The chart shows the 25 highest and the 25 lowest ratios of 1000');
  }, 600_000);

  it('writes the same files with 0, 1 or 2 workers, whichever finishes first', async () => {
    const models = join(dir, 'some');
    await mkdir(models);
    for (let k = 0; k < 6; k++) await copyFile(join(dir, 'models', `dorp-${String(k).padStart(4, '0')}.yaml`), join(models, `dorp-${String(k).padStart(4, '0')}.yaml`));
    const files = async (out: string): Promise<Map<string, Buffer>> => {
      const names = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(out.length + 1)).sort();
      return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(out, n))] as const)));
    };
    const runs = [];
    for (const workers of ['0', '1', '2']) {
      const out = join(dir, `w${workers}`);
      const r = rendement(['portfolio', '--models', models, '--store', join(dir, 'none.duckdb'), '--out', out, '--as-of', '2024-12-31', '--draws', '200', '--workers', workers, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
      expect(r.code, r.stderr).toBe(0);
      runs.push(await files(out));
    }
    expect([...runs[0]!.keys()]).toContain('dorp-0005/council.html');
    expect([...runs[0]!.keys()]).toContain('index.parquet');
    for (const other of runs.slice(1)) {
      expect([...other.keys()]).toEqual([...runs[0]!.keys()]);
      for (const [name, content] of runs[0]!) expect(other.get(name)!.equals(content), name).toBe(true);
    }
  }, 600_000);
});
