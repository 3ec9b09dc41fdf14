import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendement } from './run-cli.js';
import { FormulaWorkbook } from '../data/formula-evaluator.js';

const models = ['leeskamer-rijswijk', 'buurthuis-moerwijk', 'openluchtbad-wassenaar', 'dorpsbudget-stompwijk'];
const asOf = '2026-01-01';
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('formula evaluator (test helper)', () => {
  it('follows Excel precedence on hand-checked formulas', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad 1');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = 3;
    // Hand: -2^2 = 4 in Excel (negation first); 2^3^2 = (2^3)^2 = 64 (left-associative); 1+2*3 = 7.
    ws.getCell('B1').value = { formula: '-A1^2', result: 0 } as never;
    ws.getCell('B2').value = { formula: 'A1^A2^2', result: 0 } as never;
    ws.getCell('B3').value = { formula: "1+2*'Blad 1'!A2", result: 0 } as never;
    // SUM(A1:A2) = 5, PRODUCT = 6, POWER(2,3) = 8, IF(5>4, 1, 0) = 1.
    ws.getCell('B4').value = { formula: 'SUM(A1:A2)+PRODUCT(A1:A2)+POWER(A1,A2)+IF(SUM(A1:A2)>4,1,0)', result: 0 } as never;
    const f = await FormulaWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(f.value('Blad 1', 'B1')).toBe(4);
    expect(f.value('Blad 1', 'B2')).toBe(64);
    expect(f.value('Blad 1', 'B3')).toBe(7);
    expect(f.value('Blad 1', 'B4')).toBe(5 + 6 + 8 + 1);
  });
});

describe('rendement export-xlsx', () => {
  let dir = '';
  let store = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rendement-xlsx-'));
    store = join(dir, 'store.duckdb');
    for (const id of models) expect(rendement(['ingest', `data/demo/${id}.csv`, '--initiative', id, '--store', store]).code).toBe(0);
  }, 600_000);

  for (const id of models)
    it(`recomputes ${id} from its input cells to the numbers of value --json (1e-9 relative)`, async () => {
      const out = join(dir, `${id}.xlsx`);
      const r = rendement(['export-xlsx', `models/${id}.yaml`, '--store', store, '--as-of', asOf, '--out', out, '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      const v = JSON.parse(rendement(['value', `models/${id}.yaml`, '--json', '--store', store, '--as-of', asOf]).stdout);
      const wb = await FormulaWorkbook.fromBuffer(readFileSync(out));
      // Every formula recomputes to the result the export cached in the file.
      const formulas = wb.formulaCells();
      expect(formulas.length).toBeGreaterThan(20);
      for (const key of formulas) {
        const [sheet, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
        const again = wb.value(sheet, address);
        // exceljs 4.4 reads a cached <v>0</v> back as no result (the file does hold it); only a 0 may come back empty.
        const cached = wb.cached(sheet, address) ?? (again === 0 ? 0 : null);
        expect(typeof cached, key).toBe('number');
        expect(rel(again as number, cached as number), key).toBeLessThan(1e-9);
      }
      const at = (row: number): number => wb.value('Summary', `B${row}`) as number;
      expect(rel(at(2), v.valuation.presentValueBenefits)).toBeLessThan(1e-9);
      expect(rel(at(3), v.valuation.presentValueInputs)).toBeLessThan(1e-9);
      expect(rel(at(4), v.valuation.npv)).toBeLessThan(1e-9);
      expect(rel(at(5), v.valuation.sroiRatio)).toBeLessThan(1e-9);
      expect(rel(at(6), v.valuation.netSroiRatio)).toBeLessThan(1e-9);
      expect(rel(at(7), v.valuation.paybackMonths)).toBeLessThan(1e-9);
      // Every outcome's present value, row by row.
      v.valuation.outcomes.forEach((o: { id: string; presentValue: number }, i: number) => {
        expect(wb.value('Outcomes', `A${i + 2}`)).toBe(o.id);
        expect(rel(wb.value('Outcomes', `P${i + 2}`) as number, o.presentValue)).toBeLessThan(1e-9);
      });
      if (v.mkba) {
        expect(rel(at(11), v.mkba.balance)).toBeLessThan(1e-9);
        expect(rel(at(12), v.mkba.benefitCostRatio)).toBeLessThan(1e-9);
      } else expect(wb.value('Summary', 'A9')).toBeNull();
    }, 600_000);

  it('follows a changed proxy cell: the ratio moves by the hand-computed present value', async () => {
    const out = join(dir, 'leeskamer-change.xlsx');
    expect(rendement(['export-xlsx', 'models/leeskamer-rijswijk.yaml', '--store', store, '--as-of', asOf, '--out', out, '--lang', 'en']).code).toBe(0);
    const v = JSON.parse(rendement(['value', 'models/leeskamer-rijswijk.yaml', '--json', '--store', store, '--as-of', asOf]).stdout).valuation;
    const wb = await FormulaWorkbook.fromBuffer(readFileSync(out));
    // models/leeskamer-rijswijk.yaml, outcome 3 "minder-leegstand" (row 4): quantity 1, proxy 4000, deadweight 10 %,
    // no displacement, attribution or drop-off, 3 years, year 1 discounted at 2.25 %.
    expect(wb.value('Outcomes', 'A4')).toBe('minder-leegstand');
    expect(wb.value('Outcomes', 'E4')).toBe(4000);
    wb.set('Outcomes', 'E4', 8000);
    // Hand: the extra 4000 a year × (1 − 0.10) = 3600 a year in years 1–3, discounted:
    // 3600 × (1/1.0225 + 1/1.0225² + 1/1.0225³) = 3600 × (0.977995110 + 0.956474435 + 0.935427321) = 3600 × 2.869896866 = 10331.628717.
    const extra = 10331.628716794396;
    expect(rel(wb.value('Summary', 'B2') as number, v.presentValueBenefits + extra)).toBeLessThan(1e-9);
    expect(rel(wb.value('Summary', 'B5') as number, (v.presentValueBenefits + extra) / v.presentValueInputs)).toBeLessThan(1e-9);
    // The inputs did not move.
    expect(rel(wb.value('Summary', 'B3') as number, v.presentValueInputs)).toBeLessThan(1e-9);
    // Outcome 5 "overlast-buren" (row 6) is negative (sign −1 in column U) with the yearly quantities 6, 10, 12 in years
    // 1–3, no deflators or drop-off. Doubling its proxy 150 → 300 adds a cost of 150 a household a year:
    // 150 × (6/1.0225 + 10/1.0225² + 12/1.0225³) = 150 × (5.867970660 + 9.564744352 + 11.225127846) = 150 × 26.657842859 = 3998.676429.
    expect(wb.value('Outcomes', 'A6')).toBe('overlast-buren');
    expect(wb.value('Outcomes', 'U6')).toBe(-1);
    wb.set('Outcomes', 'E6', 300);
    const cost = 3998.676428805672;
    expect(rel(wb.value('Summary', 'B2') as number, v.presentValueBenefits + extra - cost)).toBeLessThan(1e-9);
  }, 600_000);

  it('labels amounts with the currency, keeps sources as comments and refuses to overwrite a foreign file', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const out = join(dir, 'leeskamer-nl.xlsx');
    expect(rendement(['export-xlsx', 'models/leeskamer-rijswijk.yaml', '--store', store, '--as-of', asOf, '--out', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const outcomes = wb.getWorksheet('Uitkomsten')!;
    expect(String(outcomes.getCell('E1').value)).toBe('Financiële proxy (EUR)');
    const note = outcomes.getCell('E2').note;
    expect(JSON.stringify(note)).toContain('VVE-leesprogramma');
    expect(String(outcomes.getCell('E2').numFmt)).toContain('€');

    const foreign = join(dir, 'mine.xlsx');
    writeFileSync(foreign, 'my own workbook');
    const r = rendement(['export-xlsx', 'models/leeskamer-rijswijk.yaml', '--store', store, '--as-of', asOf, '--out', foreign, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(foreign, 'utf8')).toBe('my own workbook');
  }, 600_000);
});
