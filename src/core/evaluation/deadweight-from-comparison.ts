import { evaluationNote, type EvaluationNote } from './evaluation-messages.js';
import type { LocalisedText } from '../messages.js';
import type { DidResult } from './difference-in-differences.js';

/** A deadweight measured in a comparison area, with the derivation for the valuation trace. */
export interface DerivedDeadweight {
  /** Clipped to [0, 1]; null when the target change is 0 or unknown. */
  readonly value: number | null;
  /** comparison change / target change, before clipping. */
  readonly raw: number | null;
  readonly targetChange: number | null;
  readonly comparisonChange: number | null;
  /** The derivation in words, fit for the `reason` of a deadweight in the model or the valuation trace. */
  readonly derivation: LocalisedText | null;
  readonly notes: readonly EvaluationNote[];
}

/**
 * Deadweight derived from a comparison area: the share of the target area's change that happened anyway,
 * DW = Δ_comparison / Δ_target, clipped to [0, 1] (METHODS §5, last paragraph; SROI Guide 2012, stage 4,
 * "deadweight … can be estimated using comparison groups or benchmarks"). A comparison moving the other way
 * gives 0; one moving further than the target gives 1.
 * @example deadweightFromComparison(did) // { value: 0.4, derivation: { en: 'Deadweight = change in comparison area …' } }
 */
export function deadweightFromComparison(did: Pick<DidResult, 'target' | 'comparisons' | 'comparisonChange'>): DerivedDeadweight {
  const targetChange = did.target.change;
  const comparisonChange = did.comparisonChange;
  const area = did.target.areas.join('+');
  const comparison = did.comparisons.map((c) => c.area).join('+');
  if (targetChange === null || comparisonChange === null || targetChange === 0) {
    return {
      value: null,
      raw: null,
      targetChange,
      comparisonChange,
      derivation: null,
      notes: targetChange === 0 ? [evaluationNote('evaluation.deadweight-undefined', 'deadweight', { area })] : [],
    };
  }
  const raw = comparisonChange / targetChange;
  const value = Math.min(1, Math.max(0, raw));
  const note = evaluationNote('evaluation.deadweight-derivation', 'deadweight', { comparison, comparisonChange, area, targetChange, raw, value });
  return { value, raw, targetChange, comparisonChange, derivation: note.message, notes: [] };
}
