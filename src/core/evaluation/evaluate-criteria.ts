import type { Criterion } from '../schema/criterion.js';
import type { EvaluationObservation } from './observation.js';
import type { EvaluationIndicator } from './period-aggregate.js';
import { evaluateCriterion, type CriterionEvaluationOptions, type CriterionRow } from './criterion-evaluation.js';
import { scoreCriteria, type Scorecard } from './scorecard.js';
import { criteriaLockStatus, type CriteriaLock, type CriteriaLockStatus, type HashFunction } from './criteria-lock.js';
import { benjaminiHochbergAdjust, holmAdjust } from './multiple-testing.js';
import { evaluationNote, type EvaluationNote } from './evaluation-messages.js';

/** Options of a scorecard evaluation. */
export interface CriteriaEvaluationOptions extends CriterionEvaluationOptions {
  /** The recorded lock of the criteria, or null when none was recorded. */
  readonly lock?: CriteriaLock | null;
  /** Correction of the criteria's p-values for many tests (default Holm). */
  readonly correction?: 'holm' | 'benjamini-hochberg' | 'none';
  readonly hash?: HashFunction;
}

/** The scorecard of a set of criteria as of a date, with the lock comparison. */
export interface CriteriaEvaluation {
  readonly asOf: string;
  readonly criteria: readonly CriterionRow[];
  readonly scores: Scorecard;
  readonly lock: CriteriaLockStatus;
  readonly correction: 'holm' | 'benjamini-hochberg' | 'none';
  readonly notes: readonly EvaluationNote[];
}

/**
 * Evaluates every criterion ({@link evaluateCriterion}), corrects their p-values for many tests (Holm by
 * default, or Benjamini–Hochberg), marks each criterion that differs from its locked version with both versions,
 * and scores them per category and overall ({@link scoreCriteria}) — the rows always come with the scores.
 * An unlocked model gets a note saying so; removed and added criteria get notes too.
 * A criterion whose indicator is not in `indicators` is read as a plain indicator without kind (values summed over areas).
 * @example evaluateCriteria(model.criteria, model.indicators, rows, { asOf: '2025-12-31', start: model.period.start, lock })
 */
export function evaluateCriteria(
  criteria: readonly Criterion[],
  indicators: readonly EvaluationIndicator[],
  observations: readonly EvaluationObservation[],
  options: CriteriaEvaluationOptions,
): CriteriaEvaluation {
  const correction = options.correction ?? 'holm';
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const lock = criteriaLockStatus(options.lock ?? null, criteria, options.hash);
  const changes = new Map(lock.changes.map((c) => [c.id, c]));
  const notes: EvaluationNote[] = [];
  if (lock.status === 'unlocked') notes.push(evaluationNote('evaluation.unlocked', 'criteria'));

  let rows: CriterionRow[] = criteria.map((c) => {
    const row = evaluateCriterion(c, byId.get(c.indicator) ?? { id: c.indicator }, observations, options);
    const change = changes.get(c.id);
    return change && lock.lockedAt !== null ? { ...row, changed: { ...change, lockedAt: lock.lockedAt } } : row;
  });

  const p = rows.map((r) => r.evidence.pValue);
  const adjusted = correction === 'holm' ? holmAdjust(p) : correction === 'benjamini-hochberg' ? benjaminiHochbergAdjust(p) : p;
  rows = rows.map((r, i) => ({ ...r, evidence: { ...r.evidence, pValueAdjusted: adjusted[i] ?? null } }));

  for (const c of lock.changes) {
    const path = `criteria.${c.id}`;
    if (c.kind === 'changed') notes.push(evaluationNote('evaluation.criterion-changed', path, { id: c.id, lockedAt: lock.lockedAt, fields: c.fields.join(', ') }));
    else if (c.kind === 'added') notes.push(evaluationNote('evaluation.criterion-added', path, { id: c.id, lockedAt: lock.lockedAt }));
    else notes.push(evaluationNote('evaluation.criterion-removed', path, { id: c.id, lockedAt: lock.lockedAt }));
  }
  for (const r of rows) notes.push(...r.notes);
  return { asOf: options.asOf, criteria: rows, scores: scoreCriteria(rows), lock, correction, notes };
}
