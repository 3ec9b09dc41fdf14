import { evaluateTotals, withValues, type CompiledValueMap, type Totals } from './compiled-value-map.js';
import { targetKey, type ParameterValue } from './parameter-target.js';
import { parameterRange } from './parameter-range.js';
import type { ResolvedParameter, ResolvedScenario } from './resolve-uncertainty.js';

/** The result of one scenario: which values were set, and the present values, NPV and ratio. */
export interface ScenarioResult extends Totals {
  readonly id: string;
  readonly description?: string;
  /** true when the scenario was derived from the parameters' ranges rather than declared in the model. */
  readonly derived: boolean;
  readonly values: readonly { readonly key: string; readonly value: number }[];
}

function run(c: CompiledValueMap, id: string, values: readonly ParameterValue[], derived: boolean, description?: string): ScenarioResult {
  const totals = evaluateTotals(withValues(c, values));
  const base = { id, derived, values: values.map((v) => ({ key: targetKey(v.target), value: v.value })), ...totals };
  return description === undefined ? base : { ...base, description };
}

/**
 * Named scenarios (METHODS §4; SROI Guide 2012, stage 5): each sets some parameters to stated values, the rest
 * stay at base. With none declared, three are derived from the parameters' ranges: `low` puts every parameter
 * at the end of its range that gives the lower NPV on its own, `high` at the other end, `central` is the base.
 * A declared set without `central` gets the base added as `central`. Inputs are not changed.
 * @example evaluateScenarios(c, resolved.parameters, resolved.scenarios).map((s) => [s.id, s.ratio])
 */
export function evaluateScenarios(
  c: CompiledValueMap,
  parameters: readonly ResolvedParameter[],
  declared: readonly ResolvedScenario[],
): ScenarioResult[] {
  if (declared.length > 0) {
    const out = declared.map((s) => run(c, s.id, s.values, false, s.description));
    if (!declared.some((s) => s.id === 'central')) out.splice(Math.min(1, out.length), 0, run(c, 'central', [], true));
    return out;
  }
  const low: ParameterValue[] = [];
  const high: ParameterValue[] = [];
  for (const p of parameters) {
    const range = parameterRange(p);
    if (!range) continue;
    const npvLow = evaluateTotals(withValues(c, [{ target: p.target, value: range.low }])).npv;
    const npvHigh = evaluateTotals(withValues(c, [{ target: p.target, value: range.high }])).npv;
    const [worse, better] = npvLow <= npvHigh ? [range.low, range.high] : [range.high, range.low];
    low.push({ target: p.target, value: worse });
    high.push({ target: p.target, value: better });
  }
  return [
    run(c, 'low', low, true),
    run(c, 'central', [], true),
    run(c, 'high', high, true),
  ];
}
