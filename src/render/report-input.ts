import type { Model } from '../core/schema/model.js';
import type { Valuation } from '../core/value-model.js';
import type { PlanVersusRealised } from '../core/evaluation/forecast-variance.js';
import type { DidChartInput } from './did-chart.js';
import type { IndicatorSeriesInput } from './indicator-series-chart.js';
import type { MonteCarloInput } from './monte-carlo-chart.js';
import type { ScorecardRow } from './scorecard-chart.js';
import type { TornadoInput } from './tornado-chart.js';

/** Where a piece of data came from: a file or survey, how many rows, when it was received, its checksum. */
export interface ProvenanceEntry {
  readonly source: string;
  readonly file?: string;
  readonly rows?: number;
  readonly received?: string;
  readonly checksum?: string;
  readonly note?: string;
}

/** Outcome evaluation results, mapped onto the chart inputs (from the evaluation room, when it has run). */
export interface ReportEvaluation {
  /** Date up to which observations were used (ISO). */
  readonly asOf?: string;
  /** Whether the criteria were locked (fixed up front) by the as-of date, when, and whether they changed since. */
  readonly lock?: { readonly status: 'unlocked' | 'unchanged' | 'changed'; readonly lockedAt: string | null };
  /** Each deadweight a comparison was asked to derive, in words: the value with its range, or why it was refused. */
  readonly deadweights?: readonly string[];
  readonly scorecard: readonly ScorecardRow[];
  readonly series?: readonly IndicatorSeriesInput[];
  readonly did?: readonly DidChartInput[];
}

/** The value of one parameter at which the ratio reaches 1, or a note that it never does in range (METHODS §4). */
export interface ReportSwitchingValue {
  readonly parameter: string;
  readonly label: string;
  readonly base: string;
  readonly switchesAt: string;
}

/** Uncertainty results, mapped onto the chart inputs (from the uncertainty room, when it has run). */
export interface ReportUncertainty {
  readonly tornado?: TornadoInput;
  readonly monteCarlo?: MonteCarloInput;
  readonly switchingValues?: readonly ReportSwitchingValue[];
  /** For a model valued as both SROI and MKBA: the same analyses on the MKBA (B/C ratio, balance). */
  readonly mkba?: Omit<ReportUncertainty, 'mkba'>;
}

/** A participant's words for the neighbourhood view ("what participants said"). */
export interface ReportVoice {
  readonly text: string;
  readonly who?: string;
}

/**
 * Everything a report about one initiative is drawn from. Only the model and its valuation are required;
 * sections whose results are missing say so ("not yet available") instead of showing numbers.
 */
export interface ReportInput {
  readonly model: Model;
  readonly valuation: Valuation;
  readonly evaluation?: ReportEvaluation;
  readonly uncertainty?: ReportUncertainty;
  readonly provenance?: readonly ProvenanceEntry[];
  readonly voices?: readonly ReportVoice[];
  /** Forecast (locked with the criteria) against realised, when a forecast was locked by the report's date. */
  readonly planVersusRealised?: PlanVersusRealised;
}

/** How to render: language and the one generation time written into the output (ISO 8601, passed in by the caller). */
export interface ReportOptions {
  readonly lang: 'nl' | 'en';
  readonly generatedAt: string;
}
