/** Share of a cost estimate and the optimism-bias upper bound for that kind of project. */
export interface OptimismBiasComponent {
  readonly share: number;
  readonly upperBound: number;
}

/**
 * Optimism bias of a mixed project: the share-weighted sum of the upper bounds of its parts
 * (HM Treasury Green Book supplementary guidance on optimism bias; Mott MacDonald worked example).
 * @example combinedOptimismBias([{ share: 0.3, upperBound: 0.51 }, { share: 0.7, upperBound: 0.24 }]) // 0.321
 */
export function combinedOptimismBias(components: readonly OptimismBiasComponent[]): number {
  return components.reduce((sum, c) => sum + c.share * c.upperBound, 0);
}

/**
 * Optimism bias left after mitigation: (1 − reduction) · upper bound (Green Book supplementary guidance).
 * @example mitigatedOptimismBias(0.51, 0.92) // 0.0408
 */
export function mitigatedOptimismBias(upperBound: number, reduction: number): number {
  return (1 - reduction) * upperBound;
}

/**
 * A cost adjusted for optimism bias: cost · (1 + OB) (HM Treasury Green Book).
 * @example adjustForOptimismBias(100e6, 0.04) // 104e6
 */
export function adjustForOptimismBias(cost: number, optimismBias: number): number {
  return cost * (1 + optimismBias);
}
