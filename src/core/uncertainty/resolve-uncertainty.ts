import type { Model } from '../schema/model.js';
import type { Distribution, UncertainParameter } from '../schema/uncertainty.js';
import type { ValueMap } from '../value-map.js';
import { InvalidInputError } from '../errors.js';
import { scaleDistribution, toDistribution } from './distribution.js';
import type { ParameterTarget, ParameterValue } from './parameter-target.js';
import { targetKey } from './parameter-target.js';

/**
 * An uncertain parameter ready for analysis: its target, base value, low/high and distribution, all at the
 * valuation price level (a proxy stated at price year 2022 is indexed like the proxy itself).
 */
export interface ResolvedParameter {
  readonly key: string;
  readonly target: ParameterTarget;
  readonly base: number;
  readonly low?: number;
  readonly high?: number;
  readonly distribution?: Distribution;
  readonly reason?: string;
}

/** A named scenario ready for evaluation. */
export interface ResolvedScenario {
  readonly id: string;
  readonly description?: string;
  readonly values: readonly ParameterValue[];
}

/** Everything the uncertainty analyses need besides the value map. */
export interface ResolvedUncertainty {
  readonly parameters: readonly ResolvedParameter[];
  readonly scenarios: readonly ResolvedScenario[];
  readonly draws: number;
  readonly seed: number;
}

function unresolvable(what: string): InvalidInputError {
  return new InvalidInputError('uncertainty.unknown-target', {
    nl: `Onzekerheid verwijst naar ${what}, maar dat bestaat niet in dit model.`,
    en: `Uncertainty refers to ${what}, which does not exist in this model.`,
  });
}

/** Target, base value and price-level factor of a declared parameter. */
function locate(p: Pick<UncertainParameter, 'outcome' | 'input' | 'parameter'>, map: ValueMap): { target: ParameterTarget; base: number; factor: number } {
  if (p.parameter === 'discountRate') {
    const rate = map.schedule.steps[0]?.rate ?? 0;
    return { target: { kind: 'discountRate', parameter: 'discountRate' }, base: rate, factor: 1 };
  }
  if (p.parameter === 'amount') {
    const input = map.inputs.find((i) => i.id === p.input);
    if (!input) throw unresolvable(`input "${p.input ?? ''}"`);
    return { target: { kind: 'input', input: input.id, parameter: 'amount' }, base: input.amountPerYear, factor: input.computation.indexation.factor };
  }
  const o = map.outcomes.find((x) => x.id === p.outcome);
  if (!o) throw unresolvable(`outcome "${p.outcome ?? ''}"`);
  const target: ParameterTarget = { kind: 'outcome', outcome: o.id, parameter: p.parameter };
  switch (p.parameter) {
    case 'quantity':
      return { target, base: o.quantity, factor: 1 };
    case 'proxy':
      return { target, base: o.proxy.value, factor: o.proxy.indexation.factor };
    case 'duration':
      return { target, base: o.duration, factor: 1 };
    default:
      return { target, base: o[p.parameter].value, factor: 1 };
  }
}

/**
 * Resolves a model's uncertainty declarations against its value map: each parameter's target and base value,
 * with ranges, distributions and scenario values brought to the valuation price level. Draws and seed come from
 * the model (defaults 10,000 and 1) unless overridden.
 * @throws InvalidInputError when a declaration names an outcome or input the value map does not have
 * (validateModel reports this earlier, with the line).
 * @example resolveUncertainty(model, toValueMap(model)).parameters[0].key // 'minder-eenzaamheid.proxy'
 */
export function resolveUncertainty(model: Model, map: ValueMap, overrides: { draws?: number; seed?: number } = {}): ResolvedUncertainty {
  const u = model.uncertainty;
  const parameters: ResolvedParameter[] = (u?.parameters ?? []).map((p) => {
    const { target, base, factor } = locate(p, map);
    const r: { -readonly [K in keyof ResolvedParameter]: ResolvedParameter[K] } = { key: targetKey(target), target, base };
    if (p.low !== undefined) r.low = p.low * factor;
    if (p.high !== undefined) r.high = p.high * factor;
    if (p.distribution !== undefined) {
      const d = toDistribution(p.distribution);
      r.distribution = factor === 1 ? d : scaleDistribution(d, factor);
    }
    if (p.reason !== undefined) r.reason = p.reason;
    return r;
  });
  const scenarios: ResolvedScenario[] = (u?.scenarios ?? []).map((s) => {
    const values = s.values.map((v) => {
      const { target, factor } = locate(v, map);
      return { target, value: v.value * factor };
    });
    return s.description === undefined ? { id: s.id, values } : { id: s.id, description: s.description, values };
  });
  return { parameters, scenarios, draws: overrides.draws ?? u?.draws ?? 10_000, seed: overrides.seed ?? u?.seed ?? 1 };
}
