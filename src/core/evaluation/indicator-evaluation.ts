import { observationsAsOf, type EvaluationObservation } from './observation.js';
import { periodValues, type EvaluationIndicator, type PeriodValue } from './period-aggregate.js';
import { periodInterval, waveTest } from './sampling.js';
import { rollUpToYears } from './year-rollup.js';
import { linearTrend, type Trend } from './trend.js';
import { differenceInDifferences, type DateWindow, type DidResult, type DidStandardError } from './difference-in-differences.js';
import { benjaminiHochbergAdjust, holmAdjust } from './multiple-testing.js';
import type { ConfidenceInterval } from './interval.js';
import type { TestResult } from './test-result.js';
import type { EvaluationNote } from './evaluation-messages.js';

/** One period of an indicator, with its interval. */
export interface IndicatorPoint {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly value: number;
  readonly n: number | null;
  readonly ci: ConfidenceInterval | null;
  /** How areas were combined (`single`, `sum`, `weighted-mean`, `mean`, `ratio`). */
  readonly method: string;
}

/** A comparison-area design for an indicator. */
export interface ComparisonDesign {
  readonly areas: readonly string[];
  readonly pre: DateWindow;
  readonly post: DateWindow;
  readonly preTrend?: DateWindow;
  readonly parallelTolerance?: number;
  /** Where the DiD's standard error comes from (default `panel`); see {@link DidStandardError}. */
  readonly standardError?: DidStandardError;
}

/** Options of an indicator evaluation. */
export interface IndicatorEvaluationOptions {
  /** Observations whose period ends after this date are ignored. */
  readonly asOf: string;
  /** Target areas; default every area in the data. */
  readonly areas?: readonly string[];
  /** Start of the initiative: the baseline is the last period that ends before it, else the first period. */
  readonly start?: string;
  readonly level?: number;
  readonly comparison?: ComparisonDesign;
  /** Calendar-year values instead of the reported periods ({@link rollUpToYears}); only finished years. */
  readonly byYear?: boolean;
}

/** An indicator's baseline, latest value, change, trend and comparison, as of a date. */
export interface IndicatorEvaluation {
  readonly id: string;
  readonly kind: string | null;
  readonly unit: string | null;
  readonly asOf: string;
  readonly areas: readonly string[];
  readonly series: readonly IndicatorPoint[];
  readonly baseline: IndicatorPoint | null;
  readonly latest: IndicatorPoint | null;
  /** latest − baseline; null with fewer than two periods. */
  readonly change: number | null;
  /** change / |baseline|; null when the baseline is 0. */
  readonly relativeChange: number | null;
  /** Least-squares slope per year over all periods, with its t interval. */
  readonly trend: Trend | null;
  /** Test between the baseline and the latest wave (two-proportion z or Welch t). */
  readonly test: TestResult | null;
  /** The test's p-value after correction over all indicators evaluated together. */
  readonly pValueAdjusted: number | null;
  readonly comparison: DidResult | null;
  /** Each comparison area's own series (same rules as the target's), to draw beside it. */
  readonly comparisonSeries: readonly { readonly area: string; readonly series: readonly IndicatorPoint[] }[];
  readonly notes: readonly EvaluationNote[];
}

function toPoint(indicator: EvaluationIndicator, v: PeriodValue, level: number): IndicatorPoint {
  return { period: v.period.label, start: v.period.start, end: v.period.end, value: v.value, n: v.n, ci: periodInterval(indicator, v, level), method: v.method };
}

/**
 * Evaluates one indicator as of a date (METHODS §5): its series per period (areas combined, ratios as
 * Σ numerator / Σ denominator), baseline (last period ending before `start`, else the first) and latest value,
 * change Δ = y_latest − y_baseline, the least-squares trend per year with its t interval, the interval of each
 * value (Wilson / t), the test between baseline and latest wave (two-proportion z / Welch t), and optionally a
 * difference-in-differences against comparison areas ({@link differenceInDifferences}).
 * @example evaluateIndicator({ id: 'eenzaamheid', kind: 'share' }, rows, { asOf: '2025-12-31', start: '2024-01-01' })
 */
export function evaluateIndicator(
  indicator: EvaluationIndicator,
  observations: readonly EvaluationObservation[],
  options: IndicatorEvaluationOptions,
): IndicatorEvaluation {
  const level = options.level ?? 0.95;
  const rows = observationsAsOf(observations, options.asOf).filter(
    (o) => o.indicator === indicator.id && (options.areas === undefined || options.areas.includes(o.area)),
  );
  const perPeriod = periodValues(rows, indicator);
  const series = options.byYear ? rollUpToYears(perPeriod, indicator, options.asOf) : perPeriod;
  const areas = options.areas ? [...options.areas].sort() : [...new Set(rows.map((r) => r.area))].sort();
  const before = options.start === undefined ? [] : series.filter((v) => v.period.end < options.start!);
  const baseV = before.length > 0 ? before[before.length - 1]! : (series[0] ?? null);
  const lastV = series.length > 0 ? series[series.length - 1]! : null;
  const two = baseV !== null && lastV !== null && baseV !== lastV;
  const change = two ? lastV.value - baseV.value : null;
  const comparison = options.comparison
    ? differenceInDifferences(indicator, observations, areas, options.comparison.areas, {
        asOf: options.asOf,
        pre: options.comparison.pre,
        post: options.comparison.post,
        ...(options.comparison.preTrend ? { preTrend: options.comparison.preTrend } : {}),
        ...(options.comparison.parallelTolerance !== undefined ? { parallelTolerance: options.comparison.parallelTolerance } : {}),
        ...(options.comparison.standardError !== undefined ? { standardError: options.comparison.standardError } : {}),
        level,
      })
    : null;
  const test = two ? waveTest(indicator, baseV, lastV, level) : null;
  return {
    id: indicator.id,
    kind: indicator.kind ?? null,
    unit: indicator.unit ?? null,
    asOf: options.asOf,
    areas,
    series: series.map((v) => toPoint(indicator, v, level)),
    baseline: baseV ? toPoint(indicator, baseV, level) : null,
    latest: lastV ? toPoint(indicator, lastV, level) : null,
    change,
    relativeChange: two && baseV.value !== 0 ? change! / Math.abs(baseV.value) : null,
    trend: linearTrend(series.map((v) => ({ x: v.period.mid, y: v.value })), level),
    test,
    pValueAdjusted: test?.pValue ?? null,
    comparison,
    comparisonSeries: options.comparison
      ? options.comparison.areas.map((area) => ({
          area,
          series: evaluateIndicator(indicator, observations, { asOf: options.asOf, areas: [area], level, ...(options.byYear ? { byYear: true } : {}) }).series,
        }))
      : [],
    notes: comparison ? comparison.notes : [],
  };
}

/**
 * Evaluates many indicators together and corrects their wave tests for multiple testing: Holm by default
 * ({@link holmAdjust}), or Benjamini–Hochberg ({@link benjaminiHochbergAdjust}); `comparisons` gives a
 * comparison-area design per indicator id.
 * @example evaluateIndicators(model.indicators, rows, { asOf: '2025-12-31', start: model.period.start })
 */
export function evaluateIndicators(
  indicators: readonly EvaluationIndicator[],
  observations: readonly EvaluationObservation[],
  options: Omit<IndicatorEvaluationOptions, 'comparison'> & {
    readonly comparisons?: Readonly<Record<string, ComparisonDesign>>;
    readonly correction?: 'holm' | 'benjamini-hochberg' | 'none';
  },
): IndicatorEvaluation[] {
  const { comparisons, correction = 'holm', ...rest } = options;
  const out = indicators.map((ind) => {
    const design = comparisons?.[ind.id];
    return evaluateIndicator(ind, observations, design ? { ...rest, comparison: design } : rest);
  });
  const p = out.map((e) => e.test?.pValue ?? null);
  const adjusted = correction === 'holm' ? holmAdjust(p) : correction === 'benjamini-hochberg' ? benjaminiHochbergAdjust(p) : p;
  return out.map((e, i) => ({ ...e, pValueAdjusted: adjusted[i] ?? null }));
}
