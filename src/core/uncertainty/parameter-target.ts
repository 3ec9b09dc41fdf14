import type { OutcomeParameterName } from '../schema/uncertainty.js';

/** Which number of a value map an uncertain parameter moves. */
export type ParameterTarget =
  | { readonly kind: 'outcome'; readonly outcome: string; readonly parameter: OutcomeParameterName }
  | { readonly kind: 'input'; readonly input: string; readonly parameter: 'amount' }
  | { readonly kind: 'discountRate'; readonly parameter: 'discountRate' };

/** A parameter set to a value (a scenario entry, a tornado end, a draw). */
export interface ParameterValue {
  readonly target: ParameterTarget;
  readonly value: number;
}

/**
 * A stable, readable key for a target: `outcome-id.parameter`, `input-id.amount` or `discountRate`.
 * @example targetKey({ kind: 'outcome', outcome: 'a', parameter: 'proxy' }) // 'a.proxy'
 */
export function targetKey(t: ParameterTarget): string {
  if (t.kind === 'outcome') return `${t.outcome}.${t.parameter}`;
  if (t.kind === 'input') return `${t.input}.amount`;
  return 'discountRate';
}

/** Shares (deadweight, displacement, attribution, drop-off) live in [0, 1]. * @example isShareParameter('dropOff') // true
 */
export function isShareParameter(p: string): boolean {
  return p === 'deadweight' || p === 'displacement' || p === 'attribution' || p === 'dropOff';
}

/**
 * The values a parameter can take: shares [0, 1]; quantity, proxy and amount [0, ∞); duration [1, ∞);
 * the discount rate [−0.5, 1] (the bounds of the model schema).
 * @example parameterDomain({ kind: 'discountRate', parameter: 'discountRate' }) // { min: -0.5, max: 1 }
 */
export function parameterDomain(t: ParameterTarget): { readonly min: number; readonly max: number } {
  if (t.kind === 'discountRate') return { min: -0.5, max: 1 };
  if (isShareParameter(t.parameter)) return { min: 0, max: 1 };
  if (t.parameter === 'duration') return { min: 1, max: Number.POSITIVE_INFINITY };
  return { min: 0, max: Number.POSITIVE_INFINITY };
}
