import { linearRegression } from 'simple-statistics';
import { studentTQuantile, studentTTwoSidedP } from './student-t.js';
import type { ConfidenceInterval } from './interval.js';

/** A least-squares trend line y = intercept + slope · x, with the slope's t interval when n ≥ 3. */
export interface Trend {
  /** Change per unit of x (per year when x is in decimal years). */
  readonly slope: number;
  readonly intercept: number;
  readonly n: number;
  /** n − 2; null with two points. */
  readonly df: number | null;
  readonly standardError: number | null;
  readonly ci: ConfidenceInterval | null;
  /** Two-sided p-value of slope = 0. */
  readonly pValue: number | null;
}

/**
 * Least-squares trend over points (x, y): slope and intercept from simple-statistics `linearRegression`;
 * the slope's standard error se = √(SSE/(n − 2) / Σ(x − x̄)²) and interval slope ± t(n − 2, 1 − α/2) · se
 * (Montgomery, Peck & Vining, "Introduction to Linear Regression Analysis", §2.4). Returns null with fewer
 * than two points or when all x are equal; with two points the slope has no interval.
 * @example linearTrend([{ x: 2020, y: 1 }, { x: 2021, y: 3 }, { x: 2022, y: 4 }]) // slope 1.5, ci ±6.36·0.2887
 */
export function linearTrend(points: readonly { readonly x: number; readonly y: number }[], level = 0.95): Trend | null {
  const n = points.length;
  if (n < 2) return null;
  // Centre x so large calendar years do not cost precision.
  const x0 = points.reduce((s, p) => s + p.x, 0) / n;
  const xs = points.map((p) => p.x - x0);
  const sxx = xs.reduce((s, x) => s + x * x, 0);
  if (!(sxx > 0)) return null;
  const { m, b } = linearRegression(points.map((p, i) => [xs[i]!, p.y]));
  const slope = m;
  const intercept = b - m * x0;
  if (n === 2) return { slope, intercept, n, df: null, standardError: null, ci: null, pValue: null };
  const sse = points.reduce((s, p, i) => {
    const r = p.y - (b + m * xs[i]!);
    return s + r * r;
  }, 0);
  const df = n - 2;
  const se = Math.sqrt(sse / df / sxx);
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return {
    slope,
    intercept,
    n,
    df,
    standardError: se,
    ci: { lower: slope - t * se, upper: slope + t * se, level, method: 'ols-t' },
    pValue: se > 0 ? studentTTwoSidedP(slope / se, df) : slope === 0 ? 1 : 0,
  };
}
