import type { ReportInput } from '../../src/render/report-input.js';
import { example, exampleIds } from './chart-fixtures.js';

/** The report input of every example model: model and valuation only (no evaluation or uncertainty results yet). */
export function exampleInputs(): ReportInput[] {
  return exampleIds.map((id) => {
    const { model, valuation } = example(id);
    return { model, valuation };
  });
}
