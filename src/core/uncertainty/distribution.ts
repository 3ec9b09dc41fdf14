import { distributionFields, type Distribution, type DistributionDeclaration } from '../schema/uncertainty.js';

/** z of the standard normal's 95th percentile, Φ⁻¹(0.95) (Abramowitz & Stegun 1964, table 26.5). */
export const Z95 = 1.6448536269514722;

/**
 * Parameters μ, σ of the lognormal with a given median and 95th percentile: μ = ln(median),
 * σ = (ln p95 − ln median) / Φ⁻¹(0.95) (METHODS §4; the median of a lognormal is e^μ).
 * @example lognormalParameters(100, 200) // { mu: 4.605…, sigma: 0.4214… }
 */
export function lognormalParameters(median: number, p95: number): { mu: number; sigma: number } {
  const mu = Math.log(median);
  return { mu, sigma: (Math.log(p95) - mu) / Z95 };
}

/**
 * The two shape parameters of Beta-PERT(min, mode, max) with λ = 4: α = 1 + 4(mode − min)/(max − min),
 * β = 1 + 4(max − mode)/(max − min) (METHODS §4; Vose, "Risk Analysis", 3rd ed. 2008, §9.1.4).
 * @example pertShape(0, 1, 4) // { alpha: 2, beta: 4 }
 */
export function pertShape(min: number, mode: number, max: number): { alpha: number; beta: number } {
  const w = max - min;
  return { alpha: 1 + (4 * (mode - min)) / w, beta: 1 + (4 * (max - mode)) / w };
}

/**
 * Mean and variance of a distribution, in closed form:
 * uniform (a+b)/2, (b−a)²/12; triangular (a+m+b)/3, (a²+m²+b²−am−ab−mb)/18; PERT (a+4m+b)/6,
 * (b−a)²·αβ/((α+β)²(α+β+1)); normal μ, σ²; lognormal e^(μ+σ²/2), (e^(σ²)−1)·e^(2μ+σ²); fixed v, 0
 * (Johnson, Kotz & Balakrishnan, "Continuous Univariate Distributions", 1994–95; Vose 2008 for PERT).
 * @example distributionMoments({ type: 'uniform', min: 0, max: 1 }) // { mean: 0.5, variance: 1/12 }
 */
export function distributionMoments(d: Distribution): { mean: number; variance: number } {
  switch (d.type) {
    case 'uniform':
      return { mean: (d.min + d.max) / 2, variance: (d.max - d.min) ** 2 / 12 };
    case 'triangular': {
      const { min: a, mode: m, max: b } = d;
      return { mean: (a + m + b) / 3, variance: (a * a + m * m + b * b - a * m - a * b - m * b) / 18 };
    }
    case 'pert': {
      const { alpha, beta } = pertShape(d.min, d.mode, d.max);
      const s = alpha + beta;
      return { mean: d.min + ((d.max - d.min) * alpha) / s, variance: ((d.max - d.min) ** 2 * alpha * beta) / (s * s * (s + 1)) };
    }
    case 'normal':
      return { mean: d.mean, variance: d.sd * d.sd };
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(d.median, d.p95);
      const s2 = sigma * sigma;
      return { mean: Math.exp(mu + s2 / 2), variance: Math.expm1(s2) * Math.exp(2 * mu + s2) };
    }
    case 'fixed':
      return { mean: d.value, variance: 0 };
  }
}

/**
 * The low and high value a distribution implies when no explicit range is stated: the bounds of uniform,
 * triangular and PERT; the 5th and 95th percentiles of normal and lognormal; the value itself when fixed.
 * @example distributionRange({ type: 'normal', mean: 10, sd: 1 }) // { low: 8.355…, high: 11.644… }
 */
export function distributionRange(d: Distribution): { low: number; high: number } {
  switch (d.type) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return { low: d.min, high: d.max };
    case 'normal':
      return { low: d.mean - Z95 * d.sd, high: d.mean + Z95 * d.sd };
    case 'lognormal':
      return { low: (d.median * d.median) / d.p95, high: d.p95 };
    case 'fixed':
      return { low: d.value, high: d.value };
  }
}

/**
 * The distribution's central value, used as the base when a scenario or tornado needs one: the mode of
 * triangular and PERT, the mean of uniform and normal, the median of lognormal.
 * @example distributionCentre({ type: 'pert', min: 0, mode: 1, max: 4 }) // 1
 */
export function distributionCentre(d: Distribution): number {
  switch (d.type) {
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
    case 'pert':
      return d.mode;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.median;
    case 'fixed':
      return d.value;
  }
}

/**
 * The same distribution with every value multiplied by k > 0 (to bring a proxy to the valuation price level).
 * For a lognormal, scaling the median and p95 scales the whole distribution.
 * @example scaleDistribution({ type: 'uniform', min: 1, max: 2 }, 1.033) // { type: 'uniform', min: 1.033, max: 2.066 }
 */
export function scaleDistribution(d: Distribution, k: number): Distribution {
  switch (d.type) {
    case 'uniform':
      return { type: 'uniform', min: d.min * k, max: d.max * k };
    case 'triangular':
      return { type: 'triangular', min: d.min * k, mode: d.mode * k, max: d.max * k };
    case 'pert':
      return { type: 'pert', min: d.min * k, mode: d.mode * k, max: d.max * k };
    case 'normal':
      return { type: 'normal', mean: d.mean * k, sd: d.sd * Math.abs(k) };
    case 'lognormal':
      return { type: 'lognormal', median: d.median * k, p95: d.p95 * k };
    case 'fixed':
      return { type: 'fixed', value: d.value * k };
  }
}

/**
 * The distribution a model file declares, with exactly the fields of its type.
 * @throws RangeError when a field the type needs is missing (validateModel reports this earlier, with the line).
 * @example toDistribution({ type: 'pert', min: 1, mode: 2, max: 4 }) // { type: 'pert', min: 1, mode: 2, max: 4 }
 */
export function toDistribution(d: DistributionDeclaration): Distribution {
  const out: Record<string, unknown> = { type: d.type };
  for (const f of distributionFields[d.type]) {
    const v = d[f];
    if (v === undefined) throw new RangeError(`${d.type} distribution needs "${f}"`);
    out[f] = v;
  }
  return out as Distribution;
}
