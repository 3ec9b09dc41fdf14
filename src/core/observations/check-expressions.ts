import { modelIssue, type ModelIssue } from '../issues.js';
import type { Model } from '../schema/model.js';
import { compileExpression } from './expression.js';

/**
 * Compiles the expression of every derived indicator of a model, so that `validate` refuses what `evaluate` could
 * not run (`round(x, 0.5)`, `sqrt(a, b)`, a name that is not allowed). The expression engine must be loaded
 * ({@link loadExpressionEngine}).
 * @example await loadExpressionEngine(); checkDerivedExpressions(model) // [] when every expression compiles
 */
export function checkDerivedExpressions(model: Model): ModelIssue[] {
  const issues: ModelIssue[] = [];
  model.indicators.forEach((indicator, i) => {
    if (indicator.expression === undefined) return;
    const compiled = compileExpression(indicator.expression);
    if (!compiled.ok)
      issues.push(modelIssue('model.expression-invalid', ['indicators', i, 'expression'], { value: indicator.expression, indicator: indicator.id, detail: compiled.detail }, indicator.expression));
  });
  return issues;
}
