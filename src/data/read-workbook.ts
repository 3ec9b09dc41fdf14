import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { excelSerialDate } from '../core/index.js';

/** Which sheet to read and how much of it. */
export interface WorkbookReadOptions {
  /** The sheet's name; default the first sheet of the workbook. */
  readonly sheet?: string;
  /** Most rows (header included) before reading stops with WorkbookLimitError. */
  readonly maxRows?: number;
}

/** Rows of one sheet, as a CSV reader would hand them over: the header row's number, then each row's cell texts. */
export interface WorkbookRows {
  /** The sheet row of the header (the first row with two or more filled cells; a merged title above it is skipped). */
  readonly headerRow: number;
  readonly sheet: string;
  /** The header row first, then every following row; a row Excel left out (empty) comes as `['']`, so numbers stay the sheet's. */
  readonly records: AsyncIterable<string[]>;
}

/** The sheet asked for is not in the workbook. */
export class SheetNotFoundError extends Error {
  constructor(
    readonly sheet: string,
    readonly sheets: readonly string[],
  ) {
    super(`no sheet "${sheet}"`);
  }
}

/** The sheet has more rows than allowed (the upload limit); reading stopped there. */
export class WorkbookLimitError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
  }
}

// Date formats are told from number formats as exceljs and Excel do: after removing [colour/locale] and "quoted"
// parts, any of y m d h s remains (ECMA-376 Part 1 §18.8.31 numFmt).
function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  return /[ymdhs]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const DAY_MS = 86_400_000;

/**
 * The text of one cell as the row checker reads it: numbers with a decimal point as JavaScript writes them, dates
 * as ISO dates (from the serial, see excelSerialDate), a formula as its cached result (a formula that was never
 * calculated shows as `=formula`, which no check accepts), rich text joined, an error as its code (`#DIV/0!`).
 */
export function workbookCellText(value: unknown, numFmt: unknown, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) return excelSerialDate(value, date1904) ?? String(value);
    return String(value);
  }
  if (value instanceof Date) {
    // exceljs turned a date-formatted serial into a Date with its own arithmetic (no 1900 leap-year bug below
    // serial 61): take the serial back and convert it with Excel's own rules.
    const serial = value.getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0);
    return excelSerialDate(Math.round(serial * 1e6) / 1e6, date1904) ?? '';
  }
  if (typeof value === 'object') {
    const v = value as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      if (v.result === undefined || v.result === null) return `=${v.formula ?? v.sharedFormula ?? ''}`;
      return workbookCellText(v.result, numFmt, date1904);
    }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.error !== undefined) return String(v.error);
    if (v.text !== undefined) return workbookCellText(v.text, numFmt, date1904);
  }
  return String(value);
}

interface SheetRow {
  readonly number: number;
  readonly cellCount: number;
  getCell(i: number): { value: unknown; numFmt?: unknown };
}

function texts(row: SheetRow, width: number, date1904: boolean): string[] {
  const out: string[] = [];
  const n = Math.max(width, row.cellCount);
  for (let i = 1; i <= n; i++) {
    const cell = row.getCell(i);
    out.push(workbookCellText(cell.value, cell.numFmt, date1904));
  }
  // A row is as wide as the header; empty cells beyond it are Excel's formatting, not data.
  while (out.length > width && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/**
 * Opens one sheet of an .xlsx workbook for streaming (exceljs WorkbookReader: memory is bounded by a row plus the
 * shared strings), finds its header row and hands back its rows with their sheet row numbers.
 * @throws SheetNotFoundError when `sheet` is not in the workbook; exceljs' own errors for a file that is no workbook.
 * @example const { headerRow, records } = await readWorkbookRows('monitoring.xlsx', { sheet: 'Blad1' })
 */
export async function readWorkbookRows(path: string, options: WorkbookReadOptions = {}): Promise<WorkbookRows> {
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = (reader as unknown as AsyncIterable<AsyncIterable<SheetRow> & { name: string }>)[Symbol.asyncIterator]();
  const seen: string[] = [];
  let sheet: (AsyncIterable<SheetRow> & { name: string }) | undefined;
  for (;;) {
    const next = await sheets.next();
    if (next.done) break;
    seen.push(next.value.name);
    if (options.sheet === undefined || next.value.name === options.sheet) {
      sheet = next.value;
      break;
    }
  }
  if (!sheet) {
    input.destroy();
    if (options.sheet !== undefined) throw new SheetNotFoundError(options.sheet, seen);
    throw new Error('the workbook has no sheets');
  }
  const date1904 = Boolean((reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904);
  const rows = sheet[Symbol.asyncIterator]();
  // The header: the first row with two or more filled cells. A title merged over the columns fills only one.
  let header: SheetRow | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    const filled = texts(next.value, 0, date1904).filter((t) => t.trim() !== '').length;
    if (filled >= 2) {
      header = next.value;
      break;
    }
  }
  const headerCells = header ? texts(header, 0, date1904) : [];
  const headerRow = header?.number ?? 1;
  const width = headerCells.length;
  const limit = options.maxRows;
  async function* records(): AsyncIterable<string[]> {
    try {
      if (!header) return;
      yield headerCells;
      let last = headerRow;
      for (;;) {
        const next = await rows.next();
        if (next.done) break;
        const r = next.value;
        if (limit !== undefined && r.number - headerRow + 1 > limit) throw new WorkbookLimitError(limit);
        for (let gap = last + 1; gap < r.number; gap++) yield [''];
        last = r.number;
        const cells = texts(r, width, date1904);
        yield cells.every((c) => c.trim() === '') ? [''] : cells;
      }
    } finally {
      // The other sheets are not read: close the file.
      input.destroy();
    }
  }
  return { headerRow, sheet: sheet.name, records: records() };
}
