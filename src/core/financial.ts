/**
 * Classic discounting functions, with both first-flow conventions made explicit.
 * Conventions follow numpy-financial and Excel/formulajs; see test/fixtures/financial-vectors.json.
 */

/** When the first cash flow falls: at t = 0 (numpy-financial `npv`) or at t = 1 (Excel `NPV`). */
export type FirstFlow = 't0' | 't1';

/**
 * Net present value of `values` at `rate`: Σ v_i / (1 + r)^(i + k) with k = 0 for 't0', 1 for 't1'.
 * @example npv(0.1, [-10000, 2000, 4000, 8000], 't1') // 1031.35 (Excel NPV)
 */
export function npv(rate: number, values: readonly number[], firstFlow: FirstFlow): number {
  const k = firstFlow === 't0' ? 0 : 1;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! / (1 + rate) ** (i + k);
  return sum;
}

/** Payment timing for annuities: 0 = end of period, 1 = beginning (Excel `type`, numpy `when`). */
export type When = 0 | 1;

/**
 * Present value of an annuity: the amount whose future value with payments `pmt` equals −`fv` (Excel PV sign convention).
 * @example pv(0.07, 20, 12000) // −127128.17
 */
export function pv(rate: number, nper: number, pmt: number, fv = 0, when: When = 0): number {
  if (rate === 0) return -(fv + pmt * nper);
  const g = (1 + rate) ** nper;
  return -(fv + (pmt * (1 + rate * when) * (g - 1)) / rate) / g;
}

/**
 * Future value of a present amount and a series of payments (Excel FV sign convention).
 * @example fv(0.075, 20, -2000) // 86609.36
 */
export function fv(rate: number, nper: number, pmt: number, presentValue = 0, when: When = 0): number {
  if (rate === 0) return -(presentValue + pmt * nper);
  const g = (1 + rate) ** nper;
  return -(presentValue * g + (pmt * (1 + rate * when) * (g - 1)) / rate);
}

/**
 * Periodic payment that amortises `presentValue` (and reaches `futureValue`) over `nper` periods.
 * @example pmt(0.08 / 12, 60, 15000) // −304.15
 */
export function pmt(rate: number, nper: number, presentValue: number, futureValue = 0, when: When = 0): number {
  if (rate === 0) return -(presentValue + futureValue) / nper;
  const g = (1 + rate) ** nper;
  return -((presentValue * g + futureValue) * rate) / ((1 + rate * when) * (g - 1));
}

function bisect(f: (r: number) => number, lo: number, hi: number): number {
  let flo = f(lo);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm === 0 || hi - lo < 1e-15) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Internal rate of return: the rate where the NPV (first flow at t = 0) is zero. With several roots, the one
 * closest to zero (numpy-financial's choice). NaN when the flows do not change sign.
 * Method: scan for sign changes of NPV(r) on a grid over (−1, 10], then bisect each bracket.
 * @example irr([-100, 39, 59, 55, 20]) // 0.2809
 */
export function irr(values: readonly number[]): number {
  const hasPos = values.some((v) => v > 0);
  const hasNeg = values.some((v) => v < 0);
  if (!hasPos || !hasNeg) return NaN;
  const f = (r: number): number => npv(r, values, 't0');
  const grid: number[] = [];
  for (let r = -0.999; r < 10; r += r < 1 ? 0.001 : 0.01) grid.push(r);
  const roots: number[] = [];
  for (let i = 1; i < grid.length; i++) {
    const a = grid[i - 1]!;
    const b = grid[i]!;
    const fa = f(a);
    const fb = f(b);
    if (fa === 0) roots.push(a);
    else if (Math.sign(fa) !== Math.sign(fb)) roots.push(bisect(f, a, b));
  }
  if (roots.length === 0) return NaN;
  return roots.reduce((best, r) => (Math.abs(r) < Math.abs(best) ? r : best));
}

/**
 * Modified IRR: negative flows financed at `financeRate`, positive flows reinvested at `reinvestRate`.
 * @example mirr([-75000, 12000, 15000, 18000, 21000, 24000], 0.1, 0.12) // 0.0797
 */
export function mirr(values: readonly number[], financeRate: number, reinvestRate: number): number {
  const n = values.length;
  let pvNeg = 0;
  let fvPos = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < 0) pvNeg += v / (1 + financeRate) ** i;
    else fvPos += v * (1 + reinvestRate) ** (n - 1 - i);
  }
  if (pvNeg === 0 || fvPos === 0) return NaN;
  return (fvPos / -pvNeg) ** (1 / (n - 1)) - 1;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/**
 * NPV of dated flows: Σ v_i / (1 + r)^((d_i − d_0)/365) (Excel XNPV, actual/365).
 * @example xnpv(0.09, [-10000, 2750], ['2008-01-01', '2008-03-01'])
 */
export function xnpv(rate: number, values: readonly number[], dates: readonly string[]): number {
  const d0 = dates[0]!;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! / (1 + rate) ** (daysBetween(d0, dates[i]!) / 365);
  return sum;
}

/** Rate at which XNPV is zero (Excel XIRR), by bracketed bisection; NaN without a sign change. */
export function xirr(values: readonly number[], dates: readonly string[]): number {
  const f = (r: number): number => xnpv(r, values, dates);
  let lo = -0.999;
  let hi = 10;
  if (Math.sign(f(lo)) === Math.sign(f(hi))) return NaN;
  return bisect(f, lo, hi);
}
