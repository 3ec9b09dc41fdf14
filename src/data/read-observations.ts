import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import {
  checkRow,
  detectLayout,
  namedColumns,
  observationIssue,
  type NamedColumns,
  type ColumnLayout,
  type DecimalSeparator,
  type Observation,
  type ObservationIssue,
  type ObservationRules,
} from '../core/index.js';
import type { TextEncoding } from './sniff-file.js';
import { adaptHeader, type AdaptedHeader, type CsvAdapter } from './csv-adapter.js';

/** How to read a CSV: delimiter, and the rules (which carry the decimal separator). */
export interface CsvReadOptions {
  readonly delimiter: ';' | ',' | '\t';
  readonly rules: ObservationRules;
  /** Maps a foreign layout (CBS kerncijfers, ELAN panel) onto observation columns first. */
  readonly adapter?: CsvAdapter;
  /** Stop collecting issues after this many (a `data.too-many-issues` issue is added). Default 200. */
  readonly maxIssues?: number;
  /** The row number of the header (default 1): a sheet's header may sit below a title. */
  readonly headerRow?: number;
  /**
   * Public datasets only (`--skip-invalid`): a row with issues is handed to this callback and left out instead of
   * failing the file; header and file-level issues still fail it.
   */
  readonly onRefusedRow?: (issues: readonly ObservationIssue[]) => void | Promise<void>;
}

/** What reading produced: how many data rows, the issues, and the layout found. */
export interface CsvReadSummary {
  readonly rows: number;
  readonly observations: number;
  readonly issues: ObservationIssue[];
  readonly layout: ColumnLayout | null;
}

/** The decimal separator that goes with a delimiter: `;` files come from Dutch Excel and use a decimal comma. */
export function decimalFor(delimiter: ';' | ',' | '\t'): DecimalSeparator {
  return delimiter === ';' ? ',' : '.';
}

function csvIssue(e: unknown, row: number, header: readonly string[]): ObservationIssue {
  // csv-parse reports where parsing stopped (the end of the file for an unclosed quote); the quote opened in the
  // record after the last complete one, in field `index`.
  const err = e as CsvError & { records?: number; index?: number };
  const at = err.records !== undefined ? err.records + 1 : row;
  const column = err.index !== undefined ? (header[err.index] ?? null) : null;
  return observationIssue('data.unclosed-quote', at, column, null, { detail: err.message });
}

/**
 * Reads observation records from parsed CSV records (header first), checking every row, and hands each valid
 * observation to `sink` as it goes: memory stays bounded by one row. Issues are collected, not thrown.
 * @example await readObservationRecords(records, options, (o) => rows.push(o))
 */
export async function readObservationRecords(
  records: AsyncIterable<string[]>,
  options: CsvReadOptions,
  sink: (o: Observation) => void | Promise<void>,
): Promise<CsvReadSummary> {
  const max = options.maxIssues ?? 200;
  const issues: ObservationIssue[] = [];
  let layout: ColumnLayout | null = null;
  let row = 0;
  let blank = 0;
  let count = 0;
  let truncated = false;
  const add = (list: readonly ObservationIssue[]): void => {
    for (const i of list) {
      if (issues.length < max) issues.push(i);
      else truncated = true;
    }
  };
  let adapted: AdaptedHeader | undefined;
  let named: NamedColumns | null = null;
  const first = options.headerRow ?? 1;
  const at = (index: number): number => first - 1 + index;
  try {
    for await (const record of records) {
      row++;
      // Excel's unnamed columns (trailing `;;;`, the second half of a merged header cell) go first, if empty.
      if (row === 1) named = namedColumns(record);
      let raw: readonly string[] = record;
      if (named) {
        if (row === 1) raw = named.header;
        else {
          const r = named.row(record, at(row));
          if (r.issue) {
            if (options.onRefusedRow) await options.onRefusedRow([r.issue]);
            else add([r.issue]);
            continue;
          }
          raw = r.cells;
        }
      }
      if (row === 1 && options.adapter) adapted = adaptHeader(options.adapter, raw);
      const cells = adapted ? (row === 1 ? adapted.header : adapted.row(raw)) : raw;
      if (row === 1) {
        const d = detectLayout(cells, options.rules);
        add(first === 1 ? d.issues : d.issues.map((i) => (i.row === 1 ? { ...i, row: first } : i)));
        layout = d.layout;
        if (!layout) break;
        continue;
      }
      // A blank line is a row in a spreadsheet too: counted, so row numbers stay the spreadsheet's, but not checked.
      if (cells.length === 1 && cells[0]!.trim() === '') {
        blank++;
        continue;
      }
      const r = checkRow(cells, at(row), layout!, options.rules);
      if (options.onRefusedRow && r.issues.length > 0) {
        await options.onRefusedRow(r.issues);
        continue;
      }
      add(r.issues);
      if (issues.length === 0) for (const o of r.observations) {
        await sink(o);
        count++;
      }
    }
  } catch (e) {
    if (e instanceof CsvError) add([csvIssue(e, at(row + 1), layout?.header ?? [])]);
    else throw e;
  }
  const rows = Math.max(0, row - 1 - blank);
  if (row === 0) add([observationIssue('data.empty-file', 1, null, null)]);
  else if (rows === 0 && layout) add([observationIssue('data.no-data-rows', first, null, null)]);
  if (truncated) issues.push(observationIssue('data.too-many-issues', 0, null, String(max)));
  return { rows, observations: count, issues, layout };
}

function csvParser(delimiter: string) {
  return parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: false });
}

/**
 * Reads observations from a text stream (streaming, bounded memory).
 * @example await readObservationsCsv(Readable.from(text), { delimiter: ';', rules }, sink)
 */
export async function readObservationsCsv(
  input: NodeJS.ReadableStream,
  options: CsvReadOptions,
  sink: (o: Observation) => void | Promise<void>,
): Promise<CsvReadSummary> {
  const parser = input.pipe(csvParser(options.delimiter));
  return readObservationRecords(parser as unknown as AsyncIterable<string[]>, options, sink);
}

/**
 * Parses observation CSV text held in memory: every valid observation and every issue.
 * @example parseObservationsCsv('indicator;gebied;periode;waarde\nbezoekers;WK051836;2025;12', { delimiter: ';', rules })
 */
export async function parseObservationsCsv(text: string, options: CsvReadOptions): Promise<CsvReadSummary & { observationList: Observation[] }> {
  const list: Observation[] = [];
  const summary = await readObservationsCsv(Readable.from([text]), options, (o) => {
    list.push(o);
  });
  return { ...summary, observationList: list };
}

/**
 * Reads observations from a file on disk in the given encoding (streaming, bounded memory).
 * @example await loadObservationsCsv('data/bezoekers.csv', 'utf-8', { delimiter: ';', rules }, sink)
 */
export async function loadObservationsCsv(
  path: string,
  encoding: TextEncoding,
  options: CsvReadOptions,
  sink: (o: Observation) => void | Promise<void>,
): Promise<CsvReadSummary> {
  const decoder = new TextDecoderStream(encoding);
  const bytes = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  const text = Readable.fromWeb(bytes.pipeThrough(decoder) as import('node:stream/web').ReadableStream<string>);
  return readObservationsCsv(text, options, sink);
}
