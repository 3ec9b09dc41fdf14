// Distribution functions, intervals and tests against values computed independently.
// "scipy 1.17.1" = python3 with scipy 1.17.1 / numpy 2.4.6, run while writing this test; the exact call is quoted.
import { describe, expect, test } from 'vitest';
import {
  benjaminiHochbergAdjust,
  erf,
  erfc,
  holmAdjust,
  linearTrend,
  logGamma,
  meanInterval,
  normalCdf,
  normalQuantile,
  oneProportionZTest,
  oneSampleTTest,
  regularizedIncompleteBeta,
  sampleSizeForMeans,
  sampleSizeForShares,
  powerCheck,
  studentTCdf,
  studentTQuantile,
  summarise,
  twoProportionZTest,
  welchTTest,
  wilsonInterval,
} from '../../../src/core/evaluation/index.js';

describe('special functions', () => {
  test('log-gamma: exact values', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13); // Γ(5) = 4! = 24
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13); // Γ(1/2) = √π (A&S 6.1.8)
    expect(logGamma(100.5)).toBeCloseTo(361.43554046777757, 10); // scipy.special.gammaln(100.5)
  });

  test('error function to 1e-12 (A&S table 7.1 / scipy.special)', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 12); // scipy.special.erf(0.5)
    expect(erf(1.2)).toBeCloseTo(0.9103139782296353, 12); // scipy.special.erf(1.2)
    expect(erf(3)).toBeCloseTo(0.9999779095030014, 12); // scipy.special.erf(3)
    expect(erfc(1)).toBeCloseTo(0.15729920705028516, 12); // scipy.special.erfc(1)
    expect(erfc(5) / 1.5374597944280347e-12).toBeCloseTo(1, 10); // scipy.special.erfc(5): relative accuracy in the tail
    expect(erf(-0.5)).toBeCloseTo(-erf(0.5), 15);
  });

  test('incomplete beta: closed forms', () => {
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14); // symmetric
    // I_x(1, b) = 1 − (1 − x)^b (A&S 26.5.*): x = 0.3, b = 4 → 1 − 0.7⁴ = 1 − 0.2401 = 0.7599
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(0.7599, 13);
  });

  test('normal cdf and quantile (scipy.stats.norm)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12); // norm.ppf(0.975)
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12); // norm.ppf(0.8)
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10); // norm.ppf(1e-10)
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 13);
    expect(normalCdf(0)).toBe(0.5);
  });

  test('Student t quantiles (scipy.stats.t.ppf(0.975, df); A&S table 26.10 to 3 decimals)', () => {
    const expected: [number, number][] = [
      [1, 12.706204736174694],
      [2, 4.302652729749462],
      [5, 2.5705818356363146],
      [10, 2.228138851986274],
      [30, 2.0422724563012378],
      [65.5, 1.99684893482209],
      [1000, 1.9623390808264083],
    ];
    for (const [df, t] of expected) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 9);
  });

  test('Student t cdf (scipy.stats.t.cdf(-1.7, df))', () => {
    const expected: [number, number][] = [
      [1, 0.1692530273303327],
      [2, 0.11561671310078561],
      [5, 0.074938393424162],
      [10, 0.059984672954510175],
      [30, 0.04973893779425843],
      [65.5, 0.046937654562157614],
    ];
    for (const [df, p] of expected) expect(studentTCdf(-1.7, df)).toBeCloseTo(p, 11);
    // df = 1 is the Cauchy: F(t) = 1/2 + atan(t)/π
    expect(studentTCdf(2, 1)).toBeCloseTo(0.5 + Math.atan(2) / Math.PI, 13);
  });
});

describe('confidence intervals', () => {
  test('mean: 7.8 ± t(39, 0.975) · 1.2/√40', () => {
    // By hand: t(39, .975) = 2.0226909 (scipy t.ppf), s/√n = 1.2/6.3245553 = 0.1897367, half = 0.3837786
    // → [7.4162214, 8.1837786]; scipy: 7.41622138140854, 8.183778618591461
    const ci = meanInterval({ mean: 7.8, sd: 1.2, n: 40 });
    expect(ci.lower).toBeCloseTo(7.41622138140854, 10);
    expect(ci.upper).toBeCloseTo(8.183778618591461, 10);
    expect(ci.df).toBe(39);
  });

  test('summarise raw values via simple-statistics', () => {
    expect(summarise([1, 2, 3])).toEqual({ mean: 2, sd: 1, n: 3 });
  });

  test('Wilson interval of 45/100 and 0/20 (scipy.stats.binomtest(x, n).proportion_ci(method="wilson"))', () => {
    const a = wilsonInterval(45, 100);
    expect(a.lower).toBeCloseTo(0.35614537979511984, 10);
    expect(a.upper).toBeCloseTo(0.5475539700255787, 10);
    const b = wilsonInterval(0, 20);
    expect(b.lower).toBe(0);
    // by hand: z² = 3.841459, upper = (z²/40 + z·√(z²/1600)) / (1 + z²/20) = 2·0.0960365/1.1920729 = 0.1611252
    expect(b.upper).toBeCloseTo(0.16112515805281935, 10);
  });
});

describe('tests between two waves', () => {
  test('Welch t: 7.8 (s 1.2, n 40) → 7.2 (s 1.5, n 35)', () => {
    // scipy.stats.ttest_ind_from_stats(7.2, 1.5, 35, 7.8, 1.2, 40, equal_var=False) → t = −1.8946618668626827,
    // p = 0.06258849371879471. Welch–Satterthwaite by hand: v₁ = 1.44/40 = 0.036, v₂ = 2.25/35 = 0.0642857;
    // ν = 0.1002857² / (0.036²/39 + 0.0642857²/34) = 0.01005723/0.000154777 = 64.9778
    const r = welchTTest({ mean: 7.8, sd: 1.2, n: 40 }, { mean: 7.2, sd: 1.5, n: 35 });
    expect(r.statistic).toBeCloseTo(-1.8946618668626827, 12);
    expect(r.pValue).toBeCloseTo(0.06258849371879471, 10);
    expect(r.df).toBeCloseTo(64.97780211991366, 10);
    expect(r.ci.lower).toBeCloseTo(-1.2324561266123144, 9); // −0.6 ∓ t(ν, .975) · √0.1002857 (scipy t.ppf)
    expect(r.ci.upper).toBeCloseTo(0.03245612661231445, 9);
  });

  test('two-proportion z: 90/200 → 63/180, equals the uncorrected chi-square test', () => {
    // pooled p̄ = 153/380 = 0.4026316; z = (0.35 − 0.45)/√(0.4026316·0.5973684·(1/200 + 1/180)) = −1.9846522
    // scipy: z² = chi2_contingency([[90,110],[63,117]], correction=False) statistic 3.9388442601710283, p = 0.04718318303365714
    const r = twoProportionZTest({ p: 0.45, n: 200 }, { p: 0.35, n: 180 });
    expect(r.statistic).toBeCloseTo(-1.9846521761182818, 12);
    expect(r.statistic ** 2).toBeCloseTo(3.9388442601710283, 11);
    expect(r.pValue).toBeCloseTo(0.04718318303365714, 11);
  });

  test('one-sample tests against a criterion baseline', () => {
    // t = (7.2 − 7.8)/(1.5/√35) = −2.366431913239845; p = 2·t.sf(2.3664, 34) = 0.023798821232226063 (scipy)
    const t = oneSampleTTest({ mean: 7.2, sd: 1.5, n: 35 }, 7.8);
    expect(t.statistic).toBeCloseTo(-2.366431913239845, 12);
    expect(t.pValue).toBeCloseTo(0.023798821232226063, 11);
    // z = (0.35 − 0.45)/√(0.45·0.55/180) = −2.6967994498529695; p = 2·norm.sf(2.6968) = 0.007000941989448605 (scipy)
    const z = oneProportionZTest({ p: 0.35, n: 180 }, 0.45);
    expect(z.statistic).toBeCloseTo(-2.6967994498529695, 12);
    expect(z.pValue).toBeCloseTo(0.007000941989448605, 12);
  });
});

describe('multiple testing', () => {
  test('Holm, by hand: sorted 0.005, 0.01, 0.03, 0.04 × 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 → running max', () => {
    const r = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 14));
  });

  test('Benjamini–Hochberg (scipy.stats.false_discovery_control → [0.02, 0.04, 0.04, 0.02]); nulls kept', () => {
    const r = benjaminiHochbergAdjust([0.01, 0.04, null, 0.03, 0.005]);
    expect(r[2]).toBeNull();
    [0.02, 0.04, null, 0.04, 0.02].forEach((v, i) => (v === null ? expect(r[i]).toBeNull() : expect(r[i]).toBeCloseTo(v, 14)));
  });
});

describe('power', () => {
  test('sample size for means: 2·(1.959964 + 0.841621)²·1.5²/0.5² = 141.28 → 142', () => {
    expect(sampleSizeForMeans(0.5, 1.5)).toBe(142); // numpy/scipy: 141.27983521828358
  });

  test('sample size for shares 0.45 → 0.30 (Fleiss 1981, no continuity correction) = 162.33 → 163', () => {
    // [1.959964·√(2·0.375·0.625) + 0.841621·√(0.2475 + 0.21)]² / 0.15² = 162.33438206370826 (numpy)
    expect(sampleSizeForShares(0.45, 0.3)).toBe(163);
    expect(powerCheck({ kind: 'share', baseline: 0.45, target: 0.3, n: 120 })).toMatchObject({ required: 163, adequate: false });
    expect(powerCheck({ kind: 'mean', baseline: 7.8, target: 8.3, n: 200, sd: 1.5 })).toMatchObject({ required: 142, adequate: true });
  });
});

describe('trend', () => {
  test('least-squares slope and its t interval (scipy.stats.linregress)', () => {
    // x = 2020, 2021, 2022; y = 1, 3, 4: slope = Sxy/Sxx = 3/2 = 1.5; SSE = 1/6; se = √(SSE/1/2) = 0.2886751
    // ci = 1.5 ± t(1, .975)·0.2886751 = 1.5 ± 12.7062047·0.2886751
    const t = linearTrend([
      { x: 2020, y: 1 },
      { x: 2021, y: 3 },
      { x: 2022, y: 4 },
    ])!;
    expect(t.slope).toBeCloseTo(1.5, 12);
    expect(t.standardError).toBeCloseTo(Math.sqrt(1 / 12), 12);
    expect(t.ci!.lower).toBeCloseTo(1.5 - 12.706204736174694 * Math.sqrt(1 / 12), 9);
    expect(linearTrend([{ x: 1, y: 1 }])).toBeNull();
    expect(linearTrend([{ x: 1, y: 1 }, { x: 2, y: 3 }])).toMatchObject({ slope: 2, ci: null });
  });
});
