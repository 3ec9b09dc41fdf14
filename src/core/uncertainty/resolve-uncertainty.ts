import type { Model } from '../schema/model.js';
import type { Distribution, UncertainParameter } from '../schema/uncertainty.js';
import type { ValueMap } from '../value-map.js';
import { InvalidInputError } from '../errors.js';
import { distributionRange, scaleDistribution, toDistribution } from './distribution.js';
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
  /** Set for a deadweight derived from comparison areas whose range the model did not declare. */
  readonly derived?: true;
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

const clip01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * A declared deadweight range moved onto a derived deadweight: the same width (declared low/high, else the
 * distribution's bounds or 5th/95th percentiles), centred on `base` and bounded to [0, 1], so low ≤ base ≤ high.
 * Uniform stays uniform; triangular and PERT keep their type with the mode at `base`; a normal keeps its sd
 * around `base`; a lognormal becomes triangular(low, base, high); fixed becomes `base`.
 * @example centreDeadweightRange({ key, target, base: 0.5, low: 0.15, high: 0.4 }) // low 0.375, high 0.625
 */
export function centreDeadweightRange(p: ResolvedParameter, base: number): ResolvedParameter {
  const fromDist = p.distribution ? distributionRange(p.distribution) : undefined;
  const low = p.low ?? fromDist?.low ?? base;
  const high = p.high ?? fromDist?.high ?? base;
  const half = Math.abs(high - low) / 2;
  const lo = clip01(base - half);
  const hi = clip01(base + half);
  const r: { -readonly [K in keyof ResolvedParameter]: ResolvedParameter[K] } = { key: p.key, target: p.target, base, low: lo, high: hi };
  const d = p.distribution;
  if (d) {
    if (d.type === 'fixed' || lo === hi) r.distribution = { type: 'fixed', value: base };
    else if (d.type === 'uniform') r.distribution = { type: 'uniform', min: lo, max: hi };
    else if (d.type === 'normal') r.distribution = { type: 'normal', mean: base, sd: d.sd };
    else r.distribution = { type: d.type === 'pert' ? 'pert' : 'triangular', min: lo, mode: base, max: hi };
  }
  r.reason = `Declared range ${low}–${high} centred on the derived deadweight ${base}: ${lo}–${hi}${p.reason ? ` (${p.reason})` : ''}`;
  return r;
}

/**
 * A deadweight derived from comparison areas, in the parameters: its own range and distribution (from the
 * DiD interval) replace a declared one or are added; without its own, a declared range is centred on it
 * ({@link centreDeadweightRange}). So the range used always holds the value used.
 */
function withDerivedDeadweights(parameters: ResolvedParameter[], map: ValueMap): ResolvedParameter[] {
  const out = [...parameters];
  for (const o of map.outcomes) {
    const dw = o.deadweight;
    // With a yearly quantity profile the compiled map folds the deadweight into the profile: it is not varied.
    if (!dw.derivation || o.profile?.quantity) continue;
    const i = out.findIndex((p) => p.target.kind === 'outcome' && p.target.outcome === o.id && p.target.parameter === 'deadweight');
    if (dw.uncertainty) {
      const target: ParameterTarget = { kind: 'outcome', outcome: o.id, parameter: 'deadweight' };
      const p: ResolvedParameter = {
        key: targetKey(target),
        target,
        base: dw.value,
        low: dw.uncertainty.low,
        high: dw.uncertainty.high,
        distribution: dw.uncertainty.distribution,
        reason: dw.derivation.en,
      };
      if (i >= 0) out[i] = p;
      else out.push({ ...p, derived: true });
    } else if (i >= 0) out[i] = centreDeadweightRange(out[i]!, dw.value);
  }
  return out;
}

/**
 * Resolves a model's uncertainty declarations against its value map: each parameter's target and base value,
 * with ranges, distributions and scenario values brought to the valuation price level. Draws and seed come from
 * the model (defaults 10,000 and 1) unless overridden. A deadweight derived from comparison areas brings its
 * own range, or has the declared one centred on it (see {@link withDerivedDeadweights}).
 * @throws InvalidInputError when a declaration names an outcome or input the value map does not have
 * (validateModel reports this earlier, with the line).
 * @example resolveUncertainty(model, toValueMap(model)).parameters[0].key // 'minder-eenzaamheid.proxy'
 */
export function resolveUncertainty(model: Model, map: ValueMap, overrides: { draws?: number; seed?: number } = {}): ResolvedUncertainty {
  const u = model.uncertainty;
  const declared: ResolvedParameter[] = (u?.parameters ?? []).map((p) => {
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
  const parameters = withDerivedDeadweights(declared, map);
  const scenarios: ResolvedScenario[] = (u?.scenarios ?? []).map((s) => {
    const values = s.values.map((v) => {
      const { target, factor } = locate(v, map);
      return { target, value: v.value * factor };
    });
    return s.description === undefined ? { id: s.id, values } : { id: s.id, description: s.description, values };
  });
  return { parameters, scenarios, draws: overrides.draws ?? u?.draws ?? 10_000, seed: overrides.seed ?? u?.seed ?? 1 };
}
