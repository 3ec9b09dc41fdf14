import type { Indicator } from '../schema/indicator.js';
import { closest } from '../closest.js';
import { observationIssue, type ObservationIssue } from './issue.js';
import { isMissing, parseNumber } from './number.js';
import { parsePeriod, type ObservationPeriod } from './period.js';
import { areaKnown, type ObservationRules } from './rules.js';

// The checks of one field each. The row checker (check-row.ts) runs them per row; the bulk path runs the key
// checks once per distinct value and joins the result in SQL, so both paths apply the very same rules.

const AREA = /^(GM\d{4}|WK\d{6}|BU\d{8})$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A checked field: its value, or the issue that stops it. */
export type FieldCheck<T> = { readonly value: T; readonly issue: null } | { readonly value: null; readonly issue: ObservationIssue };

const ok = <T>(value: T): FieldCheck<T> => ({ value, issue: null });
const bad = <T>(issue: ObservationIssue): FieldCheck<T> => ({ value: null, issue });

/** Trimmed cell text, null when empty. */
export function cellText(v: string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** The value range of an indicator: its declared min/max, and [0, 1] for a share when not declared. */
export function indicatorRange(ind: Indicator): { min?: number; max?: number } {
  const min = ind.min ?? (ind.kind === 'share' ? 0 : undefined);
  const max = ind.max ?? (ind.kind === 'share' ? 1 : undefined);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** An initiative cell must be empty or name the initiative being uploaded for. */
export function checkInitiativeCell(text: string | null, row: number, column: string, rules: ObservationRules): ObservationIssue | null {
  return text !== null && text !== rules.initiative ? observationIssue('data.initiative-mismatch', row, column, text, { expected: rules.initiative }) : null;
}

/** An area cell: a CBS code (GM/WK/BU) belonging to the initiative. */
export function checkAreaCell(text: string | null, row: number, column: string, rules: ObservationRules): FieldCheck<string> {
  const example = rules.areas && rules.areas.size > 0 ? [...rules.areas][0]! : (rules.municipality ?? 'WK051836');
  if (text === null) return bad(observationIssue('data.missing-area', row, column, null, { expected: example }));
  if (!AREA.test(text)) return bad(observationIssue('data.invalid-area', row, column, text, { expected: example }));
  if (!areaKnown(text, rules))
    return bad(
      observationIssue('data.unknown-area', row, column, text, { expected: [...(rules.areas ?? []), ...(rules.municipality ? [rules.municipality] : [])].join(', ') }),
    );
  return ok(text);
}

/** A period cell: a year, quarter, month or date within the initiative's period, and not starting after the upload day. */
export function checkPeriodCell(text: string | null, row: number, column: string, rules: ObservationRules): FieldCheck<ObservationPeriod> {
  if (text === null) return bad(observationIssue('data.missing-period', row, column, null));
  const p = parsePeriod(text);
  if (!p.ok) return bad(observationIssue(p.reason === 'invalid-date' ? 'data.invalid-date' : 'data.invalid-period', row, column, text));
  if (rules.period && (p.value.start < rules.period.start || p.value.end > rules.period.end))
    return bad(observationIssue('data.period-outside', row, column, text, { expected: `${rules.period.start} – ${rules.period.end}` }));
  // A period that has begun counts (this year's figures so far); one that begins after the upload day is a typo or a forecast.
  if (rules.today !== undefined && p.value.start > rules.today)
    return bad(observationIssue('data.future-period', row, column, text, { start: p.value.start, today: rules.today }));
  return ok(p.value);
}

/**
 * An indicator cell (with the unit cell of the same row, if any): known to the model, not derived, and in the
 * indicator's unit. Returns the indicator id and the unit to store.
 */
export function checkIndicatorCell(
  text: string | null,
  unitText: string | null,
  row: number,
  columns: { readonly indicator: string; readonly unit: string; readonly value: string },
  rules: ObservationRules,
): FieldCheck<{ indicator: string; unit: string | null }> {
  const known = [...(rules.indicators?.keys() ?? [])];
  if (text === null) return bad(observationIssue('data.missing-indicator', row, columns.indicator, null, { expected: known.join(', ') }));
  if (rules.indicators ? !rules.indicators.has(text) : !SLUG.test(text)) {
    const near = closest(text, known);
    return bad(
      observationIssue('data.unknown-indicator', row, columns.indicator, text, {
        expected: known.join(', '),
        suggestion: near ? ` — bedoelt u / did you mean "${near}"?` : '',
      }),
    );
  }
  const ind = rules.indicators?.get(text);
  if (ind?.expression !== undefined) return bad(observationIssue('data.derived-supplied', row, columns.value, text, { expected: ind.expression }));
  if (ind && unitText !== null && unitText.toLowerCase() !== ind.unit.toLowerCase())
    return bad(observationIssue('data.unit-mismatch', row, columns.unit, unitText, { indicator: text, expected: ind.unit }));
  return ok({ indicator: text, unit: unitText ?? ind?.unit ?? null });
}

/** The issue for a value that is out of its indicator's range or not whole for a count, else null. */
export function valueRangeIssue(v: number, raw: string, row: number, column: string, indicatorId: string, ind: Indicator | undefined): ObservationIssue | null {
  if (!ind) return null;
  const { min, max } = indicatorRange(ind);
  if ((min !== undefined && v < min) || (max !== undefined && v > max))
    return observationIssue('data.out-of-range', row, column, raw, { indicator: indicatorId, expected: `${min ?? '−∞'} … ${max ?? '∞'}` });
  if (ind.kind === 'count' && !Number.isInteger(v)) return observationIssue('data.not-integer', row, column, raw, { indicator: indicatorId });
  return null;
}

/** A value cell: a number in range, or missing (null; never 0). */
export function checkValueCell(
  raw: string,
  row: number,
  column: string,
  indicatorId: string,
  ind: Indicator | undefined,
  rules: ObservationRules,
): FieldCheck<number | null> {
  const t = raw.trim();
  const parsed = parseNumber(t, rules.decimal);
  if (parsed.kind === 'missing') return ok(null);
  if (parsed.kind === 'invalid') return bad(observationIssue('data.not-a-number', row, column, t));
  if (parsed.kind === 'ambiguous')
    return bad(observationIssue('data.ambiguous-number', row, column, t, { expected: rules.decimal === ',' ? 'komma (,) / comma' : 'punt (.) / point' }));
  const issue = valueRangeIssue(parsed.value, t, row, column, indicatorId, ind);
  return issue ? bad(issue) : ok(parsed.value);
}

/** A survey sample size: empty, or a whole number of at least 1. */
export function checkNCell(text: string | null, row: number, column: string, rules: ObservationRules): FieldCheck<number | null> {
  if (text === null || isMissing(text)) return ok(null);
  const p = parseNumber(text, rules.decimal);
  return p.kind !== 'number' || !Number.isInteger(p.value) || p.value < 1 ? bad(observationIssue('data.invalid-n', row, column, text)) : ok(p.value);
}

/** A survey standard deviation: empty, or a number of at least 0. */
export function checkSdCell(text: string | null, row: number, column: string, rules: ObservationRules): FieldCheck<number | null> {
  if (text === null || isMissing(text)) return ok(null);
  const p = parseNumber(text, rules.decimal);
  return p.kind !== 'number' || p.value < 0 ? bad(observationIssue('data.invalid-sd', row, column, text)) : ok(p.value);
}
