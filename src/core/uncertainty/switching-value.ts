import { evaluateTotals, measureOf, targetValue, withValues, type CompiledValueMap, type Measure } from './compiled-value-map.js';
import { parameterDomain, targetKey, type ParameterTarget } from './parameter-target.js';

/** Parameters in which the present values are linear (METHODS §4): P, Q, (1 − DW), (1 − DS), (1 − AT), input amounts. */
const LINEAR = new Set(['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'amount']);

/**
 * The switching value of one parameter: the value at which NPV = 0 (ratio = 1), or that there is none in the
 * parameter's range ("stays above 1 at any value" / "stays below 1 at any value").
 */
export type SwitchingValue =
  | {
      readonly key: string;
      readonly target: ParameterTarget;
      readonly base: number;
      /** What reaches 0: the SROI's NPV (ratio 1) or the MKBA balance (B/C 1). */
      readonly measure: Measure;
      readonly status: 'switches';
      readonly value: number;
      /** (value − base) / base; null when the base is 0. */
      readonly relativeChange: number | null;
      readonly method: 'closed-form' | 'root-search';
      /** Other values in range where NPV = 0 (a non-monotone parameter such as a rate with late inputs). */
      readonly otherValues: readonly number[];
    }
  | {
      readonly key: string;
      readonly target: ParameterTarget;
      readonly base: number;
      readonly measure: Measure;
      readonly status: 'stays-above' | 'stays-below';
      readonly range: { readonly min: number; readonly max: number };
      readonly method: 'closed-form' | 'root-search';
    };

/** Options of the switching-value search. */
export interface SwitchingValueOptions {
  /** Grid points for bracketing roots of non-linear parameters (default 256). */
  readonly gridPoints?: number;
  /** 'npv' (default): where the SROI ratio reaches 1; 'balance': where the MKBA balance reaches 0 (B/C 1). */
  readonly measure?: Measure;
}

/** The range searched for a parameter: its domain, with duration capped where later years fall past the horizon. */
function searchRange(c: CompiledValueMap, t: ParameterTarget): { min: number; max: number } {
  const d = parameterDomain(t);
  if (t.kind === 'outcome' && t.parameter === 'duration') {
    const i = c.outcomeIds.indexOf(t.outcome);
    return { min: d.min, max: Math.max(d.min, c.horizonYears - c.start[i]! + 1) };
  }
  return d;
}

function bisect(f: (x: number) => number, a: number, b: number, fa: number): number {
  let lo = a;
  let hi = b;
  let flo = fa;
  for (let k = 0; k < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(lo) + Math.abs(hi)); k++) {
    const mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm < 0 === flo < 0) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Switching value of one parameter (METHODS §4; HM Treasury Green Book 2022, "switching values"): the value
 * at which NPV = 0, i.e. the SROI ratio reaches 1 (or, with `measure: 'balance'`, the MKBA balance reaches 0 and
 * B/C reaches 1; the balance is linear in the same parameters), all other parameters at base. Where PV is linear in the
 * parameter (proxy, quantity, deadweight, displacement, attribution, input amount) in closed form:
 * x* = x₀ − NPV(x₀)·(x₁ − x₀)/(NPV(x₁) − NPV(x₀)). For drop-off, duration and the discount rate a bracketed root
 * search: NPV on a grid over the parameter's range, then bisection on the sign change nearest the base.
 * Duration is continuous here: a fractional last year counts in proportion. With no root in range the result
 * says whether the ratio stays above or below 1 at any value.
 * @throws RangeError when the target names an unknown outcome or input.
 * @example switchingValue(c, { kind: 'outcome', outcome: 'a', parameter: 'proxy' }) // { status: 'switches', value: 812.5, … }
 */
export function switchingValue(c: CompiledValueMap, target: ParameterTarget, options: SwitchingValueOptions = {}): SwitchingValue {
  const key = targetKey(target);
  const base = targetValue(c, target);
  const range = searchRange(c, target);
  const measure = options.measure ?? 'npv';
  if (measure === 'balance' && !c.mkba) throw new RangeError('A switching value of the MKBA balance needs a value map with an MKBA');
  const f = (x: number): number => measureOf(evaluateTotals(withValues(c, [{ target, value: x }])), measure)!;
  const fBase = measureOf(evaluateTotals(c), measure)!;
  const stays = (method: 'closed-form' | 'root-search'): SwitchingValue => ({
    key,
    target,
    base,
    measure,
    status: fBase >= 0 ? 'stays-above' : 'stays-below',
    range,
    method,
  });
  const found = (value: number, method: 'closed-form' | 'root-search', otherValues: number[] = []): SwitchingValue => ({
    key,
    target,
    base,
    measure,
    status: 'switches',
    value,
    relativeChange: base === 0 ? null : (value - base) / base,
    method,
    otherValues,
  });

  if (LINEAR.has(target.parameter)) {
    const x0 = range.min;
    const x1 = range.min + 1;
    const f0 = f(x0);
    const slope = (f(x1) - f0) / (x1 - x0);
    if (slope === 0) return stays('closed-form');
    const root = x0 - f0 / slope;
    if (root < range.min || root > range.max) return stays('closed-form');
    return found(root, 'closed-form');
  }

  const n = Math.max(8, Math.floor(options.gridPoints ?? 256));
  const xs: number[] = [];
  for (let k = 0; k <= n; k++) xs.push(range.min + ((range.max - range.min) * k) / n);
  if (base > range.min && base < range.max) xs.push(base);
  xs.sort((a, b) => a - b);
  const fs = xs.map(f);
  const roots: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    if (fs[k] === 0) {
      roots.push(xs[k]!);
      continue;
    }
    if (k + 1 < xs.length && fs[k + 1] !== 0 && fs[k]! < 0 !== fs[k + 1]! < 0) roots.push(bisect(f, xs[k]!, xs[k + 1]!, fs[k]!));
  }
  if (roots.length === 0) return stays('root-search');
  roots.sort((a, b) => Math.abs(a - base) - Math.abs(b - base) || a - b);
  return found(roots[0]!, 'root-search', roots.slice(1));
}

/**
 * Switching values of several parameters (see {@link switchingValue}), in the order given.
 * @example switchingValues(c, resolved.parameters.map((p) => p.target))
 */
export function switchingValues(c: CompiledValueMap, targets: readonly ParameterTarget[], options: SwitchingValueOptions = {}): SwitchingValue[] {
  return targets.map((t) => switchingValue(c, t, options));
}

/**
 * Every parameter a switching value can be computed for: each outcome's quantity, proxy, deadweight,
 * displacement, attribution, drop-off and duration, each input's amount, and the discount rate — except the numbers a
 * yearly profile fixes (one switching value for a list of yearly numbers has no single meaning).
 * @example allTargets(c).length // 7 per outcome + 1 per input + 1 (the rate)
 */
export function allTargets(c: CompiledValueMap): ParameterTarget[] {
  const out: ParameterTarget[] = [];
  c.outcomeIds.forEach((outcome, i) => {
    for (const parameter of ['quantity', 'proxy', 'deadweight', 'displacement', 'attribution', 'dropOff', 'duration'] as const)
      if (!c.profiledParameters?.[i]?.includes(parameter)) out.push({ kind: 'outcome', outcome, parameter });
  });
  c.inputIds.forEach((input, j) => {
    if (!c.inputWeights?.[j]) out.push({ kind: 'input', input, parameter: 'amount' });
  });
  out.push({ kind: 'discountRate', parameter: 'discountRate' });
  return out;
}
