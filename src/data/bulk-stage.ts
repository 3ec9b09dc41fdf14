import { BOOLEAN, DOUBLE, INTEGER, listValue, LIST, STRUCT, structValue, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { checkRow, detectLayout, MISSING_TOKENS, observationIssue, type MessageCode, type ObservationIssue, type ObservationRules } from '../core/index.js';
import { BULK_MAX_DISTINCT, checkKeys } from './bulk-keys.js';
import {
  bulkBadRowsSql,
  bulkCodedSql,
  bulkDictionaryInsertSql,
  bulkDictionaryTableSql,
  bulkDetailsSql,
  bulkIndicatorSummarySql,
  bulkInsertSql,
  bulkKeyRangeSql,
  bulkKeyTableSql,
  bulkKeyTypeSql,
  bulkKeyScanSql,
  bulkKeyTypes,
  bulkReadSql,
  bulkRejectsSql,
  type BulkCanon,
  type BulkColumns,
  type BulkKeySet,
} from './bulk-sql.js';
import { insertUpload, stagedDuplicateIssues, supersedeEarlier, uploadIdFor, type InTransaction, type IngestResult, type UploadMeta } from './commit-upload.js';
import type { FileSniff } from './sniff-file.js';
import type { ObservationStore } from './store.js';
import { duplicateKeysSql } from './store-sql.js';

/** How many bulk uploads this process started: names each upload's in-memory catalog of enum types. */
let uploadsStarted = 0;

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
  readonly inTransaction?: InTransaction;
}

/** The parameters a statement names (DuckDB refuses to bind one it does not). */
function bound(sql: string, params: Record<string, DuckDBValue>): Record<string, DuckDBValue> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}

const fail = (rowsRead: number, issues: ObservationIssue[], dryRun: boolean): IngestResult => ({ ok: false, uploadId: null, rowsWritten: 0, rowsRead, dryRun, issues });

/**
 * Ingests a long-form CSV through DuckDB's own reader (see bulk-sql.ts) with the same rules as the row path: one
 * read gives the distinct key values, checked here once each by the row path's field checks; a second read checks
 * every row in SQL and keeps it as codes in a temporary table (file order); value ranges and duplicate keys are
 * checked per indicator on that table; then the upload's transaction copies it into the store. Memory is DuckDB's,
 * bounded by its memory_limit (spilling to disk), not by the file size. When any row fails, the file is read once
 * more with row numbers and the failing rows are described by the row checker, so the issues are those of the row
 * path. A dry run does all of it and rolls back. Answers `row-path` for a file with a line of only spaces or tabs
 * (a blank row to the row path, a short one to DuckDB's reader) or a line DuckDB's reader sets aside for another
 * reason than its fields or quotes (a line longer than its limit).
 */
export async function bulkIngestCsv(store: ObservationStore, path: string, o: BulkIngestOptions): Promise<IngestResult | 'row-path'> {
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
  // The upload's enum types live in an in-memory catalog of its own, detached (and so gone) when it ends.
  const catalog = `rendement_bulk_${++uploadsStarted}`;
  try {
    // Row numbers are bulk_coded's (and bulk_raw's) rowid, which follows the file only when the read keeps insertion order.
    await c.run('SET preserve_insertion_order = true');
    await c.run(`ATTACH ':memory:' AS ${catalog}`);
    o.onPhase?.('read');
    await c.run('DROP TABLE IF EXISTS temp.bulk_rejects');
    await c.run('DROP TABLE IF EXISTS temp.bulk_reject_scans');
    const keyRows = await store.query(bulkKeyScanSql(columns), { ...read, limit: 4 * BULK_MAX_DISTINCT + 2 });
    if (keyRows.length > 4 * BULK_MAX_DISTINCT + 1) throw new Error(`more than ${BULK_MAX_DISTINCT} distinct keys in one column`);

    const issues: ObservationIssue[] = [];
    const rejects = await store.query(bulkRejectsSql(), { limit: o.maxIssues });
    // A line of only spaces or tabs is a blank row to the row path but a short line to DuckDB's reader, and a line
    // over the reader's size limit is no fault of the file: the row path decides these.
    if (Number(rejects[0]?.['blank'] ?? 0) > 0 || Number(rejects[0]?.['other'] ?? 0) > 0) return 'row-path';
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
    const rows = Number(total?.['n'] ?? 0) + Number(rejects[0]?.['lines'] ?? 0);
    if (issues.length > 0) return fail(rows, issues, o.dryRun);
    if (rows === 0) return fail(rows, [observationIssue('data.no-data-rows', 1, null, null)], o.dryRun);

    // Sorted, so the codes an upload's values are stored under do not depend on the order DuckDB returned them in.
    const byText = (a: [string, string], b: [string, string]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
    const keySet = (set: string): [string, string][] => keyRows.filter((r) => r['s'] === set).map((r): [string, string] => [String(r['k']), String(r['u'])]).sort(byText);
    const keys = checkKeys(columns, rules, keySet);
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
      await c.run(bulkKeyTypeSql(set, catalog));
      const [range] = await store.query(bulkKeyRangeSql(set, catalog));
      const order = (range!['r'] as { items: string[] }).items;
      if (order.length !== keys.values[set].length || order.some((v, i) => v !== keys.values[set][i])) throw new Error(`enum ${set} is not in the order given`);
    }
    await c.run(bulkDictionaryTableSql());
    const dict = await c.createAppender('bulk_dictionary', 'main', 'temp');
    for (const d of keys.dictionary) {
      dict.appendVarchar(d.kind);
      dict.appendInteger(d.code);
      for (const v of [d.value, d.unit, d.start, d.end]) {
        if (v === null) dict.appendNull();
        else dict.appendVarchar(v);
      }
      dict.endRow();
    }
    dict.flushSync();
    dict.closeSync();

    const checkParams: Record<string, DuckDBValue> = { decimal: rules.decimal, missing: listValue([...MISSING_TOKENS]), n_units: BigInt(keys.nUnits) };
    const checkTypes: Record<string, DuckDBType> = { missing: LIST(VARCHAR) };
    for (const [name, list] of Object.entries(keys.lists)) {
      if (list === null) continue;
      checkParams[name] = listValue(list);
      checkTypes[name] = LIST(INTEGER);
    }
    checkParams['ranges'] = listValue(keys.ranges.map((r) => structValue({ ...r })));
    checkTypes['ranges'] = LIST(STRUCT({ lo: DOUBLE, hi: DOUBLE, c: BOOLEAN }));
    const canon: BulkCanon = { area: keys.lists.area_canon !== null, period: keys.lists.period_canon !== null, indicator: keys.lists.indicator_canon !== null };

    /** Reads the file once more with row numbers, finds the failing rows (ranges checked per row) and describes them with the row checker. */
    const describeBadRows = async (cause: unknown): Promise<IngestResult> => {
      await c.run(bulkReadSql(names.length), read);
      const badSql = bulkBadRowsSql(columns, canon, catalog);
      const bad = await store.query(badSql, bound(badSql, { ...checkParams, limit: o.maxIssues }), checkTypes);
      for (const b of bad) {
        const cells = names.map((_, i) => (b[`c${i}`] as string | null) ?? '');
        issues.push(...checkRow(cells, Number(b['row']), layout, rules).issues);
      }
      if (issues.length === 0) throw cause;
      return fail(rows, issues.slice(0, o.maxIssues), o.dryRun);
    };
    try {
      const coded = bulkCodedSql(columns, canon, catalog);
      await c.run(coded, bound(coded, { ...checkParams, ...read }), checkTypes);
    } catch (e) {
      // A failing row aborted the read: find the failing rows and describe them.
      return await describeBadRows(e);
    }
    // Value ranges and whole counts, per indicator: the smallest and largest value must lie in the indicator's range.
    const summary = await store.query(bulkIndicatorSummarySql(keys.space));
    const outOfRange = summary.some((g) => {
      const rule = keys.ranges[Number(g['indicator'])]!;
      const lo = g['lo'] as number | null;
      const hi = g['hi'] as number | null;
      return (rule.lo !== null && lo !== null && lo < rule.lo) || (rule.hi !== null && hi !== null && hi > rule.hi) || (rule.c && g['whole'] !== true);
    });
    if (outOfRange) return await describeBadRows(new Error("a value outside its indicator's range"));
    // Duplicate keys: ruled out by the bitmaps where they apply, otherwise listed as text once the rows are in.
    const mayRepeat = !keys.indicatorsDistinct || summary.some((g) => g['d'] === null || Number(g['d']) !== Number(g['n']));

    if (!o.dryRun) o.onPhase?.('commit');
    const uploadId = uploadIdFor(o.meta.initiative, o.meta.sha256);
    await c.run('BEGIN TRANSACTION');
    try {
      const key = await insertUpload(store, uploadId, o.meta, rows);
      const inserted = await c.run(bulkInsertSql(), { key });
      const written = Number(inserted.rowsChanged);
      if (written !== rows) throw new Error(`the second read gave ${written} rows, the first ${rows}`);
      await c.run(bulkDictionaryInsertSql(), { key });
      if (mayRepeat) {
        const dups = await stagedDuplicateIssues(store, () => indicatorColumn, o.maxIssues, duplicateKeysSql('upload'), { upload_id: uploadId });
        if (dups.length > 0) {
          await c.run('ROLLBACK');
          return fail(rows, dups, o.dryRun);
        }
      }
      if ([columns.source, columns.n, columns.sd, columns.note].some((i) => i !== undefined)) await c.run(bulkDetailsSql(), { key });
      await supersedeEarlier(store, key, o.meta.initiative);
      if (o.dryRun) {
        await c.run('ROLLBACK');
        return { ok: true, uploadId: null, rowsWritten: 0, rowsRead: rows, dryRun: true, issues: [] };
      }
      await o.inTransaction?.(uploadId, written);
      await c.run('COMMIT');
      return { ok: true, uploadId, rowsWritten: written, rowsRead: rows, dryRun: false, issues: [] };
    } catch (e) {
      await c.run('ROLLBACK');
      throw e;
    }
  } finally {
    const tables = ['bulk_coded', 'bulk_raw', 'bulk_dictionary', 'bulk_rejects', 'bulk_reject_scans', ...Object.keys(bulkKeyTypes).map((set) => `bulk_keys_${set}`)];
    for (const table of tables) await c.run(`DROP TABLE IF EXISTS temp.${table}`);
    await c.run(`DETACH DATABASE IF EXISTS ${catalog}`);
    await c.run('RESET preserve_insertion_order');
  }
}
