import { BOOLEAN, DOUBLE, listValue, LIST, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
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
import {
  bulkBadRowsSql,
  bulkDropKeyTypeSql,
  bulkDuplicateKeysSql,
  bulkInsertSql,
  bulkKeyListTypes,
  bulkKeyRangeSql,
  bulkKeyTableSql,
  bulkKeyTypeSql,
  bulkKeyValuesSql,
  bulkReadSql,
  bulkRejectsSql,
  bulkSupersedeSql,
  type BulkColumns,
  type BulkKeySet,
} from './bulk-sql.js';
import { stagedDuplicateIssues, uploadIdFor, type IngestResult, type UploadMeta } from './commit-upload.js';
import type { FileSniff } from './sniff-file.js';
import type { ObservationStore } from './store.js';
import { hasCurrentSql, insertUploadSql } from './store-sql.js';

/** Most distinct values of one key column the bulk path looks up (the whole country has ~15,000 CBS areas). */
export const BULK_MAX_DISTINCT = 1_000_000;

/** The header of a file as fields, split with the same CSV rules as the body. */
export function headerFields(firstLine: string, delimiter: string): string[] {
  const rows = parse(firstLine, { delimiter, bom: true, relax_column_count: true }) as string[][];
  return rows[0] ?? [];
}

/** Options of a bulk upload. */
export interface BulkIngestOptions {
  readonly sniff: FileSniff;
  readonly delimiter: ';' | ',' | '\t';
  readonly rules: ObservationRules;
  readonly maxIssues: number;
  readonly dryRun: boolean;
  readonly meta: UploadMeta;
  readonly onPhase?: (phase: 'read' | 'commit') => void;
}

/** The parameters a statement names (DuckDB refuses to bind one it does not). */
function bound(sql: string, params: Record<string, DuckDBValue>): Record<string, DuckDBValue> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}

const fail = (rowsRead: number, issues: ObservationIssue[], dryRun: boolean): IngestResult => ({ ok: false, uploadId: null, rowsWritten: 0, rowsRead, dryRun, issues });

/**
 * Ingests a long-form CSV through DuckDB's own reader (see bulk-sql.ts) with the same rules as the row path: the
 * file is read once into a temporary table (file order, every field text), its distinct key values are checked here
 * once each by the row path's field checks, and one INSERT … SELECT checks every row in SQL on its way into the
 * store, inside the upload's transaction. Memory is DuckDB's, bounded by its memory_limit (spilling to disk), not by
 * the file size. When any row fails, the insert raises, the transaction rolls back, and the failing rows are read
 * once more and described by the row checker, so the issues are those of the row path; duplicate keys are checked
 * on the inserted rows before the commit. A dry run does all of it and rolls back.
 */
export async function bulkIngestCsv(store: ObservationStore, path: string, o: BulkIngestOptions): Promise<IngestResult> {
  const header = headerFields(o.sniff.firstLine, o.delimiter);
  const rules = o.rules;
  const detected = detectLayout(header, rules);
  const layout = detected.layout;
  if (!layout) return fail(0, detected.issues, o.dryRun);
  if (layout.kind !== 'long')
    return fail(0, [observationIssue('data.missing-column', 1, 'indicator', null, { column: 'indicator', expected: 'indicator, waarde' })], o.dryRun);
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
  const read = { path, delim: o.delimiter, encoding: o.sniff.encoding === 'utf-8' ? 'utf-8' : 'latin-1' };
  // Row numbers are bulk_raw's rowid, which follows the file only when the read keeps insertion order.
  await c.run('SET preserve_insertion_order = true');
  try {
    o.onPhase?.('read');
    await c.run('DROP TABLE IF EXISTS temp.bulk_rejects');
    await c.run('DROP TABLE IF EXISTS temp.bulk_reject_scans');
    await c.run(bulkReadSql(names.length), read);
    const keyRows = await store.query(bulkKeyValuesSql(columns), { limit: 4 * BULK_MAX_DISTINCT + 2 });
    if (keyRows.length > 4 * BULK_MAX_DISTINCT + 1) throw new Error(`more than ${BULK_MAX_DISTINCT} distinct keys in one column`);

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
    const total = keyRows.find((r) => r['s'] === 'rows');
    const rows = Number(total?.['n'] ?? 0) + rejects.length;
    if (issues.length > 0) return fail(rows, issues, o.dryRun);
    if (rows === 0) return fail(rows, [observationIssue('data.no-data-rows', 1, null, null)], o.dryRun);

    const keys = checkKeys(columns, rules, (set) => keyRows.filter((r) => r['s'] === set).map((r) => [String(r['k']), String(r['u'])]));
    for (const set of keys.sets) {
      await c.run(bulkKeyTableSql(set));
      const ap = await c.createAppender(`bulk_keys_${set}`, 'main', 'temp');
      keys.values[set].forEach((k, i) => {
        ap.appendInteger(i);
        ap.appendVarchar(k);
        ap.endRow();
      });
      ap.flushSync();
      ap.closeSync();
    }
    // The enum types live inside a transaction only: created, used and dropped (or rolled back) within it.
    const createTypes = async (): Promise<void> => {
      for (const set of keys.sets) {
        await c.run(bulkKeyTypeSql(set));
        const [range] = await store.query(bulkKeyRangeSql(set));
        const order = (range!['r'] as { items: string[] }).items;
        if (order.length !== keys.values[set].length || order.some((v, i) => v !== keys.values[set][i])) throw new Error(`enum ${set} is not in the order given`);
      }
    };
    const dropTypes = async (): Promise<void> => {
      for (const set of keys.sets) await c.run(bulkDropKeyTypeSql(set));
    };

    if (!o.dryRun) o.onPhase?.('commit');
    const uploadId = uploadIdFor(o.meta.initiative, o.meta.sha256);
    const checkParams: Record<string, DuckDBValue> = { decimal: rules.decimal, missing: listValue([...MISSING_TOKENS]), n_units: BigInt(keys.nUnits) };
    const checkTypes: Record<string, DuckDBType> = { missing: LIST(VARCHAR) };
    const elementType = { BOOLEAN, DOUBLE, VARCHAR } as const;
    for (const [name, type] of Object.entries(bulkKeyListTypes)) {
      checkParams[name] = listValue(keys.lists[name as keyof typeof bulkKeyListTypes]);
      checkTypes[name] = LIST(elementType[type]);
    }
    await c.run('BEGIN TRANSACTION');
    let open = true;
    const rollback = async (): Promise<void> => {
      if (open) await c.run('ROLLBACK');
      open = false;
    };
    try {
      await createTypes();
      const [current] = await store.query(hasCurrentSql(), { initiative: o.meta.initiative });
      let written: number;
      try {
        const insert = bulkInsertSql(columns);
        const inserted = await c.run(insert, bound(insert, { ...checkParams, upload_id: uploadId, initiative: o.meta.initiative }), checkTypes);
        written = Number(inserted.rowsChanged);
      } catch (e) {
        await rollback();
        // A failing row aborted the insert: find the failing rows and describe them.
        await c.run('BEGIN TRANSACTION');
        open = true;
        await createTypes();
        const badSql = bulkBadRowsSql(columns);
        const bad = await store.query(badSql, bound(badSql, { ...checkParams, limit: o.maxIssues }), checkTypes);
        await rollback();
        for (const b of bad) {
          const cells = names.map((_, i) => (b[`c${i}`] as string | null) ?? '');
          issues.push(...checkRow(cells, Number(b['row']), layout, rules).issues);
        }
        if (issues.length === 0) throw e;
        return fail(rows, issues.slice(0, o.maxIssues), o.dryRun);
      }
      const dups = await stagedDuplicateIssues(store, () => indicatorColumn, o.maxIssues, bulkDuplicateKeysSql(), { upload_id: uploadId });
      if (dups.length > 0) {
        await rollback();
        return fail(rows, dups, o.dryRun);
      }
      if (Number(current!['n']) > 0) await c.run(bulkSupersedeSql(), { upload_id: uploadId, initiative: o.meta.initiative });
      await c.run(insertUploadSql(), {
        id: uploadId,
        initiative: o.meta.initiative,
        file_name: o.meta.fileName,
        sha256: o.meta.sha256,
        row_count: written,
        uploaded_by: o.meta.uploadedBy,
        uploaded_at: o.meta.uploadedAt.toISOString().replace('T', ' ').replace('Z', ''),
        source_kind: o.meta.sourceKind,
      });
      await dropTypes();
      if (o.dryRun) {
        await rollback();
        return { ok: true, uploadId: null, rowsWritten: 0, rowsRead: rows, dryRun: true, issues: [] };
      }
      await c.run('COMMIT');
      open = false;
      return { ok: true, uploadId, rowsWritten: written, rowsRead: rows, dryRun: false, issues: [] };
    } catch (e) {
      await rollback();
      throw e;
    }
  } finally {
    await c.run('DROP TABLE IF EXISTS temp.bulk_raw');
    await c.run('RESET preserve_insertion_order');
  }
}

/** The checked key values: the written values of each key column (enum order) and the lists indexed by code + 1. */
interface CheckedKeys {
  readonly sets: BulkKeySet[];
  readonly values: Record<BulkKeySet, string[]>;
  readonly nUnits: number;
  readonly lists: Record<keyof typeof bulkKeyListTypes, (string | number | boolean | null)[]>;
}

/**
 * Checks each distinct written key value once, with the row path's field checks. A value that is stored as written
 * (the usual case) is marked `same`, so the insert takes it from the reader.
 */
function checkKeys(columns: BulkColumns, rules: ObservationRules, keySet: (set: 'initiative' | 'area' | 'period' | 'indicator') => [string, string][]): CheckedKeys {
  const lists: CheckedKeys['lists'] = Object.fromEntries(Object.keys(bulkKeyListTypes).map((k) => [k, []])) as unknown as CheckedKeys['lists'];
  const values: Record<BulkKeySet, string[]> = { initiative: [], area: [], period: [], indicator: [], unit: [] };
  const sets: BulkKeySet[] = ['area', 'period', 'indicator'];
  if (columns.initiative !== undefined) {
    sets.push('initiative');
    for (const [k] of keySet('initiative')) {
      values.initiative.push(k);
      lists.ini_ok.push(checkInitiativeCell(cellText(k), 0, '', rules) === null);
    }
  }
  for (const [k] of keySet('area')) {
    const a = checkAreaCell(cellText(k), 0, '', rules);
    values.area.push(k);
    lists.area_ok.push(a.issue === null);
    lists.area_value.push(a.value);
    lists.area_same.push(a.value === k);
  }
  for (const [k] of keySet('period')) {
    const p = checkPeriodCell(cellText(k), 0, '', rules);
    values.period.push(k);
    lists.period_ok.push(p.issue === null);
    lists.period_value.push(p.value?.period ?? null);
    lists.period_same.push(p.value?.period === k);
    lists.period_start.push(p.value?.start ?? null);
    lists.period_end.push(p.value?.end ?? null);
  }
  // Indicators are checked with the unit written beside them: one list entry per (indicator, unit) pair.
  const pairs = keySet('indicator');
  const indicatorIndex = new Map<string, number>();
  const unitIndex = new Map<string, number>();
  for (const [k, u] of pairs) {
    if (!indicatorIndex.has(k)) indicatorIndex.set(k, indicatorIndex.size);
    if (columns.unit !== undefined && !unitIndex.has(u)) unitIndex.set(u, unitIndex.size);
  }
  values.indicator = [...indicatorIndex.keys()];
  values.unit = [...unitIndex.keys()];
  if (columns.unit !== undefined) sets.push('unit');
  const nUnits = Math.max(1, unitIndex.size);
  if (indicatorIndex.size * nUnits > 4 * BULK_MAX_DISTINCT) throw new Error(`more than ${4 * BULK_MAX_DISTINCT} indicator and unit pairs`);
  const size = indicatorIndex.size * nUnits;
  const ind = ['ind_ok', 'ind_value', 'ind_same', 'ind_unit', 'ind_unit_same', 'ind_lo', 'ind_hi', 'ind_count'] as const;
  for (const name of ind) lists[name].push(...new Array<null>(size).fill(null));
  for (const [k, u] of pairs) {
    const at = indicatorIndex.get(k)! * nUnits + (columns.unit === undefined ? 0 : unitIndex.get(u)!);
    const r = checkIndicatorCell(cellText(k), columns.unit === undefined ? null : cellText(u), 0, { indicator: '', unit: '', value: '' }, rules);
    const def = r.value ? rules.indicators?.get(r.value.indicator) : undefined;
    const range = def ? indicatorRange(def) : {};
    lists.ind_ok[at] = r.issue === null;
    lists.ind_value[at] = r.value?.indicator ?? null;
    lists.ind_same[at] = r.value?.indicator === k;
    lists.ind_unit[at] = r.value?.unit ?? null;
    lists.ind_unit_same[at] = columns.unit !== undefined && r.value !== null && r.value.unit === u;
    lists.ind_lo[at] = range.min ?? null;
    lists.ind_hi[at] = range.max ?? null;
    lists.ind_count[at] = def?.kind === 'count';
  }
  return { sets, values, nUnits, lists };
}
