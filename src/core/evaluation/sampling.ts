import { meanInterval } from './mean-interval.js';
import { wilsonInterval } from './wilson-interval.js';
import { welchTTest } from './welch-test.js';
import { twoProportionZTest } from './two-proportion-test.js';
import { oneProportionZTest, oneSampleTTest } from './one-sample-test.js';
import type { ConfidenceInterval } from './interval.js';
import type { TestResult } from './test-result.js';
import type { EvaluationIndicator, PeriodValue } from './period-aggregate.js';

/** True when a period value is a share of a sample: kind share, or a ratio of at most 1 with its denominator. */
export function isShareLike(indicator: EvaluationIndicator, v: Pick<PeriodValue, 'value'>): boolean {
  const shareKind = indicator.kind === 'share' || indicator.kind === 'ratio' || indicator.aggregation === 'ratio';
  return shareKind && v.value >= 0 && v.value <= 1;
}

function isMeanLike(indicator: EvaluationIndicator): boolean {
  return indicator.kind === 'mean' || indicator.kind === 'score';
}

/**
 * The confidence interval of one period value: Wilson for a share with its n ({@link wilsonInterval}), t for a
 * mean or score with n ≥ 2 and sd ({@link meanInterval}); null when the value carries no sampling information
 * (counts, amounts, values without n).
 */
export function periodInterval(indicator: EvaluationIndicator, v: PeriodValue, level = 0.95): ConfidenceInterval | null {
  if (v.n === null || !(v.n > 0) || !Number.isFinite(v.value)) return null;
  if (isShareLike(indicator, v)) return wilsonInterval(Math.min(v.n, Math.max(0, v.value * v.n)), v.n, level);
  if (isMeanLike(indicator) && v.sd !== null && v.n >= 2) return meanInterval({ mean: v.value, sd: v.sd, n: v.n }, level);
  return null;
}

/**
 * The test between two waves (second − first): two-proportion z for shares with n ({@link twoProportionZTest}),
 * Welch t for means with n and sd ({@link welchTTest}); null when either wave lacks the sampling information.
 */
export function waveTest(indicator: EvaluationIndicator, first: PeriodValue, second: PeriodValue, level = 0.95): TestResult | null {
  if (first.n === null || second.n === null || !(first.n > 0) || !(second.n > 0)) return null;
  if (isShareLike(indicator, first) && isShareLike(indicator, second))
    return twoProportionZTest({ p: first.value, n: first.n }, { p: second.value, n: second.n }, level);
  if (isMeanLike(indicator) && first.sd !== null && second.sd !== null && first.n >= 2 && second.n >= 2 && first.sd + second.sd > 0)
    return welchTTest({ mean: first.value, sd: first.sd, n: first.n }, { mean: second.value, sd: second.sd, n: second.n }, level);
  return null;
}

/**
 * The test of one wave against a fixed value (a criterion's baseline when no baseline wave was measured):
 * one-proportion z for shares, one-sample t for means; null without sampling information.
 */
export function testAgainstValue(indicator: EvaluationIndicator, v: PeriodValue, value: number, level = 0.95): TestResult | null {
  if (v.n === null || !(v.n > 0)) return null;
  if (isShareLike(indicator, v) && value > 0 && value < 1) return oneProportionZTest({ p: v.value, n: v.n }, value, level);
  if (isMeanLike(indicator) && v.sd !== null && v.sd > 0 && v.n >= 2) return oneSampleTTest({ mean: v.value, sd: v.sd, n: v.n }, value, level);
  return null;
}
