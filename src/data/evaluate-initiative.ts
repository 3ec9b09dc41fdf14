import {
  deriveDeadweights,
  evaluateOutcomes,
  modelUncertainty,
  toEvaluationJson,
  valueModel,
  type ComparisonDesign,
  type DerivedDeadweightEntry,
  type EvaluationJson,
  type EvaluationObservation,
  type Model,
  type OutcomeEvaluation,
  type UncertaintyResult,
  type Valuation,
  type ValueModelOptions,
} from '../core/index.js';
import { loadCriteriaLocks } from './criteria-lock-store.js';
import { resolveQuantities } from './resolve-quantities.js';
import type { ObservationStore, StoredObservation } from './store.js';

/** Options of a whole evaluation of one initiative. */
export interface InitiativeEvaluationOptions {
  /** The "as of" date (YYYY-MM-DD); the caller supplies it (the CLI uses today). */
  readonly asOf: string;
  /** Monte Carlo draws and seed; uncertainty runs when given or when the model declares it. */
  readonly draws?: number;
  readonly seed?: number;
  /** false skips the uncertainty (a portfolio runs it on worker threads instead); default: when asked or declared. */
  readonly uncertainty?: boolean;
}

/** Valuation, outcome evaluation and uncertainty of one initiative: what `rendement evaluate --json` prints. */
export interface InitiativeEvaluation extends Valuation {
  readonly evaluation: EvaluationJson & {
    readonly lockHistory: readonly { readonly lockedAt: string; readonly sha256: string }[];
    /** Every deadweight a comparison was asked to derive: derived (value, low, high) or refused (why). */
    readonly derivedDeadweights: readonly DerivedDeadweightEntry[];
  };
  readonly uncertainty?: UncertaintyResult;
  /** The full outcome evaluation (series per indicator, DiD details) for reports. */
  readonly outcomeEvaluation: OutcomeEvaluation;
  /** What the valuation was computed with (store quantities, derived deadweights), for reruns such as portfolio uncertainty. */
  readonly valueOptions: ValueModelOptions;
}

const toEvaluationObservation = (o: StoredObservation): EvaluationObservation | null =>
  o.value === null
    ? null
    : { indicator: o.indicator, area: o.area, period: o.period, value: o.value, ...(o.n === null ? {} : { n: o.n }), ...(o.sd === null ? {} : { sd: o.sd }) };

/** The observations an evaluation needs: the initiative's own, and each comparison's indicator in its dataset for the model's and comparison areas. */
async function observationsFor(store: ObservationStore, model: Model): Promise<EvaluationObservation[]> {
  const own = await store.observations({ initiative: model.id });
  const extra: StoredObservation[] = [];
  for (const c of model.comparisons) {
    const dataset = c.dataset ?? model.id;
    if (dataset === model.id) continue;
    const areas = new Set([...model.areas, ...c.areas]);
    for (const area of areas) extra.push(...(await store.observations({ initiative: dataset, indicator: c.indicator, area })));
  }
  return [...own, ...extra].map(toEvaluationObservation).filter((o): o is EvaluationObservation => o !== null);
}

/**
 * Evaluates one initiative end to end from the store: observations → outcome evaluation and scorecard (with the
 * recorded criteria lock) → deadweights derived from comparison areas → valuation with quantities resolved from
 * monitoring data → uncertainty. Without a store, only what the model itself holds is evaluated (no data is
 * reported as not measurable, never as 0).
 * @throws InvalidInputError when an outcome's quantity refers to monitoring data the store does not hold.
 */
export async function evaluateInitiative(store: ObservationStore | null, model: Model, options: InitiativeEvaluationOptions): Promise<InitiativeEvaluation> {
  const observations = store ? await observationsFor(store, model) : [];
  const locks = store ? await loadCriteriaLocks(store, model.id) : [];
  const comparisons: Record<string, ComparisonDesign> = {};
  for (const c of model.comparisons)
    comparisons[c.indicator] = {
      areas: c.areas,
      pre: c.pre,
      post: c.post,
      ...(c.preTrend ? { preTrend: c.preTrend } : {}),
      ...(c.parallelTolerance === undefined ? {} : { parallelTolerance: c.parallelTolerance }),
      ...(c.standardError === undefined ? {} : { standardError: c.standardError }),
    };
  const outcomeEvaluation = evaluateOutcomes(model, observations, { asOf: options.asOf, lock: locks[0] ?? null, comparisons });

  const { deadweights, list: derivedDeadweights, notes: deadweightNotes } = deriveDeadweights(model, outcomeEvaluation);

  const quantities = store ? (await resolveQuantities(store, model)).quantities : {};
  const valuation = valueModel(model, { quantities, deadweights });
  const wantUncertainty = options.uncertainty ?? (options.draws !== undefined || options.seed !== undefined || model.uncertainty !== undefined);
  const uncertainty = wantUncertainty
    ? modelUncertainty(model, {
        quantities,
        deadweights,
        ...(options.draws === undefined ? {} : { draws: options.draws }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
      })
    : undefined;
  const json = toEvaluationJson(outcomeEvaluation);
  const evaluation = {
    ...json,
    notes: [...json.notes, ...deadweightNotes.map((n) => ({ code: n.code, path: n.path, message: n.message }))],
    lockHistory: locks.map((l) => ({ lockedAt: l.lockedAt, sha256: l.sha256 })),
    derivedDeadweights,
  };
  return { ...valuation, evaluation, ...(uncertainty ? { uncertainty } : {}), outcomeEvaluation, valueOptions: { quantities, deadweights } };
}

/** The JSON contract of `rendement evaluate --json`: the evaluation without the fields kept for reports and reruns. */
export function initiativeEvaluationJson(result: InitiativeEvaluation): Omit<InitiativeEvaluation, 'outcomeEvaluation' | 'valueOptions'> {
  const { outcomeEvaluation: _full, valueOptions: _options, ...contract } = result;
  return contract;
}
