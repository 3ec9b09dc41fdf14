import { listValue, LIST, VARCHAR, type DuckDBValue } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import {
  cellText,
  checkAreaCell,
  checkIndicatorCell,
  checkInitiativeCell,
  checkPeriodCell,
  checkRow,
  detectLayout,
  indicatorRange,
  MISSING_TOKENS,
  observationIssue,
  type MessageCode,
  type ObservationIssue,
  type ObservationRules,
} from '../core/index.js';
import { bulkBadRowsSql, bulkCheckSql, bulkKeyValuesSql, bulkLookupTablesSql, bulkReadSql, bulkRejectsSql, bulkStageViewSql, type BulkColumns } from './bulk-sql.js';
import type { FileSniff } from './sniff-file.js';
import type { ObservationStore } from './store.js';

/** What the bulk check found. */
export interface BulkStageResult {
  readonly rows: number;
  readonly issues: ObservationIssue[];
  /** Header name of the indicator column (for duplicate-key issues). */
  readonly indicatorColumn: string;
}

/** Most distinct values of one key column the bulk path looks up (the whole country has ~15,000 CBS areas). */
export const BULK_MAX_DISTINCT = 1_000_000;

/** The header of a file as fields, split with the same CSV rules as the body. */
export function headerFields(firstLine: string, delimiter: string): string[] {
  const rows = parse(firstLine, { delimiter, bom: true, relax_column_count: true }) as string[][];
  return rows[0] ?? [];
}

/**
 * Stages a long-form CSV through DuckDB's own reader (see bulk-sql.ts): read, look up the checked key values,
 * check numbers per row in SQL, and let the row checker describe the failing rows, so issues are the same as on the
 * row path. The checked rows become the `stage` view for the duplicate check and the commit. Memory is DuckDB's,
 * bounded by its memory_limit (spilling to disk), not by the file size.
 */
export async function bulkStageCsv(
  store: ObservationStore,
  path: string,
  o: { sniff: FileSniff; delimiter: ';' | ',' | '\t'; rules: ObservationRules; maxIssues: number },
): Promise<BulkStageResult> {
  const header = headerFields(o.sniff.firstLine, o.delimiter);
  const detected = detectLayout(header, o.rules);
  const layout = detected.layout;
  if (!layout) return { rows: 0, issues: detected.issues, indicatorColumn: 'indicator' };
  if (layout.kind !== 'long')
    return { rows: 0, issues: [observationIssue('data.missing-column', 1, 'indicator', null, { column: 'indicator', expected: 'indicator, waarde' })], indicatorColumn: 'indicator' };
  const f = layout.fields;
  const names = layout.header;
  const indicatorColumn = names[f.indicator!]!;
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
  const c = store.connection;
  await c.run('DROP TABLE IF EXISTS temp.bulk_rejects');
  await c.run('DROP TABLE IF EXISTS temp.bulk_reject_scans');
  await c.run(bulkReadSql(names.length), { path, delim: o.delimiter, encoding: o.sniff.encoding === 'utf-8' ? 'utf-8' : 'latin-1' });

  const issues: ObservationIssue[] = [];
  const rejects = await store.query(bulkRejectsSql(), { limit: o.maxIssues });
  for (const r of rejects) {
    const type = String(r['error_type']);
    const code: MessageCode = type.includes('COLUMNS') ? 'data.ragged-row' : 'data.unclosed-quote';
    const line = String(r['csv_line'] ?? '');
    const found = line.split(o.delimiter).length;
    const named = /^c(\d+)$/.exec(String(r['column_name'] ?? ''));
    const column = code === 'data.ragged-row' ? names[Math.min(found, names.length) - 1]! : named ? (names[Number(named[1])] ?? null) : null;
    issues.push(observationIssue(code, Number(r['line']), column, code === 'data.ragged-row' ? line.replaceAll(o.delimiter, '|') : null, { found, expected: names.length }));
  }
  const [count] = await store.query('SELECT count(*) AS n FROM bulk_raw');
  const rows = Number(count!['n']) + rejects.length;
  if (issues.length > 0) return { rows, issues, indicatorColumn };
  if (rows === 0) return { rows, issues: [observationIssue('data.no-data-rows', 1, null, null)], indicatorColumn };

  // Check each distinct key value once, with the row path's field checks.
  for (const sql of bulkLookupTablesSql()) await c.run(sql);
  const keyRows = await store.query(bulkKeyValuesSql(columns), { limit: 4 * BULK_MAX_DISTINCT + 1 });
  if (keyRows.length > 4 * BULK_MAX_DISTINCT) throw new Error(`more than ${BULK_MAX_DISTINCT} distinct keys in one column`);
  const keySet = (set: string): [string, string][] => keyRows.filter((r) => r['s'] === set).map((r) => [String(r['k']), String(r['u'])]);
  const distinct = async (a: number | undefined, b?: number): Promise<[string, string][]> =>
    keySet(a === f.initiative ? 'initiative' : a === f.area ? 'area' : a === f.period ? 'period' : 'indicator').map(([k, u]) => [k, b === undefined ? '' : u]);
  const fill = async (table: string, rowsOf: DuckDBValue[][]): Promise<void> => {
    const ap = await c.createAppender(table, 'main', 'temp');
    for (const r of rowsOf) {
      for (const v of r) {
        if (v === null) ap.appendNull();
        else if (typeof v === 'boolean') ap.appendBoolean(v);
        else if (typeof v === 'bigint') ap.appendBigInt(v);
        else if (typeof v === 'number') ap.appendDouble(v);
        else ap.appendVarchar(String(v));
      }
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
  };
  const rules = o.rules;
  if (f.initiative !== undefined)
    await fill('bulk_initiative', (await distinct(f.initiative)).map(([k]) => [k, checkInitiativeCell(cellText(k), 0, '', rules) === null]));
  // Key ids are given per canonical value (`2025-q1` and `2025-Q1` are one period), so the duplicate check sees them as one.
  const idOf = (m: Map<string, bigint>, key: string | null | undefined): bigint => {
    const k = key ?? '';
    let id = m.get(k);
    if (id === undefined) m.set(k, (id = BigInt(m.size)));
    return id;
  };
  const areaIds = new Map<string, bigint>();
  const periodIds = new Map<string, bigint>();
  const indicatorIds = new Map<string, bigint>();
  const areas = await distinct(f.area);
  await fill(
    'bulk_area',
    areas.map(([k]) => {
      const a = checkAreaCell(cellText(k), 0, '', rules);
      return [k, idOf(areaIds, a.value), a.issue === null, a.value];
    }),
  );
  const periods = await distinct(f.period);
  await c.run('CREATE OR REPLACE TEMP TABLE bulk_period_text (k VARCHAR, id BIGINT, ok BOOLEAN, period VARCHAR, ps VARCHAR, pe VARCHAR)');
  await fill(
    'bulk_period_text',
    periods.map(([k]) => {
      const p = checkPeriodCell(cellText(k), 0, '', rules);
      return [k, idOf(periodIds, p.value?.period), p.issue === null, p.value?.period ?? null, p.value?.start ?? null, p.value?.end ?? null];
    }),
  );
  await c.run('INSERT INTO bulk_period SELECT k, id, ok, period, ps::DATE, pe::DATE FROM bulk_period_text');
  const inds = await distinct(f.indicator, f.unit);
  await fill(
    'bulk_indicator',
    inds.map(([k, u], pair) => {
      const r = checkIndicatorCell(cellText(k), cellText(u), 0, { indicator: '', unit: '', value: '' }, rules);
      const ind = r.value ? rules.indicators?.get(r.value.indicator) : undefined;
      const range = ind ? indicatorRange(ind) : {};
      return [k, u, idOf(indicatorIds, r.value?.indicator), r.issue === null, r.value?.indicator ?? null, r.value?.unit ?? null, range.min ?? null, range.max ?? null, ind?.kind === 'count', BigInt(pair)];
    }),
  );

  // Rows carry their number from here on, so DuckDB may reorder them: less memory, more parallel work.
  await c.run('SET preserve_insertion_order = false');
  await c.run(
    bulkCheckSql(columns),
    { n_areas: BigInt(areas.length), n_periods: BigInt(periods.length), decimal: rules.decimal, missing: listValue([...MISSING_TOKENS]) },
    { missing: LIST(VARCHAR) },
  );
  const bad = await store.query(bulkBadRowsSql(), { limit: o.maxIssues });
  for (const b of bad) {
    const cells = names.map((_, i) => (b[`c${i}`] as string | null) ?? '');
    issues.push(...checkRow(cells, Number(b['row']), layout, rules).issues);
  }
  if (issues.length === 0) {
    await c.run('DROP TABLE IF EXISTS temp.stage');
    await c.run(bulkStageViewSql());
  }
  return { rows, issues: issues.slice(0, o.maxIssues), indicatorColumn };
}
