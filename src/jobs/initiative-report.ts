import type { Lang, Model } from '../core/index.js';
import type { ReportInput } from '../render/report-input.js';
import { reportInputFrom } from '../render/report-input-from.js';
import type { InitiativeEvaluation } from './evaluate-initiative.js';

/**
 * What a report of one initiative draws on, from its evaluation: valuation, scorecard and indicator series,
 * uncertainty and provenance exactly as `evaluateInitiative` computed them. The one report input of every route
 * (`report`, `portfolio`, `demo`, the service), so the same model and store give the same report.
 * @example initiativeReportInput(model, await evaluateInitiative(store, model, { asOf }), 'nl')
 */
export function initiativeReportInput(model: Model, result: InitiativeEvaluation, lang: Lang): ReportInput {
  const base = reportInputFrom(model, result, lang, result.provenance);
  const planned = result.planVersusRealised ? { ...base, planVersusRealised: result.planVersusRealised } : base;
  // Participants' words (consented and approved only: evaluateInitiative reads no others), with their date and topic.
  const voices = (result.voices ?? []).map((v) => {
    const topic = v.indicator ? model.indicators.find((i) => i.id === v.indicator)?.name : undefined;
    return { text: v.text, who: topic ? `${v.date} · ${topic}` : v.date };
  });
  const input = voices.length > 0 ? { ...planned, voices } : planned;
  const deadweights = result.evaluation.derivedDeadweights.map((d) => `${model.outcomes.find((o) => o.id === d.outcome)?.description ?? d.outcome}: ${d.derivation[lang]}`);
  return input.evaluation && deadweights.length ? { ...input, evaluation: { ...input.evaluation, deadweights } } : input;
}
