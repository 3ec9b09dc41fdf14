import { distributionRange } from './distribution.js';
import type { ResolvedParameter } from './resolve-uncertainty.js';

/**
 * The low and high value of a parameter for the tornado and the derived scenarios: the stated low/high; else
 * the distribution's bounds (uniform, triangular, PERT) or 5th/95th percentiles (normal, lognormal)
 * (METHODS §4). A missing side falls back to the base. Undefined when neither a range nor a distribution is given.
 */
export function parameterRange(p: ResolvedParameter): { low: number; high: number } | undefined {
  if (p.low === undefined && p.high === undefined && p.distribution === undefined) return undefined;
  const fromDist = p.distribution ? distributionRange(p.distribution) : undefined;
  return { low: p.low ?? fromDist?.low ?? p.base, high: p.high ?? fromDist?.high ?? p.base };
}
