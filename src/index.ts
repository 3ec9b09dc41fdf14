/** rendement's public library API. */
export {
  validateModel,
  valueModel,
  modelJsonSchema,
  computeSroi,
  computeMkba,
  discountFactors,
  discountPresets,
  resolveDiscount,
  npv,
  irr,
  formatRatio,
  formatEuro,
  formatNumber,
  formatPercent,
  describe,
  RendementError,
  InvalidInputError,
  UsageError,
} from './core/index.js';
export type { Model, ModelInput, ModelIssue, Valuation, SroiResult, MkbaResult, Lang, LocalisedText } from './core/index.js';
export { loadModelFile, parseModelText, type ModelFileResult } from './data/index.js';
