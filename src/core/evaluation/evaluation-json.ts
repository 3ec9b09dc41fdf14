import type { LocalisedText } from '../messages.js';
import type { OutcomeEvaluation } from './evaluate-outcomes.js';
import type { CriterionStatus, NotMeasurableReason } from './criterion-evaluation.js';
import type { ConfidenceInterval } from './interval.js';
import type { Criterion } from '../schema/criterion.js';

/** An interval as the JSON contract writes it. */
export interface IntervalJson {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly method: string;
}

/** One criterion in `evaluation.criteria[]` of `rendement evaluate --json`. */
export interface CriterionJson {
  readonly id: string;
  readonly category: Criterion['category'];
  readonly direction: Criterion['direction'];
  readonly per: 'year' | 'quarter' | 'month' | null;
  readonly coverage: number | null;
  readonly status: CriterionStatus;
  readonly track: 'on-track' | 'off-track' | null;
  readonly notMeasurable: NotMeasurableReason | null;
  readonly achievement: number | null;
  readonly expectedAchievement: number | null;
  readonly value: number | null;
  readonly period: string | null;
  readonly baseline: number;
  readonly target: number;
  readonly deadline: string;
  readonly weight: number;
  readonly evidence: {
    readonly n: number | null;
    readonly ci: IntervalJson | null;
    readonly pValue: number | null;
    readonly pValueAdjusted: number | null;
    readonly method: string;
  };
  readonly reasonCode: string;
  readonly reason: LocalisedText;
  readonly changed: {
    readonly kind: 'added' | 'removed' | 'changed';
    readonly lockedAt: string;
    readonly fields: readonly string[];
    readonly locked: Criterion | null;
    readonly current: Criterion | null;
  } | null;
}

/** One indicator in `evaluation.indicators[]` of `rendement evaluate --json`. */
export interface IndicatorJson {
  readonly id: string;
  readonly baseline: { readonly period: string; readonly value: number } | null;
  readonly latest: { readonly period: string; readonly value: number; readonly n: number | null; readonly ci: IntervalJson | null } | null;
  readonly change: number | null;
  readonly trend: { readonly slopePerYear: number; readonly ci: IntervalJson | null; readonly pValue: number | null; readonly periods: number } | null;
  readonly test: { readonly method: string; readonly pValue: number; readonly pValueAdjusted: number | null } | null;
  readonly comparison: {
    readonly areas: readonly string[];
    readonly did: number | null;
    readonly standardError: number | null;
    readonly ci: IntervalJson | null;
    readonly parallel: boolean | null;
    /** Where the standard error comes from and how many areas and periods carry the estimate. */
    readonly inference: {
      readonly method: 'panel' | 'sampling';
      readonly comparisonAreas: number;
      readonly prePeriods: number;
      readonly postPeriods: number;
      readonly variancePeriods: number | null;
      readonly df: number | null;
      readonly text: LocalisedText;
    };
  } | null;
}

/** The `evaluation` block of `rendement evaluate --json`. */
export interface EvaluationJson {
  readonly initiative: string;
  readonly asOf: string;
  readonly lock: { readonly status: 'unlocked' | 'unchanged' | 'changed'; readonly lockedAt: string | null; readonly lockedSha256: string | null; readonly sha256: string };
  readonly scores: {
    readonly overall: { readonly score: number | null; readonly coverage: number | null; readonly weightScored: number; readonly weightTotal: number };
    readonly categories: readonly { readonly category: string; readonly score: number | null; readonly coverage: number | null }[];
    readonly counts: Readonly<Record<CriterionStatus, number>>;
  };
  readonly criteria: readonly CriterionJson[];
  readonly indicators: readonly IndicatorJson[];
  readonly notes: readonly { readonly code: string; readonly path: string; readonly message: LocalisedText }[];
}

const interval = (ci: ConfidenceInterval | null): IntervalJson | null =>
  ci === null ? null : { lower: ci.lower, upper: ci.upper, level: ci.level, method: ci.method };

/**
 * The JSON contract of issue 4 from an {@link OutcomeEvaluation}: `criteria[]` (id, category, status, achievement,
 * value, baseline, target, deadline, evidence {n, ci, pValue, method}, reason, changed) and `indicators[]` (id,
 * baseline, latest, change, trend, comparison {did, ci}), with the scores next to the rows, the lock status and
 * the notes. Plain data, same input → same JSON text.
 * @example JSON.stringify({ evaluation: toEvaluationJson(evaluateOutcomes(model, rows, { asOf })) })
 */
export function toEvaluationJson(e: OutcomeEvaluation): EvaluationJson {
  return {
    initiative: e.initiative,
    asOf: e.asOf,
    lock: { status: e.lock.status, lockedAt: e.lock.lockedAt, lockedSha256: e.lock.lockedSha256, sha256: e.lock.currentSha256 },
    scores: {
      overall: {
        score: e.scores.overall.score,
        coverage: e.scores.overall.coverage,
        weightScored: e.scores.overall.weightScored,
        weightTotal: e.scores.overall.weightTotal,
      },
      categories: e.scores.categories.map((c) => ({ category: c.category, score: c.score, coverage: c.coverage })),
      counts: e.scores.counts,
    },
    criteria: e.criteria.map((r) => ({
      id: r.id,
      category: r.category,
      direction: r.direction,
      per: r.per,
      coverage: r.coverage,
      status: r.status,
      track: r.track,
      notMeasurable: r.notMeasurable,
      achievement: r.achievement,
      expectedAchievement: r.expectedAchievement,
      value: r.value,
      period: r.period,
      baseline: r.baseline,
      target: r.target,
      deadline: r.deadline,
      weight: r.weight,
      evidence: {
        n: r.evidence.n,
        ci: interval(r.evidence.ci),
        pValue: r.evidence.pValue,
        pValueAdjusted: r.evidence.pValueAdjusted,
        method: r.evidence.method,
      },
      reasonCode: r.reasonCode,
      reason: r.reason,
      changed: r.changed
        ? { kind: r.changed.kind, lockedAt: r.changed.lockedAt, fields: r.changed.fields, locked: r.changed.locked, current: r.changed.current }
        : null,
    })),
    indicators: e.indicators.map((i) => ({
      id: i.id,
      baseline: i.baseline ? { period: i.baseline.period, value: i.baseline.value } : null,
      latest: i.latest ? { period: i.latest.period, value: i.latest.value, n: i.latest.n, ci: interval(i.latest.ci) } : null,
      change: i.change,
      trend: i.trend ? { slopePerYear: i.trend.slope, ci: interval(i.trend.ci), pValue: i.trend.pValue, periods: i.trend.n } : null,
      test: i.test ? { method: i.test.method, pValue: i.test.pValue, pValueAdjusted: i.pValueAdjusted } : null,
      comparison: i.comparison
        ? {
            areas: i.comparison.comparisons.map((c) => c.area),
            did: i.comparison.did,
            standardError: i.comparison.standardError,
            ci: interval(i.comparison.ci),
            parallel: i.comparison.parallel,
            inference: {
              method: i.comparison.inference.method,
              comparisonAreas: i.comparison.inference.comparisonAreas,
              prePeriods: i.comparison.inference.prePeriods,
              postPeriods: i.comparison.inference.postPeriods,
              variancePeriods: i.comparison.inference.variancePeriods,
              df: i.comparison.inference.df,
              text: i.comparison.inference.text,
            },
          }
        : null,
    })),
    notes: e.notes.map((n) => ({ code: n.code, path: n.path, message: n.message })),
  };
}
