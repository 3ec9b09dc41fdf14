import { xoshiroState } from './prng.js';

/** Values per refill of a stream's pool. */
export const POOL_SIZE = 4096;

/**
 * A buffered stream of random values: `pool[pos…]` are the next values; `refill()` replaces the pool with the
 * next POOL_SIZE values and sets `pos` to 0. Hot loops copy `pos` into a local, read `pool` directly and write
 * `pos` back, which is several times faster than calling a generator per value. A mutable record on purpose:
 * it is private to one sampler.
 */
export interface RandomStream {
  readonly pool: Float64Array;
  pos: number;
  readonly refill: () => void;
}

/**
 * Uniform doubles in [0, 1) from xoshiro128** (Blackman & Vigna 2021), 53 bits each; the generator's state is
 * held in locals while a pool is filled. Same values, in the same order, as {@link createRng}'s `nextDouble`.
 * @example const s = uniformStream(7); const u = s.pool[s.pos++];
 */
export function uniformStream(seed: number): RandomStream {
  const st = xoshiroState(seed);
  const pool = new Float64Array(POOL_SIZE);
  const stream: RandomStream = {
    pool,
    pos: POOL_SIZE,
    refill: () => {
      let s0 = st[0]!;
      let s1 = st[1]!;
      let s2 = st[2]!;
      let s3 = st[3]!;
      for (let i = 0; i < POOL_SIZE; i++) {
        // Two xoshiro128** steps, inlined: 27 high bits, then 26.
        let m = Math.imul(s1, 5);
        const hi = Math.imul((m << 7) | (m >>> 25), 9) >>> 5;
        let t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        m = Math.imul(s1, 5);
        const lo = Math.imul((m << 7) | (m >>> 25), 9) >>> 6;
        t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        pool[i] = (hi * 67108864 + lo) * 1.1102230246251565e-16;
      }
      st[0] = s0;
      st[1] = s1;
      st[2] = s2;
      st[3] = s3;
      stream.pos = 0;
    },
  };
  return stream;
}

/**
 * Standard normal values by Marsaglia's polar method (Marsaglia & Bray, SIAM Review 1964), both values of every
 * accepted pair, drawn from its own uniform stream.
 */
export function normalStream(seed: number): RandomStream {
  const uniforms = uniformStream(seed);
  const pool = new Float64Array(POOL_SIZE);
  const stream: RandomStream = {
    pool,
    pos: POOL_SIZE,
    refill: () => {
      const up = uniforms.pool;
      let pos = uniforms.pos;
      for (let i = 0; i < POOL_SIZE; i += 2) {
        let x: number, y: number, s: number;
        do {
          if (pos >= POOL_SIZE - 1) {
            uniforms.refill();
            pos = 0;
          }
          x = 2 * up[pos]! - 1;
          y = 2 * up[pos + 1]! - 1;
          pos += 2;
          s = x * x + y * y;
        } while (s >= 1 || s === 0);
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        pool[i] = x * f;
        pool[i + 1] = y * f;
      }
      uniforms.pos = pos;
      stream.pos = 0;
    },
  };
  return stream;
}
