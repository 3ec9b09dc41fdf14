import type { Comparison } from '../schema/comparison.js';
import type { Criterion } from '../schema/criterion.js';
import type { Distribution, UncertainParameter } from '../schema/uncertainty.js';
import type { LocalisedText } from '../messages.js';
import type { DidResult } from './difference-in-differences.js';
import type { IndicatorEvaluation } from './indicator-evaluation.js';
import { normalQuantile } from './normal-distribution.js';
import { describeEvaluation, evaluationNote, type EvaluationMessageCode, type EvaluationNote } from './evaluation-messages.js';

/** The uncertainty a derived deadweight carries into the tornado and the Monte Carlo. */
export interface DeadweightUncertainty {
  /** Bounds of the DiD interval, turned into deadweights and bounded to [0, 1]; low ≤ value ≤ high. */
  readonly low: number;
  readonly high: number;
  /** Normal around the unbounded ratio whose central interval is the DiD interval (draws clamped to [0, 1]); fixed when the interval has no width. */
  readonly distribution: Distribution;
  readonly level: number;
}

/** A derived deadweight as the valuation takes it (`ValueModelOptions.deadweights[outcome]`). */
export interface DerivedDeadweightValue {
  readonly value: number;
  readonly derivation: LocalisedText;
  /** Absent when the DiD has no interval: then a range the model declares is centred on `value`. */
  readonly uncertainty?: DeadweightUncertainty;
}

/** One line of `evaluation.derivedDeadweights`: a deadweight derived, or refused with the reason. */
export interface DerivedDeadweightEntry {
  readonly outcome: string;
  readonly indicator: string;
  readonly status: 'derived' | 'refused';
  /** null when refused: the model's stated deadweight stays in force. */
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** How it was derived, or why it was refused, NL and EN. */
  readonly derivation: LocalisedText;
}

/** What {@link deriveDeadweights} returns. */
export interface DeadweightDerivation {
  /** By outcome id, for `valueModel` and `modelUncertainty`. */
  readonly deadweights: Readonly<Record<string, DerivedDeadweightValue>>;
  readonly list: readonly DerivedDeadweightEntry[];
  readonly notes: readonly EvaluationNote[];
}

/** The model fields the derivation reads. */
export interface DeadweightModel {
  readonly comparisons: readonly Pick<Comparison, 'indicator' | 'areas' | 'deadweightFor' | 'direction'>[];
  readonly criteria: readonly Pick<Criterion, 'indicator' | 'direction'>[];
  readonly uncertainty?: { readonly parameters: readonly Pick<UncertainParameter, 'outcome' | 'parameter'>[] } | undefined;
}

const clip01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * Which way is progress on an indicator: the comparison's own `direction`, else the direction shared by every
 * increase/decrease criterion on the indicator; null when neither says (or the criteria disagree).
 */
export function progressDirection(comparison: Pick<Comparison, 'indicator' | 'direction'>, criteria: readonly Pick<Criterion, 'indicator' | 'direction'>[]): 'increase' | 'decrease' | null {
  if (comparison.direction) return comparison.direction;
  const ds = new Set(criteria.filter((c) => c.indicator === comparison.indicator && (c.direction === 'increase' || c.direction === 'decrease')).map((c) => c.direction));
  return ds.size === 1 ? ([...ds][0] as 'increase' | 'decrease') : null;
}

/**
 * Deadweights measured in comparison areas instead of guessed (METHODS §5, last paragraph; SROI Guide 2012,
 * stage 4: "deadweight … can be estimated using comparison groups"): for each comparison with `deadweightFor`,
 * the share of the target's progress that the comparison areas made anyway,
 *
 *   DW = (s · Δ_comparison) / (s · Δ_target) = Δ_C / Δ_T,  bounded to [0, 1],   s = +1 (increase) or −1 (decrease)
 *
 * where progress is read in the indicator's direction (the comparison's `direction`, else its criteria's), so
 * for an indicator that should fall a fall counts as progress. Refused — with a NL/EN note, the model's stated
 * deadweight staying in force — when the pre-period trends are not parallel (the comparison then does not show
 * what would have happened anyway), when the target made no progress or moved the wrong way (there is no
 * "share of the change that happened anyway"), when the direction is unknown, or when the DiD has no data.
 *
 * Uncertainty: since DiD = Δ_T − Δ_C, DW = 1 − DiD/Δ_T; the DiD interval [L, U] (panel or sampling, see
 * {@link DidResult.inference}) gives DW bounds 1 − U/Δ_T and 1 − L/Δ_T, bounded to [0, 1], so low ≤ DW ≤ high
 * always. The target change is taken as given (first order: the DiD interval already holds the target's and
 * the comparisons' year-to-year noise). For the Monte Carlo the deadweight is normal around the unbounded ratio
 * with sd = (interval width)/(2·z), z the normal quantile of the interval's level, so its central interval is
 * the DiD interval; draws outside [0, 1] are clamped by the Monte Carlo, which reports how many. When the model
 * also declares an uncertainty range for that deadweight, the derived range replaces it (a note says so); when
 * the DiD has no interval, the declared range is kept but centred on the derived value with the same width
 * (resolveUncertainty does this; a note says so), so the interval never excludes the value used.
 * @example deriveDeadweights(model, outcomeEvaluation).deadweights['minder-bijstand'] // { value: 0.3, derivation: { en: 'Deadweight = change in comparison area …' }, uncertainty: { low: 0.12, high: 0.48, … } }
 */
export function deriveDeadweights(model: DeadweightModel, outcomeEvaluation: { readonly indicators: readonly Pick<IndicatorEvaluation, 'id' | 'comparison'>[] }): DeadweightDerivation {
  const deadweights: Record<string, DerivedDeadweightValue> = {};
  const list: DerivedDeadweightEntry[] = [];
  const notes: EvaluationNote[] = [];
  const declared = new Set((model.uncertainty?.parameters ?? []).filter((p) => p.parameter === 'deadweight' && p.outcome !== undefined).map((p) => p.outcome!));

  for (const c of model.comparisons) {
    if (c.deadweightFor.length === 0) continue;
    const path = `comparisons.${c.indicator}.deadweight`;
    const outcomes = c.deadweightFor.join(', ');
    const refuse = (code: EvaluationMessageCode, params: Record<string, string | number | null>): void => {
      const note = evaluationNote(code, path, { outcomes, indicator: c.indicator, ...params });
      notes.push(note);
      for (const outcome of c.deadweightFor) list.push({ outcome, indicator: c.indicator, status: 'refused', value: null, low: null, high: null, derivation: note.message });
    };
    const did: DidResult | null = outcomeEvaluation.indicators.find((i) => i.id === c.indicator)?.comparison ?? null;
    const area = did ? did.target.areas.join('+') : '';
    const comparison = did ? did.comparisons.map((a) => a.area).join('+') : [...c.areas].sort().join('+');
    if (!did || did.target.change === null || did.comparisonChange === null || did.did === null) {
      refuse('evaluation.deadweight-no-data', { comparison });
      continue;
    }
    if (did.parallel === false) {
      const p = did.comparisons.map((a) => a.preTrends.pValue).filter((x): x is number => x !== null);
      refuse('evaluation.deadweight-not-parallel', { area, comparison, pValue: p.length > 0 ? Math.min(...p) : null });
      continue;
    }
    const direction = progressDirection(c, model.criteria);
    if (direction === null) {
      refuse('evaluation.deadweight-direction-unknown', {});
      continue;
    }
    const s = direction === 'increase' ? 1 : -1;
    const targetChange = did.target.change;
    const comparisonChange = did.comparisonChange;
    const directionText = { directionNl: direction === 'increase' ? 'stijging' : 'daling', directionEn: direction };
    if (targetChange === 0) {
      refuse('evaluation.deadweight-undefined', { area });
      continue;
    }
    if (s * targetChange < 0) {
      refuse('evaluation.deadweight-wrong-direction', { area, targetChange, ...directionText });
      continue;
    }
    const raw = comparisonChange / targetChange;
    const value = clip01(raw);
    const derivation = describeEvaluation('evaluation.deadweight-derivation', { comparison, comparisonChange, area, targetChange, raw, value }).message;
    let uncertainty: DeadweightUncertainty | undefined;
    if (did.ci) {
      const a = 1 - did.ci.upper / targetChange;
      const b = 1 - did.ci.lower / targetChange;
      const [rawLow, rawHigh] = a <= b ? [a, b] : [b, a];
      const z = normalQuantile(1 - (1 - did.ci.level) / 2);
      uncertainty = {
        low: clip01(rawLow),
        high: clip01(rawHigh),
        distribution: rawHigh > rawLow ? { type: 'normal', mean: raw, sd: (rawHigh - rawLow) / (2 * z) } : { type: 'fixed', value },
        level: did.ci.level,
      };
    } else notes.push(evaluationNote('evaluation.deadweight-no-interval', path, { outcomes, indicator: c.indicator }));
    for (const outcome of c.deadweightFor) {
      deadweights[outcome] = uncertainty ? { value, derivation, uncertainty } : { value, derivation };
      list.push({ outcome, indicator: c.indicator, status: 'derived', value, low: uncertainty?.low ?? null, high: uncertainty?.high ?? null, derivation });
      if (declared.has(outcome))
        notes.push(
          uncertainty
            ? evaluationNote('evaluation.deadweight-range-replaced', `${path}.${outcome}`, { outcome, low: uncertainty.low, high: uncertainty.high, value })
            : evaluationNote('evaluation.deadweight-range-centred', `${path}.${outcome}`, { outcome, value }),
        );
    }
  }
  return { deadweights, list, notes };
}
