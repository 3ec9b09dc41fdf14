/**
 * Reading model files, without the rest of the public API: `rendement validate` imports this light module and so
 * loads only the model schema and the YAML parser (issue 16).
 */
export { loadModelFile, parseModelText, type ModelFileResult } from './data/model-file.js';
export type { Model, ModelIssue } from './core/index.js';
