import { open, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { InvalidInputError } from '../core/errors.js';
import type { SheetCells, SheetValue } from '../core/svuk-import.js';

/** Largest .xlsx accepted (bytes): a value map is a few hundred kB; larger files are refused before unzipping. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
/** Most cells read from one workbook (a guard against zip bombs that unzip to millions of cells). */
export const MAX_XLSX_CELLS = 2_000_000;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Compound File Binary (OLE2): an encrypted (password-protected) .xlsx, or an old .xls.
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function plain(v: ExcelJS.CellValue): SheetValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return null;
  }
  return null;
}

const colNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Reads every sheet of an .xlsx file as plain cells (formulas as their cached results, rich text as text, dates as
 * YYYY-MM-DD) with its merged ranges.
 * @throws InvalidInputError `xlsx.unreadable`, `xlsx.too-large`, `xlsx.password-protected` or `xlsx.not-xlsx`, each
 * naming the file and what to do.
 * @example const sheets = await readXlsxCells('waardekaart.xlsx');
 */
export async function readXlsxCells(path: string, limits: { readonly maxBytes?: number; readonly maxCells?: number } = {}): Promise<SheetCells[]> {
  const maxBytes = limits.maxBytes ?? MAX_XLSX_BYTES;
  const maxCells = limits.maxCells ?? MAX_XLSX_CELLS;
  let size: number;
  let head = Buffer.alloc(8);
  try {
    size = (await stat(path)).size;
    const fh = await open(path, 'r');
    try {
      await fh.read(head, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new InvalidInputError('xlsx.unreadable', {
      nl: `Kan ${path} niet lezen (${err.code ?? err.message}). Controleer het pad en of het bestand leesbaar is.`,
      en: `Cannot read ${path} (${err.code ?? err.message}). Check the path and that the file is readable.`,
    });
  }
  if (size > maxBytes)
    throw new InvalidInputError('xlsx.too-large', {
      nl: `${path} is ${(size / 1048576).toFixed(1)} MB; de grens is ${(maxBytes / 1048576).toFixed(0)} MB. Een waardekaart is veel kleiner: sla alleen het tabblad met de waardekaart op als nieuwe werkmap.`,
      en: `${path} is ${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB. A value map is much smaller: save just the value map sheet as a new workbook.`,
    });
  if (head.subarray(0, 8).equals(CFB))
    throw new InvalidInputError('xlsx.password-protected', {
      nl: `${path} is met een wachtwoord beveiligd of een oud .xls-bestand (Excel 97–2003). Open het in Excel, haal het wachtwoord weg (Bestand › Info › Werkmap beveiligen) en sla het op als .xlsx.`,
      en: `${path} is password-protected or an old .xls file (Excel 97–2003). Open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx.`,
    });
  if (!head.subarray(0, 4).equals(ZIP))
    throw new InvalidInputError('xlsx.not-xlsx', {
      nl: `${path} is geen .xlsx-werkmap. Sla het bestand in Excel of LibreOffice op als "Excel-werkmap (.xlsx)".`,
      en: `${path} is not an .xlsx workbook. Save the file in Excel or LibreOffice as "Excel Workbook (.xlsx)".`,
    });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new InvalidInputError('xlsx.not-xlsx', {
      nl: `${path} is geen leesbare .xlsx-werkmap (${(e as Error).message}). Sla het bestand in Excel of LibreOffice opnieuw op als "Excel-werkmap (.xlsx)".`,
      en: `${path} is not a readable .xlsx workbook (${(e as Error).message}). Save the file again in Excel or LibreOffice as "Excel Workbook (.xlsx)".`,
    });
  }
  const sheets: SheetCells[] = [];
  let cells = 0;
  wb.eachSheet((ws) => {
    const rows: SheetValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: SheetValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        out[c - 1] = plain(cell.value);
        cells++;
      });
      for (let c = 0; c < out.length; c++) out[c] ??= null;
      rows[r - 1] = out;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const merges = (ws.model.merges ?? []).flatMap((range) => {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      return m ? [{ top: Number(m[2]), left: colNumber(m[1]!), bottom: Number(m[4]), right: colNumber(m[3]!) }] : [];
    });
    sheets.push({ name: ws.name, rows, merges });
  });
  if (cells > maxCells)
    throw new InvalidInputError('xlsx.too-large', {
      nl: `${path} heeft ${cells} gevulde cellen; de grens is ${maxCells}. Sla alleen het tabblad met de waardekaart op als nieuwe werkmap.`,
      en: `${path} has ${cells} filled cells; the limit is ${maxCells}. Save just the value map sheet as a new workbook.`,
    });
  return sheets;
}
