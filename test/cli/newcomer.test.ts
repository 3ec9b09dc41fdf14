import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendement } from './run-cli.js';

const commands = ['init', 'validate', 'value', 'evaluate', 'criteria', 'demo', 'report', 'portfolio', 'schema', 'serve', 'tokens', 'ingest', 'data'];

describe('the newcomer path (built binary)', () => {
  it('init → validate → ingest a small CSV → criteria lock → evaluate → report, end to end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-newcomer-'));
    const init = rendement(['init', '--id', 'speeltuin-noord', '--name', 'Speeltuin Noord', '--municipality', 'GM0518', '--area', 'WK051836', '--start', '2023-01-01', '--end', '2025-12-31', '--price-year', '2024'], { cwd: dir });
    expect(init.code).toBe(0);
    const model = join(dir, 'models', 'speeltuin-noord.yaml');
    expect(rendement(['validate', model], { cwd: dir }).code).toBe(0);
    // A small Excel-style export: semicolons, a decimal comma, one value missing ("n.v.t."), never read as 0.
    writeFileSync(join(dir, 'monitoring.csv'), 'indicator;gebied;periode;waarde\r\ndeelnemers;WK051836;2023;14\r\ndeelnemers;WK051836;2024;21,0\r\ndeelnemers;WK051836;2025;n.v.t.\r\n');
    const dry = rendement(['ingest', 'monitoring.csv', '--initiative', 'speeltuin-noord', '--dry-run', '--json'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, rowsWritten: 0 });
    const ingest = rendement(['ingest', 'monitoring.csv', '--initiative', 'speeltuin-noord', '--json'], { cwd: dir });
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ ok: true, rowsWritten: 3 });
    expect(rendement(['criteria', 'lock', model, '--date', '2023-01-01'], { cwd: dir }).code).toBe(0);
    const evaluation = JSON.parse(rendement(['evaluate', model, '--as-of', '2026-01-31', '--json'], { cwd: dir }).stdout).evaluation;
    // Criterion "bereik": baseline 0, target 25 by 2025-12-31; the latest value is 2024's 21 (2025 is missing, not 0):
    // a = 21/25 = 0.84 ≥ 0.5 → partly met.
    const reach = evaluation.criteria[0];
    expect(reach.status).toBe('partly-met');
    expect(reach.value).toBe(21);
    expect(reach.achievement).toBeCloseTo(0.84, 12);
    expect(evaluation.lock.status).toBe('unchanged');
    const report = rendement(['report', model, '--as-of', '2026-01-31', '--format', 'html,md,json'], { cwd: dir });
    expect(report.code).toBe(0);
    for (const f of ['council.html', 'neighbourhood.html', 'summary.md', 'report.json']) expect(existsSync(join(dir, 'reports', 'speeltuin-noord', f))).toBe(true);
    expect(readFileSync(join(dir, 'reports', 'speeltuin-noord', 'council.html'), 'utf8')).toContain('Speeltuin Noord');
  });

  // Every command's help text is checked in-process (lazy-commands.test.ts); here the built binary prints the
  // overview and the help of a light and a heavy command, in both languages (5 processes, not 27).
  it('every command is listed by --help, and a command\'s --help prints its examples, in Dutch and English', () => {
    const overview = rendement(['--help', '--lang', 'en']);
    expect(overview.code).toBe(0);
    for (const c of commands) expect(overview.stdout).toContain(`  ${c} `);
    for (const c of ['validate', 'report']) {
      const en = rendement([c, '--help', '--lang', 'en']);
      expect(en.code, c).toBe(0);
      expect(en.stdout, c).toMatch(/Examples?:/);
      const nl = rendement([c, '--help']);
      expect(nl.stdout, c).toMatch(/Voorbeeld(en)?:/);
    }
  });

  it('error paths: missing file, invalid model, unknown initiative, unwritable output folder — with the documented exit codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-errors-'));
    writeFileSync(join(dir, 'a-file'), 'x');
    const cases: [string[], number, string][] = [
      [['evaluate', 'models/bestaat-niet.yaml', '--lang', 'en'], 1, 'Model file not found'],
      [['report', 'models/bestaat-niet.yaml', '--lang', 'en'], 1, 'Model file not found'],
      [['ingest', join(dir, 'nope.csv'), '--initiative', 'buurthuis-moerwijk', '--lang', 'en'], 1, 'File not found'],
      [['evaluate', 'test/fixtures/models/five-mistakes.yaml', '--lang', 'en'], 1, '5 problems'],
      [['report', 'test/fixtures/models/five-mistakes.yaml', '--lang', 'en'], 1, '5 problems'],
      [['ingest', 'data/demo/buurthuis-moerwijk.csv', '--initiative', 'onbekend', '--store', join(dir, 's.duckdb'), '--lang', 'en'], 1, 'No model found for initiative "onbekend"'],
      [['tokens', 'create', '--role', 'coalition', '--initiative', 'onbekend', '--store', join(dir, 't.duckdb'), '--lang', 'en'], 1, 'Unknown initiative "onbekend"'],
      [['report', 'models/dorpsbudget-stompwijk.yaml', '--out', join(dir, 'a-file', 'reports'), '--lang', 'en'], 1, 'Cannot read or write'],
      [['init', '--id', 'x', '--name', 'X', '--municipality', 'GM0518', '--out', join(dir, 'a-file', 'x.yaml'), '--lang', 'en'], 1, 'Cannot write in'],
      [['evaluate', '--lang', 'en'], 2, 'Give one model file'],
      [['report', '--format', 'pdf', '--all', '--lang', 'en'], 2, 'Unknown format'],
      [['bogus'], 2, 'Onbekende opdracht'],
    ];
    for (const [args, code, text] of cases) {
      const r = rendement(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toContain(text);
    }
  });
});
