/** A confidence interval around an estimate. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
  /** How it was computed: `t`, `wilson`, `welch-t`, `wald-difference`, `normal`, `ols-t`. */
  readonly method: string;
}
