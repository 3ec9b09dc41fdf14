import { valueModel, type Model, type StoredObservation, type UploadRecord, type Valuation } from '../index.js';

/** What the evaluation endpoint returns for an initiative. */
export interface EvaluationView {
  readonly initiative: Valuation['initiative'];
  /** The valuation (SROI, and MKBA where the model asks for it) of the model, with its full trace. */
  readonly valuation: Valuation;
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

/**
 * The evaluation view of an initiative: the valuation from `valueModel` and a summary of its monitoring data.
 * (The outcome evaluation and scorecard of issue 4 join here when they are in the public API.)
 */
export function evaluationView(model: Model, observations: readonly StoredObservation[], uploads: readonly UploadRecord[]): EvaluationView {
  const valuation = valueModel(model);
  const groups = new Map<string, StoredObservation[]>();
  for (const o of observations) groups.set(o.indicator, [...(groups.get(o.indicator) ?? []), o]);
  const byIndicator = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([indicator, list]) => {
      const latest = list.reduce((a, b) => (b.periodEnd > a.periodEnd || (b.periodEnd === a.periodEnd && b.rowId > a.rowId) ? b : a));
      return { indicator, count: list.length, latestPeriod: latest.period, latestValue: latest.value, unit: latest.unit };
    });
  const latestAt = uploads.reduce<string | null>((a, u) => (a === null || u.uploadedAt > a ? u.uploadedAt : a), null);
  return {
    initiative: valuation.initiative,
    valuation,
    observations: { current: observations.length, byIndicator },
    uploads: { count: uploads.length, latestAt },
  };
}
