import { observationIssue, type ObservationIssue } from './issue.js';

/** A column's spreadsheet letter from its 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A header without its unnamed columns, and how to map each data row onto it. */
export interface NamedColumns {
  readonly header: string[];
  /** The row's cells in the named columns, or the row unchanged (so the row checker reports it) when it does not fit. */
  row(cells: readonly string[], row: number): { cells: string[]; issue: ObservationIssue | null };
}

/**
 * Excel writes a column for every cell that was ever touched, so exports end in `;;;` and a header cell merged over
 * two columns leaves the second one unnamed. Columns with an empty header cell are dropped as long as their cells
 * are empty too; a value under an empty header is reported (`data.unnamed-column-value`, with the column letter),
 * never silently dropped. Cells beyond the header are dropped when empty. Null when every header cell has a name
 * (nothing to do).
 * @example namedColumns(['indicator', 'gebied', 'periode', 'waarde', '', ''])?.header // ['indicator', 'gebied', 'periode', 'waarde']
 */
export function namedColumns(header: readonly string[]): NamedColumns | null {
  const named: number[] = [];
  header.forEach((h, i) => {
    if (h.trim() !== '') named.push(i);
  });
  if (named.length === header.length) return null;
  const lastNamed = named.length > 0 ? named[named.length - 1]! : -1;
  return {
    header: named.map((i) => header[i]!),
    row(cells, row) {
      // A blank line stays a blank line.
      if (cells.length === 1 && cells[0]!.trim() === '') return { cells: [...cells], issue: null };
      // Too short to reach the last named column, or a value beyond the header: the row checker reports the shape.
      if (cells.length <= lastNamed) return { cells: [...cells], issue: null };
      for (let i = header.length; i < cells.length; i++) if (cells[i]!.trim() !== '') return { cells: [...cells], issue: null };
      for (let i = 0; i < Math.min(cells.length, header.length); i++)
        if (header[i]!.trim() === '' && cells[i]!.trim() !== '')
          return { cells: [], issue: observationIssue('data.unnamed-column-value', row, columnLetter(i), cells[i]!.trim(), { letter: columnLetter(i) }) };
      return { cells: named.map((i) => cells[i] ?? ''), issue: null };
    },
  };
}
