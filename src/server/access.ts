import type { Model, TokenRecord } from '../index.js';

/**
 * Who may read an initiative's uploads, evaluation and report: an evaluator always, a coalition its own
 * initiative, a council every initiative in its municipality.
 */
export function canRead(token: TokenRecord, model: Model): boolean {
  if (token.role === 'evaluator') return true;
  if (token.role === 'coalition') return token.scope === model.id;
  return token.scope === model.municipality;
}

/** Who may upload to an initiative: an evaluator, or a coalition token of that initiative. Councils only read. */
export function canWrite(token: TokenRecord, initiative: string): boolean {
  if (token.role === 'evaluator') return true;
  return token.role === 'coalition' && token.scope === initiative;
}

/**
 * Who may approve or return an initiative's uploads: an evaluator, or a council token of the initiative's
 * municipality. Never a coalition, not even for its own initiative (it would approve its own data).
 */
export function canReview(token: TokenRecord, model: Model): boolean {
  if (token.role === 'evaluator') return true;
  return token.role === 'council' && token.scope === model.municipality;
}
