import { criterionCategories } from '../schema/criterion.js';
import type { CriterionRow, CriterionStatus } from './criterion-evaluation.js';

/** A weighted score over the criteria that could be scored, with what was left out and why. */
export interface Score {
  /** Σ wᵢ·aᵢ / Σ wᵢ over scored criteria; null when none could be scored. */
  readonly score: number | null;
  /** Σ weight of the scored criteria (met, partly met, not met). */
  readonly weightScored: number;
  /** Σ weight of all criteria. */
  readonly weightTotal: number;
  /** weightScored / weightTotal: how much of the agreed weight the score covers. */
  readonly coverage: number | null;
  readonly criteria: number;
  readonly scored: number;
  /** Criteria left out of the score — not measurable or not due — never counted as 0. */
  readonly excluded: readonly { readonly id: string; readonly status: CriterionStatus }[];
}

/** The scorecard: overall and per category, always next to the per-criterion rows. */
export interface Scorecard {
  readonly overall: Score;
  readonly categories: readonly (Score & { readonly category: CriterionRow['category'] })[];
  readonly counts: Readonly<Record<CriterionStatus, number>>;
}

const SCORED: ReadonlySet<CriterionStatus> = new Set(['met', 'partly-met', 'not-met']);

function score(rows: readonly CriterionRow[]): Score {
  const scored = rows.filter((r) => SCORED.has(r.status) && r.achievement !== null);
  const weightScored = scored.reduce((s, r) => s + r.weight, 0);
  const weightTotal = rows.reduce((s, r) => s + r.weight, 0);
  const weighted = scored.reduce((s, r) => s + r.weight * r.achievement!, 0);
  return {
    score: weightScored > 0 ? weighted / weightScored : null,
    weightScored,
    weightTotal,
    coverage: weightTotal > 0 ? weightScored / weightTotal : null,
    criteria: rows.length,
    scored: scored.length,
    excluded: rows.filter((r) => !SCORED.has(r.status)).map((r) => ({ id: r.id, status: r.status })),
  };
}

/**
 * Weighted achievement per category and overall: score = Σ wᵢ·aᵢ / Σ wᵢ over criteria that are met, partly met
 * or not met (METHODS §5). Not measurable and not-due criteria are excluded from the weights and listed — missing
 * data is never scored as 0 — and `coverage` says which share of the agreed weight the score rests on.
 * Categories appear in the schema's order (economic, social, support, spin-off, process, attitude), only when used.
 * @example scoreCriteria(rows).overall.score // 0.72
 */
export function scoreCriteria(rows: readonly CriterionRow[]): Scorecard {
  const counts: Record<CriterionStatus, number> = { met: 0, 'partly-met': 0, 'not-met': 0, 'not-measurable': 0, 'not-due': 0 };
  for (const r of rows) counts[r.status]++;
  return {
    overall: score(rows),
    categories: criterionCategories
      .filter((c) => rows.some((r) => r.category === c))
      .map((category) => ({ category, ...score(rows.filter((r) => r.category === category)) })),
    counts,
  };
}
