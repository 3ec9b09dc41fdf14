import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendement } from './run-cli.js';
import { svukWorkbook } from '../data/svuk-fixture.js';

describe('rendement import-xlsx', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rendement-import-xlsx-'));
    file = join(dir, 'Buurtkamer waardekaart.xlsx');
    writeFileSync(file, await svukWorkbook());
  });

  it('writes a model that validates and values as the hand calculation, and reports what it could not map', () => {
    const out = join(dir, 'buurtkamer.yaml');
    const r = rendement(['import-xlsx', file, '--out', out, '--price-year', '2024', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Sheet "Value Map", header row 5: 3 outcomes, 1 inputs.');
    expect(r.stderr).toContain('Value Map!I10 "many": quantity is not a number ≥ 0');
    expect(r.stderr).toContain('Value Map!T9 "note to self": cell outside the value map columns');
    expect(r.stderr).toContain('municipality: the municipality code (GMxxxx) is not in the value map');
    const yaml = readFileSync(out, 'utf8');
    // The id comes from the file name.
    expect(yaml).toContain('id: buurtkamer-waardekaart\n');
    expect(rendement(['validate', out]).code).toBe(0);
    const v = JSON.parse(rendement(['value', out, '--json', '--store', join(dir, 'none.duckdb')]).stdout).valuation;
    // Hand calculation in test/data/xlsx-import.test.ts: PV 19729.733054, inputs 5000, ratio 3.945946611.
    expect(v.presentValueBenefits).toBeCloseTo(19729.733053888936, 6);
    expect(v.sroiRatio).toBeCloseTo(3.945946610777787, 9);
    // A second run does not overwrite the model (it may have been edited by hand) without --force.
    const again = rendement(['import-xlsx', file, '--out', out, '--price-year', '2024']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bestaat al');
  }, 600_000);

  it('says in Dutch what is wrong with a file that is no workbook, and writes nothing', () => {
    const csv = join(dir, 'waardekaart.xlsx');
    writeFileSync(csv, 'belanghebbende;aantal\n');
    const out = join(dir, 'nothing.yaml');
    const r = rendement(['import-xlsx', csv, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${csv} is geen .xlsx-werkmap. Sla het bestand in Excel of LibreOffice op als "Excel-werkmap (.xlsx)".`);
    expect(existsSync(out)).toBe(false);
    expect(rendement(['import-xlsx', file]).code).toBe(2);
  }, 600_000);
});
