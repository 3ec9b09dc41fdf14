import { listValue, LIST, VARCHAR, DOUBLE, BOOLEAN, type DuckDBValue, type DuckDBType } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { detectLayout, indicatorRange, MISSING_TOKENS, observationIssue, type MessageCode, type ObservationIssue, type ObservationRules } from '../core/index.js';
import { bulkCheckSql, bulkIssuesSql, bulkRejectsSql, bulkStageViewSql, type BulkColumns } from './bulk-sql.js';
import type { FileSniff } from './sniff-file.js';
import type { ObservationStore } from './store.js';

/** What the bulk check found. */
export interface BulkStageResult {
  readonly rows: number;
  readonly issues: ObservationIssue[];
  /** Header name of the indicator column (for duplicate-key issues). */
  readonly indicatorColumn: string;
}

/** The header of a file as fields, split with the same CSV rules as the body. */
export function headerFields(firstLine: string, delimiter: string): string[] {
  const rows = parse(firstLine, { delimiter, bom: true, relax_column_count: true }) as string[][];
  return rows[0] ?? [];
}

/**
 * Stages a long-form CSV through DuckDB's own reader: one pass reads and checks every row in SQL (bulk-sql.ts),
 * issues come back with row and column, and the checked rows become the `stage` view for the duplicate check and
 * the commit. Memory is DuckDB's, bounded by its memory_limit (spilling to disk), not by the file size.
 */
export async function bulkStageCsv(
  store: ObservationStore,
  path: string,
  o: { sniff: FileSniff; delimiter: ';' | ',' | '\t'; rules: ObservationRules; maxIssues: number },
): Promise<BulkStageResult> {
  const header = headerFields(o.sniff.firstLine, o.delimiter);
  const layout = detectLayout(header, o.rules);
  if (!layout.layout) return { rows: 0, issues: layout.issues, indicatorColumn: 'indicator' };
  if (layout.layout.kind !== 'long')
    return { rows: 0, issues: [observationIssue('data.missing-column', 1, 'indicator', null, { column: 'indicator', expected: 'indicator, waarde' })], indicatorColumn: 'indicator' };
  const f = layout.layout.fields;
  const names = layout.layout.header;
  const columns: BulkColumns = {
    count: names.length,
    indicator: f.indicator!,
    area: f.area!,
    period: f.period!,
    value: f.value!,
    ...(f.initiative === undefined ? {} : { initiative: f.initiative }),
    ...(f.unit === undefined ? {} : { unit: f.unit }),
    ...(f.source === undefined ? {} : { source: f.source }),
    ...(f.n === undefined ? {} : { n: f.n }),
    ...(f.sd === undefined ? {} : { sd: f.sd }),
    ...(f.note === undefined ? {} : { note: f.note }),
  };
  const inds = [...(o.rules.indicators?.values() ?? [])];
  const range = inds.map(indicatorRange);
  const params: Record<string, DuckDBValue> = {
    path,
    delim: o.delimiter,
    encoding: o.sniff.encoding === 'utf-8' ? 'utf-8' : 'latin-1',
    decimal: o.rules.decimal,
    missing: listValue([...MISSING_TOKENS]),
    initiative: o.rules.initiative,
    ind_ids: listValue(inds.map((i) => i.id)),
    ind_units: listValue(inds.map((i) => i.unit)),
    ind_min: listValue(range.map((r) => r.min ?? null)),
    ind_max: listValue(range.map((r) => r.max ?? null)),
    ind_count: listValue(inds.map((i) => i.kind === 'count')),
    ind_derived: listValue(inds.map((i) => i.expression !== undefined)),
    check_indicators: o.rules.indicators !== undefined,
    areas: listValue([...(o.rules.areas ?? [])]),
    check_areas: o.rules.areas !== undefined || o.rules.municipality !== undefined,
    municipality: o.rules.municipality ?? null,
    period_start: o.rules.period?.start ?? null,
    period_end: o.rules.period?.end ?? null,
  };
  const types: Record<string, DuckDBType> = {
    missing: LIST(VARCHAR),
    ind_ids: LIST(VARCHAR),
    ind_units: LIST(VARCHAR),
    ind_min: LIST(DOUBLE),
    ind_max: LIST(DOUBLE),
    ind_count: LIST(BOOLEAN),
    ind_derived: LIST(BOOLEAN),
    areas: LIST(VARCHAR),
    municipality: VARCHAR,
    period_start: VARCHAR,
    period_end: VARCHAR,
  };
  await store.connection.run(bulkCheckSql(columns), params, types);
  const issues: ObservationIssue[] = [];
  const rejects = await store.query(bulkRejectsSql(), { limit: o.maxIssues });
  for (const r of rejects) {
    const type = String(r['error_type']);
    const code: MessageCode = type.includes('COLUMNS') ? 'data.ragged-row' : 'data.unclosed-quote';
    const line = String(r['csv_line'] ?? '');
    const found = line.split(o.delimiter).length;
    issues.push(observationIssue(code, Number(r['line']), null, line, { found, expected: names.length }));
  }
  const [count] = await store.query('SELECT count(*) AS n FROM bulk');
  const rows = Number(count!['n']) + rejects.length;
  if (issues.length > 0) return { rows, issues, indicatorColumn: names[f.indicator!]! };
  const bad = await store.query(bulkIssuesSql(), { limit: o.maxIssues });
  for (const b of bad) {
    const [code, field, value] = String(b['code']).split('|') as [MessageCode, keyof typeof f, string];
    const column = names[f[field]!] ?? field;
    issues.push(observationIssue(code, Number(b['row']), column, value === '' ? null : value, { indicator: '', expected: '', first: '' }));
  }
  if (issues.length === 0) {
    await store.connection.run('DROP TABLE IF EXISTS temp.stage');
    await store.connection.run(bulkStageViewSql());
  }
  return { rows, issues, indicatorColumn: names[f.indicator!]! };
}
