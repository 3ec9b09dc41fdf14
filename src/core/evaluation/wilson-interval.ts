import { normalQuantile } from './normal-distribution.js';
import type { ConfidenceInterval } from './interval.js';

/** A share with its Wilson score interval. */
export interface ShareInterval extends ConfidenceInterval {
  readonly estimate: number;
  readonly n: number;
}

/**
 * Wilson score interval of a share p̂ = x/n:
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − α/2)
 * (E. B. Wilson 1927, JASA 22:209–212; Newcombe 1998, Stat. Med. 17:857–872, method 3). It stays inside [0, 1]
 * and behaves at p̂ = 0 or 1, unlike the Wald interval.
 * @throws RangeError when n ≤ 0 or x outside [0, n].
 * @example wilsonInterval(45, 100) // lower 0.3561, upper 0.5475
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): ShareInterval {
  if (!(n > 0)) throw new RangeError(`a share interval needs n > 0, got ${n}`);
  if (!(successes >= 0 && successes <= n)) throw new RangeError(`successes must lie in [0, n], got ${successes} of ${n}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At x = 0 (x = n) the bound is exactly 0 (1); the subtraction would leave rounding noise.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { estimate: p, n, lower, upper, level, method: 'wilson' };
}
