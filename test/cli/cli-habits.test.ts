import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rendement, root } from './run-cli.js';

/** CLI habits of issue 17: --version, help <command>, "did you mean", and `--out -` as standard output. */
describe('CLI habits', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rendement-habits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--version prints the version of package.json', () => {
    const r = rendement(['--version']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`rendement ${pkg.version}`);
  });

  it('help <command> prints that command\'s help, the same text as <command> --help', () => {
    const a = rendement(['help', 'value', '--lang', 'en']);
    const b = rendement(['value', '--help', '--lang', 'en']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^Usage: rendement value/);
  });

  it('a mistyped command gets a suggestion (exit 2)', () => {
    const r = rendement(['evalute', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "evalute".\nDid you mean "evaluate"?');
    const nl = rendement(['portfolo']);
    expect(nl.stderr).toContain('Bedoelde je "portfolio"?');
  });

  it('a mistyped option gets a suggestion from the command\'s own options (exit 2)', () => {
    const r = rendement(['value', 'models/buurthuis-moerwijk.yaml', '--stroe', 'x.duckdb', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean "--store"?');
    expect(r.stderr).toContain('See: rendement help value');
  });

  it('no suggestion when nothing is close', () => {
    const r = rendement(['xyzzyplugh', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Did you mean');
  });

  it('data export --out - writes the CSV to standard output and no file named "-"', () => {
    const store = join(dir, 'store', 'store.duckdb');
    const csv = join(root, 'data/demo/buurthuis-moerwijk.csv');
    const ingest = rendement(['ingest', csv, '--initiative', 'buurthuis-moerwijk', '--model', join(root, 'models/buurthuis-moerwijk.yaml'), '--store', store, '--json']);
    expect(ingest.code).toBe(0);
    const rowsWritten = (JSON.parse(ingest.stdout) as { rowsWritten: number }).rowsWritten;
    const out = join(dir, 'out');
    mkdirSync(out);
    const r = rendement(['data', 'export', '--out', '-', '--store', store, '--initiative', 'buurthuis-moerwijk', '--lang', 'en'], { cwd: out });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('initiative,indicator,area,period,period_start,period_end,value,unit,source,n,sd,note,upload_id,row,superseded_by');
    // Every ingested row comes out (the demo file has no multi-line cells), and the count on stderr agrees.
    expect(lines.length - 1).toBe(rowsWritten);
    expect(lines.slice(1).every((l) => l.startsWith('buurthuis-moerwijk,'))).toBe(true);
    expect(r.stderr).toContain(`✓ ${rowsWritten} observations written to standard output.`);
    expect(readdirSync(out)).toEqual([]);

    // report takes the global --json too: what it wrote, as JSON on stdout, and nothing else there.
    const reports = join(dir, 'reports');
    const rep = rendement(['report', join(root, 'models/buurthuis-moerwijk.yaml'), '--store', store, '--out', reports, '--format', 'json', '--as-of', '2024-12-31', '--json']);
    expect(rep.code).toBe(0);
    const summary = JSON.parse(rep.stdout) as { out: string; initiatives: { id: string; main: string }[]; index: string | null; filesWritten: number };
    expect(summary.out).toBe(reports);
    expect(summary.initiatives.map((i) => i.id)).toEqual(['buurthuis-moerwijk']);
    expect(summary.filesWritten).toBe(readdirSync(reports, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length);
  });
});
