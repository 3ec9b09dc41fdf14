import type { SroiResult } from '../core/sroi.js';

/** One step of the value waterfall. */
export interface WaterfallStep {
  readonly step: 'gross' | 'deadweight' | 'displacement' | 'attribution' | 'drop-off' | 'discounting' | 'negative-outcomes' | 'present-value';
  /** Change in euro (negative for a correction); for the two totals, the total itself. */
  readonly amount: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Splits the present value of benefits into the corrections that lead to it, summed over every outcome and year
 * of the trace (SROI Guide 2012, stages 4–5). Per outcome-year with gross G = Q · P · active cohorts:
 * deadweight = G·DW, displacement = G(1−DW)·DS, attribution = G(1−DW)(1−DS)·AT, drop-off = impact − value,
 * discounting = value − value·DF, each year with that year's deflators (a yearly profile). Negative outcomes (costs
 * to their stakeholders) are one step of their own, their present value, after discounting; the corrections are
 * those of the positive outcomes. The steps add up exactly to the present value.
 */
export function valueWaterfall(result: Pick<SroiResult, 'outcomes'>): WaterfallStep[] {
  let gross = 0;
  let deadweight = 0;
  let displacement = 0;
  let attribution = 0;
  let dropOff = 0;
  let discounting = 0;
  let negative = 0;
  for (const o of result.outcomes) {
    if (o.negative) {
      negative += o.presentValue;
      continue;
    }
    const share = (name: string): number => o.trace.deflators.find((d) => d.name === name)?.value ?? 0;
    for (const y of o.trace.years) {
      // Traces written before yearly profiles carry the deflators only on the outcome.
      const dw = y.deadweight ?? share('deadweight');
      const ds = y.displacement ?? share('displacement');
      const at = y.attribution ?? share('attribution');
      const g = y.grossValue * y.activeCohorts;
      const afterDw = g * (1 - dw);
      const afterDs = afterDw * (1 - ds);
      const impact = afterDs * (1 - at);
      gross += g;
      deadweight += g - afterDw;
      displacement += afterDw - afterDs;
      attribution += afterDs - impact;
      dropOff += impact - y.value;
      discounting += y.value - y.presentValue;
    }
  }
  const steps: WaterfallStep[] = [{ step: 'gross', amount: gross, start: 0, end: gross }];
  let level = gross;
  for (const [step, cut] of [
    ['deadweight', deadweight],
    ['displacement', displacement],
    ['attribution', attribution],
    ['drop-off', dropOff],
    ['discounting', discounting],
  ] as const) {
    steps.push({ step, amount: -cut, start: level, end: level - cut });
    level -= cut;
  }
  if (negative !== 0) {
    steps.push({ step: 'negative-outcomes', amount: negative, start: level, end: level + negative });
    level += negative;
  }
  steps.push({ step: 'present-value', amount: level, start: 0, end: level });
  return steps;
}
