import { combineRule, poolPeriodValues, type EvaluationIndicator, type PeriodValue } from './period-aggregate.js';
import { isoDateToDays, parseEvaluationPeriod, type EvaluationPeriod } from './period.js';

/** The period a target is stated per: "120 visitors per year", "30 per quarter", "10 per month". */
export type TargetPeriod = 'year' | 'quarter' | 'month';

/** A value of one calendar year, quarter or month built from its periods, with how much of it they cover. */
export interface RolledUpValue extends PeriodValue {
  /** Days covered by the periods behind the value / days in the period (1 for a figure of the period itself). */
  readonly coverage: number;
}

/** The roll-up, and the values that could not be placed in one period (a year figure for quarters, a half year for quarters). */
export interface PeriodRollup {
  readonly values: readonly RolledUpValue[];
  readonly tooCoarse: readonly PeriodValue[];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The label of the calendar year, quarter or month that contains an ISO date. */
export function periodLabelOf(date: string, per: TargetPeriod): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (per === 'year') return y;
  if (per === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${pad2(m)}`;
}

/**
 * Rolls period values up to calendar years, quarters or months, for targets stated per period ("120 visitors
 * per year") while data arrive in shorter periods. A figure of exactly that period is used as is. Otherwise the
 * periods inside it are combined over time by the indicator's rule (METHODS §5): `last` (a stock such as active
 * volunteers) takes the latest period; counts and amounts are summed; ratios are Σ numerator / Σ denominator;
 * shares and means are pooled (weighted by n). Only periods that have ended by `asOf` are returned, so a running
 * year never enters as a partial sum; `coverage` (days covered / days in the period) tells when a finished period
 * is not fully covered. Values that reach beyond one period (a year figure against a quarterly target) cannot be
 * split and are returned in `tooCoarse`.
 * @example rollUpPeriods(quarters, { id: 'bezoekers', kind: 'count' }, '2025-12-31', 'year').values // [{ period: 2025, value: Σ quarters, coverage: 1 }]
 */
export function rollUpPeriods(values: readonly PeriodValue[], indicator: EvaluationIndicator, asOf: string, per: TargetPeriod): PeriodRollup {
  const groups = new Map<string, PeriodValue[]>();
  const tooCoarse: PeriodValue[] = [];
  for (const v of values) {
    const label = periodLabelOf(v.period.start, per);
    if (periodLabelOf(v.period.end, per) !== label) {
      tooCoarse.push(v);
      continue;
    }
    const g = groups.get(label);
    if (g) g.push(v);
    else groups.set(label, [v]);
  }
  const out: RolledUpValue[] = [];
  for (const [label, group] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const period: EvaluationPeriod = parseEvaluationPeriod(label);
    if (period.end > asOf) continue;
    const whole = group.find((v) => v.period.start === period.start && v.period.end === period.end);
    if (whole) {
      out.push({ ...whole, coverage: 1 });
      continue;
    }
    const days = isoDateToDays(period.end) - isoDateToDays(period.start) + 1;
    const covered = new Set<number>();
    for (const v of group) for (let d = isoDateToDays(v.period.start); d <= isoDateToDays(v.period.end); d++) covered.add(d);
    const coverage = covered.size / days;
    const areas = [...new Set(group.flatMap((v) => v.areas))].sort();
    const rows = group.reduce((s, v) => s + v.rows, 0);
    const last = group[group.length - 1]!;
    if (indicator.aggregation === 'last') {
      out.push({ ...last, period, method: `${per}-last`, areas, rows, coverage });
    } else if (combineRule(indicator) === 'sum') {
      const allN = group.every((v) => v.n !== null);
      out.push({
        period,
        value: group.reduce((s, v) => s + v.value, 0),
        n: allN ? group.reduce((s, v) => s + v.n!, 0) : null,
        sd: null,
        numerator: null,
        denominator: null,
        method: `${per}-sum`,
        areas,
        rows,
        coverage,
      });
    } else {
      const pooled = poolPeriodValues(group, indicator)!;
      const ratio = pooled.method === 'ratio';
      out.push({
        period,
        value: pooled.value,
        n: pooled.n,
        sd: pooled.sd,
        numerator: ratio ? group.reduce((s, v) => s + v.numerator!, 0) : null,
        denominator: ratio ? group.reduce((s, v) => s + v.denominator!, 0) : null,
        method: `${per}-${pooled.method}`,
        areas,
        rows,
        coverage,
      });
    }
  }
  return { values: out, tooCoarse };
}
