import { regularizedIncompleteBeta } from './incomplete-beta.js';
import { normalQuantile } from './normal-distribution.js';
import { logGamma } from './log-gamma.js';

/**
 * Student t cumulative distribution F(t; ν) for ν > 0 degrees of freedom (not necessarily whole, as Welch needs).
 *
 * With x = ν/(ν + t²): F = 1 − ½ · I_x(ν/2, ½) for t ≥ 0 and ½ · I_x(ν/2, ½) for t < 0
 * (Abramowitz & Stegun 26.7.1 and 26.5.27; Numerical Recipes in C, 2nd ed., §6.4 "Student's distribution").
 * @throws RangeError when ν ≤ 0.
 * @example studentTCdf(2.228138851986274, 10) // 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTCdf needs df > 0, got ${df}`);
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student t density f(t; ν) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2) (A&S 26.7.1). */
export function studentTPdf(t: number, df: number): number {
  const lnC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log(1 + (t * t) / df));
}

/**
 * Two-sided p-value of a t statistic: 2 · (1 − F(|t|; ν)), computed from the tail so small values keep precision.
 * @example studentTTwoSidedP(2.228138851986274, 10) // 0.05
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTTwoSidedP needs df > 0, got ${df}`);
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  return regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Student t quantile: the t with F(t; ν) = p.
 *
 * Inverts {@link studentTCdf}: the root is bracketed (starting from the normal quantile and widening), then
 * found by Newton steps with bisection as a safeguard (Numerical Recipes in C, 2nd ed., §9.4 `rtsafe`),
 * to an absolute tolerance of 1e-12.
 * @throws RangeError when p is not strictly between 0 and 1 or ν ≤ 0.
 * @example studentTQuantile(0.975, 10) // 2.228138851986274
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile needs 0 < p < 1, got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile needs df > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // p > 0.5: the root is positive; the t quantile is at least the normal quantile.
  let lo = normalQuantile(p) * 0.999;
  let hi = Math.max(2 * lo, 1);
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) return hi;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - p;
    if (f > 0) hi = t;
    else lo = t;
    const pdf = studentTPdf(t, df);
    let next = pdf > 0 ? t - f / pdf : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) < 1e-12 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}
