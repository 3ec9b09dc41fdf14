import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateModel, valueModel, type Model, type Valuation } from '../../src/core/index.js';
import type { DidChartInput } from '../../src/render/did-chart.js';
import type { IndicatorSeriesInput } from '../../src/render/indicator-series-chart.js';
import type { MonteCarloInput } from '../../src/render/monte-carlo-chart.js';
import type { PortfolioEntry } from '../../src/render/portfolio-chart.js';
import type { ScorecardRow } from '../../src/render/scorecard-chart.js';
import type { TornadoInput } from '../../src/render/tornado-chart.js';
import { histogramBins } from '../../src/render/histogram-bins.js';

/** Loads and values a frozen copy of an example model (test/render/fixtures/models). */
export function example(id: string): { model: Model; valuation: Valuation } {
  const r = validateModel(parse(readFileSync(new URL(`./fixtures/models/${id}.yaml`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(`models/${id}.yaml is invalid`);
  return { model: r.model, valuation: valueModel(r.model) };
}

export const exampleIds = ['buurthuis-moerwijk', 'dorpsbudget-stompwijk', 'leeskamer-rijswijk', 'openluchtbad-wassenaar'] as const;

// Made-up inputs for the chart builders whose real results (evaluation, uncertainty) come from other rooms;
// shapes only, no claim about any initiative.
export const scorecardRows: readonly ScorecardRow[] = [
  { id: 'bereik-ouderen', label: 'Minstens 120 oudere bezoekers per jaar', category: 'social', status: 'met', achievement: 1, value: 131, baseline: 40, target: 120, unit: 'personen', digits: 0 },
  { id: 'vrijwilligers-actief', label: 'Minstens 40 actieve vrijwilligers', category: 'support', status: 'partly-met', achievement: 0.64, value: 30, baseline: 12, target: 40, unit: 'personen', digits: 0 },
  { id: 'eenzaamheid-daalt', label: 'Eenzaamheid daalt van 45 % naar 30 %', category: 'attitude', status: 'not-met', achievement: 0.2, value: 0.42, baseline: 0.45, target: 0.3, unit: 'aandeel', digits: 3 },
  { id: 'tevredenheid-blijft', label: 'Tevredenheid blijft minstens 7,5', category: 'process', status: 'not-measurable', achievement: null, value: null, baseline: 7.8, target: 7.8 },
  { id: 'jongeren', label: 'Jongerenprogramma draait wekelijks', category: 'process', status: 'not-due', achievement: 0.4, value: 0.4, baseline: 0, target: 1 },
];

export const seriesInput: IndicatorSeriesInput = {
  indicator: 'eenzaamheid',
  label: 'Aandeel eenzaam',
  unit: '%',
  periods: ['2022', '2023', '2024', '2025'],
  areas: [
    { area: 'WK051836', label: 'Moerwijk', role: 'target' },
    { area: 'WK051837', label: 'Zuiderpark', role: 'comparison' },
  ],
  points: [
    { area: 'WK051836', period: '2022', value: 46, low: 41, high: 51 },
    { area: 'WK051836', period: '2023', value: 45, low: 40, high: 50 },
    { area: 'WK051836', period: '2024', value: 40, low: 35, high: 45 },
    { area: 'WK051836', period: '2025', value: 36, low: 31, high: 41 },
    { area: 'WK051837', period: '2022', value: 41 },
    { area: 'WK051837', period: '2023', value: 40 },
    { area: 'WK051837', period: '2024', value: 39 },
    { area: 'WK051837', period: '2025', value: 38 },
  ],
  baseline: 45,
  target: 30,
  digits: 0,
};

export const didInput: DidChartInput = {
  indicator: 'eenzaamheid',
  label: 'Aandeel eenzaam',
  unit: '%',
  preLabel: '2023',
  postLabel: '2025',
  target: { label: 'Moerwijk', pre: 45, post: 36 },
  comparison: { label: 'Zuiderpark', pre: 40, post: 38 },
  did: -7,
  ci: { low: -12.5, high: -1.5 },
  digits: 1,
};

export const tornadoInput: TornadoInput = {
  baseRatio: 1.66,
  bars: [
    { parameter: 'minder-eenzaamheid.proxy', label: 'Proxy minder eenzaamheid', lowValue: '€ 1.000', highValue: '€ 2.400', ratioAtLow: 1.22, ratioAtHigh: 2.1 },
    { parameter: 'minder-eenzaamheid.deadweight', label: 'Deadweight minder eenzaamheid', lowValue: '10 %', highValue: '50 %', ratioAtLow: 1.9, ratioAtHigh: 1.27 },
    { parameter: 'vrijwilligersuren.amount', label: 'Schaduwprijs vrijwilligersuur', lowValue: '€ 10', highValue: '€ 25', ratioAtLow: 1.85, ratioAtHigh: 0.94 },
    { parameter: 'discountRate', label: 'Discontovoet', lowValue: '0 %', highValue: '4 %', ratioAtLow: 1.74, ratioAtHigh: 1.6 },
  ],
};

/** Deterministic pseudo-draws (a fixed quadratic sequence, not a random source). */
function fakeDraws(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = ((i * 0.6180339887) % 1 + (i * 0.4142135623) % 1 + (i * 0.7320508075) % 1) / 3;
    out.push(0.6 + 2.2 * u);
  }
  return out;
}
const draws = fakeDraws(2000);
export const monteCarloInput: MonteCarloInput = {
  draws: draws.length,
  bins: histogramBins(draws, 30),
  probabilityAtLeastOne: draws.filter((d) => d >= 1).length / draws.length,
  p5: 1.02,
  p50: 1.7,
  p95: 2.38,
  seed: 1,
};

export const portfolioEntries: readonly PortfolioEntry[] = [
  { id: 'buurthuis-moerwijk', label: 'Buurthuis De Zuidkant', ratio: 1.66, npv: 472651, p5: 1.05, p95: 2.4 },
  { id: 'leeskamer-rijswijk', label: 'Leeskamer Te Werve', ratio: 2.1, npv: 110000, p5: 1.4, p95: 2.9 },
  { id: 'openluchtbad-wassenaar', label: 'Openluchtbad', ratio: 0.9, npv: -20000, p5: 0.5, p95: 1.3 },
  { id: 'dorpsbudget-stompwijk', label: 'Dorpsbudget Stompwijk', ratio: 3.2, npv: 250000 },
];
