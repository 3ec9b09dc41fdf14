import {
  appendAll,
  deriveDeadweights,
  evaluateOutcomes,
  modelUncertainty,
  planVersusRealised,
  toEvaluationJson,
  toValueMap,
  valueModel,
  type ComparisonDesign,
  type DerivedDeadweightEntry,
  type EvaluationJson,
  type EvaluationObservation,
  type Model,
  type OutcomeEvaluation,
  type PlanVersusRealised,
  type UncertaintyResult,
  type Valuation,
  type ValueModelOptions,
} from '../core/index.js';
import { loadCriteriaLocks, loadForecastLocks } from '../data/criteria-lock-store.js';
import { resolveQuantities } from '../data/resolve-quantities.js';
import { listTokens } from '../data/tokens.js';
import { uploadReviews } from '../data/upload-reviews.js';
import { voicesFor, type StoredVoice } from '../data/voices.js';
import type { ObservationStore, StoredObservation, UploadRecord } from '../data/store.js';
import { provenanceOf, type Provenance } from './provenance.js';

/** Options of a whole evaluation of one initiative. */
export interface InitiativeEvaluationOptions {
  /**
   * The "as of" date (YYYY-MM-DD); the caller supplies it (the CLI uses today). Only observations whose period ended
   * on or before it count — for quantities, criteria, indicators, comparisons and derived deadweights alike — and
   * only criteria locks recorded on or before it.
   */
  readonly asOf: string;
  /** Monte Carlo draws and seed, overriding the model's own settings. */
  readonly draws?: number;
  readonly seed?: number;
  /**
   * 'inline' (default) computes the uncertainty here; 'deferred' leaves it out so a caller can run
   * {@link initiativeUncertainty} elsewhere (a portfolio runs it on worker threads) and attach it with
   * {@link withUncertainty}. Both give the same numbers.
   */
  readonly uncertainty?: 'inline' | 'deferred';
  /** Count uploads still waiting for approval too (`--include-submitted`, a preview); by default only approved data counts. */
  readonly includeSubmitted?: boolean;
}

/** Valuation, outcome evaluation, uncertainty and provenance of one initiative: what `rendement evaluate --json` prints. */
export interface InitiativeEvaluation extends Valuation {
  readonly evaluation: EvaluationJson & {
    readonly lockHistory: readonly { readonly lockedAt: string; readonly sha256: string }[];
    /** Every deadweight a comparison was asked to derive: derived (value, low, high) or refused (why). */
    readonly derivedDeadweights: readonly DerivedDeadweightEntry[];
  };
  /** Sensitivity, switching values, scenarios and (when the model declares distributions) Monte Carlo. */
  readonly uncertainty?: UncertaintyResult;
  /**
   * Forecast (locked with the criteria) against realised, per outcome and in total, with the four effects and the
   * rules changed since; only when a forecast was locked by the as-of date. `history` lists every forecast lock by then.
   */
  readonly planVersusRealised?: PlanVersusRealised & { readonly history: readonly { readonly lockedAt: string; readonly sha256: string }[] };
  /** The uploads behind the numbers: the initiative's own and the datasets its comparisons read. */
  readonly provenance: readonly Provenance[];
  /** Participants' voices the reports may show (consented, approved); absent when there are none. */
  readonly voices?: readonly StoredVoice[];
  /** The full outcome evaluation (series per indicator, DiD details) for reports. */
  readonly outcomeEvaluation: OutcomeEvaluation;
  /** What the valuation was computed with (store quantities, derived deadweights), for reruns such as portfolio uncertainty. */
  readonly valueOptions: ValueModelOptions;
  /** Draws and seed asked for, so a deferred uncertainty run uses the same. */
  readonly uncertaintyOptions: { readonly draws?: number; readonly seed?: number };
}

const toEvaluationObservation = (o: StoredObservation): EvaluationObservation | null =>
  o.value === null
    ? null
    : { indicator: o.indicator, area: o.area, period: o.period, value: o.value, ...(o.n === null ? {} : { n: o.n }), ...(o.sd === null ? {} : { sd: o.sd }) };

/** The datasets an evaluation reads: the initiative itself, then each comparison's dataset once. */
function datasetsOf(model: Model): string[] {
  return [...new Set([model.id, ...model.comparisons.map((c) => c.dataset ?? model.id)])];
}

/** The observations an evaluation needs, up to the as-of date: the initiative's own, and each comparison's indicator in its dataset. */
async function observationsFor(store: ObservationStore, model: Model, asOf: string, includeSubmitted: boolean): Promise<EvaluationObservation[]> {
  const own = await store.observations({ initiative: model.id, to: asOf, includeSubmitted });
  const extra: StoredObservation[] = [];
  for (const c of model.comparisons) {
    const dataset = c.dataset ?? model.id;
    if (dataset === model.id) continue;
    const areas = new Set([...model.areas, ...c.areas]);
    for (const area of areas) appendAll(extra, await store.observations({ initiative: dataset, indicator: c.indicator, area, to: asOf, includeSubmitted }));
  }
  return [...own, ...extra].map(toEvaluationObservation).filter((o): o is EvaluationObservation => o !== null);
}

/**
 * The uncertainty of an evaluated initiative (METHODS §4), computed with exactly the quantities and derived
 * deadweights its valuation used: the one place every route (evaluate, report, portfolio workers, the service)
 * gets it from. Switching values always; tornado and Monte Carlo for the parameters the model declares.
 * @throws InvalidInputError when an uncertainty declaration names an unknown target.
 */
export function initiativeUncertainty(model: Model, valueOptions: ValueModelOptions, options: { readonly draws?: number; readonly seed?: number } = {}): UncertaintyResult {
  return modelUncertainty(model, { ...valueOptions, ...(options.draws === undefined ? {} : { draws: options.draws }), ...(options.seed === undefined ? {} : { seed: options.seed }) });
}

/** An evaluation with its uncertainty attached (from a deferred run). */
export function withUncertainty(result: InitiativeEvaluation, uncertainty: UncertaintyResult): InitiativeEvaluation {
  return { ...result, uncertainty };
}

/**
 * Evaluates one initiative end to end from the store, as of a date: observations up to that date → outcome
 * evaluation and scorecard (with the criteria lock recorded by then) → deadweights derived from comparison areas →
 * valuation with quantities resolved from monitoring data → uncertainty on the same quantities and deadweights.
 * Without a store only what the model itself holds is evaluated (no data is not measurable, never 0).
 * Every route (`value`, `evaluate`, `report`, `portfolio`, `demo`, the service) evaluates through here.
 * @throws InvalidInputError when an outcome's quantity refers to monitoring data the store does not hold (by that date).
 * @example const r = await evaluateInitiative(store, model, { asOf: '2022-12-31' }); r.valuation.npv
 */
export async function evaluateInitiative(store: ObservationStore | null, model: Model, options: InitiativeEvaluationOptions): Promise<InitiativeEvaluation> {
  const asOf = options.asOf;
  const includeSubmitted = options.includeSubmitted ?? false;
  const observations = store ? await observationsFor(store, model, asOf, includeSubmitted) : [];
  const locks = store ? (await loadCriteriaLocks(store, model.id)).filter((l) => l.lockedAt.slice(0, 10) <= asOf) : [];
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
  const outcomeEvaluation = evaluateOutcomes(model, observations, { asOf, lock: locks[0] ?? null, comparisons });

  const { deadweights, list: derivedDeadweights, notes: deadweightNotes } = deriveDeadweights(model, outcomeEvaluation);

  const quantities = store ? (await resolveQuantities(store, model, { asOf, includeSubmitted })).quantities : {};
  const valueOptions: ValueModelOptions = { quantities, deadweights };
  const valuation = valueModel(model, valueOptions);
  const forecasts = store ? (await loadForecastLocks(store, model.id)).filter((l) => l.lockedAt.slice(0, 10) <= asOf) : [];
  const plan = forecasts[0]
    ? { ...planVersusRealised(forecasts[0], toValueMap(model, valueOptions)), history: forecasts.map((l) => ({ lockedAt: l.lockedAt, sha256: l.sha256 })) }
    : undefined;
  const uncertaintyOptions = { ...(options.draws === undefined ? {} : { draws: options.draws }), ...(options.seed === undefined ? {} : { seed: options.seed }) };
  const uncertainty = options.uncertainty === 'deferred' ? undefined : initiativeUncertainty(model, valueOptions, uncertaintyOptions);
  const uploads: UploadRecord[] = [];
  if (store)
    for (const dataset of datasetsOf(model)) {
      // Only the uploads that count (approved, or also submitted in a preview) are behind the numbers.
      const reviews = await uploadReviews(store, dataset);
      const counts = (id: string): boolean => {
        const state = reviews.get(id)?.state ?? 'approved';
        return state === 'approved' || (includeSubmitted && state === 'submitted');
      };
      appendAll(uploads, (await store.listUploads(dataset)).filter((u) => counts(u.id)));
    }
  const voices = store ? await voicesFor(store, model.id, { includeSubmitted, to: asOf }) : [];
  const json = toEvaluationJson(outcomeEvaluation);
  const evaluation = {
    ...json,
    notes: [...json.notes, ...deadweightNotes.map((n) => ({ code: n.code, path: n.path, message: n.message }))],
    lockHistory: locks.map((l) => ({ lockedAt: l.lockedAt, sha256: l.sha256 })),
    derivedDeadweights,
  };
  return {
    ...valuation,
    evaluation,
    ...(uncertainty ? { uncertainty } : {}),
    ...(plan ? { planVersusRealised: plan } : {}),
    // Token labels are read only when a token uploaded (a store without the service has no token table).
    provenance: provenanceOf(uploads, uploads.some((u) => u.uploadedBy.startsWith('token:')) && store ? await listTokens(store) : []),
    ...(voices.length > 0 ? { voices } : {}),
    outcomeEvaluation,
    valueOptions,
    uncertaintyOptions,
  };
}

/** The JSON contract of `rendement evaluate --json`: the evaluation without the fields kept for reports and reruns. */
export function initiativeEvaluationJson(result: InitiativeEvaluation): Omit<InitiativeEvaluation, 'outcomeEvaluation' | 'valueOptions' | 'uncertaintyOptions'> {
  const { outcomeEvaluation: _full, valueOptions: _options, uncertaintyOptions: _u, ...contract } = result;
  return contract;
}

/** The JSON contract of `rendement value --json`: the valuation and its uncertainty — the same numbers `evaluate --json` prints. */
export function valuationJson(result: InitiativeEvaluation): Valuation & { readonly uncertainty?: UncertaintyResult } {
  const { initiative, valuation, mkba, warnings, uncertainty } = result;
  return { initiative, valuation, ...(mkba ? { mkba } : {}), warnings, ...(uncertainty ? { uncertainty } : {}) };
}
