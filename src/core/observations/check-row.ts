import type { Indicator } from '../schema/indicator.js';
import { closest } from '../closest.js';
import type { ColumnLayout } from './columns.js';
import { observationIssue, type ObservationIssue } from './issue.js';
import { isMissing, parseNumber } from './number.js';
import type { Observation } from './observation.js';
import { parsePeriod } from './period.js';
import { areaKnown, type ObservationRules } from './rules.js';

const AREA = /^(GM\d{4}|WK\d{6}|BU\d{8})$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Observations and issues from one row. */
export interface RowResult {
  readonly observations: Observation[];
  readonly issues: ObservationIssue[];
}

function text(v: string | undefined): string | null {
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  return `${min ?? '−∞'} … ${max ?? '∞'}`;
}

/** The value range of an indicator: its declared min/max, and [0, 1] for a share when not declared. */
export function indicatorRange(ind: Indicator): { min?: number; max?: number } {
  const min = ind.min ?? (ind.kind === 'share' ? 0 : undefined);
  const max = ind.max ?? (ind.kind === 'share' ? 1 : undefined);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function checkValue(
  raw: string,
  column: string,
  row: number,
  indicatorId: string,
  ind: Indicator | undefined,
  rules: ObservationRules,
  issues: ObservationIssue[],
): number | null | undefined {
  const parsed = parseNumber(raw, rules.decimal);
  if (parsed.kind === 'missing') return null;
  if (parsed.kind === 'invalid') {
    issues.push(observationIssue('data.not-a-number', row, column, raw.trim()));
    return undefined;
  }
  if (parsed.kind === 'ambiguous') {
    issues.push(observationIssue('data.ambiguous-number', row, column, raw.trim(), { expected: rules.decimal === ',' ? 'komma (,) / comma' : 'punt (.) / point' }));
    return undefined;
  }
  const v = parsed.value;
  if (ind) {
    const { min, max } = indicatorRange(ind);
    if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
      issues.push(observationIssue('data.out-of-range', row, column, raw.trim(), { indicator: indicatorId, expected: rangeText(min, max) }));
      return undefined;
    }
    if (ind.kind === 'count' && !Number.isInteger(v)) {
      issues.push(observationIssue('data.not-integer', row, column, raw.trim(), { indicator: indicatorId }));
      return undefined;
    }
  }
  return v;
}

/**
 * Checks one data row against the layout and rules, returning its observations (one in long form, one per
 * indicator column in wide form) and every problem found in it. Duplicate keys span rows and are checked by
 * the caller. `row` is the spreadsheet row number (header = 1).
 * @example checkRow(['bezoekers-65plus', 'WK051836', '2025-Q2', '118'], 3, layout, rules)
 */
export function checkRow(cells: readonly string[], row: number, layout: ColumnLayout, rules: ObservationRules): RowResult {
  const issues: ObservationIssue[] = [];
  const h = layout.header;
  if (cells.length !== h.length) {
    issues.push(observationIssue('data.ragged-row', row, h[Math.min(cells.length, h.length) - 1] ?? null, cells.join('|'), { found: cells.length, expected: h.length }));
    return { observations: [], issues };
  }
  const f = layout.fields;
  const cell = (i: number | undefined): string | undefined => (i === undefined ? undefined : cells[i]);
  const col = (i: number | undefined): string => (i === undefined ? '' : h[i]!);

  const initiative = text(cell(f.initiative));
  if (initiative !== null && initiative !== rules.initiative)
    issues.push(observationIssue('data.initiative-mismatch', row, col(f.initiative), initiative, { expected: rules.initiative }));

  const area = text(cell(f.area));
  const example = rules.areas && rules.areas.size > 0 ? [...rules.areas][0]! : (rules.municipality ?? 'WK051836');
  if (area === null) issues.push(observationIssue('data.missing-area', row, col(f.area), null, { expected: example }));
  else if (!AREA.test(area)) issues.push(observationIssue('data.invalid-area', row, col(f.area), area, { expected: example }));
  else if (!areaKnown(area, rules))
    issues.push(observationIssue('data.unknown-area', row, col(f.area), area, { expected: [...(rules.areas ?? []), ...(rules.municipality ? [rules.municipality] : [])].join(', ') }));

  const periodText = text(cell(f.period));
  let period: { period: string; start: string; end: string } | undefined;
  if (periodText === null) issues.push(observationIssue('data.missing-period', row, col(f.period), null));
  else {
    const p = parsePeriod(periodText);
    if (!p.ok) issues.push(observationIssue(p.reason === 'invalid-date' ? 'data.invalid-date' : 'data.invalid-period', row, col(f.period), periodText));
    else if (rules.period && (p.value.start < rules.period.start || p.value.end > rules.period.end))
      issues.push(observationIssue('data.period-outside', row, col(f.period), periodText, { expected: `${rules.period.start} – ${rules.period.end}` }));
    else period = p.value;
  }

  const source = text(cell(f.source));
  const note = text(cell(f.note));
  const entries: { indicator: string; raw: string; column: string }[] = [];
  if (layout.kind === 'long') {
    const id = text(cell(f.indicator));
    const known = [...(rules.indicators?.keys() ?? [])];
    if (id === null) issues.push(observationIssue('data.missing-indicator', row, col(f.indicator), null, { expected: known.join(', ') }));
    else if (rules.indicators ? !rules.indicators.has(id) : !SLUG.test(id)) {
      const near = closest(id, known);
      issues.push(
        observationIssue('data.unknown-indicator', row, col(f.indicator), id, {
          expected: known.join(', '),
          suggestion: near ? ` — bedoelt u / did you mean "${near}"?` : '',
        }),
      );
    } else entries.push({ indicator: id, raw: cell(f.value) ?? '', column: col(f.value) });
  } else for (const c of layout.indicators) entries.push({ indicator: c.indicator, raw: cells[c.index] ?? '', column: h[c.index]! });

  let n: number | null = null;
  let sd: number | null = null;
  let unit: string | null = null;
  if (layout.kind === 'long') {
    const nText = text(cell(f.n));
    if (nText !== null && !isMissing(nText)) {
      const p = parseNumber(nText, rules.decimal);
      if (p.kind !== 'number' || !Number.isInteger(p.value) || p.value < 1) issues.push(observationIssue('data.invalid-n', row, col(f.n), nText));
      else n = p.value;
    }
    const sdText = text(cell(f.sd));
    if (sdText !== null && !isMissing(sdText)) {
      const p = parseNumber(sdText, rules.decimal);
      if (p.kind !== 'number' || p.value < 0) issues.push(observationIssue('data.invalid-sd', row, col(f.sd), sdText));
      else sd = p.value;
    }
    unit = text(cell(f.unit));
  }

  const observations: Observation[] = [];
  for (const e of entries) {
    const ind = rules.indicators?.get(e.indicator);
    if (ind?.expression !== undefined) {
      issues.push(observationIssue('data.derived-supplied', row, e.column, e.indicator, { expected: ind.expression }));
      continue;
    }
    if (ind && unit !== null && unit.toLowerCase() !== ind.unit.toLowerCase())
      issues.push(observationIssue('data.unit-mismatch', row, col(f.unit), unit, { indicator: e.indicator, expected: ind.unit }));
    const value = checkValue(e.raw, e.column, row, e.indicator, ind, rules, issues);
    if (value === undefined || issues.length > 0 || !period || area === null) continue;
    observations.push({
      initiative: rules.initiative,
      indicator: e.indicator,
      area,
      period: period.period,
      periodStart: period.start,
      periodEnd: period.end,
      value,
      unit: unit ?? ind?.unit ?? null,
      source,
      n,
      sd,
      note,
      row,
    });
  }
  return { observations: issues.length > 0 ? [] : observations, issues };
}
