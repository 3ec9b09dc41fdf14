/**
 * A seeded pseudo-random source: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021) on 32-bit integer arithmetic only, so the same seed gives the same stream on
 * every machine and JavaScript engine. Doubles take 53 bits from two outputs, as numpy's `random()` does.
 */
export interface Rng {
  /** The next 32-bit output as an unsigned integer. */
  readonly nextUint32: () => number;
  /** The next double in [0, 1), with 53 random bits. */
  readonly nextDouble: () => number;
}

/**
 * SplitMix32 step (the 32-bit variant of Steele, Lea & Flood's SplitMix, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; constants of the murmur3 finaliser): expands a seed into well-mixed state words.
 */
function splitMix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/**
 * Derives the seed of an independent sub-stream from a seed and a stream number, so every uncertain
 * parameter draws from its own stream: adding a parameter, or splitting draws into chunks or threads,
 * never changes the numbers of another.
 * @example streamSeed(42, 3) // a 32-bit unsigned integer
 */
export function streamSeed(seed: number, stream: number): number {
  let [s, a] = splitMix32(seed >>> 0);
  [s, a] = splitMix32((s ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0);
  [, a] = splitMix32((s + a) | 0);
  return a;
}

/**
 * The four 32-bit state words of xoshiro128** for a seed, filled by SplitMix32 as Blackman & Vigna recommend;
 * the all-zero state cannot occur.
 * @throws RangeError when the seed is not a finite number.
 * @example xoshiroState(42) // Int32Array(4), the same on every machine
 */
export function xoshiroState(seed: number): Int32Array {
  if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
  const st = new Int32Array(4);
  let sm = Math.trunc(seed) >>> 0;
  for (let k = 0; k < 4; k++) {
    const [next, word] = splitMix32(sm);
    sm = next;
    st[k] = word | 0;
  }
  if ((st[0]! | st[1]! | st[2]! | st[3]!) === 0) st[0] = 1;
  return st;
}

/**
 * Creates a seeded xoshiro128** generator (Blackman & Vigna 2021), state from {@link xoshiroState}.
 * @throws RangeError when the seed is not a finite number.
 * @example const rng = createRng(42); rng.nextDouble() // same value on every run and machine
 */
export function createRng(seed: number): Rng {
  return createRngFromState(xoshiroState(seed));
}

/**
 * A xoshiro128** generator started from four explicit 32-bit state words (for reference vectors and for resuming
 * a stream). The words are copied, not shared.
 * @throws RangeError when the state is not four words or is all zero.
 * @example createRngFromState([1, 2, 3, 4]).nextUint32() // 11520 (reference implementation, xoshiro128starstar.c)
 */
export function createRngFromState(state: ArrayLike<number>): Rng {
  if (state.length !== 4) throw new RangeError('xoshiro128** needs four 32-bit state words');
  const st = Int32Array.from(state, (x) => x | 0);
  if ((st[0]! | st[1]! | st[2]! | st[3]!) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  let s0 = st[0]!;
  let s1 = st[1]!;
  let s2 = st[2]!;
  let s3 = st[3]!;
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  };
  const nextDouble = (): number => {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * 1.1102230246251565e-16; // / 2^53
  };
  return { nextUint32, nextDouble };
}
