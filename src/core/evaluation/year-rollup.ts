import { combineRule, poolPeriodValues, type EvaluationIndicator, type PeriodValue } from './period-aggregate.js';
import { isoDateToDays, parseEvaluationPeriod } from './period.js';

/** A calendar-year value built from shorter periods, with how much of the year the periods cover. */
export interface YearValue extends PeriodValue {
  /** Days covered by the periods behind the value / days in the year (1 for an annual figure). */
  readonly coverage: number;
}

/**
 * Rolls period values up to calendar years, for criteria stated per year ("120 visitors per year") while data
 * arrive per quarter or month. An annual figure, when present, is used as is. Otherwise the periods of a year
 * are combined over time by the indicator's rule: `last` (a stock such as active volunteers) takes the latest
 * period; counts and amounts are summed; ratios are Σ numerator / Σ denominator; shares and means are pooled
 * (weighted by n) — METHODS §5. Only years that have ended by `asOf` are returned, so a running year never
 * enters as a partial sum; `coverage` tells when a finished year is not fully covered.
 * @example rollUpToYears(quarters, { id: 'bezoekers', kind: 'count' }, '2025-12-31') // [{ period: 2025, value: Σ quarters, coverage: 1 }]
 */
export function rollUpToYears(values: readonly PeriodValue[], indicator: EvaluationIndicator, asOf: string): YearValue[] {
  const byYear = new Map<string, PeriodValue[]>();
  for (const v of values) {
    const y = v.period.start.slice(0, 4);
    const g = byYear.get(y);
    if (g) g.push(v);
    else byYear.set(y, [v]);
  }
  const out: YearValue[] = [];
  for (const [year, group] of [...byYear.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const period = parseEvaluationPeriod(year);
    if (period.end > asOf) continue;
    const annual = group.find((v) => v.period.granularity === 'year');
    if (annual) {
      out.push({ ...annual, coverage: 1 });
      continue;
    }
    const daysInYear = isoDateToDays(period.end) - isoDateToDays(period.start) + 1;
    const covered = new Set<number>();
    for (const v of group) for (let d = isoDateToDays(v.period.start); d <= isoDateToDays(v.period.end); d++) covered.add(d);
    const coverage = covered.size / daysInYear;
    const areas = [...new Set(group.flatMap((v) => v.areas))].sort();
    const rows = group.reduce((s, v) => s + v.rows, 0);
    const last = group[group.length - 1]!;
    const rule = combineRule(indicator);
    if (indicator.aggregation === 'last') {
      out.push({ ...last, period, method: 'year-last', areas, rows, coverage });
    } else if (rule === 'sum') {
      const allN = group.every((v) => v.n !== null);
      out.push({
        period,
        value: group.reduce((s, v) => s + v.value, 0),
        n: allN ? group.reduce((s, v) => s + v.n!, 0) : null,
        sd: null,
        numerator: null,
        denominator: null,
        method: 'year-sum',
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
        method: `year-${pooled.method}`,
        areas,
        rows,
        coverage,
      });
    }
  }
  return out;
}
