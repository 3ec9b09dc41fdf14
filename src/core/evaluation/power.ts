import { normalQuantile } from './normal-distribution.js';

/**
 * Sample size per wave needed to detect a difference Δ between two means with power 1 − β at two-sided level α:
 * n = 2 · (z₁₋α/₂ + z₁₋β)² · σ² / Δ², rounded up (normal approximation; S. Chow, J. Shao & H. Wang,
 * "Sample Size Calculations in Clinical Research", 2nd ed. 2008, §3.2.1). Defaults: α = 0.05, power = 0.8.
 * @throws RangeError when Δ is 0 or σ ≤ 0.
 * @example sampleSizeForMeans(0.5, 1.5) // 142
 */
export function sampleSizeForMeans(delta: number, sd: number, alpha = 0.05, power = 0.8): number {
  if (delta === 0) throw new RangeError('cannot size a sample to detect a difference of 0');
  if (!(sd > 0)) throw new RangeError(`sd must be > 0, got ${sd}`);
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return Math.ceil((2 * z * z * sd * sd) / (delta * delta));
}

/**
 * Sample size per wave needed to detect a change of a share from p₁ to p₂ with power 1 − β at two-sided level α:
 * n = [z₁₋α/₂ · √(2 p̄ q̄) + z₁₋β · √(p₁q₁ + p₂q₂)]² / (p₁ − p₂)², p̄ = (p₁ + p₂)/2, rounded up
 * (J. L. Fleiss, "Statistical Methods for Rates and Proportions", 2nd ed. 1981, eq. 3.14, without continuity
 * correction). Defaults: α = 0.05, power = 0.8.
 * @throws RangeError when p₁ = p₂ or a share lies outside [0, 1].
 * @example sampleSizeForShares(0.45, 0.30) // 163
 */
export function sampleSizeForShares(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
  if (p1 === p2) throw new RangeError('cannot size a sample to detect a difference of 0');
  for (const p of [p1, p2]) if (!(p >= 0 && p <= 1)) throw new RangeError(`a share must lie in [0, 1], got ${p}`);
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const pBar = (p1 + p2) / 2;
  const num = za * Math.sqrt(2 * pBar * (1 - pBar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((num * num) / ((p1 - p2) * (p1 - p2)));
}

/** Whether the samples are large enough to detect the target change. */
export interface PowerCheck {
  readonly method: 'means' | 'shares';
  /** Required sample size per wave (power 0.8, α 0.05 unless stated). */
  readonly required: number;
  /** The smallest sample size of the waves compared. */
  readonly n: number;
  readonly adequate: boolean;
  readonly alpha: number;
  readonly power: number;
}

/**
 * Checks whether a sample of size n per wave can detect the change from `baseline` to `target`: for a share
 * with {@link sampleSizeForShares}; for a mean with {@link sampleSizeForMeans} and the given sd. Returns null
 * when the change is 0 or a mean has no sd.
 * @example powerCheck({ kind: 'share', baseline: 0.45, target: 0.30, n: 120 }) // { required: 163, adequate: false, … }
 */
export function powerCheck(args: {
  readonly kind: 'share' | 'mean';
  readonly baseline: number;
  readonly target: number;
  readonly n: number;
  readonly sd?: number;
  readonly alpha?: number;
  readonly power?: number;
}): PowerCheck | null {
  const alpha = args.alpha ?? 0.05;
  const power = args.power ?? 0.8;
  if (args.baseline === args.target) return null;
  if (args.kind === 'share') {
    if (!(args.baseline >= 0 && args.baseline <= 1 && args.target >= 0 && args.target <= 1)) return null;
    const required = sampleSizeForShares(args.baseline, args.target, alpha, power);
    return { method: 'shares', required, n: args.n, adequate: args.n >= required, alpha, power };
  }
  if (args.sd === undefined || !(args.sd > 0)) return null;
  const required = sampleSizeForMeans(args.target - args.baseline, args.sd, alpha, power);
  return { method: 'means', required, n: args.n, adequate: args.n >= required, alpha, power };
}
