import { open, readFile, stat } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { InvalidInputError } from '../core/errors.js';
import type { SheetCells, SheetValue } from '../core/svuk-import.js';

/** Largest .xlsx accepted (bytes): a value map is a few hundred kB; larger files are refused before unzipping. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
/** Largest total size of the unzipped parts (bytes): a guard against zip bombs, checked before exceljs unzips. */
export const MAX_XLSX_UNZIPPED_BYTES = 100 * 1024 * 1024;
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


/**
 * Total unzipped size of a zip archive, found by inflating every entry with a cap (so a small file that unzips to
 * gigabytes is stopped after `limit` bytes, whatever its headers claim). Null when it exceeds `limit`; throws on a
 * malformed archive. Entries are located through the central directory (APPNOTE.TXT 4.3.12, 4.3.16).
 */
export function unzippedSize(zip: Buffer, limit: number): number | null {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('no end of central directory');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const local = zip.readUInt32LE(p + 42);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
        throw e;
      }
    } else throw new Error(`compression method ${method}`);
    if (total > limit) return null;
  }
  return total;
}

const colNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Reads every sheet of an .xlsx file as plain cells (formulas as their cached results, rich text as text, dates as
 * YYYY-MM-DD) with its merged ranges.
 * @throws InvalidInputError `xlsx.unreadable`, `xlsx.too-large`, `xlsx.password-protected` or `xlsx.not-xlsx`, each
 * naming the file and what to do.
 * @example const sheets = await readXlsxCells('waardekaart.xlsx');
 */
export async function readXlsxCells(path: string, limits: { readonly maxBytes?: number; readonly maxUnzippedBytes?: number; readonly maxCells?: number } = {}): Promise<SheetCells[]> {
  const maxBytes = limits.maxBytes ?? MAX_XLSX_BYTES;
  const maxUnzipped = limits.maxUnzippedBytes ?? MAX_XLSX_UNZIPPED_BYTES;
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
    const bytes = await readFile(path);
    if (unzippedSize(bytes, maxUnzipped) === null)
      throw new InvalidInputError('xlsx.too-large', {
        nl: `${path} pakt uit tot meer dan ${(maxUnzipped / 1048576).toFixed(0)} MB; zo groot is een waardekaart nooit (een "zip-bom"?). Er is niets ingelezen. Sla alleen het tabblad met de waardekaart op als nieuwe werkmap.`,
        en: `${path} unzips to more than ${(maxUnzipped / 1048576).toFixed(0)} MB; no value map is that large (a "zip bomb"?). Nothing was read. Save just the value map sheet as a new workbook.`,
      });
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
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
