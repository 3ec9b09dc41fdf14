import type { Distribution } from '../schema/uncertainty.js';
import { lognormalParameters, pertShape } from './distribution.js';
import { streamSeed } from './prng.js';
import { betaTable, betaTableState, fillBetaTable } from './beta-table.js';
import { KN, normalStream, uniform32Stream, WN, zigguratSlow, type RandomStream } from './random-stream.js';

/**
 * A seeded stream of draws from one distribution. `fill` continues the stream where the previous call
 * stopped, so filling 100,000 values at once or in chunks of 4,096 gives bit-identical numbers.
 */
export interface Sampler {
  /** Writes draws into `out[from..to)` (default: the whole array) and returns `out`. */
  readonly fill: (out: Float64Array, from?: number, to?: number) => Float64Array;
}

// The fill functions below are top-level functions over small state records rather than closures, so the JIT
// compiles each hot loop once for all samplers. Each generates its stream's values inline, with the xoshiro128**
// state in locals, and writes the state back at the end, so a sampler continues its streams across calls.

interface Affine {
  readonly a: number;
  readonly w: number;
  readonly u: RandomStream;
}

function fillAffine(s: Affine, out: Float64Array, from: number, to: number): Float64Array {
  const { a, w } = s;
  const st = s.u.state;
  let s0 = st[0]!;
  let s1 = st[1]!;
  let s2 = st[2]!;
  let s3 = st[3]!;
  for (let i = from; i < to; i++) {
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[i] = a + w * ((r + 0.5) * 2.3283064365386963e-10);
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  return out;
}

interface Triangular {
  readonly a: number;
  readonly b: number;
  readonly fc: number;
  readonly left: number;
  readonly right: number;
  readonly u: RandomStream;
}

function fillTriangular(s: Triangular, out: Float64Array, from: number, to: number): Float64Array {
  const { a, b, fc, left, right } = s;
  const st = s.u.state;
  let s0 = st[0]!;
  let s1 = st[1]!;
  let s2 = st[2]!;
  let s3 = st[3]!;
  for (let i = from; i < to; i++) {
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    // Inverse CDF: a + √(p(b − a)(m − a)) below F(m), else b − √((1 − p)(b − a)(b − m)). Both sides are computed
    // and one is selected arithmetically: the branch on p < F(m) is random, and mispredicting it costs more.
    const p = (r + 0.5) * 2.3283064365386963e-10;
    const below = +(p < fc);
    out[i] = below * (a + Math.sqrt(p * left)) + (1 - below) * (b - Math.sqrt((1 - p) * right));
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  return out;
}

interface Normal {
  readonly mean: number;
  readonly sd: number;
  readonly log: boolean;
  readonly n: RandomStream;
}

function fillNormal(s: Normal, out: Float64Array, from: number, to: number): Float64Array {
  // Ziggurat normals (see normalStream), generated inline.
  const { mean, sd, log } = s;
  const st = s.n.state;
  const rare = s.n.rare!;
  let s0 = st[0]!;
  let s1 = st[1]!;
  let s2 = st[2]!;
  let s3 = st[3]!;
  for (let i = from; i < to; i++) {
    let x: number;
    for (;;) {
      const m = Math.imul(s1, 5);
      const bits = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const layer = bits & 127;
      const sign = 1 - ((bits >>> 6) & 2);
      const mag = bits >>> 8;
      x = mag * WN[layer]!;
      if (mag < KN[layer]!) {
        x *= sign;
        break;
      }
      x = zigguratSlow(layer, x, rare);
      if (x === x) {
        x *= sign;
        break;
      }
    }
    out[i] = log ? Math.exp(mean + sd * x) : mean + sd * x;
  }
  st[0] = s0;
  st[1] = s1;
  st[2] = s2;
  st[3] = s3;
  return out;
}

/**
 * Creates a seeded sampler for a distribution (METHODS §4): uniform by a + (b − a)U; triangular by its inverse
 * CDF; PERT as min + (max − min)·Beta(α, β) (Vose 2008), Beta drawn exactly by rejection under a 256-bin step
 * envelope with alias-method piece selection (see betaTable); normal by the ziggurat (Marsaglia & Tsang 2000);
 * lognormal as e^(μ + σZ); fixed as the value. Random numbers come from xoshiro128** streams derived from `seed`, one per role.
 * @throws RangeError when the distribution's parameters are inconsistent (min > max, mode outside, p95 ≤ median).
 * @example createSampler({ type: 'pert', min: 0, mode: 1, max: 4 }, 42).fill(new Float64Array(10))
 */
export function createSampler(dist: Distribution, seed: number): Sampler {
  switch (dist.type) {
    case 'fixed': {
      const v = dist.value;
      return { fill: (out, from = 0, to = out.length) => out.fill(v, from, to) };
    }
    case 'uniform': {
      if (!(dist.min <= dist.max)) throw new RangeError(`uniform: min ${dist.min} > max ${dist.max}`);
      const s: Affine = { a: dist.min, w: dist.max - dist.min, u: uniform32Stream(streamSeed(seed, 0)) };
      return { fill: (out, from = 0, to = out.length) => fillAffine(s, out, from, to) };
    }
    case 'triangular': {
      const { min: a, mode: m, max: b } = dist;
      if (!(a <= m && m <= b)) throw new RangeError(`triangular: need min ≤ mode ≤ max, got ${a}, ${m}, ${b}`);
      const w = b - a;
      const s: Triangular = { a, b, fc: w === 0 ? 0 : (m - a) / w, left: w * (m - a), right: w * (b - m), u: uniform32Stream(streamSeed(seed, 0)) };
      return { fill: (out, from = 0, to = out.length) => fillTriangular(s, out, from, to) };
    }
    case 'pert': {
      const { min: a, mode: m, max: b } = dist;
      if (!(a <= m && m <= b)) throw new RangeError(`pert: need min ≤ mode ≤ max, got ${a}, ${m}, ${b}`);
      if (b === a) return { fill: (out, from = 0, to = out.length) => out.fill(a, from, to) };
      const { alpha, beta } = pertShape(a, m, b);
      const table = betaTable(alpha, beta);
      const state = betaTableState(streamSeed(seed, 0));
      const w = b - a;
      return { fill: (out, from = 0, to = out.length) => fillBetaTable(table, state, a, w, out, from, to) };
    }
    case 'normal': {
      if (!(dist.sd >= 0)) throw new RangeError(`normal: sd must be ≥ 0, got ${dist.sd}`);
      const s: Normal = { mean: dist.mean, sd: dist.sd, log: false, n: normalStream(streamSeed(seed, 0)) };
      return { fill: (out, from = 0, to = out.length) => fillNormal(s, out, from, to) };
    }
    case 'lognormal': {
      if (!(dist.median > 0 && dist.p95 > dist.median)) throw new RangeError(`lognormal: need 0 < median < p95, got ${dist.median}, ${dist.p95}`);
      const { mu, sigma } = lognormalParameters(dist.median, dist.p95);
      const s: Normal = { mean: mu, sd: sigma, log: true, n: normalStream(streamSeed(seed, 0)) };
      return { fill: (out, from = 0, to = out.length) => fillNormal(s, out, from, to) };
    }
  }
}
