import type { Lang } from '../../src/core/index.js';
import type { Chart } from '../../src/render/chart.js';
import { waterfallChart } from '../../src/render/waterfall-chart.js';
import { stakeholderChart } from '../../src/render/stakeholder-chart.js';
import { distributionChart } from '../../src/render/distribution-chart.js';
import { inputsChart } from '../../src/render/inputs-chart.js';
import { scorecardChart } from '../../src/render/scorecard-chart.js';
import { indicatorSeriesChart } from '../../src/render/indicator-series-chart.js';
import { didChart } from '../../src/render/did-chart.js';
import { tornadoChart } from '../../src/render/tornado-chart.js';
import { monteCarloChart } from '../../src/render/monte-carlo-chart.js';
import { portfolioChart } from '../../src/render/portfolio-chart.js';
import { didInput, example, monteCarloInput, portfolioEntries, scorecardRows, seriesInput, tornadoInput } from './chart-fixtures.js';

/** Every spec builder applied to its fixture, by golden name. */
export function allCharts(lang: Lang): Record<string, Chart> {
  const { model, valuation } = example('buurthuis-moerwijk');
  const names = Object.fromEntries(model.stakeholders.map((s) => [s.id, s.name]));
  return {
    'value-waterfall': waterfallChart(valuation, lang),
    'value-per-stakeholder': stakeholderChart(valuation, lang, names),
    'who-pays-who-benefits': distributionChart(valuation.mkba!, lang, valuation.valuation.priceYear),
    'where-the-money-went': inputsChart(valuation, lang, names),
    scorecard: scorecardChart(scorecardRows, lang),
    'indicator-series': indicatorSeriesChart(seriesInput, lang),
    'difference-in-differences': didChart(didInput, lang),
    tornado: tornadoChart(tornadoInput, lang),
    'monte-carlo': monteCarloChart(monteCarloInput, lang),
    portfolio: portfolioChart(portfolioEntries, lang),
  };
}
