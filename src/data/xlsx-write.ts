import ExcelJS from 'exceljs';
import type { WorkbookFormat, WorkbookPlan } from '../core/svuk-workbook.js';

function numberFormat(format: WorkbookFormat | undefined, currency: string): string | undefined {
  switch (format) {
    case 'money':
      return currency === 'EUR' ? '"€" #,##0.00;"€" -#,##0.00' : `#,##0.00 "${currency.replace(/"/g, '')}"`;
    case 'share':
      return '0.00%';
    case 'factor':
      return '0.000000';
    case 'ratio':
      return '0.00';
    case 'number':
      return '#,##0.##';
    case 'integer':
      return '0';
    default:
      return undefined;
  }
}

/**
 * Writes a planned value-map workbook as .xlsx bytes: formulas with their cached results (so viewers that do not
 * recalculate show numbers), input cells shaded, sources as cell comments, the header row frozen. Excel
 * recalculates on opening.
 * @example const bytes = await writeWorkbookXlsx(valueMapWorkbook(model, {}, 'nl'));
 */
export async function writeWorkbookXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rendement';
  // A fixed date keeps the bytes of two exports of the same model the same.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.headers.map((header, i) => ({ header, width: sheet.widths[i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 2);
      cells.forEach((cell, c) => {
        if (cell === null) return;
        const target = row.getCell(c + 1);
        if (cell.formula !== undefined) target.value = { formula: cell.formula, result: cell.result ?? 0 } as ExcelJS.CellFormulaValue;
        else if (cell.value !== undefined) target.value = cell.value;
        const fmt = numberFormat(cell.format, plan.currency);
        if (fmt) target.numFmt = fmt;
        if (cell.note) target.note = cell.note;
        if (cell.input) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      });
      row.commit();
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
