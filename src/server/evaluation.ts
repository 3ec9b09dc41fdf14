import {
  RendementError,
  evaluateInitiative,
  type InitiativeEvaluation,
  type LocalisedText,
  type Model,
  type ObservationStore,
  type StoredObservation,
  type UploadRecord,
  uploadReviews,
} from '../index.js';

/** What the evaluation endpoint returns for an initiative. */
export interface EvaluationView {
  readonly initiative: { readonly id: string; readonly name: string; readonly municipality: string; readonly illustrative: boolean };
  readonly asOf: string;
  /**
   * The whole evaluation of `evaluateInitiative` (what `rendement evaluate --json` prints): valuation with
   * quantities from the store, the criteria scorecard, derived deadweights and uncertainty. Null when it cannot be
   * computed yet (see `error`, e.g. an outcome needs monitoring data that is not there: no data is never 0).
   */
  readonly result: InitiativeEvaluation | null;
  readonly error: { readonly code: string; readonly message: LocalisedText } | null;
  /** The current (not superseded) monitoring data in the store, per indicator. */
  readonly observations: {
    readonly current: number;
    readonly byIndicator: readonly {
      readonly indicator: string;
      readonly count: number;
      readonly latestPeriod: string;
      readonly latestValue: number | null;
      readonly unit: string | null;
    }[];
  };
  readonly uploads: { readonly count: number; readonly latestAt: string | null };
}

/** A summary of current observations per indicator: how many, and the latest period and value. */
export function observationSummary(observations: readonly StoredObservation[]): EvaluationView['observations'] {
  const groups = new Map<string, StoredObservation[]>();
  for (const o of observations) groups.set(o.indicator, [...(groups.get(o.indicator) ?? []), o]);
  const byIndicator = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([indicator, list]) => {
      const latest = list.reduce((a, b) => (b.periodEnd > a.periodEnd || (b.periodEnd === a.periodEnd && b.rowId > a.rowId) ? b : a));
      return { indicator, count: list.length, latestPeriod: latest.period, latestValue: latest.value, unit: latest.unit };
    });
  return { current: observations.length, byIndicator };
}

/**
 * Evaluates an initiative from the store (call it through the serialised writer: it reads the store). The
 * result is kept per initiative, date and set of uploads, since uncertainty can take a while and nothing it
 * depends on changes without a new upload.
 */
export class EvaluationCache {
  private readonly entries = new Map<string, EvaluationView>();
  constructor(private readonly size = 64) {}

  async get(store: ObservationStore, model: Model, asOf: string, includeSubmitted = false): Promise<EvaluationView> {
    const uploads: readonly UploadRecord[] = await store.listUploads(model.id);
    const reviews = await uploadReviews(store);
    // Every dataset the evaluation reads (comparison panels too), with its current row count (corrections change it).
    const datasets = [...new Set(model.comparisons.map((c) => c.dataset ?? model.id))].filter((d) => d !== model.id);
    const others: UploadRecord[] = [];
    for (const d of datasets) for (const u of await store.listUploads(d)) others.push(u);
    // An approval or a return changes what counts, so each upload's review state is part of the key.
    // Voices are reviewed like uploads: the newest review step of the initiative is part of the key too.
    const lastReview = Math.max(0, ...[...reviews.values()].filter((r) => r.initiative === model.id).map((r) => r.seq));
    const key = `${model.id}|${asOf}|${includeSubmitted}|${lastReview}|${[...uploads, ...others].map((u) => `${u.id}:${u.currentRows}:${reviews.get(u.id)?.seq ?? 0}`).join(',')}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const observations = await store.observations({ initiative: model.id, includeSubmitted });
    let result: InitiativeEvaluation | null = null;
    let error: EvaluationView['error'] = null;
    try {
      result = await evaluateInitiative(store, model, { asOf, includeSubmitted });
    } catch (e) {
      if (!(e instanceof RendementError)) throw e;
      error = { code: e.code, message: e.text };
    }
    const view: EvaluationView = {
      initiative: { id: model.id, name: model.name, municipality: model.municipality, illustrative: model.illustrative },
      asOf,
      result,
      error,
      observations: observationSummary(observations),
      uploads: { count: uploads.length, latestAt: uploads.reduce<string | null>((a, u) => (a === null || u.uploadedAt > a ? u.uploadedAt : a), null) },
    };
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, view);
    return view;
  }
}
