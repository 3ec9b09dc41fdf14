import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { rendement } from '../cli/run-cli.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('rendement report (built binary)', () => {
  it('--all writes the overview and every initiative; a second run with another clock differs only in the marked time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-cli-report-'));
    try {
      const a = rendement(['report', '--all', '--models', 'test/render/fixtures/models', '--store', join(dir, 'none.duckdb'), '--as-of', '2026-01-01', '--out', join(dir, 'a'), '--format', 'html,md,json,svg'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
      expect(a.code, a.stderr).toBe(0);
      expect(a.stdout).toContain('buurthuis-moerwijk');
      const b = rendement(['report', '--all', '--models', 'test/render/fixtures/models', '--store', join(dir, 'none.duckdb'), '--as-of', '2026-01-01', '--out', join(dir, 'b'), '--format', 'html,md,json,svg'], { env: { SOURCE_DATE_EPOCH: '1767312000' } });
      expect(b.code, b.stderr).toBe(0);
      const c = rendement(['report', '--all', '--models', 'test/render/fixtures/models', '--store', join(dir, 'none.duckdb'), '--as-of', '2026-01-01', '--out', join(dir, 'c'), '--format', 'html,md,json,svg'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
      const fa = filesUnder(join(dir, 'a')).map((p) => relative(join(dir, 'a'), p)).sort();
      expect(fa).toContain('index.html');
      expect(fa).toContain('buurthuis-moerwijk/council.html');
      expect(fa).toContain('buurthuis-moerwijk/neighbourhood.html');
      expect(fa).toContain('buurthuis-moerwijk/charts/value-waterfall.vl.json');
      expect(filesUnder(join(dir, 'b')).map((p) => relative(join(dir, 'b'), p)).sort()).toEqual(fa);
      for (const f of fa) {
        const ta = readFileSync(join(dir, 'a', f), 'utf8');
        // Same clock: byte-identical.
        expect(readFileSync(join(dir, 'c', f), 'utf8'), f).toBe(ta);
        // Other clock: identical once the marked lines are removed.
        const strip = (s: string) => s.split('\n').filter((l) => !/name="generated"|data-generated|"generatedAt"|^_(Gegenereerd|Generated) /.test(l)).join('\n');
        expect(strip(readFileSync(join(dir, 'b', f), 'utf8')), f).toBe(strip(ta));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('one model in English writes only that initiative and the formats asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-cli-report-'));
    try {
      const r = rendement(['report', 'test/render/fixtures/models/leeskamer-rijswijk.yaml', '--store', join(dir, 'none.duckdb'), '--out', dir, '--format', 'html,png', '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      const files = filesUnder(dir).map((p) => relative(dir, p)).sort();
      expect(files).toContain('leeskamer-rijswijk/council.html');
      expect(files).toContain('leeskamer-rijswijk/charts/value-waterfall.png');
      expect(files).toContain('leeskamer-rijswijk/charts/value-waterfall.vl.json');
      expect(files.some((f) => f.endsWith('.md') || f.endsWith('.svg') || f === 'index.html')).toBe(false);
      const html = readFileSync(join(dir, 'leeskamer-rijswijk/council.html'), 'utf8');
      expect(html).toContain('<html lang="en">');
      // Evaluated without monitoring data: a scorecard, and no criterion scored as if measured.
      expect(html).toContain('id="chart-scorecard"');
      expect(html).toMatch(/<td>(not measurable|not due yet)[^<]*<\/td><\/tr>/);
      expect(html).not.toMatch(/<td>(met|partly met|not met)<\/td><\/tr>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('usage errors exit 2 with a message: no model, unknown format', () => {
    const none = rendement(['report']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--all');
    const bad = rendement(['report', '--all', '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pdf');
  });

  it('a missing model file exits 1 and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-cli-report-'));
    try {
      const r = rendement(['report', 'models/bestaat-niet.yaml', '--store', join(dir, 'none.duckdb'), '--out', join(dir, 'out')]);
      expect(r.code).toBe(1);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
