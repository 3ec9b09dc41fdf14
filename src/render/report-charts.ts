import type { Lang } from '../core/messages.js';
import type { Chart } from './chart.js';
import { didChart } from './did-chart.js';
import { distributionChart } from './distribution-chart.js';
import { indicatorSeriesChart } from './indicator-series-chart.js';
import { inputsChart } from './inputs-chart.js';
import { monteCarloChart } from './monte-carlo-chart.js';
import type { ReportInput } from './report-input.js';
import { scorecardChart } from './scorecard-chart.js';
import { stakeholderChart } from './stakeholder-chart.js';
import { tornadoChart } from './tornado-chart.js';
import { waterfallChart } from './waterfall-chart.js';

/** The charts of one initiative's report; evaluation and uncertainty charts only when their results are given. */
export interface ReportCharts {
  readonly waterfall: Chart;
  readonly stakeholders: Chart;
  readonly inputs: Chart;
  readonly distribution?: Chart;
  readonly scorecard?: Chart;
  readonly series: readonly Chart[];
  readonly did: readonly Chart[];
  readonly tornado?: Chart;
  readonly monteCarlo?: Chart;
  /** For a model valued as both: the MKBA's tornado and Monte Carlo beside the SROI's. */
  readonly tornadoMkba?: Chart;
  readonly monteCarloMkba?: Chart;
}

/** Display names of the model's stakeholders, by id. */
export function stakeholderNames(input: Pick<ReportInput, 'model'>): Record<string, string> {
  return Object.fromEntries(input.model.stakeholders.map((s) => [s.id, s.name]));
}

/** Builds every chart a report about one initiative can show from what the input contains. */
export function reportCharts(input: ReportInput, lang: Lang): ReportCharts {
  const names = stakeholderNames(input);
  const v = input.valuation;
  const scorecard = input.evaluation && input.evaluation.scorecard.length ? scorecardChart(input.evaluation.scorecard, lang) : undefined;
  const tornado = input.uncertainty?.tornado && input.uncertainty.tornado.bars.length ? tornadoChart(input.uncertainty.tornado, lang, v.valuation.currency) : undefined;
  const monteCarlo = input.uncertainty?.monteCarlo ? monteCarloChart(input.uncertainty.monteCarlo, lang) : undefined;
  const mkba = input.uncertainty?.mkba;
  const tornadoMkba = mkba?.tornado && mkba.tornado.bars.length ? tornadoChart(mkba.tornado, lang, v.valuation.currency) : undefined;
  const monteCarloMkba = mkba?.monteCarlo ? monteCarloChart(mkba.monteCarlo, lang) : undefined;
  return {
    waterfall: waterfallChart(v, lang),
    stakeholders: stakeholderChart(v, lang, names),
    inputs: inputsChart(v, lang, names),
    ...(v.mkba ? { distribution: distributionChart(v.mkba, lang, v.valuation.priceYear, {}, v.valuation.currency) } : {}),
    ...(scorecard ? { scorecard } : {}),
    series: (input.evaluation?.series ?? []).map((s) => indicatorSeriesChart(s, lang)),
    did: (input.evaluation?.did ?? []).map((d) => didChart(d, lang)),
    ...(tornado ? { tornado } : {}),
    ...(monteCarlo ? { monteCarlo } : {}),
    ...(tornadoMkba ? { tornadoMkba } : {}),
    ...(monteCarloMkba ? { monteCarloMkba } : {}),
  };
}

/** All charts of a report as a list, in the order they appear. */
export function chartList(charts: ReportCharts): Chart[] {
  return [
    ...(charts.scorecard ? [charts.scorecard] : []),
    ...charts.series,
    ...charts.did,
    charts.waterfall,
    charts.stakeholders,
    charts.inputs,
    ...(charts.distribution ? [charts.distribution] : []),
    ...(charts.tornado ? [charts.tornado] : []),
    ...(charts.monteCarlo ? [charts.monteCarlo] : []),
    ...(charts.tornadoMkba ? [charts.tornadoMkba] : []),
    ...(charts.monteCarloMkba ? [charts.monteCarloMkba] : []),
  ];
}
