import { sampleVariance } from 'simple-statistics';

/** Fewest pre-period gaps from which the panel variance is estimated (2 degrees of freedom). */
export const MIN_PANEL_VARIANCE_PERIODS = 3;

/** The standard error of a difference-in-differences from the spread of pre-period gaps. */
export interface PanelStandardError {
  readonly standardError: number;
  /** Sample variance of the gaps d_t (divisor P − 1). */
  readonly gapVariance: number;
  /** Degrees of freedom of the variance: P − 1. */
  readonly df: number;
}

/**
 * Standard error of a difference-in-differences on aggregate panel figures (areas × years), where each
 * area's yearly value is a population figure, not a sample. The gap d_t = y_T,t − ȳ_C,t (target minus the mean
 * of the comparison areas) is constant over the pre-period when trends are parallel, so its spread over the P
 * pre-period years measures the area-by-year noise that the DiD has to beat:
 *
 *   s² = Σ (d_t − d̄)² / (P − 1),   SE(DiD) = s · √(1/m_pre + 1/m_post),   interval DiD ± t(P − 1, 1 − α/2) · SE
 *
 * with m_pre and m_post the number of periods averaged in the pre and post windows (DiD = d̄_post − d̄_pre when
 * the windows are plain means of periods). Treating each area-year as an independent sample of its population
 * n instead (p(1 − p)/n) ignores that shocks hit a whole area for a year and persist, which makes intervals
 * several times too narrow: Bertrand, Duflo & Mullainathan, "How much should we trust differences-in-differences
 * estimates?", QJE 119(1), 2004, §IV–V (collapsing the data to the group-by-period level is their remedy for
 * few groups); Donald & Lang, "Inference with difference-in-differences and other panel data", REStat 89(2),
 * 2007 (with few groups, inference on group-level aggregates with a t of small df); Conley & Taber, REStat
 * 93(1), 2011 (with one treated area the variance must come from the untreated variation). Assumes the gaps
 * are independent over years; positively correlated gaps still make it too narrow, which the pre-trend test
 * shown beside it helps to spot.
 * Returns null with fewer than {@link MIN_PANEL_VARIANCE_PERIODS} gaps: a variance from one degree of
 * freedom gives an interval of ±12.7 s, which says nothing, and none is made up in its place.
 * @example panelStandardError([15, 16, 14, 15], 4, 2) // { gapVariance: 0.6667, df: 3, standardError: √(0.6667 · (1/4 + 1/2)) = 0.7071 }
 */
export function panelStandardError(gaps: readonly number[], prePeriods: number, postPeriods: number): PanelStandardError | null {
  if (gaps.length < MIN_PANEL_VARIANCE_PERIODS || prePeriods < 1 || postPeriods < 1) return null;
  const gapVariance = sampleVariance([...gaps]);
  return { standardError: Math.sqrt(gapVariance * (1 / prePeriods + 1 / postPeriods)), gapVariance, df: gaps.length - 1 };
}
