import type { Criterion } from '../schema/criterion.js';
import { isoDateToDays } from './period.js';

/** The criterion fields achievement needs. */
export type AchievementCriterion = Pick<Criterion, 'baseline' | 'target' | 'direction'> & {
  readonly range?: { readonly min: number; readonly max: number } | undefined;
  readonly tolerance?: number | undefined;
};

/**
 * Achievement of a criterion at value y, a number in [0, 1] (METHODS §5):
 * increase and decrease — a = (y − baseline)/(target − baseline), clipped to [0, 1] (the same formula serves both
 * directions, since target − baseline carries the sign); maintain — 1 when |y − baseline| ≤ tolerance (0 when no
 * tolerance is given), else 0; range — 1 when min ≤ y ≤ max, else 0 (without a range, [baseline, target] in
 * either order).
 * @example criterionAchievement({ baseline: 0.45, target: 0.30, direction: 'decrease' }, 0.36) // 0.6
 */
export function criterionAchievement(c: AchievementCriterion, y: number): number {
  if (c.direction === 'maintain' || (c.direction !== 'range' && c.target === c.baseline)) {
    return Math.abs(y - c.baseline) <= (c.tolerance ?? 0) + 1e-12 ? 1 : 0;
  }
  if (c.direction === 'range') {
    const min = c.range?.min ?? Math.min(c.baseline, c.target);
    const max = c.range?.max ?? Math.max(c.baseline, c.target);
    return y >= min && y <= max ? 1 : 0;
  }
  const a = (y - c.baseline) / (c.target - c.baseline);
  return Math.min(1, Math.max(0, a));
}

/**
 * The share of the way from baseline to target that a straight path from `start` (baseline) to `deadline`
 * (target) expects by `date`: (date − start)/(deadline − start) in days, clipped to [0, 1]
 * (METHODS §5, "on track / off track against a straight path from baseline to target").
 * @example expectedAchievement('2024-01-01', '2026-01-01', '2025-01-01') // 0.5
 */
export function expectedAchievement(start: string, deadline: string, date: string): number {
  const s = isoDateToDays(start);
  const d = isoDateToDays(deadline);
  if (!(d > s)) return 1;
  return Math.min(1, Math.max(0, (isoDateToDays(date) - s) / (d - s)));
}

/** The target as text for a reason: "≥ 120", "≤ 0.3", "7.5–8.1" (Dutch: decimal comma, "7,5–8,1"). */
export function goalText(c: AchievementCriterion, lang: 'nl' | 'en' = 'en'): string {
  const fmt = (v: number): string => {
    const s = String(Number(v.toPrecision(6)) || 0);
    return lang === 'nl' ? s.replace('.', ',') : s;
  };
  if (c.direction === 'maintain') {
    const tol = c.tolerance ?? 0;
    return `${fmt(c.baseline - tol)}–${fmt(c.baseline + tol)}`;
  }
  if (c.direction === 'range') {
    const min = c.range?.min ?? Math.min(c.baseline, c.target);
    const max = c.range?.max ?? Math.max(c.baseline, c.target);
    return `${fmt(min)}–${fmt(max)}`;
  }
  return c.target >= c.baseline ? `≥ ${fmt(c.target)}` : `≤ ${fmt(c.target)}`;
}

