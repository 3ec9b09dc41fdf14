import { observationsAsOf, type EvaluationObservation } from './observation.js';
import { periodValues, poolPeriodValues, type EvaluationIndicator, type PeriodValue } from './period-aggregate.js';
import { linearTrend, type Trend } from './trend.js';
import { isShareLike } from './sampling.js';
import { normalQuantile } from './normal-distribution.js';
import { studentTQuantile, studentTTwoSidedP } from './student-t.js';
import { describeEvaluation, evaluationNote, type EvaluationNote } from './evaluation-messages.js';
import { MIN_PANEL_VARIANCE_PERIODS, panelStandardError } from './panel-standard-error.js';
import type { ConfidenceInterval } from './interval.js';
import type { LocalisedText } from '../messages.js';

/**
 * Where the standard error of a DiD comes from: `panel` (default) — the spread over pre-period years of the gap
 * between target and comparison areas ({@link panelStandardError}), for register and aggregate figures whose
 * n is a population; `sampling` — the four cells' sampling variances p(1 − p)/n or s²/n, only when every
 * observation's n is the size of an independent random sample (a survey wave).
 */
export type DidStandardError = 'panel' | 'sampling';

/** A window of dates (ISO, inclusive); a period counts when it lies entirely inside. */
export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

/** Options of a difference-in-differences. */
export interface DidOptions {
  /** Observations whose period ends after this date are ignored. */
  readonly asOf: string;
  readonly pre: DateWindow;
  readonly post: DateWindow;
  /** The window over which pre-period trends are compared; defaults to `pre`. */
  readonly preTrend?: DateWindow;
  /** Largest acceptable difference of pre-period slopes, in indicator units per year. */
  readonly parallelTolerance?: number;
  /** Significance level of the parallel-trends test (default 0.05). */
  readonly alpha?: number;
  /** Confidence level of the DiD interval (default 0.95). */
  readonly level?: number;
  /** How the standard error is estimated (default `panel`); see {@link DidStandardError}. */
  readonly standardError?: DidStandardError;
}

/** What carries a DiD estimate and its standard error, for the report to print. */
export interface DidInference {
  readonly method: DidStandardError;
  readonly comparisonAreas: number;
  /** Periods averaged in the pre and post windows (of the target). */
  readonly prePeriods: number;
  readonly postPeriods: number;
  /** `panel`: pre-period periods with a value in every area, whose gaps give the variance; null for `sampling`. */
  readonly variancePeriods: number | null;
  /** Degrees of freedom of the t interval (`panel`: variancePeriods − 1); null for the normal interval of `sampling`. */
  readonly df: number | null;
  /** `panel`: sample variance of the pre-period gaps; null otherwise. */
  readonly gapVariance: number | null;
  /** The basis in words, NL and EN; says so when there is no standard error. */
  readonly text: LocalisedText;
}

/** The mean of one area (or group of areas) in one window. */
export interface DidCell {
  readonly areas: readonly string[];
  readonly window: 'pre' | 'post';
  readonly from: string;
  readonly to: string;
  readonly value: number;
  /** Σ n (or Σ denominator) behind the value; null without sampling information. */
  readonly n: number | null;
  /** Sampling variance of the value: p(1 − p)/n for a share, s²/n for a mean; null when unknown. */
  readonly variance: number | null;
  readonly periods: readonly string[];
  readonly method: string;
}

/** Pre-period slopes of target and comparison, side by side, and whether they may be called parallel. */
export interface ParallelTrends {
  readonly target: Trend | null;
  readonly comparison: Trend | null;
  /** Target slope − comparison slope, per year. */
  readonly difference: number | null;
  readonly standardError: number | null;
  readonly pValue: number | null;
  readonly tolerance: number | null;
  /** null when it cannot be judged (fewer than two pre periods on a side). */
  readonly parallel: boolean | null;
}

/** The target against one comparison area. */
export interface DidArm {
  readonly area: string;
  readonly pre: DidCell | null;
  readonly post: DidCell | null;
  readonly change: number | null;
  readonly did: number | null;
  readonly standardError: number | null;
  readonly ci: ConfidenceInterval | null;
  readonly inference: DidInference;
  readonly preTrends: ParallelTrends;
}

/** A difference-in-differences against one or more comparison areas. */
export interface DidResult {
  readonly indicator: string;
  readonly target: {
    readonly areas: readonly string[];
    readonly pre: DidCell | null;
    readonly post: DidCell | null;
    readonly change: number | null;
    readonly preTrend: Trend | null;
  };
  readonly comparisons: readonly DidArm[];
  /** Mean change over the comparison areas (each area weighs equally). */
  readonly comparisonChange: number | null;
  /** DiD = target change − mean comparison change. */
  readonly did: number | null;
  readonly standardError: number | null;
  readonly ci: ConfidenceInterval | null;
  /** How many comparison areas and pre/post periods carry the estimate, and where its standard error comes from. */
  readonly inference: DidInference;
  /** true when every comparison's pre-period trend is parallel; null when that cannot be judged. */
  readonly parallel: boolean | null;
  readonly notes: readonly EvaluationNote[];
}

const within = (v: PeriodValue, w: DateWindow): boolean => v.period.start >= w.from && v.period.end <= w.to;

function cell(indicator: EvaluationIndicator, series: readonly PeriodValue[], areas: readonly string[], window: 'pre' | 'post', w: DateWindow): DidCell | null {
  const inWindow = series.filter((v) => within(v, w));
  const pooled = poolPeriodValues(inWindow, indicator);
  if (!pooled) return null;
  let variance: number | null = null;
  if (pooled.n !== null && pooled.n > 0) {
    if (isShareLike(indicator, pooled)) variance = (pooled.value * (1 - pooled.value)) / pooled.n;
    else if (pooled.sd !== null) variance = (pooled.sd * pooled.sd) / pooled.n;
  }
  return { areas, window, from: w.from, to: w.to, value: pooled.value, n: pooled.n, variance, periods: inWindow.map((v) => v.period.label), method: pooled.method };
}

function trendOf(series: readonly PeriodValue[], w: DateWindow): Trend | null {
  return linearTrend(series.filter((v) => within(v, w)).map((v) => ({ x: v.period.mid, y: v.value })));
}

function compareTrends(target: Trend | null, comparison: Trend | null, tolerance: number | null, alpha: number): ParallelTrends {
  if (!target || !comparison) return { target, comparison, difference: null, standardError: null, pValue: null, tolerance, parallel: null };
  const difference = target.slope - comparison.slope;
  let standardError: number | null = null;
  let pValue: number | null = null;
  if (target.standardError !== null && comparison.standardError !== null && target.df !== null && comparison.df !== null) {
    standardError = Math.sqrt(target.standardError ** 2 + comparison.standardError ** 2);
    // t with the residual df of both regressions (n_T − 2 + n_C − 2), as for a slope-by-group interaction.
    pValue = standardError > 0 ? studentTTwoSidedP(difference / standardError, target.df + comparison.df) : difference === 0 ? 1 : 0;
  }
  const beyond = tolerance !== null && Math.abs(difference) > tolerance;
  const significant = pValue !== null && pValue < alpha;
  const parallel = pValue === null && tolerance === null ? null : !(beyond || significant);
  return { target, comparison, difference, standardError, pValue, tolerance, parallel };
}

/**
 * Difference-in-differences of an indicator between target areas and one or more comparison areas:
 * DiD = (ȳ_T,post − ȳ_T,pre) − (ȳ_C,post − ȳ_C,pre) (METHODS §5; Angrist & Pischke, "Mostly Harmless
 * Econometrics", 2009, §5.2). Window means pool periods (ratios by Σ numerator / Σ denominator, shares and
 * means weighted by n). With several comparison areas ȳ_C's change is their unweighted mean, and each area is
 * also reported on its own. The standard error comes, by default, from the spread of the target − comparison
 * gap over the pre-trend years ({@link panelStandardError}; t interval, Bertrand, Duflo & Mullainathan 2004),
 * because register and panel figures are populations, not samples; only with `standardError: 'sampling'`
 * (every n a survey sample) is it the normal interval with Var = Σ of the four cells' sampling variances
 * (p(1 − p)/n or s²/n). When it cannot be estimated the standard error is null, with a note — never the
 * other, too narrow one. `inference` says how many comparison areas and pre/post periods carry the
 * estimate, in words for the report. Pre-period slopes (least squares, per year) of target and
 * each comparison are reported side by side; they are "not parallel" when their difference is significant
 * (t test, α = 0.05 by default) or larger than `parallelTolerance`, and a note says so.
 * Observations after `asOf` are ignored.
 * @example differenceInDifferences({ id: 'bijstand', kind: 'share' }, rows, ['WK051836'], ['WK051838'], { asOf: '2022-12-31', pre: { from: '2015-01-01', to: '2015-12-31' }, post: { from: '2017-01-01', to: '2017-12-31' } })
 */
export function differenceInDifferences(
  indicator: EvaluationIndicator,
  observations: readonly EvaluationObservation[],
  targetAreas: readonly string[],
  comparisonAreas: readonly string[],
  options: DidOptions,
): DidResult {
  const alpha = options.alpha ?? 0.05;
  const level = options.level ?? 0.95;
  const tolerance = options.parallelTolerance ?? null;
  const trendWindow = options.preTrend ?? options.pre;
  const rows = observationsAsOf(observations, options.asOf).filter((o) => o.indicator === indicator.id);
  const targets = [...targetAreas].sort();
  const seriesOf = (areas: readonly string[]): PeriodValue[] => periodValues(rows.filter((o) => areas.includes(o.area)), indicator);
  const notes: EvaluationNote[] = [];
  const missing = (c: DidCell | null, area: string, window: 'pre' | 'post', w: DateWindow): void => {
    if (!c)
      notes.push(
        evaluationNote('evaluation.did-missing-cell', `comparison.${area}.${window}`, {
          indicator: indicator.id,
          area,
          window: window === 'pre' ? 'voor' : 'na',
          windowEn: window,
          from: w.from,
          to: w.to,
        }),
      );
  };

  const tSeries = seriesOf(targets);
  const tPre = cell(indicator, tSeries, targets, 'pre', options.pre);
  const tPost = cell(indicator, tSeries, targets, 'post', options.post);
  missing(tPre, targets.join('+'), 'pre', options.pre);
  missing(tPost, targets.join('+'), 'post', options.post);
  const tChange = tPre && tPost ? tPost.value - tPre.value : null;
  const tVar = tPre?.variance != null && tPost?.variance != null ? tPre.variance + tPost.variance : null;
  const tTrend = trendOf(tSeries, trendWindow);
  const basis: InferenceBasis = {
    method: options.standardError ?? 'panel',
    indicator: indicator.id,
    area: targets.join('+'),
    targetSeries: tSeries,
    window: trendWindow,
    prePeriods: tPre?.periods.length ?? 0,
    postPeriods: tPost?.periods.length ?? 0,
    level,
  };

  const arms: (DidArm & { readonly series: readonly PeriodValue[] })[] = [...comparisonAreas].sort().map((area) => {
    const s = seriesOf([area]);
    const pre = cell(indicator, s, [area], 'pre', options.pre);
    const post = cell(indicator, s, [area], 'post', options.post);
    missing(pre, area, 'pre', options.pre);
    missing(post, area, 'post', options.post);
    const change = pre && post ? post.value - pre.value : null;
    const did = tChange !== null && change !== null ? tChange - change : null;
    const cVar = pre?.variance != null && post?.variance != null ? pre.variance + post.variance : null;
    const inferred = infer(basis, did, [s], tVar !== null && cVar !== null ? tVar + cVar : null);
    const preTrends = compareTrends(tTrend, trendOf(s, trendWindow), tolerance, alpha);
    if (preTrends.parallel === false)
      notes.push(
        evaluationNote('evaluation.not-parallel', `comparison.${area}.preTrends`, {
          targetSlope: preTrends.target!.slope,
          comparisonSlope: preTrends.comparison!.slope,
          area: targets.join('+'),
          comparison: area,
          difference: preTrends.difference,
          pValue: preTrends.pValue,
          tolerance,
        }),
      );
    else if (preTrends.parallel === null)
      notes.push(evaluationNote('evaluation.pre-trend-unknown', `comparison.${area}.preTrends`, { area: targets.join('+'), comparison: area }));
    return { area, pre, post, change, did, standardError: inferred.standardError, ci: inferred.ci, inference: inferred.inference, preTrends, series: s };
  });

  const changes = arms.map((a) => a.change);
  const comparisonChange = changes.length > 0 && changes.every((c) => c !== null) ? changes.reduce((s: number, c) => s + c!, 0) / changes.length : null;
  const did = tChange !== null && comparisonChange !== null ? tChange - comparisonChange : null;
  const k = arms.length;
  const armVars = arms.map((a) => (a.pre?.variance != null && a.post?.variance != null ? a.pre.variance + a.post.variance : null));
  const samplingVariance = tVar !== null && armVars.every((v) => v !== null) ? tVar + armVars.reduce((s: number, v) => s + v!, 0) / (k * k) : null;
  const inferred = infer(
    basis,
    did,
    arms.map((a) => a.series),
    samplingVariance,
  );
  if (inferred.note) notes.push(inferred.note);
  const judged = arms.map((a) => a.preTrends.parallel);
  return {
    indicator: indicator.id,
    target: { areas: targets, pre: tPre, post: tPost, change: tChange, preTrend: tTrend },
    comparisons: arms.map(({ series: _series, ...arm }) => arm),
    comparisonChange,
    did,
    standardError: inferred.standardError,
    ci: inferred.ci,
    inference: inferred.inference,
    parallel: judged.some((p) => p === false) ? false : judged.length > 0 && judged.every((p) => p === true) ? true : null,
    notes,
  };
}

/** What {@link infer} needs besides the comparison series. */
interface InferenceBasis {
  readonly method: DidStandardError;
  readonly indicator: string;
  readonly area: string;
  readonly targetSeries: readonly PeriodValue[];
  readonly window: DateWindow;
  readonly prePeriods: number;
  readonly postPeriods: number;
  readonly level: number;
}

/**
 * Standard error, interval and basis of a DiD against the mean of `comparisons`: the pre-period gaps
 * ({@link panelStandardError}) or the sampling variance given; a note when there is none.
 */
function infer(
  b: InferenceBasis,
  did: number | null,
  comparisons: readonly (readonly PeriodValue[])[],
  samplingVariance: number | null,
): { standardError: number | null; ci: ConfidenceInterval | null; inference: DidInference; note: EvaluationNote | null } {
  const k = comparisons.length;
  const common = { comparisonAreas: k, prePeriods: b.prePeriods, postPeriods: b.postPeriods };
  if (b.method === 'sampling') {
    const se = did !== null && samplingVariance !== null ? Math.sqrt(samplingVariance) : null;
    const z = normalQuantile(1 - (1 - b.level) / 2);
    const note = did !== null && se === null ? evaluationNote('evaluation.did-se-no-sampling', 'comparison.standardError', { indicator: b.indicator }) : null;
    const text = note
      ? note.message
      : did === null
        ? describeEvaluation('evaluation.did-no-estimate', { indicator: b.indicator }).message
        : describeEvaluation('evaluation.did-basis-sampling', { k, pre: b.prePeriods, post: b.postPeriods }).message;
    return {
      standardError: se,
      ci: se !== null && did !== null ? { lower: did - z * se, upper: did + z * se, level: b.level, method: 'normal' } : null,
      inference: { method: 'sampling', ...common, variancePeriods: null, df: null, gapVariance: null, text },
      note,
    };
  }
  const gaps: number[] = [];
  for (const t of b.targetSeries) {
    if (!within(t, b.window)) continue;
    const cs = comparisons.map((series) => series.find((c) => c.period.label === t.period.label));
    if (cs.every((c) => c !== undefined)) gaps.push(t.value - cs.reduce((s, c) => s + c!.value, 0) / k);
  }
  const panel = did !== null ? panelStandardError(gaps, b.prePeriods, b.postPeriods) : null;
  const params = { indicator: b.indicator, area: b.area, k, periods: gaps.length, required: MIN_PANEL_VARIANCE_PERIODS, from: b.window.from, to: b.window.to, pre: b.prePeriods, post: b.postPeriods };
  const note = did !== null && panel === null ? evaluationNote('evaluation.did-se-too-few-periods', 'comparison.standardError', params) : null;
  const text = note
    ? note.message
    : did === null
      ? describeEvaluation('evaluation.did-no-estimate', params).message
      : describeEvaluation('evaluation.did-basis-panel', { ...params, df: panel?.df ?? null }).message;
  let ci: ConfidenceInterval | null = null;
  if (panel && did !== null) {
    const t = studentTQuantile(1 - (1 - b.level) / 2, panel.df);
    ci = { lower: did - t * panel.standardError, upper: did + t * panel.standardError, level: b.level, method: 't' };
  }
  return {
    standardError: panel?.standardError ?? null,
    ci,
    inference: { method: 'panel', ...common, variancePeriods: gaps.length, df: panel?.df ?? null, gapVariance: panel?.gapVariance ?? null, text },
    note,
  };
}
