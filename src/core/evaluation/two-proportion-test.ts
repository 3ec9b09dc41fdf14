import { erfc } from './error-function.js';
import { normalQuantile } from './normal-distribution.js';
import type { TestResult } from './test-result.js';

/** A share from a sample: the share p (0–1) and the sample size n. */
export interface ShareSample {
  readonly p: number;
  readonly n: number;
}

/** Two-sided normal p-value 2·(1 − Φ(|z|)) = erfc(|z|/√2), computed from the tail. */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Two-proportion z test of the difference of two shares (second − first), for two survey waves:
 * z = (p̂₂ − p̂₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)) with the pooled share p̄ = (x₁ + x₂)/(n₁ + n₂); the interval of
 * the difference uses the unpooled standard error √(p̂₁q̂₁/n₁ + p̂₂q̂₂/n₂) (Fleiss, Levin & Paik, "Statistical
 * Methods for Rates and Proportions", 3rd ed. 2003, §3.2; Agresti, "Categorical Data Analysis", §3.1).
 * No continuity correction (as `prop.test(correct = FALSE)` in R).
 * @throws RangeError when a share lies outside [0, 1] or n ≤ 0.
 * @example twoProportionZTest({ p: 0.45, n: 200 }, { p: 0.35, n: 180 }) // z ≈ −1.985
 */
export function twoProportionZTest(first: ShareSample, second: ShareSample, level = 0.95): TestResult {
  for (const s of [first, second]) {
    if (!(s.n > 0)) throw new RangeError(`two-proportion test needs n > 0, got ${s.n}`);
    if (!(s.p >= 0 && s.p <= 1)) throw new RangeError(`a share must lie in [0, 1], got ${s.p}`);
  }
  const pooled = (first.p * first.n + second.p * second.n) / (first.n + second.n);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / first.n + 1 / second.n));
  const difference = second.p - first.p;
  const seUnpooled = Math.sqrt((first.p * (1 - first.p)) / first.n + (second.p * (1 - second.p)) / second.n);
  const statistic = sePooled > 0 ? difference / sePooled : 0;
  const z = normalQuantile(1 - (1 - level) / 2);
  return {
    method: 'two-proportion-z',
    difference,
    standardError: sePooled,
    statistic,
    df: null,
    pValue: sePooled > 0 ? normalTwoSidedP(statistic) : 1,
    ci: { lower: difference - z * seUnpooled, upper: difference + z * seUnpooled, level, method: 'wald-difference' },
  };
}
