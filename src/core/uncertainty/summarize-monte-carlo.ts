import type { MonteCarloDraws } from './monte-carlo.js';

/** Mean, standard deviation and percentiles of one quantity over all draws. */
export interface DrawStatistics {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** Equal-width histogram: `edges` has one more element than `counts`; the last bin includes its upper edge. */
export interface Histogram {
  readonly of: 'ratio' | 'npv' | 'benefit-cost-ratio' | 'balance';
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

/** Summary of a Monte Carlo run (METHODS §4): PV, NPV and ratio statistics, probabilities and a histogram. */
export interface MonteCarloSummary {
  readonly draws: number;
  readonly seed: number;
  readonly presentValueBenefits: DrawStatistics;
  readonly presentValueInputs: DrawStatistics;
  readonly npv: DrawStatistics;
  /** null when the inputs' present value is 0 in some draw. */
  readonly ratio: DrawStatistics | null;
  readonly probNpvPositive: number;
  readonly probRatioAtLeast1: number;
  readonly histogram: Histogram;
  readonly clamped: MonteCarloDraws['clamped'];
  /** With an MKBA: the same draws valued as an MKBA (balance and B/C ratio); what an MKBA report shows. */
  readonly mkba?: MkbaMonteCarloSummary;
}

/** The Monte Carlo of an MKBA (METHODS §2 and §4): benefits, costs, balance (NCW) and B/C ratio over the draws. */
export interface MkbaMonteCarloSummary {
  readonly presentValueBenefits: DrawStatistics;
  readonly presentValueCosts: DrawStatistics;
  readonly balance: DrawStatistics;
  /** null when the costs' present value is 0 in some draw. */
  readonly benefitCostRatio: DrawStatistics | null;
  readonly probBalancePositive: number;
  readonly probBenefitCostAtLeast1: number;
  readonly histogram: Histogram;
}

/**
 * Summarises the MKBA side of Monte Carlo draws: statistics of benefits, costs, balance and B/C ratio, P(balance > 0),
 * P(B/C ≥ 1) and a histogram of the B/C ratio (of the balance when the ratio is undefined). Draws are not changed.
 * @example summarizeMkbaDraws(runMonteCarlo(c, params, { draws: 10_000, seed: 1 }).mkba!).probBalancePositive
 */
export function summarizeMkbaDraws(m: NonNullable<MonteCarloDraws['mkba']>, bins = 20): MkbaMonteCarloSummary {
  const t = benefitsAgainstCosts(m.presentValueBenefits, m.presentValueCosts, bins, 'benefit-cost-ratio', 'balance');
  return {
    presentValueBenefits: t.benefits,
    presentValueCosts: t.costs,
    balance: t.net,
    benefitCostRatio: t.ratio,
    probBalancePositive: t.probNetPositive,
    probBenefitCostAtLeast1: t.probRatioAtLeast1,
    histogram: t.histogram,
  };
}

/**
 * Benefits against costs over the draws, for the SROI (PV against inputs) and the MKBA (benefits against costs)
 * alike: statistics of both, of the net value and the ratio (null when costs are 0 in some draw), P(net > 0),
 * P(ratio ≥ 1) (P(net > 0) when the ratio is undefined) and a histogram of the ratio (of the net value without one).
 */
function benefitsAgainstCosts(b: Float64Array, c: Float64Array, bins: number, ratioOf: Histogram['of'], netOf: Histogram['of']) {
  const n = b.length;
  const net = new Float64Array(n);
  const ratio = new Float64Array(n);
  let positive = 0;
  let atLeast1 = 0;
  let ratioDefined = true;
  for (let d = 0; d < n; d++) {
    const v = b[d]! - c[d]!;
    net[d] = v;
    if (v > 0) positive++;
    if (c[d]! > 0) {
      const q = b[d]! / c[d]!;
      ratio[d] = q;
      if (q >= 1) atLeast1++;
    } else ratioDefined = false;
  }
  const scratch = new Float64Array(n);
  return {
    benefits: drawStatistics(b, scratch),
    costs: drawStatistics(c, scratch),
    net: drawStatistics(net, scratch),
    ratio: ratioDefined ? drawStatistics(ratio, scratch) : null,
    probNetPositive: positive / n,
    probRatioAtLeast1: ratioDefined ? atLeast1 / n : positive / n,
    histogram: ratioDefined ? histogram(ratio, bins, ratioOf) : histogram(net, bins, netOf),
  };
}

/**
 * The p-th quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation between order statistics,
 * h = (n − 1)p (Hyndman & Fan 1996, definition 7; the default of numpy, R and Excel PERCENTILE.INC).
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Puts the k-th smallest value of a[lo..hi] at index k, smaller ones before it and larger ones after it
 * (Hoare's FIND, "Algorithm 65", CACM 1961, with a median-of-three pivot; deterministic, no random pivot).
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to a[mid], then use it as the pivot.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The p-th quantile by the same rule as {@link quantileSorted}, without sorting: selections in a scratch copy
 * (expected linear time). `scratch` is overwritten.
 */
function quantileBySelection(scratch: Float64Array, p: number, lo: number, hi: number): number {
  const n = scratch.length;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  selectInPlace(scratch, k, lo, hi);
  const below = scratch[k]!;
  if (k + 1 >= n || h === k) return below;
  let next = scratch[k + 1]!;
  for (let i = k + 2; i < n; i++) if (scratch[i]! < next) next = scratch[i]!;
  return below + (h - k) * (next - below);
}

/**
 * Mean, sample standard deviation (n − 1), min, P5, P50, P95 and max of an array of draws (not changed).
 * The mean uses Neumaier's compensated sum so it does not drift with 10^6 draws; percentiles follow
 * {@link quantileSorted}. `scratch`, when given with the same length, is used as working space (overwritten).
 * @example drawStatistics(Float64Array.of(1, 2, 3, 4, 5)).p50 // 3
 */
export function drawStatistics(values: Float64Array, scratch?: Float64Array): DrawStatistics {
  const n = values.length;
  let sum = 0;
  let comp = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = (sum + comp) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const e = values[i]! - mean;
    ss += e * e;
  }
  const copy = scratch && scratch.length === n ? scratch : new Float64Array(n);
  copy.set(values);
  // Select the median first, then P95 in the upper part and P5 in the lower part (each keeps the partition).
  const p50 = quantileBySelection(copy, 0.5, 0, n - 1);
  const mid = Math.floor((n - 1) * 0.5);
  const p95 = quantileBySelection(copy, 0.95, mid, n - 1);
  const p05 = quantileBySelection(copy, 0.05, 0, mid);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min, p05, p50, p95, max };
}

/** Equal-width histogram of values over [min, max]; all values in one bin when they are equal. * @example histogram(Float64Array.of(0, 1, 2, 3), 2, 'ratio') // { edges: [0, 1.5, 3], counts: [2, 2] }
 */
export function histogram(values: Float64Array, bins: number, of: Histogram['of']): Histogram {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = max > min ? (max - min) / bins : 0;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = width === 0 ? 0 : Math.min(bins - 1, Math.floor((values[i]! - min) / width));
    counts[b]!++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? max : min + k * width));
  return { of, edges, counts };
}

/**
 * Summarises Monte Carlo draws (METHODS §4): mean and P5/P50/P95 of PV, NPV and ratio, P(NPV > 0),
 * P(ratio ≥ 1) and a histogram of the ratio (of NPV when the ratio is undefined). The draws are not changed.
 * When the inputs' PV is the same in every draw, NPV and ratio statistics are derived from PV's (an exact affine
 * map up to rounding), which saves three selections.
 * @example summarizeMonteCarlo(runMonteCarlo(c, params, { draws: 10_000, seed: 1 })).probRatioAtLeast1
 */
export function summarizeMonteCarlo(r: MonteCarloDraws, options: { bins?: number } = {}): MonteCarloSummary {
  const n = r.draws;
  const pvb = r.presentValueBenefits;
  const pvi = r.presentValueInputs;
  const bins = options.bins ?? 20;
  const c = pvi[0]!;
  let constantInputs = true;
  for (let d = 1; d < n && constantInputs; d++) if (pvi[d] !== c) constantInputs = false;
  if (constantInputs && c > 0) {
    // Inputs that do not vary: NPV = PV − c and ratio = PV / c are increasing affine maps of PV, so their mean,
    // SD and percentiles (linear interpolation between the same order statistics) follow from PV's.
    let positive = 0;
    let atLeast1 = 0;
    for (let d = 0; d < n; d++) {
      const b = pvb[d]!;
      if (b - c > 0) positive++;
      if (b / c >= 1) atLeast1++;
    }
    const pv = drawStatistics(pvb);
    const map = (f: (x: number) => number, sdScale: number): DrawStatistics => ({
      mean: f(pv.mean),
      sd: pv.sd * sdScale,
      min: f(pv.min),
      p05: f(pv.p05),
      p50: f(pv.p50),
      p95: f(pv.p95),
      max: f(pv.max),
    });
    const h = histogram(pvb, bins, 'ratio');
    return {
      draws: n,
      seed: r.seed,
      presentValueBenefits: pv,
      presentValueInputs: { mean: c, sd: 0, min: c, p05: c, p50: c, p95: c, max: c },
      npv: map((x) => x - c, 1),
      ratio: map((x) => x / c, 1 / c),
      probNpvPositive: positive / n,
      probRatioAtLeast1: atLeast1 / n,
      histogram: { of: 'ratio', edges: h.edges.map((e) => e / c), counts: h.counts },
      clamped: r.clamped,
      ...(r.mkba ? { mkba: summarizeMkbaDraws(r.mkba, bins) } : {}),
    };
  }
  const t = benefitsAgainstCosts(pvb, pvi, bins, 'ratio', 'npv');
  return {
    draws: n,
    seed: r.seed,
    presentValueBenefits: t.benefits,
    presentValueInputs: t.costs,
    npv: t.net,
    ratio: t.ratio,
    probNpvPositive: t.probNetPositive,
    probRatioAtLeast1: t.probRatioAtLeast1,
    histogram: t.histogram,
    clamped: r.clamped,
    ...(r.mkba ? { mkba: summarizeMkbaDraws(r.mkba, bins) } : {}),
  };
}
