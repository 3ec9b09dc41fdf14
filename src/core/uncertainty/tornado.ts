import { evaluateTotals, measureOf, withValues, type CompiledValueMap, type Measure, type Totals } from './compiled-value-map.js';
import type { ParameterTarget } from './parameter-target.js';
import { parameterRange } from './parameter-range.js';
import type { ResolvedParameter } from './resolve-uncertainty.js';

/** One bar of a tornado chart: the result with one parameter at its low and at its high value, others at base. */
export interface TornadoRow {
  readonly key: string;
  readonly target: ParameterTarget;
  readonly base: number;
  readonly low: number;
  readonly high: number;
  readonly atLow: Totals;
  readonly atHigh: Totals;
  /** |measure(high) − measure(low)| (NPV, or the MKBA balance): the length of the bar; rows are sorted by it, widest first. */
  readonly width: number;
  readonly measure: Measure;
  /** |ratio(high) − ratio(low)|, null when a ratio is undefined. */
  readonly ratioWidth: number | null;
}

/** The base result the tornado bars are drawn around. */
export interface Tornado {
  readonly base: Totals;
  readonly rows: readonly TornadoRow[];
}

/**
 * One-at-a-time sensitivity (METHODS §4; SROI Guide 2012, stage 5 "sensitivity analysis"): each parameter with
 * a range is set to its low and to its high value while all others stay at base; rows are sorted by the width
 * of the swing in the measure (the SROI's NPV, or the MKBA balance for an MKBA), widest first (ties by key, so the order is stable). Inputs are not changed.
 * @example tornado(compileValueMap(map), resolved.parameters).rows[0].key // the assumption that matters most
 */
export function tornado(c: CompiledValueMap, parameters: readonly ResolvedParameter[], measure: Measure = 'npv'): Tornado {
  const rows: TornadoRow[] = [];
  for (const p of parameters) {
    const range = parameterRange(p);
    if (!range) continue;
    const atLow = evaluateTotals(withValues(c, [{ target: p.target, value: range.low }]));
    const atHigh = evaluateTotals(withValues(c, [{ target: p.target, value: range.high }]));
    rows.push({
      key: p.key,
      target: p.target,
      base: p.base,
      low: range.low,
      high: range.high,
      atLow,
      atHigh,
      width: Math.abs((measureOf(atHigh, measure) ?? 0) - (measureOf(atLow, measure) ?? 0)),
      measure,
      ratioWidth: atLow.ratio === null || atHigh.ratio === null ? null : Math.abs(atHigh.ratio - atLow.ratio),
    });
  }
  rows.sort((a, b) => b.width - a.width || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { base: evaluateTotals(c), rows };
}
