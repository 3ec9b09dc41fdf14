import { xoshiroState } from './prng.js';

/** Bins of the table over [0, 1]; the alias table has two pieces (rectangle, wedge) per bin: 512 = 2⁹. */
const BINS = 256;

/**
 * Tables for drawing Beta(α, β) with α, β ≥ 1 (every PERT) exactly, by rejection under a step envelope: [0, 1] is
 * cut into 256 bins; under the density f, bin k holds a rectangle of height m_k = min f on the bin (entirely under
 * f, always accepted) and a wedge from m_k up to M_k = max f on the bin (accepted when a uniform height falls
 * under f). The 512 pieces are chosen by Walker's alias method (Walker 1977; Vose, "A linear algorithm for
 * generating random numbers with a given distribution", IEEE TSE 17(9), 1991). The same idea as the ziggurat
 * (Marsaglia & Tsang 2000): about 99 % of draws cost two 32-bit random numbers and no logarithm or power.
 */
export interface BetaTable {
  readonly alphaMinus1: number;
  readonly betaMinus1: number;
  /** Alias method: probability of keeping piece i, else take alias[i]. */
  readonly prob: Float64Array;
  readonly alias: Int32Array;
  /** Per bin: m_k and M_k. */
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** Unnormalised Beta density x^(α−1)·(1 − x)^(β−1); pow(0, 0) = 1 covers α = 1 or β = 1. */
function density(x: number, am1: number, bm1: number): number {
  return Math.pow(x, am1) * Math.pow(1 - x, bm1);
}

/**
 * Builds the {@link BetaTable} of Beta(α, β), α, β ≥ 1 (deterministic: the same table on every machine).
 * @throws RangeError when α or β is below 1.
 * @example betaTable(2, 4).prob.length // 512
 */
export function betaTable(alpha: number, beta: number): BetaTable {
  if (!(alpha >= 1 && beta >= 1)) throw new RangeError(`beta table needs α, β ≥ 1, got ${alpha}, ${beta}`);
  const am1 = alpha - 1;
  const bm1 = beta - 1;
  const mode = am1 + bm1 > 0 ? am1 / (am1 + bm1) : 0.5;
  const low = new Float64Array(BINS);
  const high = new Float64Array(BINS);
  const n = 2 * BINS;
  const weight = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < BINS; k++) {
    const x0 = k / BINS;
    const x1 = (k + 1) / BINS;
    const f0 = density(x0, am1, bm1);
    const f1 = density(x1, am1, bm1);
    // Unimodal: the minimum over a bin is at an end, the maximum at an end or at the mode.
    low[k] = Math.min(f0, f1);
    high[k] = mode > x0 && mode < x1 ? density(mode, am1, bm1) : Math.max(f0, f1);
    weight[k] = low[k]!;
    weight[BINS + k] = high[k]! - low[k]!;
    total += high[k]!;
  }
  // Vose's alias construction, in a fixed order.
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = weight.map((v) => (v * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (scaled[i]! < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const l = small.pop()!;
    const g = large.pop()!;
    prob[l] = scaled[l]!;
    alias[l] = g;
    scaled[g] = scaled[g]! + scaled[l]! - 1;
    (scaled[g]! < 1 ? small : large).push(g);
  }
  for (const g of large) {
    prob[g] = 1;
    alias[g] = g;
  }
  for (const l of small) {
    prob[l] = 1;
    alias[l] = l;
  }
  return { alphaMinus1: am1, betaMinus1: bm1, prob, alias, low, high };
}

/**
 * Fills out[from..to) with a + w·X, X ~ Beta(α, β) from the table, continuing the xoshiro128** stream in `state`
 * (Blackman & Vigna 2021). Each attempt takes one 32-bit output for the piece (top 9 bits: the piece, low 23 bits:
 * the alias coin) and one for the position in the bin; a wedge takes a third for the height.
 */
export function fillBetaTable(t: BetaTable, state: Int32Array, a: number, w: number, out: Float64Array, from: number, to: number): Float64Array {
  const { prob, alias, low, high, alphaMinus1: am1, betaMinus1: bm1 } = t;
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  for (let i = from; i < to; i++) {
    let x: number;
    for (;;) {
      let m = Math.imul(s1, 5);
      const r1 = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      let t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      const r2 = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = (s3 << 11) | (s3 >>> 21);
      const idx = r1 >>> 23;
      // Keep the piece or take its alias, without a branch the CPU cannot predict.
      const other = +((r1 & 0x7fffff) * 1.1920928955078125e-7 >= prob[idx]!);
      const piece = idx + other * (alias[idx]! - idx);
      const k = piece & (BINS - 1);
      x = (k + (r2 + 0.5) * 2.3283064365386963e-10) * (1 / BINS);
      if (piece < BINS) break; // the rectangle: under the density everywhere
      m = Math.imul(s1, 5);
      const r3 = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      t9 = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t9;
      s3 = (s3 << 11) | (s3 >>> 21);
      const y = low[k]! + (r3 + 0.5) * 2.3283064365386963e-10 * (high[k]! - low[k]!);
      if (y <= density(x, am1, bm1)) break; // the wedge: accepted under the density
    }
    out[i] = a + w * x;
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return out;
}

/** A fresh xoshiro128** state for a Beta table sampler. */
export function betaTableState(seed: number): Int32Array {
  return xoshiroState(seed);
}
