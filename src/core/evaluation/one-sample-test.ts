import { normalQuantile } from './normal-distribution.js';
import { studentTQuantile, studentTTwoSidedP } from './student-t.js';
import { normalTwoSidedP, type ShareSample } from './two-proportion-test.js';
import type { MeanSummary } from './mean-interval.js';
import type { TestResult } from './test-result.js';

/**
 * One-sample t test of a mean against a fixed value μ₀ (a criterion's baseline): t = (ȳ − μ₀)/(s/√n),
 * ν = n − 1 (Student 1908; Moore, McCabe & Craig §7.1).
 * @throws RangeError when n < 2 or sd is 0.
 * @example oneSampleTTest({ mean: 7.2, sd: 1.5, n: 35 }, 7.8) // t ≈ −2.366
 */
export function oneSampleTTest(s: MeanSummary, mu0: number, level = 0.95): TestResult {
  if (!(s.n >= 2)) throw new RangeError(`one-sample t test needs n ≥ 2, got ${s.n}`);
  if (!(s.sd > 0)) throw new RangeError('one-sample t test needs sd > 0');
  const se = s.sd / Math.sqrt(s.n);
  const df = s.n - 1;
  const difference = s.mean - mu0;
  const statistic = difference / se;
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return {
    method: 'one-sample-t',
    difference,
    standardError: se,
    statistic,
    df,
    pValue: studentTTwoSidedP(statistic, df),
    ci: { lower: difference - t * se, upper: difference + t * se, level, method: 't' },
  };
}

/**
 * One-sample score z test of a share against a fixed p₀: z = (p̂ − p₀)/√(p₀(1 − p₀)/n) (Agresti,
 * "Categorical Data Analysis", §1.3.1); interval of the difference by Wald, √(p̂(1 − p̂)/n).
 * @throws RangeError when p₀ is not strictly between 0 and 1 or n ≤ 0.
 * @example oneProportionZTest({ p: 0.35, n: 180 }, 0.45) // z ≈ −2.697
 */
export function oneProportionZTest(s: ShareSample, p0: number, level = 0.95): TestResult {
  if (!(p0 > 0 && p0 < 1)) throw new RangeError(`one-proportion test needs 0 < p0 < 1, got ${p0}`);
  if (!(s.n > 0)) throw new RangeError(`one-proportion test needs n > 0, got ${s.n}`);
  const se = Math.sqrt((p0 * (1 - p0)) / s.n);
  const difference = s.p - p0;
  const statistic = difference / se;
  const z = normalQuantile(1 - (1 - level) / 2);
  const seHat = Math.sqrt((s.p * (1 - s.p)) / s.n);
  return {
    method: 'one-proportion-z',
    difference,
    standardError: se,
    statistic,
    df: null,
    pValue: normalTwoSidedP(statistic),
    ci: { lower: difference - z * seHat, upper: difference + z * seHat, level, method: 'wald-difference' },
  };
}
