import { modelUncertainty } from '../../src/core/index.js';
import type { ReportInput } from '../../src/render/report-input.js';
import { reportUncertainty } from '../../src/render/report-uncertainty.js';
import { didInput, example, exampleIds, monteCarloInput, scorecardRows, seriesInput, tornadoInput } from './chart-fixtures.js';

/** The report input of every example model as the CLI builds it: model, valuation and uncertainty (no evaluation yet). */
export function exampleInputs(lang: 'nl' | 'en' = 'nl'): ReportInput[] {
  return exampleIds.map((id) => {
    const { model, valuation } = example(id);
    return { model, valuation, uncertainty: reportUncertainty(modelUncertainty(model), model, lang) };
  });
}

/** buurthuis-moerwijk with the made-up evaluation and uncertainty fixtures: every section and chart kind filled. */
export function fullInput(): ReportInput {
  const { model, valuation } = example('buurthuis-moerwijk');
  return {
    model,
    valuation,
    evaluation: { scorecard: scorecardRows, series: [seriesInput], did: [didInput], asOf: '2025-12-31' },
    uncertainty: { tornado: tornadoInput, monteCarlo: monteCarloInput },
    provenance: [{ source: 'Bezoekersregistratie (fixture)', file: 'bezoekers-2025.csv', rows: 48, received: '2026-01-05', checksum: 'sha256:0f3a…' }],
    voices: [{ text: 'Ik kom hier elke dinsdag; thuis zat ik alleen.', who: 'bezoeker, 78 jaar (fixture)' }],
  };
}
