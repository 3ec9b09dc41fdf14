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
 * Sets the modification time of every zip entry to 1980-01-01 00:00 (the DOS epoch), in the local headers and the
 * central directory (APPNOTE.TXT 4.3.7, 4.3.12), so the same model gives the same bytes: exceljs stamps entries with
 * the clock. Changes the buffer in place.
 */
function fixZipTimes(zip: Buffer): Buffer {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return zip;
  let p = zip.readUInt32LE(eocd + 16);
  for (let k = zip.readUInt16LE(eocd + 10); k > 0; k--) {
    if (zip.readUInt32LE(p) !== 0x02014b50) break;
    const local = zip.readUInt32LE(p + 42);
    zip.writeUInt32LE(0x00210000, p + 12);
    if (zip.readUInt32LE(local) === 0x04034b50) zip.writeUInt32LE(0x00210000, local + 10);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

/**
 * Writes a planned value-map workbook as .xlsx bytes: formulas with their cached results (so viewers that do not
 * recalculate show numbers), input cells shaded, sources as cell comments, the header row frozen. Excel
 * recalculates on opening. The same plan gives the same bytes.
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
  return fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}
