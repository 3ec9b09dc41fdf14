import { describe, type LocalisedText, type MessageCode } from '../messages.js';
import type { Model } from '../schema/model.js';
import type { ValueMap } from '../value-map.js';
import { mkbaSetupOf, toValueMap, type ValueModelOptions } from '../value-model.js';
import type { MkbaSetup } from '../mkba.js';
import { compileValueMap, evaluateTotals, type MkbaTotals, type Totals } from './compiled-value-map.js';
import { runMonteCarlo, type MonteCarloParameter } from './monte-carlo.js';
import { resolveUncertainty, type ResolvedParameter, type ResolvedUncertainty } from './resolve-uncertainty.js';
import { evaluateScenarios, type ScenarioResult } from './scenarios.js';
import { summarizeMonteCarlo, type MkbaMonteCarloSummary, type MonteCarloSummary } from './summarize-monte-carlo.js';
import { allTargets, switchingValues, type SwitchingValue } from './switching-value.js';
import { tornado, type TornadoRow } from './tornado.js';

/** A warning that comes with an uncertainty result (few draws, clamped draws, a range without distribution). */
export interface UncertaintyWarning {
  readonly code: MessageCode;
  readonly key?: string;
  readonly message: LocalisedText;
  readonly fix: LocalisedText;
}

/** Sensitivity, switching values, scenarios and Monte Carlo of one value map (METHODS §4). */
export interface UncertaintyResult {
  /** The result at base values, which the tornado bars and scenarios are compared with. */
  readonly base: Totals;
  readonly parameters: readonly ResolvedParameter[];
  readonly tornado: readonly TornadoRow[];
  readonly switchingValues: readonly SwitchingValue[];
  readonly scenarios: readonly ScenarioResult[];
  /** null when no parameter has a distribution. */
  readonly monteCarlo: MonteCarloSummary | null;
  /**
   * The same analyses judged on the MKBA (METHODS §2, §4), when the model has one: tornado sorted by the swing in the
   * balance, switching values where the balance reaches 0 (B/C 1), and balance and B/C ratio over the same draws.
   * An MKBA report shows these, never the SROI ratio's interval beside a B/C ratio.
   */
  readonly mkba?: MkbaUncertainty;
  readonly warnings: readonly UncertaintyWarning[];
}

/** Uncertainty of an MKBA: the base balance, tornado and switching values on the balance, and the Monte Carlo. */
export interface MkbaUncertainty {
  readonly base: MkbaTotals;
  readonly tornado: readonly TornadoRow[];
  readonly switchingValues: readonly SwitchingValue[];
  /** null when no parameter has a distribution. */
  readonly monteCarlo: MkbaMonteCarloSummary | null;
}

/** Options of an uncertainty evaluation. */
export interface UncertaintyOptions {
  /** Histogram bins of the Monte Carlo summary (default 20). */
  readonly bins?: number;
  /** The model's MKBA setup ({@link mkbaSetupOf}); when given, the MKBA is analysed too. */
  readonly mkba?: MkbaSetup | null;
}

function warning(code: MessageCode, params: Record<string, string | number>, key?: string): UncertaintyWarning {
  const t = describe(code, params);
  return key === undefined ? { code, message: t.message, fix: t.fix } : { code, key, message: t.message, fix: t.fix };
}

/**
 * Evaluates the uncertainty of a value map (METHODS §4): a tornado of the parameters with a range, switching
 * values (of the declared parameters, or of every parameter when none is declared), scenarios (declared, or
 * low/central/high derived from the ranges) and a seeded Monte Carlo of the parameters with a distribution.
 * Pure: the same inputs and seed give bit-identical results; nothing is changed.
 * @example const u = evaluateUncertainty(map, resolveUncertainty(model, map)); u.monteCarlo?.probRatioAtLeast1
 */
export function evaluateUncertainty(map: ValueMap, u: ResolvedUncertainty, options: UncertaintyOptions = {}): UncertaintyResult {
  const c = compileValueMap(map, options.mkba ?? null);
  const warnings: UncertaintyWarning[] = [];
  // A derived deadweight's range alone does not narrow the switching values to that one parameter.
  const targets = u.parameters.some((p) => !p.derived) ? u.parameters.map((p) => p.target) : allTargets(c);
  const mcParameters: MonteCarloParameter[] = [];
  for (const p of u.parameters) {
    if (p.distribution) mcParameters.push({ target: p.target, distribution: p.distribution });
    else warnings.push(warning('uncertainty.range-without-distribution', { key: p.key }, p.key));
  }
  let monteCarlo: MonteCarloSummary | null = null;
  let mkbaMonteCarlo: MkbaMonteCarloSummary | null = null;
  if (mcParameters.length === 0) warnings.push(warning('uncertainty.no-distributions', {}));
  else {
    if (u.draws < 10_000) warnings.push(warning('uncertainty.few-draws', { draws: u.draws }));
    const { mkba, ...sroi } = summarizeMonteCarlo(runMonteCarlo(c, mcParameters, { draws: u.draws, seed: u.seed }), options.bins === undefined ? {} : { bins: options.bins });
    monteCarlo = sroi;
    mkbaMonteCarlo = mkba ?? null;
    for (const cl of monteCarlo.clamped)
      if (cl.count > 0) warnings.push(warning('uncertainty.clamped', { count: cl.count, draws: u.draws, key: cl.key }, cl.key));
  }
  const base = evaluateTotals(c);
  return {
    base,
    parameters: u.parameters,
    tornado: tornado(c, u.parameters).rows,
    switchingValues: switchingValues(c, targets),
    scenarios: evaluateScenarios(c, u.parameters, u.scenarios),
    monteCarlo,
    ...(base.mkba
      ? {
          mkba: {
            base: base.mkba,
            tornado: tornado(c, u.parameters, 'balance').rows,
            switchingValues: switchingValues(c, targets, { measure: 'balance' }),
            monteCarlo: mkbaMonteCarlo,
          },
        }
      : {}),
    warnings,
  };
}

/**
 * Evaluates the uncertainty declared in a model (its `uncertainty` block), with draws and seed from the model
 * unless given; for a model with an MKBA (method `mkba` or `both`) on the MKBA as well. See {@link evaluateUncertainty}.
 * @throws InvalidInputError when a monitoring-data quantity is missing, or a declaration names an unknown target.
 * @example modelUncertainty(model, { draws: 10_000, seed: 7 }).monteCarlo?.ratio?.p05
 */
export function modelUncertainty(model: Model, options: ValueModelOptions & UncertaintyOptions & { draws?: number; seed?: number } = {}): UncertaintyResult {
  const map = toValueMap(model, options);
  const overrides: { draws?: number; seed?: number } = {};
  if (options.draws !== undefined) overrides.draws = options.draws;
  if (options.seed !== undefined) overrides.seed = options.seed;
  return evaluateUncertainty(map, resolveUncertainty(model, map, overrides), { ...(options.bins === undefined ? {} : { bins: options.bins }), mkba: mkbaSetupOf(model, map) });
}
