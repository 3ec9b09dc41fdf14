import type { Model } from '../schema/model.js';
import type { EvaluationObservation } from './observation.js';
import { evaluateCriteria } from './evaluate-criteria.js';
import { evaluateIndicators, type ComparisonDesign, type IndicatorEvaluation } from './indicator-evaluation.js';
import type { CriterionRow } from './criterion-evaluation.js';
import type { Scorecard } from './scorecard.js';
import type { CriteriaLock, CriteriaLockStatus, HashFunction } from './criteria-lock.js';
import type { EvaluationNote } from './evaluation-messages.js';

/** Options of an outcome evaluation of a model. */
export interface OutcomeEvaluationOptions {
  /** The "as of" date (ISO): later observations are ignored, later deadlines are "not due". No default — the core has no clock. */
  readonly asOf: string;
  /** The recorded criteria lock, or null/absent when the model was never locked. */
  readonly lock?: CriteriaLock | null;
  /** Comparison-area designs by indicator id. */
  readonly comparisons?: Readonly<Record<string, ComparisonDesign>>;
  readonly minSampleSize?: number;
  readonly correction?: 'holm' | 'benjamini-hochberg' | 'none';
  readonly hash?: HashFunction;
  /** Evaluate calendar-year values (quarters and months rolled up by the indicator's rule); see rollUpToYears. */
  readonly byYear?: boolean;
}

/** The outcome evaluation of one initiative: the `evaluation` block of `rendement evaluate --json`. */
export interface OutcomeEvaluation {
  readonly initiative: string;
  readonly asOf: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly criteria: readonly CriterionRow[];
  readonly indicators: readonly IndicatorEvaluation[];
  readonly scores: Scorecard;
  readonly lock: CriteriaLockStatus;
  readonly correction: 'holm' | 'benjamini-hochberg' | 'none';
  readonly notes: readonly EvaluationNote[];
}

/**
 * Evaluates a model's outcomes as of a date (METHODS §5): every indicator ({@link evaluateIndicators}) and every
 * success criterion with its scorecard and lock comparison ({@link evaluateCriteria}), over the model's areas,
 * with the model period's start as the baseline date. Pure and deterministic: the same inputs give the same
 * JSON byte for byte; the input is not mutated.
 * @example evaluateOutcomes(model, rows, { asOf: '2025-12-31', lock })
 */
export function evaluateOutcomes(
  model: Pick<Model, 'id' | 'areas' | 'period' | 'criteria' | 'indicators'>,
  observations: readonly EvaluationObservation[],
  options: OutcomeEvaluationOptions,
): OutcomeEvaluation {
  const areas = model.areas.length > 0 ? { areas: model.areas } : {};
  const correction = options.correction ?? 'holm';
  const criteria = evaluateCriteria(model.criteria, model.indicators, observations, {
    asOf: options.asOf,
    start: model.period.start,
    ...areas,
    lock: options.lock ?? null,
    correction,
    ...(options.minSampleSize !== undefined ? { minSampleSize: options.minSampleSize } : {}),
    ...(options.hash ? { hash: options.hash } : {}),
    ...(options.byYear ? { byYear: true } : {}),
  });
  const indicators = evaluateIndicators(model.indicators, observations, {
    asOf: options.asOf,
    start: model.period.start,
    ...areas,
    correction,
    ...(options.comparisons ? { comparisons: options.comparisons } : {}),
    ...(options.byYear ? { byYear: true } : {}),
  });
  return {
    initiative: model.id,
    asOf: options.asOf,
    period: { start: model.period.start, end: model.period.end },
    criteria: criteria.criteria,
    indicators,
    scores: criteria.scores,
    lock: criteria.lock,
    correction,
    notes: [...criteria.notes, ...indicators.flatMap((i) => i.notes)],
  };
}
