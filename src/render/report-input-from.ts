import type { Lang, Model, OutcomeEvaluation, UncertaintyResult, Valuation } from '../core/index.js';
import type { ProvenanceEntry, ReportInput } from './report-input.js';
import { reportEvaluation } from './report-evaluation.js';
import { reportUncertainty } from './report-uncertainty.js';

/**
 * The report input of one initiative from its whole evaluation (valuation, outcome evaluation and, when it ran,
 * uncertainty): the one place CLI, portfolio and service turn results into what a report draws.
 * @example reportInputFrom(model, await evaluateInitiative(store, model, { asOf }), 'nl')
 */
export function reportInputFrom(
  model: Model,
  result: Valuation & { readonly outcomeEvaluation: OutcomeEvaluation; readonly uncertainty?: UncertaintyResult },
  lang: Lang,
  provenance: readonly ProvenanceEntry[] = [],
): ReportInput {
  return {
    model,
    valuation: result,
    evaluation: reportEvaluation(result.outcomeEvaluation, model, lang),
    ...(result.uncertainty ? { uncertainty: reportUncertainty(result.uncertainty, model, lang) } : {}),
    ...(provenance.length > 0 ? { provenance } : {}),
  };
}
