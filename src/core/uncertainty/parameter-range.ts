import { distributionRange } from './distribution.js';
import type { ResolvedParameter } from './resolve-uncertainty.js';

/**
 * The low and high value of a parameter for the tornado and the derived scenarios: the stated low/high; else
 * the distribution's bounds (uniform, triangular, PERT) or 5th/95th percentiles (normal, lognormal)
 * (METHODS §4). A missing side falls back to the base. Undefined when neither a range nor a distribution is given.
 * @example parameterRange({ key, target, base: 0.2, distribution: { type: 'uniform', min: 0.1, max: 0.3 } }) // { low: 0.1, high: 0.3 }
 */
export function parameterRange(p: ResolvedParameter): { low: number; high: number } | undefined {
  if (p.low === undefined && p.high === undefined && p.distribution === undefined) return undefined;
  const fromDist = p.distribution ? distributionRange(p.distribution) : undefined;
  return { low: p.low ?? fromDist?.low ?? p.base, high: p.high ?? fromDist?.high ?? p.base };
}
