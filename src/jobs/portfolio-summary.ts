import { FORMULA_START } from '../data/csv-injection.js';
import { writeParquetTable, type ParquetColumn } from '../data/parquet-table.js';
import type { PortfolioRow } from '../render/portfolio-row.js';

/** The columns of a portfolio's summary rows, in the CSV and the Parquet file alike. */
export const portfolioSummaryColumns: readonly ParquetColumn[] = [
  { name: 'id', type: 'VARCHAR' },
  { name: 'name', type: 'VARCHAR' },
  { name: 'method', type: 'VARCHAR' },
  { name: 'ratio', type: 'DOUBLE' },
  { name: 'ratio_p5', type: 'DOUBLE' },
  { name: 'ratio_p95', type: 'DOUBLE' },
  { name: 'net_value', type: 'DOUBLE' },
  { name: 'mkba_balance', type: 'DOUBLE' },
  { name: 'horizon_years', type: 'INTEGER' },
  { name: 'discount_source', type: 'VARCHAR' },
  { name: 'price_year', type: 'INTEGER' },
  { name: 'criteria_declared', type: 'INTEGER' },
  { name: 'criteria_met', type: 'INTEGER' },
  { name: 'criteria_partly_met', type: 'INTEGER' },
  { name: 'criteria_not_met', type: 'INTEGER' },
  { name: 'criteria_not_due', type: 'INTEGER' },
  { name: 'criteria_not_measurable', type: 'INTEGER' },
  { name: 'illustrative', type: 'BOOLEAN' },
];

/** One summary row as values in {@link portfolioSummaryColumns} order: the headline ratio and net value (SROI, or B/C and balance for an MKBA). */
export function portfolioSummaryValues(r: PortfolioRow): (string | number | boolean | null)[] {
  return [
    r.id,
    r.name,
    r.method,
    r.entry.ratio,
    r.entry.p5 ?? null,
    r.entry.p95 ?? null,
    r.entry.npv,
    r.mkbaBalance,
    r.horizonYears,
    r.discount.preset ?? r.discount.source,
    r.priceYear,
    r.criteriaDeclared,
    r.criteria.met,
    r.criteria['partly-met'],
    r.criteria['not-met'],
    r.criteria['not-due'],
    r.criteria['not-measurable'],
    r.illustrative,
  ];
}

function csvCell(v: string | number | boolean | null): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  if (typeof v !== 'string') return String(v);
  // OWASP "CSV Injection": a text starting with = + - @, tab or CR gets an apostrophe, so a spreadsheet shows it as text.
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The summary rows of a portfolio as CSV (RFC 4180, comma, header row, numbers with a decimal point, empty for
 * unknown), rows in the order given; names that a spreadsheet would run as a formula are neutralised.
 * @example portfolioSummaryCsv(rows).split('\n')[0] // "id,name,method,ratio,…"
 */
export function portfolioSummaryCsv(rows: readonly PortfolioRow[]): string {
  const lines = [portfolioSummaryColumns.map((c) => c.name).join(',')];
  for (const r of rows) lines.push(portfolioSummaryValues(r).map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes the summary rows as Parquet (same columns as the CSV, typed, names not neutralised: Parquet runs no formulas). */
export async function writePortfolioSummaryParquet(path: string, rows: readonly PortfolioRow[]): Promise<void> {
  await writeParquetTable(path, portfolioSummaryColumns, rows.map(portfolioSummaryValues));
}
