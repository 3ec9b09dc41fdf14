import type { Distribution } from '../schema/uncertainty.js';
import { lognormalParameters, pertShape } from './distribution.js';
import { streamSeed } from './prng.js';
import { normalStream, POOL_SIZE, uniformStream } from './random-stream.js';

/**
 * A seeded stream of draws from one distribution. `fill` continues the stream where the previous call
 * stopped, so filling 100,000 values at once or in chunks of 4,096 gives bit-identical numbers.
 */
export interface Sampler {
  /** Writes draws into `out[from..to)` (default: the whole array) and returns `out`. */
  readonly fill: (out: Float64Array, from?: number, to?: number) => Float64Array;
}

/**
 * Gamma(shape, 1) draws by Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 2000,
 * with the squeeze 1 − 0.0331x⁴; for shape < 1, Gamma(a) = Gamma(a + 1)·U^(1/a) (same paper, §6). Normals and
 * uniforms come from two streams of its own.
 */
function gammaSampler(shape: number, seed: number): Sampler {
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const inv = 1 / shape;
  const N = normalStream(streamSeed(seed, 0));
  const U = uniformStream(streamSeed(seed, 1));
  const np = N.pool;
  const up = U.pool;
  return {
    fill: (out, from = 0, to = out.length) => {
      let npos = N.pos;
      let upos = U.pos;
      for (let i = from; i < to; i++) {
        let g: number;
        for (;;) {
          let x: number, v: number;
          do {
            if (npos === POOL_SIZE) {
              N.refill();
              npos = 0;
            }
            x = np[npos++]!;
            v = 1 + c * x;
          } while (v <= 0);
          v = v * v * v;
          if (upos === POOL_SIZE) {
            U.refill();
            upos = 0;
          }
          const w = up[upos++]!;
          const x2 = x * x;
          if (w < 1 - 0.0331 * x2 * x2 || Math.log(w) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
            g = d * v;
            break;
          }
        }
        if (boost) {
          if (upos === POOL_SIZE) {
            U.refill();
            upos = 0;
          }
          g *= Math.pow(1 - up[upos++]!, inv);
        }
        out[i] = g;
      }
      N.pos = npos;
      U.pos = upos;
      return out;
    },
  };
}

/**
 * Creates a seeded sampler for a distribution (METHODS §4): uniform by a + (b − a)U; triangular by its inverse
 * CDF; PERT as min + (max − min)·X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β), i.e. Beta(α, β) (Marsaglia & Tsang
 * 2000; Vose 2008 for PERT); normal by Marsaglia's polar method; lognormal as e^(μ + σZ); fixed as the value.
 * Random numbers come from xoshiro128** streams derived from `seed`.
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
      const a = dist.min;
      const w = dist.max - dist.min;
      const U = uniformStream(streamSeed(seed, 0));
      const up = U.pool;
      return {
        fill: (out, from = 0, to = out.length) => {
          let pos = U.pos;
          for (let i = from; i < to; ) {
            if (pos === POOL_SIZE) {
              U.refill();
              pos = 0;
            }
            // Blocked: as many values as the pool still holds, without a check per value.
            const end = Math.min(to, i + POOL_SIZE - pos);
            for (; i < end; i++) out[i] = a + w * up[pos++]!;
          }
          U.pos = pos;
          return out;
        },
      };
    }
    case 'triangular': {
      const { min: a, mode: m, max: b } = dist;
      if (!(a <= m && m <= b)) throw new RangeError(`triangular: need min ≤ mode ≤ max, got ${a}, ${m}, ${b}`);
      const w = b - a;
      const fc = w === 0 ? 0 : (m - a) / w;
      const left = w * (m - a);
      const right = w * (b - m);
      const U = uniformStream(streamSeed(seed, 0));
      const up = U.pool;
      return {
        fill: (out, from = 0, to = out.length) => {
          let pos = U.pos;
          for (let i = from; i < to; ) {
            if (pos === POOL_SIZE) {
              U.refill();
              pos = 0;
            }
            const end = Math.min(to, i + POOL_SIZE - pos);
            for (; i < end; i++) {
              const p = up[pos++]!;
              out[i] = p < fc ? a + Math.sqrt(p * left) : b - Math.sqrt((1 - p) * right);
            }
          }
          U.pos = pos;
          return out;
        },
      };
    }
    case 'pert': {
      const { min: a, mode: m, max: b } = dist;
      if (!(a <= m && m <= b)) throw new RangeError(`pert: need min ≤ mode ≤ max, got ${a}, ${m}, ${b}`);
      const w = b - a;
      if (w === 0) return { fill: (out, from = 0, to = out.length) => out.fill(a, from, to) };
      const { alpha, beta } = pertShape(a, m, b);
      const gx = gammaSampler(alpha, streamSeed(seed, 0));
      const gy = gammaSampler(beta, streamSeed(seed, 1));
      let ys = new Float64Array(0);
      return {
        fill: (out, from = 0, to = out.length) => {
          if (ys.length < to) ys = new Float64Array(Math.max(to, 2 * ys.length));
          gx.fill(out, from, to);
          gy.fill(ys, from, to);
          for (let i = from; i < to; i++) {
            const x = out[i]!;
            out[i] = a + (w * x) / (x + ys[i]!);
          }
          return out;
        },
      };
    }
    case 'normal': {
      if (!(dist.sd >= 0)) throw new RangeError(`normal: sd must be ≥ 0, got ${dist.sd}`);
      const { mean, sd } = dist;
      const N = normalStream(streamSeed(seed, 0));
      const np = N.pool;
      return {
        fill: (out, from = 0, to = out.length) => {
          let pos = N.pos;
          for (let i = from; i < to; ) {
            if (pos === POOL_SIZE) {
              N.refill();
              pos = 0;
            }
            const end = Math.min(to, i + POOL_SIZE - pos);
            for (; i < end; i++) out[i] = mean + sd * np[pos++]!;
          }
          N.pos = pos;
          return out;
        },
      };
    }
    case 'lognormal': {
      if (!(dist.median > 0 && dist.p95 > dist.median)) throw new RangeError(`lognormal: need 0 < median < p95, got ${dist.median}, ${dist.p95}`);
      const { mu, sigma } = lognormalParameters(dist.median, dist.p95);
      const N = normalStream(streamSeed(seed, 0));
      const np = N.pool;
      return {
        fill: (out, from = 0, to = out.length) => {
          let pos = N.pos;
          for (let i = from; i < to; ) {
            if (pos === POOL_SIZE) {
              N.refill();
              pos = 0;
            }
            const end = Math.min(to, i + POOL_SIZE - pos);
            for (; i < end; i++) out[i] = Math.exp(mu + sigma * np[pos++]!);
          }
          N.pos = pos;
          return out;
        },
      };
    }
  }
}
