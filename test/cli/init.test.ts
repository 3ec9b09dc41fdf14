import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendement } from './run-cli.js';

describe('rendement init', () => {
  it('writes a commented model that validates and values, in Dutch or English', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-init-'));
    for (const lang of ['nl', 'en']) {
      const id = `proef-${lang}`;
      const r = rendement(['init', '--id', id, '--name', 'Proef', '--municipality', 'GM0518', '--method', 'both', '--lang', lang], { cwd: dir });
      expect(r.code).toBe(0);
      const file = join(dir, 'models', `${id}.yaml`);
      expect(r.stdout.trim()).toBe(file);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(lang === 'nl' ? 'VOORBEELD' : 'EXAMPLE');
      expect(rendement(['validate', file]).code).toBe(0);
      const value = rendement(['value', file, '--json'], { cwd: dir });
      expect(value.code).toBe(0);
      expect(JSON.parse(value.stdout).mkba.referenceAlternative).toBeTruthy();
    }
  });

  it('refuses to overwrite (1), cannot write into a file path (1), needs --id/--name/--municipality without a terminal (2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-init-'));
    const args = ['init', '--id', 'dubbel', '--name', 'Dubbel', '--municipality', 'GM0518', '--lang', 'en'];
    expect(rendement(args, { cwd: dir }).code).toBe(0);
    const again = rendement(args, { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(rendement([...args, '--force'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'a-file'), 'x');
    const unwritable = rendement([...args, '--out', join(dir, 'a-file', 'm.yaml')], { cwd: dir });
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('Cannot write in');
    const usage = rendement(['init', '--name', 'x', '--lang', 'en'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--id, --municipality');
    expect(rendement(['init', '--id', 'Bad Id', '--name', 'x', '--municipality', 'GM0518'], { cwd: dir }).code).toBe(2);
  });
});
