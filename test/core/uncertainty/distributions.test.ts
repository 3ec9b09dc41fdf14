import { describe, expect, it } from 'vitest';
import { createRng, createRngFromState, createSampler, distributionMoments, distributionRange, type Distribution } from '../../../src/core/index.js';
import { deepFreeze } from './hand-map.js';

const N = 1_000_000;

/** Sample mean, variance (n − 1) and fourth central moment, in one pass after the mean. */
function moments(x: Float64Array): { mean: number; variance: number; m4: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  const mean = s / x.length;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < x.length; i++) {
    const e = (x[i]! - mean) ** 2;
    s2 += e;
    s4 += e * e;
  }
  return { mean, variance: s2 / (x.length - 1), m4: s4 / x.length };
}

function bytes(x: Float64Array): Buffer {
  return Buffer.from(x.buffer, x.byteOffset, x.byteLength);
}

describe('xoshiro128** generator', () => {
  it('matches the reference implementation (Blackman & Vigna, xoshiro128starstar.c, compiled with gcc) word for word', () => {
    // First three worked by hand from state (1, 2, 3, 4): rotl(2·5, 7)·9 = 1280·9 = 11520; after one step s1 = 0,
    // so the second is 0; then s1 = 1029: rotl(5145, 7)·9 = 658560·9 = 5927040.
    const rng = createRngFromState([1, 2, 3, 4]);
    expect(Array.from({ length: 8 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
    const other = createRngFromState([0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5ced1ed0]);
    expect(Array.from({ length: 4 }, () => other.nextUint32())).toEqual([199744174, 3621941159, 63815055, 3011086348]);
  });

  it('gives doubles in [0, 1) with mean 1/2 and variance 1/12, and the same stream for the same seed', () => {
    const a = createRng(2026);
    const b = createRng(2026);
    const x = new Float64Array(N);
    const y = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      x[i] = a.nextDouble();
      y[i] = b.nextDouble();
    }
    expect(bytes(x).equals(bytes(y))).toBe(true);
    const m = moments(x);
    // SE of the mean: √(1/12)/√N = 2.9e-4; tolerance 5 SE.
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    // SE of the variance: √((1/80 − 1/144)/N) = 7.5e-5 (μ₄ of U(0, 1) is 1/80).
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / N));
    expect(x.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(createRng(2027).nextDouble()).not.toBe(createRng(2026).nextDouble());
  });
});

// Each distribution: 10^6 draws; the sample mean must lie within 5 standard errors of the closed-form mean
// (SE = σ/√n) and the sample variance within 5 standard errors of the closed-form variance
// (SE(s²) = √((μ₄ − σ⁴)/n), with μ₄ estimated from the sample; Kendall & Stuart, "The Advanced Theory of
// Statistics", vol. 1, §10.5). Closed forms: Johnson, Kotz & Balakrishnan 1994–95; Vose 2008 for PERT.
const cases: [string, Distribution, { mean: number; variance: number }][] = [
  // uniform(2, 5): mean 3.5, variance 9/12 = 0.75
  ['uniform(2, 5)', { type: 'uniform', min: 2, max: 5 }, { mean: 3.5, variance: 0.75 }],
  // triangular(1, 2, 6): mean 9/3 = 3, variance (1 + 4 + 36 − 2 − 6 − 12)/18 = 21/18
  ['triangular(1, 2, 6)', { type: 'triangular', min: 1, mode: 2, max: 6 }, { mean: 3, variance: 21 / 18 }],
  // PERT(0.05, 0.2, 0.6): α = 1 + 4·0.15/0.55 = 2.0909, β = 1 + 4·0.4/0.55 = 3.9091, α + β = 6;
  // mean (0.05 + 0.8 + 0.6)/6 = 0.241667; variance 0.55²·αβ/(36·7) = 0.3025·8.17355/252 = 0.0098116
  ['PERT(0.05, 0.2, 0.6)', { type: 'pert', min: 0.05, mode: 0.2, max: 0.6 }, { mean: 1.45 / 6, variance: (0.3025 * (1 + 0.6 / 0.55) * (1 + 1.6 / 0.55)) / 252 }],
  // PERT(0, 10, 10): α = 5, β = 1 (mode at the maximum): mean 50/6, variance 100·5/252
  ['PERT(0, 10, 10)', { type: 'pert', min: 0, mode: 10, max: 10 }, { mean: 50 / 6, variance: 500 / 252 }],
  // normal(3, 2): mean 3, variance 4
  ['normal(3, 2)', { type: 'normal', mean: 3, sd: 2 }, { mean: 3, variance: 4 }],
  // lognormal(median 100, p95 250): μ = ln 100, σ = ln 2.5 / 1.6448536 = 0.557065; mean 100·e^(σ²/2), variance (e^(σ²) − 1)·100²·e^(σ²)
  [
    'lognormal(median 100, p95 250)',
    { type: 'lognormal', median: 100, p95: 250 },
    (() => {
      const s2 = (Math.log(2.5) / 1.6448536269514722) ** 2;
      return { mean: 100 * Math.exp(s2 / 2), variance: Math.expm1(s2) * 1e4 * Math.exp(s2) };
    })(),
  ],
  ['fixed(7)', { type: 'fixed', value: 7 }, { mean: 7, variance: 0 }],
];

describe('distributions: sample moments of 10^6 draws against closed forms', () => {
  for (const [name, dist, expected] of cases) {
    it(name, () => {
      const d = deepFreeze(structuredClone(dist));
      const closed = distributionMoments(d);
      expect(closed.mean).toBeCloseTo(expected.mean, 10);
      expect(closed.variance).toBeCloseTo(expected.variance, 10);
      const x = createSampler(d, 12345).fill(new Float64Array(N));
      const m = moments(x);
      const seMean = Math.sqrt(closed.variance / N);
      const seVar = Math.sqrt(Math.max(0, m.m4 - closed.variance ** 2) / N);
      expect(Math.abs(m.mean - closed.mean)).toBeLessThanOrEqual(5 * seMean + 1e-12);
      expect(Math.abs(m.variance - closed.variance)).toBeLessThanOrEqual(5 * seVar + 1e-12);
      if (d.type !== 'normal' && d.type !== 'lognormal') {
        const { low, high } = distributionRange(d);
        let min = Infinity;
        let max = -Infinity;
        for (const v of x) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
        expect(min).toBeGreaterThanOrEqual(low);
        expect(max).toBeLessThanOrEqual(high);
      }
      // Same seed → bit-identical draws; filling in uneven chunks continues the same stream.
      const again = createSampler(d, 12345).fill(new Float64Array(N));
      expect(bytes(again).equals(bytes(x))).toBe(true);
      const chunked = new Float64Array(100_003);
      const s = createSampler(d, 12345);
      for (let i = 0; i < chunked.length; i += 777) s.fill(chunked, i, Math.min(chunked.length, i + 777));
      expect(bytes(chunked).equals(bytes(x.subarray(0, chunked.length)))).toBe(true);
      if (d.type !== 'fixed') expect(createSampler(d, 12346).fill(new Float64Array(4))[0]).not.toBe(x[0]);
    });
  }

  it('the standard normal (ziggurat) has the right CDF, tails included', () => {
    // Φ(z) from Abramowitz & Stegun 1964, table 26.1; empirical CDF of 10^6 draws within 5 SE, SE = √(Φ(1 − Φ)/n).
    const x = createSampler({ type: 'normal', mean: 0, sd: 1 }, 77).fill(new Float64Array(N));
    const phi: [number, number][] = [
      [-3.5, 0.0002326291],
      [-3, 0.001349898],
      [-2, 0.0227501319],
      [-1, 0.1586552539],
      [-0.5, 0.3085375387],
      [0, 0.5],
      [0.5, 0.6914624613],
      [1, 0.8413447461],
      [2, 0.9772498681],
      [3, 0.998650102],
      [3.5, 0.9997673709],
    ];
    for (const [z, p] of phi) {
      let below = 0;
      for (let i = 0; i < N; i++) if (x[i]! <= z) below++;
      expect(Math.abs(below / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it('PERT has the exact Beta CDF (table-and-wedge sampler), against closed forms', () => {
    // PERT(0, 10, 10) = 10·Beta(5, 1): CDF(x) = (x/10)^5. PERT(0, 1, 4) = 4·Beta(2, 4): for integer shapes
    // I_u(a, b) = Σ_{j=a}^{a+b−1} C(a+b−1, j)·u^j·(1 − u)^(a+b−1−j) (Abramowitz & Stegun 1964, 26.5.4 / 6.6.4),
    // here Σ_{j=2}^{5} C(5, j)·u^j·(1 − u)^(5−j). Empirical CDF of 10^6 draws within 5 SE = 5·√(F(1 − F)/n).
    const choose = [1, 5, 10, 10, 5, 1];
    const cases: [Distribution, (x: number) => number][] = [
      [{ type: 'pert', min: 0, mode: 10, max: 10 }, (x) => (x / 10) ** 5],
      [
        { type: 'pert', min: 0, mode: 1, max: 4 },
        (x) => {
          const u = x / 4;
          let f = 0;
          for (let j = 2; j <= 5; j++) f += choose[j]! * u ** j * (1 - u) ** (5 - j);
          return f;
        },
      ],
    ];
    for (const [d, cdf] of cases) {
      const x = createSampler(d, 31).fill(new Float64Array(N));
      const max = d.type === 'pert' ? d.max : 1;
      for (const q of [0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.98]) {
        const at = q * max;
        let below = 0;
        for (let i = 0; i < N; i++) if (x[i]! <= at) below++;
        const p = cdf(at);
        expect(Math.abs(below / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N) + 1e-6);
      }
    }
  });

  it('the lognormal has the stated median and 95th percentile', () => {
    const x = createSampler({ type: 'lognormal', median: 100, p95: 250 }, 9).fill(new Float64Array(200_001)).sort();
    // Order statistics: SE of a quantile q is √(q(1 − q)/n)/f(x_q); allow 2 % (≈ 6 SE at the p95).
    expect(x[100_000]! / 100).toBeCloseTo(1, 1);
    expect(Math.abs(x[190_000]! / 250 - 1)).toBeLessThan(0.02);
    expect(distributionRange({ type: 'lognormal', median: 100, p95: 250 }).low).toBeCloseTo(40, 9);
  });

  it('pins the first draws of seed 42, so any change of algorithm, platform or engine that alters them is caught', () => {
    // Produced by this implementation (Node 20, x86-64) and pinned: the same seed must give these exact doubles
    // everywhere. Only integer arithmetic, IEEE sqrt and V8's fdlibm-based Math.log/exp are involved.
    const pinned: [Distribution, number[]][] = [
      [{ type: 'uniform', min: 2, max: 5 }, [4.9359034729423, 4.349655056023039, 4.512581506394781]],
      [{ type: 'triangular', min: 1, mode: 2, max: 6 }, [5.346310333273758, 3.9177817213734754, 4.197375073945]],
      [{ type: 'pert', min: 0.05, mode: 0.2, max: 0.6 }, [0.37179988317814144, 0.2763825219801447, 0.1655830660635047]],
      [{ type: 'normal', mean: 3, sd: 2 }, [5.921148408800029, 7.16109235556173, 5.364911547946223]],
      [{ type: 'lognormal', median: 100, p95: 250 }, [225.60941740183392, 318.6744600748331, 193.22883508738366]],
    ];
    for (const [d, values] of pinned) expect(Array.from(createSampler(d, 42).fill(new Float64Array(3)))).toEqual(values);
    const rng = createRng(42);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextDouble()]).toEqual([2837322924, 544945897, 0.1117019639532224]);
  });

  it('rejects inconsistent parameters', () => {
    expect(() => createSampler({ type: 'pert', min: 1, mode: 0, max: 2 }, 1)).toThrow(RangeError);
    expect(() => createSampler({ type: 'triangular', min: 3, mode: 4, max: 2 }, 1)).toThrow(RangeError);
    expect(() => createSampler({ type: 'lognormal', median: 10, p95: 5 }, 1)).toThrow(RangeError);
    expect(() => createSampler({ type: 'uniform', min: 2, max: 1 }, 1)).toThrow(RangeError);
  });
});
