import type { Criterion } from '../schema/criterion.js';
import type { LocalisedText } from '../messages.js';
import { observationsAsOf, type EvaluationObservation } from './observation.js';
import { periodValues, type EvaluationIndicator, type PeriodValue } from './period-aggregate.js';
import { periodInterval, testAgainstValue, waveTest, isShareLike } from './sampling.js';
import { powerCheck, type PowerCheck } from './power.js';
import { rollUpPeriods, type RolledUpValue, type TargetPeriod } from './period-rollup.js';
import { criterionAchievement, expectedAchievement, goalText } from './achievement.js';
import { describeEvaluation, evaluationNote, type EvaluationMessageCode, type EvaluationNote } from './evaluation-messages.js';
import type { ConfidenceInterval } from './interval.js';
import type { TestResult } from './test-result.js';
import type { CriterionDiff } from './criteria-lock.js';

/** met · partly met · not met · not measurable · not due yet (METHODS §5). */
export type CriterionStatus = 'met' | 'partly-met' | 'not-met' | 'not-measurable' | 'not-due';

/** Why a criterion is not measurable. */
export type NotMeasurableReason = 'no-data' | 'too-few-observations' | 'period-not-covered' | 'period-incomplete';

/** How sure we are about a criterion's value. */
export interface CriterionEvidence {
  /** Sample size behind the value (Σ n, or Σ denominator for a ratio); null for counts and amounts. */
  readonly n: number | null;
  /** Number of observation rows behind the value. */
  readonly observations: number;
  /** Confidence interval of the value (Wilson for shares, t for means); null without sampling information. */
  readonly ci: ConfidenceInterval | null;
  /** p-value of the change against the baseline (wave test, or a one-sample test against the criterion's baseline). */
  readonly pValue: number | null;
  /** The p-value after Holm correction over all criteria with a test. */
  readonly pValueAdjusted: number | null;
  /** `two-proportion-z`, `welch-t`, `one-proportion-z`, `one-sample-t`, `wilson`, `t`, or `point` (no sampling information). */
  readonly method: string;
  readonly test: TestResult | null;
  /** Power check for the intended change (80 %, α 0.05) for shares and means with n. */
  readonly power: PowerCheck | null;
}

/** One row of the scorecard: a criterion, its status and why. */
export interface CriterionRow {
  readonly id: string;
  readonly category: Criterion['category'];
  readonly description: string;
  readonly indicator: string;
  readonly area: string | null;
  readonly direction: Criterion['direction'];
  /** The period the target is stated per (the criterion's `per`, or `year` with the byYear option); null: per reported period. */
  readonly per: TargetPeriod | null;
  /** Share of the judged period covered by the periods behind its value (always 1 when judged per period); null without a value. */
  readonly coverage: number | null;
  readonly status: CriterionStatus;
  /** For `not-due`: on or off a straight path from baseline (at the start) to target (at the deadline). */
  readonly track: 'on-track' | 'off-track' | null;
  readonly notMeasurable: NotMeasurableReason | null;
  /** Achievement in [0, 1]; null when not measurable. */
  readonly achievement: number | null;
  /** For `not-due`: the achievement the straight path expects at the value's date. */
  readonly expectedAchievement: number | null;
  readonly value: number | null;
  /** The period of the value. */
  readonly period: string | null;
  readonly baseline: number;
  readonly target: number;
  readonly range: { readonly min: number; readonly max: number } | null;
  readonly tolerance: number | null;
  readonly threshold: number;
  readonly deadline: string;
  readonly weight: number;
  readonly evidence: CriterionEvidence;
  /** The status reason in Dutch and English. */
  readonly reasonCode: EvaluationMessageCode;
  readonly reason: LocalisedText;
  /** Set when the criterion differs from its locked version: both versions and the fields. */
  readonly changed: (CriterionDiff & { readonly lockedAt: string }) | null;
  readonly notes: readonly EvaluationNote[];
}

/** Options of a criterion evaluation. */
export interface CriterionEvaluationOptions {
  /** Observations whose period ends after this date are ignored; criteria with a later deadline are "not due". */
  readonly asOf: string;
  /** Start of the initiative: when the baseline holds and the straight path begins; observations before it do not count towards the target. */
  readonly start: string;
  /** Areas of the initiative, used when a criterion names no area. Default: every area in the data. */
  readonly areas?: readonly string[];
  /** Smallest sample size a survey share or mean must rest on (default 10). */
  readonly minSampleSize?: number;
  readonly level?: number;
  /**
   * Judge criteria without their own `per` as if stated per year ({@link rollUpPeriods}); only finished,
   * fully covered years count.
   */
  readonly byYear?: boolean;
}

const pct = (a: number): number => Math.round(a * 100);

/**
 * Evaluates one success criterion against the observations known as of `asOf` (METHODS §5):
 * - not due (asOf before the deadline): on track when the achievement of the latest value is at least what a
 *   straight path from baseline (at `start`) to target (at the deadline) expects at that value's date;
 * - not measurable: no data, a survey sample below `minSampleSize`, or no observation between `start` and the
 *   deadline ("period not covered") — never scored as 0;
 * - otherwise achievement a of the latest value up to the deadline ({@link criterionAchievement}): met at a = 1,
 *   partly met from the criterion's threshold, else not met.
 * Evidence: the value's interval (Wilson / t), a test against the first wave measured (or against the
 * criterion's baseline), and a power check of the intended change.
 * @example evaluateCriterion(criterion, { id: 'eenzaamheid', kind: 'share' }, rows, { asOf: '2027-12-31', start: '2024-01-01' })
 */
export function evaluateCriterion(
  criterion: Criterion,
  indicator: EvaluationIndicator,
  observations: readonly EvaluationObservation[],
  options: CriterionEvaluationOptions,
): CriterionRow {
  const level = options.level ?? 0.95;
  const minN = options.minSampleSize ?? 10;
  const areas = criterion.area ? [criterion.area] : options.areas;
  const rows = observationsAsOf(observations, options.asOf).filter(
    (o) => o.indicator === criterion.indicator && (areas === undefined || areas.includes(o.area)),
  );
  const notes: EvaluationNote[] = [];
  const perPeriod = periodValues(rows, indicator);
  const per: TargetPeriod | null = criterion.per ?? (options.byYear ? 'year' : null);
  const inDates = (v: PeriodValue): boolean => v.period.start >= options.start && v.period.end <= criterion.deadline;
  let series: PeriodValue[] = perPeriod;
  let incomplete: RolledUpValue[] = [];
  if (per) {
    // A period that the data cover only in part is never judged as if complete: it is left out, with a note.
    const rolled = rollUpPeriods(perPeriod, indicator, options.asOf, per);
    series = rolled.values.filter((v) => v.coverage >= 1 - 1e-12);
    incomplete = rolled.values.filter((v) => v.coverage < 1 - 1e-12 && inDates(v));
    const perWords = { per, perNl: per === 'year' ? 'jaar' : per === 'quarter' ? 'kwartaal' : 'maand' };
    for (const v of incomplete)
      notes.push(
        evaluationNote('evaluation.period-incomplete', `criteria.${criterion.id}.value`, {
          period: v.period.label,
          indicator: criterion.indicator,
          coverage: Math.round(v.coverage * 100),
          ...perWords,
        }),
      );
    const coarse = rolled.tooCoarse.filter(inDates);
    if (coarse.length > 0)
      notes.push(
        evaluationNote('evaluation.period-too-coarse', `criteria.${criterion.id}.value`, {
          indicator: criterion.indicator,
          periods: coarse.map((v) => v.period.label).join(', '),
          ...perWords,
        }),
      );
  }
  const due = options.asOf >= criterion.deadline;
  const inWindow = series.filter(inDates);
  const point: PeriodValue | null = inWindow.length > 0 ? inWindow[inWindow.length - 1]! : null;
  const areaText = criterion.area ? ` (${criterion.area})` : '';
  const base = {
    id: criterion.id,
    category: criterion.category,
    description: criterion.description,
    indicator: criterion.indicator,
    area: criterion.area ?? null,
    direction: criterion.direction,
    per,
    baseline: criterion.baseline,
    target: criterion.target,
    range: criterion.range ?? null,
    tolerance: criterion.tolerance ?? null,
    threshold: criterion.threshold,
    deadline: criterion.deadline,
    weight: criterion.weight,
    changed: null,
  };
  const emptyEvidence: CriterionEvidence = { n: null, observations: 0, ci: null, pValue: null, pValueAdjusted: null, method: 'point', test: null, power: null };

  const unmeasurable = (reason: NotMeasurableReason, code: EvaluationMessageCode, params: Record<string, string | number>): CriterionRow => ({
    ...base,
    status: 'not-measurable',
    track: null,
    notMeasurable: reason,
    achievement: null,
    expectedAchievement: null,
    value: null,
    period: null,
    coverage: null,
    evidence: point ? { ...emptyEvidence, n: point.n, observations: point.rows } : emptyEvidence,
    reasonCode: code,
    reason: describeEvaluation(code, params).message,
    notes,
  });

  if (!point) {
    if (!due) {
      const code = 'evaluation.not-due-no-data';
      return {
        ...base,
        status: 'not-due',
        track: null,
        notMeasurable: null,
        achievement: null,
        expectedAchievement: null,
        value: null,
        period: null,
        coverage: null,
        evidence: emptyEvidence,
        reasonCode: code,
        reason: describeEvaluation(code, { deadline: criterion.deadline, asOf: options.asOf }).message,
        notes,
      };
    }
    if (perPeriod.length === 0) return unmeasurable('no-data', 'evaluation.no-data', { indicator: criterion.indicator, area: areaText, asOf: options.asOf });
    if (incomplete.length > 0)
      return unmeasurable('period-incomplete', 'evaluation.not-measurable-incomplete', {
        indicator: criterion.indicator,
        periods: incomplete.map((v) => `${v.period.label} (${Math.round(v.coverage * 100)} %)`).join(', '),
        from: options.start,
        to: criterion.deadline,
      });
    return unmeasurable('period-not-covered', 'evaluation.period-not-covered', {
      indicator: criterion.indicator,
      first: perPeriod[0]!.period.label,
      last: perPeriod[perPeriod.length - 1]!.period.label,
      from: options.start,
      to: criterion.deadline,
    });
  }

  const survey = isShareLike(indicator, point) || indicator.kind === 'mean' || indicator.kind === 'score';
  if (due && survey && point.n !== null && point.n < minN)
    return unmeasurable('too-few-observations', 'evaluation.too-few-observations', { indicator: criterion.indicator, n: point.n, required: minN });

  // Evidence: interval of the value; test against the first measured wave, else against the agreed baseline.
  const ci = periodInterval(indicator, point, level);
  const first = series[0]!;
  const test = first !== point ? (waveTest(indicator, first, point, level) ?? testAgainstValue(indicator, point, criterion.baseline, level)) : testAgainstValue(indicator, point, criterion.baseline, level);
  let power: PowerCheck | null = null;
  if (point.n !== null && (criterion.direction === 'increase' || criterion.direction === 'decrease')) {
    const n = test && test.method !== 'one-proportion-z' && test.method !== 'one-sample-t' && first.n !== null ? Math.min(first.n, point.n) : point.n;
    if (isShareLike(indicator, point)) power = powerCheck({ kind: 'share', baseline: criterion.baseline, target: criterion.target, n });
    else if ((indicator.kind === 'mean' || indicator.kind === 'score') && point.sd !== null)
      power = powerCheck({ kind: 'mean', baseline: criterion.baseline, target: criterion.target, n, sd: point.sd });
    if (power && !power.adequate)
      notes.push(
        evaluationNote('evaluation.underpowered', `criteria.${criterion.id}.evidence`, {
          indicator: criterion.indicator,
          n: power.n,
          baseline: criterion.baseline,
          target: criterion.target,
          required: power.required,
        }),
      );
  }
  const evidence: CriterionEvidence = {
    n: point.n,
    observations: point.rows,
    ci,
    pValue: test?.pValue ?? null,
    pValueAdjusted: null,
    method: test?.method ?? ci?.method ?? 'point',
    test,
    power,
  };

  const a = criterionAchievement(criterion, point.value);
  const valued = { ...base, value: point.value, period: point.period.label, coverage: per ? 1 : null, achievement: a, evidence, notMeasurable: null, notes };
  const goal = { goal: goalText(criterion, 'en'), goalNl: goalText(criterion, 'nl') };
  const twoSided = criterion.direction === 'maintain' || criterion.direction === 'range';

  if (!due) {
    const expected = twoSided ? 1 : expectedAchievement(options.start, criterion.deadline, point.period.end);
    const onTrack = a >= expected - 1e-12;
    const code = onTrack ? 'evaluation.not-due-on-track' : 'evaluation.not-due-off-track';
    return {
      ...valued,
      status: 'not-due',
      track: onTrack ? 'on-track' : 'off-track',
      expectedAchievement: expected,
      reasonCode: code,
      reason: describeEvaluation(code, { deadline: criterion.deadline, achieved: pct(a), expected: pct(expected), date: point.period.end }).message,
    };
  }

  const status: CriterionStatus = a >= 1 - 1e-12 ? 'met' : !twoSided && a >= criterion.threshold ? 'partly-met' : 'not-met';
  const code: EvaluationMessageCode =
    status === 'met' ? 'evaluation.met' : status === 'partly-met' ? 'evaluation.partly-met' : twoSided ? 'evaluation.not-met-outside' : 'evaluation.not-met';
  const params = { value: point.value, ...goal, achieved: pct(a), baseline: criterion.baseline, target: criterion.target, threshold: pct(criterion.threshold) };
  return { ...valued, status, track: null, expectedAchievement: null, reasonCode: code, reason: describeEvaluation(code, params).message };
}
