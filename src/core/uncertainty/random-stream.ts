import { xoshiroState } from './prng.js';

/** Values per refill of a pooled stream. */
export const POOL_SIZE = 1024;

/**
 * The state of one random stream: xoshiro128** state words (Blackman & Vigna 2021) that the samplers' loops copy
 * into locals and write back, plus a pool for the rare consumers that draw one value at a time (`pool[pos…]` are
 * the next values; {@link refill} makes the next POOL_SIZE). A mutable record on purpose: it is private to one
 * sampler.
 */
export interface RandomStream {
  readonly state: Int32Array;
  readonly pool: Float64Array;
  pos: number;
  /** Normal streams: the 32-bit uniforms for the ziggurat's wedges and tail. */
  readonly rare: RandomStream | null;
}

/**
 * Uniform doubles in the open interval (0, 1) with 32-bit resolution, (k + 0.5)·2⁻³², one xoshiro128** output
 * each: for uniform and triangular draws and the inner steps of rejection samplers, where 2⁻³² resolution is
 * ample and 0 and 1 must not occur.
 * @example const s = uniform32Stream(7); refill(s); s.pool[0] // in (0, 1)
 */
export function uniform32Stream(seed: number): RandomStream {
  return { state: xoshiroState(seed), pool: new Float64Array(POOL_SIZE), pos: POOL_SIZE, rare: null };
}

/**
 * A stream of standard normal values by the ziggurat method (Marsaglia & Tsang, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8), 2000), 128 layers, generated inline by the samplers: each
 * value takes one xoshiro128** output — the low 7 bits pick the layer, bit 7 the sign and the top 24 bits the
 * magnitude, so layer and value never share bits (the flaw of the original RNOR shown by Doornik, "An Improved
 * Ziggurat Method to Generate Normal Random Samples", 2005). Wedges and the tail ({@link zigguratSlow}) use
 * 32-bit uniforms from a second stream.
 * @example const s = normalStream(7); // used by createSampler for normal and lognormal draws
 */
export function normalStream(seed: number): RandomStream {
  return { state: xoshiroState(seed), pool: new Float64Array(0), pos: 0, rare: uniform32Stream((seed ^ 0x5bd1e995) >>> 0) };
}

/**
 * Fills a uniform stream's pool with its next POOL_SIZE values and sets `pos` to 0.
 * @example const s = uniform32Stream(1); refill(s); s.pool[0] // the stream's first value
 */
export function refill(s: RandomStream): void {
  const st = s.state;
  const pool = s.pool;
  let s0 = st[0]!;
  let s1 = st[1]!;
  let s2 = st[2]!;
  let s3 = st[3]!;
  for (let i = 0; i < POOL_SIZE; i++) {
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    pool[i] = (r + 0.5) * 2.3283064365386963e-10;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  s.pos = 0;
}

/** Ziggurat tables for the standard normal, 128 layers (Marsaglia & Tsang 2000, function zigset), scaled to 2^24. */
/** Ziggurat acceptance bounds per layer (24-bit magnitudes) — see {@link normalStream}. */
export const KN = new Float64Array(128);
/** Ziggurat widths per layer: x = magnitude · WN[layer]. */
export const WN = new Float64Array(128);
const FN = new Float64Array(128);
const R = 3.442619855899;
{
  const m = 16777216;
  let dn = R;
  let tn = dn;
  const vn = 9.91256303526217e-3;
  const q = vn / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * m;
  KN[1] = 0;
  WN[0] = q / m;
  WN[127] = dn / m;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * m;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / m;
  }
}

/** Next 32-bit uniform of a stream, refilling when needed. */
function nextUniform(s: RandomStream): number {
  if (s.pos === POOL_SIZE) refill(s);
  return s.pool[s.pos++]!;
}

/**
 * The ziggurat's slow path for magnitude x in `layer` (outside the layer's rectangle): the tail beyond r for
 * layer 0 (Marsaglia 1964: x = −ln(U₁)/r, accepted when −2·ln(U₂) > x²), else the wedge test. NaN = rejected.
 * @example const x = zigguratSlow(5, 1.9, uniform32Stream(1)); // 1.9 or NaN
 */
export function zigguratSlow(layer: number, x: number, rare: RandomStream): number {
  if (layer === 0) {
    for (;;) {
      const t = -Math.log(nextUniform(rare)) / R;
      const y = -Math.log(nextUniform(rare));
      if (y + y >= t * t) return R + t;
    }
  }
  return FN[layer]! + nextUniform(rare) * (FN[layer - 1]! - FN[layer]!) < Math.exp(-0.5 * x * x) ? x : Number.NaN;
}
