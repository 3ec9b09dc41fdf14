import { cellText, checkAreaCell, checkIndicatorCell, checkInitiativeCell, checkPeriodCell, indicatorRange, type ObservationRules } from '../core/index.js';
import type { BulkColumns, BulkKeySet } from './bulk-sql.js';

/**
 * The key values of a bulk upload, checked once each: which written values each enum holds, the values the upload
 * stores (with their codes), and the lists the checked rows look up. See bulk-sql.ts for how they are used.
 */

/** Most distinct values of one key column the bulk path looks up (the whole country has ~15,000 CBS areas). */
export const BULK_MAX_DISTINCT = 1_000_000;

/** One stored value of an upload: its kind, code and text (indicators with their unit, periods with their dates). */
interface DictionaryEntry {
  readonly kind: 'indicator' | 'area' | 'period';
  readonly code: number;
  readonly value: string;
  readonly unit: string | null;
  readonly start: string | null;
  readonly end: string | null;
}

/** The value rules of one stored indicator code. */
interface Range {
  readonly lo: number | null;
  readonly hi: number | null;
  readonly c: boolean;
}

/** The checked key values: each enum's written values, the upload's stored values, and the lists the rows look up. */
export interface CheckedKeys {
  readonly sets: BulkKeySet[];
  readonly values: Record<BulkKeySet, string[]>;
  readonly dictionary: DictionaryEntry[];
  /** Enum code + 1 → stored code where two written forms mean one value (null: the enum code is the stored code); `pairs` with a unit column. */
  readonly lists: { area_canon: number[] | null; period_canon: number[] | null; indicator_canon: number[] | null; pairs: (number | null)[] | null };
  readonly nUnits: number;
  /** Per stored indicator code: its range and whether it must be whole. */
  readonly ranges: Range[];
  /** Whether no two stored indicator codes share an indicator (so duplicate keys can be counted per code). */
  readonly indicatorsDistinct: boolean;
  /** How many stored codes each key has: the range of the duplicate-key bitmaps. */
  readonly space: { indicator: number; area: number; period: number };
}

/** Codes for stored values in order of first appearance; `added` tells whether the last value was new. */
function coder<T>(): { code(id: string, value: T): number; readonly values: T[] } {
  const index = new Map<string, number>();
  const values: T[] = [];
  return {
    code(id, value) {
      let i = index.get(id);
      if (i === undefined) {
        i = values.length;
        index.set(id, i);
        values.push(value);
      }
      return i;
    },
    values,
  };
}

/** Null when every code is its own position (the enum code is the stored code), else the codes. */
const identityOrList = (codes: number[]): number[] | null => (codes.every((code, i) => code === i) ? null : codes);

/**
 * Checks each distinct written key value once, with the row path's field checks. The enums of initiative, area,
 * period and (without a unit column) indicator hold only the values that pass, so any other value fails its row;
 * the upload's stored values get codes in order of first appearance, which are the enum codes themselves unless two
 * written forms mean one value. With a unit column, every written indicator and unit is in its enum and each pair's
 * stored code (or null when the unit does not fit the indicator) is in `pairs`.
 */
export function checkKeys(columns: BulkColumns, rules: ObservationRules, keySet: (set: 'initiative' | 'area' | 'period' | 'indicator') => [string, string][]): CheckedKeys {
  const values: Record<BulkKeySet, string[]> = { initiative: [], area: [], period: [], indicator: [], unit: [] };
  const dictionary: DictionaryEntry[] = [];
  const sets: BulkKeySet[] = ['area', 'period', 'indicator'];
  if (columns.initiative !== undefined) {
    sets.push('initiative');
    for (const [k] of keySet('initiative')) if (checkInitiativeCell(cellText(k), 0, '', rules) === null) values.initiative.push(k);
  }
  const store = (kind: DictionaryEntry['kind'], codes: ReturnType<typeof coder<DictionaryEntry>>, id: string, entry: Omit<DictionaryEntry, 'kind' | 'code'>): number => {
    const before = codes.values.length;
    const code = codes.code(id, { kind, code: before, ...entry });
    if (codes.values.length > before) dictionary.push(codes.values[code]!);
    return code;
  };
  const areas = coder<DictionaryEntry>();
  const areaCodes: number[] = [];
  for (const [k] of keySet('area')) {
    const a = checkAreaCell(cellText(k), 0, '', rules);
    if (a.issue !== null || a.value === null) continue;
    values.area.push(k);
    areaCodes.push(store('area', areas, a.value, { value: a.value, unit: null, start: null, end: null }));
  }
  const periods = coder<DictionaryEntry>();
  const periodCodes: number[] = [];
  for (const [k] of keySet('period')) {
    const p = checkPeriodCell(cellText(k), 0, '', rules);
    if (p.issue !== null || !p.value) continue;
    values.period.push(k);
    periodCodes.push(store('period', periods, p.value.period, { value: p.value.period, unit: null, start: p.value.start, end: p.value.end }));
  }
  // Indicators are checked with the unit written beside them; each (indicator, unit) pair is one stored code.
  const indicators = coder<DictionaryEntry>();
  const ranges: Range[] = [];
  const pairCode = (k: string, u: string | null): number | null => {
    const r = checkIndicatorCell(cellText(k), u === null ? null : cellText(u), 0, { indicator: '', unit: '', value: '' }, rules);
    if (r.issue !== null || !r.value) return null;
    const before = indicators.values.length;
    const code = store('indicator', indicators, JSON.stringify([r.value.indicator, r.value.unit]), { value: r.value.indicator, unit: r.value.unit, start: null, end: null });
    if (indicators.values.length > before) {
      const def = rules.indicators?.get(r.value.indicator);
      const range = def ? indicatorRange(def) : {};
      ranges.push({ lo: range.min ?? null, hi: range.max ?? null, c: def?.kind === 'count' });
    }
    return code;
  };
  const pairs = keySet('indicator');
  let indicatorCanon: number[] | null = null;
  let pairList: (number | null)[] | null = null;
  let nUnits = 1;
  if (columns.unit === undefined) {
    const codes: number[] = [];
    for (const [k] of pairs) {
      const code = pairCode(k, null);
      if (code === null) continue;
      values.indicator.push(k);
      codes.push(code);
    }
    indicatorCanon = identityOrList(codes);
  } else {
    sets.push('unit');
    const indicatorIndex = new Map<string, number>();
    const unitIndex = new Map<string, number>();
    for (const [k, u] of pairs) {
      if (!indicatorIndex.has(k)) indicatorIndex.set(k, indicatorIndex.size);
      if (!unitIndex.has(u)) unitIndex.set(u, unitIndex.size);
    }
    values.indicator = [...indicatorIndex.keys()];
    values.unit = [...unitIndex.keys()];
    nUnits = Math.max(1, unitIndex.size);
    if (indicatorIndex.size * nUnits > 4 * BULK_MAX_DISTINCT) throw new Error(`more than ${4 * BULK_MAX_DISTINCT} indicator and unit pairs`);
    pairList = new Array<number | null>(indicatorIndex.size * nUnits).fill(null);
    for (const [k, u] of pairs) pairList[indicatorIndex.get(k)! * nUnits + unitIndex.get(u)!] = pairCode(k, u);
  }
  const named = new Set(indicators.values.map((d) => d.value));
  return {
    sets,
    values,
    dictionary,
    lists: { area_canon: identityOrList(areaCodes), period_canon: identityOrList(periodCodes), indicator_canon: indicatorCanon, pairs: pairList },
    nUnits,
    ranges,
    indicatorsDistinct: named.size === indicators.values.length,
    space: { indicator: indicators.values.length, area: areas.values.length, period: periods.values.length },
  };
}
