import type { EvaluationIndicator, PeriodValue } from './period-aggregate.js';
import { rollUpPeriods, type RolledUpValue } from './period-rollup.js';

/** A calendar-year value built from shorter periods, with how much of the year the periods cover. */
export type YearValue = RolledUpValue;

/**
 * Rolls period values up to calendar years ({@link rollUpPeriods} with `per: 'year'`): an annual figure as is,
 * otherwise the year's periods combined by the indicator's rule; only years ended by `asOf`, with `coverage`.
 * @example rollUpToYears(quarters, { id: 'bezoekers', kind: 'count' }, '2025-12-31') // [{ period: 2025, value: Σ quarters, coverage: 1 }]
 */
export function rollUpToYears(values: readonly PeriodValue[], indicator: EvaluationIndicator, asOf: string): YearValue[] {
  return [...rollUpPeriods(values, indicator, asOf, 'year').values];
}
