import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.js';
import type { ConfidenceInterval } from './interval.js';

/** Summary of a sample: mean, sample standard deviation (n − 1 in the denominator) and size. */
export interface MeanSummary {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** A mean with its t-based interval. */
export interface MeanInterval extends ConfidenceInterval {
  readonly estimate: number;
  readonly standardError: number;
  readonly df: number;
}

/**
 * Confidence interval of a mean: ȳ ± t(n − 1, 1 − α/2) · s/√n (METHODS §5; e.g. Moore, McCabe & Craig,
 * "Introduction to the Practice of Statistics", §7.1).
 * @throws RangeError when n < 2 or sd < 0.
 * @example meanInterval({ mean: 7.8, sd: 1.2, n: 40 }) // lower 7.4162, upper 8.1838
 */
export function meanInterval(s: MeanSummary, level = 0.95): MeanInterval {
  if (!(s.n >= 2)) throw new RangeError(`a mean interval needs n ≥ 2, got ${s.n}`);
  if (!(s.sd >= 0)) throw new RangeError(`sd must be ≥ 0, got ${s.sd}`);
  const df = s.n - 1;
  const se = s.sd / Math.sqrt(s.n);
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return { estimate: s.mean, lower: s.mean - t * se, upper: s.mean + t * se, level, method: 't', standardError: se, df };
}

/**
 * Summary (mean, sample sd, n) of raw values, via simple-statistics `mean` and `sampleStandardDeviation`.
 * @throws RangeError when fewer than two values are given.
 * @example summarise([1, 2, 3]) // { mean: 2, sd: 1, n: 3 }
 */
export function summarise(values: readonly number[]): MeanSummary {
  if (values.length < 2) throw new RangeError(`need at least two values, got ${values.length}`);
  return { mean: mean([...values]), sd: sampleStandardDeviation([...values]), n: values.length };
}
