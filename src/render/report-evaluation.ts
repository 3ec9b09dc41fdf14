import type { Lang, Model, OutcomeEvaluation } from '../core/index.js';
import type { ReportEvaluation } from './report-input.js';
import type { ScorecardRow } from './scorecard-chart.js';
import type { IndicatorSeriesInput } from './indicator-series-chart.js';
import type { DidChartInput } from './did-chart.js';

// Counts are whole; shares show as percentages with one decimal; everything else (amounts such as € per m², means,
// scores, ratios) with two decimals, so € 1,90 and € 1,60 never both print as "2".
const digitsFor = (kind: string | null | undefined): number => (kind === 'share' ? 3 : kind === 'count' ? 0 : 2);

/**
 * Maps an outcome evaluation (METHODS §5) onto the report's chart inputs: a scorecard row per criterion, the
 * series of every indicator that a criterion or comparison uses (with the criterion's baseline and target), and a
 * difference-in-differences per comparison design with both windows.
 * @example reportEvaluation(evaluateOutcomes(model, rows, { asOf }), model, 'nl')
 */
export function reportEvaluation(evaluation: OutcomeEvaluation, model: Pick<Model, 'indicators' | 'criteria' | 'areas'>, lang: Lang): ReportEvaluation {
  const indicator = (id: string) => model.indicators.find((i) => i.id === id);
  const scorecard: ScorecardRow[] = evaluation.criteria.map((c) => {
    const ind = indicator(c.indicator);
    return {
      id: c.id,
      label: c.description,
      category: c.category,
      status: c.status,
      achievement: c.achievement,
      value: c.value,
      baseline: c.baseline,
      target: c.target,
      threshold: c.threshold,
      digits: digitsFor(ind?.kind),
      ...(ind?.kind === 'amount' ? { minDigits: 2 } : {}),
      percent: ind?.kind === 'share',
      ...(c.track ? { track: c.track } : {}),
      ...(ind ? { unit: ind.unit } : {}),
    };
  });
  const series: IndicatorSeriesInput[] = evaluation.indicators
    .filter((i) => i.series.length > 0)
    .map((i) => {
      const ind = indicator(i.id);
      const criterion = model.criteria.find((c) => c.indicator === i.id);
      const area = i.areas.join('+') || model.areas.join('+');
      const comparisons = i.comparisonSeries.filter((c) => c.series.length > 0);
      const periods = [...new Set([...i.series, ...comparisons.flatMap((c) => c.series)].map((p) => p.period))].sort();
      return {
        indicator: i.id,
        label: ind?.name ?? i.id,
        unit: ind?.unit ?? '',
        periods,
        areas: [
          { area, label: area, role: 'target' as const },
          ...comparisons.map((c) => ({ area: c.area, label: c.area, role: 'comparison' as const })),
        ],
        points: [
          ...i.series.map((p) => ({ area, period: p.period, value: p.value, ...(p.ci ? { low: p.ci.lower, high: p.ci.upper } : {}) })),
          ...comparisons.flatMap((c) => c.series.map((p) => ({ area: c.area, period: p.period, value: p.value }))),
        ],
        ...(criterion ? { baseline: criterion.baseline, target: criterion.target } : {}),
        digits: digitsFor(ind?.kind),
      };
    });
  const did: DidChartInput[] = [];
  for (const i of evaluation.indicators) {
    const d = i.comparison;
    if (!d || d.did === null || !d.target.pre || !d.target.post) continue;
    const arms = d.comparisons.filter((a) => a.pre && a.post);
    if (arms.length === 0) continue;
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ind = indicator(i.id);
    did.push({
      indicator: i.id,
      label: ind?.name ?? i.id,
      unit: ind?.unit ?? '',
      preLabel: `${d.target.pre.from.slice(0, 4)}–${d.target.pre.to.slice(0, 4)}`,
      postLabel: `${d.target.post.from.slice(0, 4)}–${d.target.post.to.slice(0, 4)}`,
      target: { label: d.target.areas.join('+'), pre: d.target.pre.value, post: d.target.post.value },
      comparison: {
        label: `${lang === 'nl' ? 'vergelijking' : 'comparison'} ${arms.map((a) => a.area).join('+')}`,
        pre: mean(arms.map((a) => a.pre!.value)),
        post: mean(arms.map((a) => a.post!.value)),
      },
      did: d.did,
      ...(d.ci ? { ci: { low: d.ci.lower, high: d.ci.upper } } : {}),
      digits: digitsFor(ind?.kind) || 1,
      basis: d.inference.text[lang],
    });
  }
  const lock = evaluation.lock;
  return { asOf: evaluation.asOf, lock: { status: lock.status, lockedAt: lock.lockedAt }, scorecard, series, did };
}
