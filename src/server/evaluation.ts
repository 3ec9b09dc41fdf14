import { RendementError, valueModel, type LocalisedText, type Model, type ObservationIssue, type ResolvedQuantities, type StoredObservation, type UploadRecord, type Valuation } from '../index.js';

/** What the evaluation endpoint returns for an initiative. */
export interface EvaluationView {
  readonly initiative: Valuation['initiative'];
  /**
   * The valuation (SROI, and MKBA where the model asks for it) with its full trace; outcome quantities that refer
   * to monitoring data are taken from the current observations. Null when it cannot be computed yet (see
   * `valuationError`, e.g. no data for an outcome that needs it: no data is never 0).
   */
  readonly valuation: Valuation | null;
  readonly valuationError: { readonly code: string; readonly message: LocalisedText } | null;
  /** Outcomes whose monitoring data was not found, and problems met deriving quantities. */
  readonly unresolved: readonly string[];
  readonly quantityIssues: readonly ObservationIssue[];
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
 * The evaluation view of an initiative: the valuation from `valueModel` (with quantities resolved from the store
 * by `resolveQuantities`) and a summary of its monitoring data.
 * (The outcome evaluation and scorecard of issue 4 join here when they are in the public API.)
 */
export function evaluationView(
  model: Model,
  observations: readonly StoredObservation[],
  uploads: readonly UploadRecord[],
  resolved: ResolvedQuantities,
): EvaluationView {
  let valuation: Valuation | null = null;
  let valuationError: EvaluationView['valuationError'] = null;
  try {
    valuation = valueModel(model, { quantities: resolved.quantities });
  } catch (e) {
    if (!(e instanceof RendementError)) throw e;
    valuationError = { code: e.code, message: e.text };
  }
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
    initiative: { id: model.id, name: model.name, municipality: model.municipality, illustrative: model.illustrative },
    valuation,
    valuationError,
    unresolved: resolved.unresolved,
    quantityIssues: resolved.issues,
    observations: { current: observations.length, byIndicator },
    uploads: { count: uploads.length, latestAt },
  };
}
