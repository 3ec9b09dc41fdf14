import { studentTQuantile, studentTTwoSidedP } from './student-t.js';
import type { MeanSummary } from './mean-interval.js';
import type { TestResult } from './test-result.js';

/**
 * Welch's t test of the difference of two means (second − first), for two survey waves with unequal variances:
 * t = (ȳ₂ − ȳ₁) / √(s₁²/n₁ + s₂²/n₂), with Welch–Satterthwaite degrees of freedom
 * ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)) (B. L. Welch 1947, Biometrika 34:28–35;
 * F. E. Satterthwaite 1946). Two-sided p-value and a t interval of the difference with ν.
 * @throws RangeError when a wave has n < 2, or both variances are zero.
 * @example welchTTest({ mean: 7.8, sd: 1.2, n: 40 }, { mean: 7.2, sd: 1.5, n: 35 }) // t ≈ −1.895, ν ≈ 64.98
 */
export function welchTTest(first: MeanSummary, second: MeanSummary, level = 0.95): TestResult {
  if (!(first.n >= 2) || !(second.n >= 2)) throw new RangeError('Welch t test needs n ≥ 2 in both waves');
  const v1 = (first.sd * first.sd) / first.n;
  const v2 = (second.sd * second.sd) / second.n;
  if (!(v1 + v2 > 0)) throw new RangeError('Welch t test needs a positive variance in at least one wave');
  const se = Math.sqrt(v1 + v2);
  const difference = second.mean - first.mean;
  const statistic = difference / se;
  const df = ((v1 + v2) * (v1 + v2)) / ((v1 * v1) / (first.n - 1) + (v2 * v2) / (second.n - 1));
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return {
    method: 'welch-t',
    difference,
    standardError: se,
    statistic,
    df,
    pValue: studentTTwoSidedP(statistic, df),
    ci: { lower: difference - t * se, upper: difference + t * se, level, method: 'welch-t' },
  };
}
