import { parseEvaluationPeriod, type EvaluationPeriod } from './period.js';

/**
 * One observation as the evaluation core reads it: a value of an indicator in an area over a period. Survey
 * values carry their sample size `n` (and `sd` for means); ratio indicators carry `numerator` and `denominator`.
 * The data layer maps store rows to this shape.
 */
export interface EvaluationObservation {
  readonly indicator: string;
  /** CBS area code (GM####, WK######, BU########). */
  readonly area: string;
  /** `2024`, `2024-H1`, `2024-Q1`, `2024-01` or `2024-01-31`. */
  readonly period: string;
  readonly value: number;
  /** Sample size (respondents, or population for a register share). */
  readonly n?: number;
  /** Sample standard deviation, for means. */
  readonly sd?: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

/** An observation with its parsed period. */
export interface DatedObservation extends EvaluationObservation {
  readonly parsed: EvaluationPeriod;
}

/**
 * The observations known "as of" a date: those whose period has ended on or before `asOf`. A year 2024 is
 * only known from 2024-12-31 on, so a mid-term review on 2024-06-30 does not see it. The result is sorted by
 * period (end, start, label), then area and indicator, so every later step is independent of input order.
 * Rows without a finite value (not measured) are left out, never read as 0. The input is not mutated.
 * @throws RangeError when a period label cannot be parsed.
 * @example observationsAsOf(rows, '2025-12-31')
 */
export function observationsAsOf(observations: readonly EvaluationObservation[], asOf: string): DatedObservation[] {
  const out: DatedObservation[] = [];
  for (const o of observations) {
    // A value that is not a finite number was not measured; it is left out, never read as 0.
    if (typeof o.value !== 'number' || !Number.isFinite(o.value)) continue;
    const parsed = parseEvaluationPeriod(o.period);
    if (parsed.end <= asOf) out.push({ ...o, parsed });
  }
  return out.sort(compareObservations);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders observations by period end, period start, label, area, indicator, value. */
export function compareObservations(a: DatedObservation, b: DatedObservation): number {
  return (
    cmp(a.parsed.end, b.parsed.end) ||
    cmp(a.parsed.start, b.parsed.start) ||
    cmp(a.parsed.label, b.parsed.label) ||
    cmp(a.area, b.area) ||
    cmp(a.indicator, b.indicator) ||
    a.value - b.value
  );
}
