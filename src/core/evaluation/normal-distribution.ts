import { erfc } from './error-function.js';

/**
 * Standard normal cumulative distribution Φ(z) = ½ · erfc(−z/√2) (Abramowitz & Stegun 26.2.29).
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal density φ(z) = e^(−z²/2)/√(2π) (Abramowitz & Stegun 26.2.1). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

// Rational approximation of P. J. Acklam (2003), "An algorithm for computing the inverse normal cumulative
// distribution function", relative error 1.15e-9, refined below by Newton steps on Φ.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function acklam(p: number): number {
  const pLow = 0.02425;
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * Standard normal quantile Φ⁻¹(p): the z with Φ(z) = p, for 0 < p < 1.
 *
 * Starting value from Acklam's rational approximation (2003), then two Newton steps z ← z − (Φ(z) − p)/φ(z)
 * on the erfc-based {@link normalCdf}, which brings it to about 1e-15.
 * @throws RangeError when p is not strictly between 0 and 1.
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  let z = acklam(p);
  for (let i = 0; i < 2; i++) {
    const pdf = normalPdf(z);
    if (pdf === 0) break;
    z -= (normalCdf(z) - p) / pdf;
  }
  return z;
}
