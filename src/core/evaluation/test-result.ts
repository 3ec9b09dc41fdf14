import type { ConfidenceInterval } from './interval.js';

/** The result of a test of a difference: statistic, its p-value (two-sided) and the interval of the difference. */
export interface TestResult {
  /** `welch-t`, `two-proportion-z`, `one-sample-t`, `one-proportion-z`. */
  readonly method: string;
  /** The estimated difference (second − first, or observed − hypothesised). */
  readonly difference: number;
  readonly standardError: number;
  readonly statistic: number;
  /** Degrees of freedom for t tests; null for z tests. */
  readonly df: number | null;
  readonly pValue: number;
  readonly ci: ConfidenceInterval;
}
