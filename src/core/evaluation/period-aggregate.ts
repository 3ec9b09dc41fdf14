import type { DatedObservation } from './observation.js';
import type { EvaluationPeriod } from './period.js';

/** How values of several areas in one period are combined. */
export type CombineRule = 'sum' | 'mean' | 'ratio';

/** The indicator fields the evaluation reads (a subset of the model's indicator). */
export interface EvaluationIndicator {
  readonly id: string;
  readonly kind?: 'count' | 'share' | 'mean' | 'amount' | 'score' | 'ratio' | undefined;
  readonly aggregation?: 'sum' | 'mean' | 'last' | 'ratio' | undefined;
  readonly unit?: string | undefined;
}

/** One indicator value per period, combined over areas, with the sampling information kept. */
export interface PeriodValue {
  readonly period: EvaluationPeriod;
  readonly value: number;
  /** Total sample size (Σ n), or for a ratio Σ denominator; null when not every row has it. */
  readonly n: number | null;
  /** Pooled sample sd of a mean; null when not every row has n and sd. */
  readonly sd: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** `sum`, `weighted-mean` (by n), `mean`, `ratio` (Σ numerator / Σ denominator), `single`. */
  readonly method: string;
  readonly areas: readonly string[];
  readonly rows: number;
}

/**
 * The rule for combining areas: the indicator's own `aggregation` (`last` combines areas by summing, as a stock
 * does), else by kind — ratio → ratio, count and amount → sum, share, mean and score → mean.
 * @example combineRule({ id: 'x', kind: 'share' }) // 'mean'
 */
export function combineRule(indicator: EvaluationIndicator): CombineRule {
  if (indicator.aggregation === 'ratio' || indicator.kind === 'ratio') return 'ratio';
  if (indicator.aggregation === 'sum' || indicator.aggregation === 'last') return 'sum';
  if (indicator.aggregation === 'mean') return 'mean';
  return indicator.kind === 'count' || indicator.kind === 'amount' ? 'sum' : 'mean';
}

function combine(rows: readonly DatedObservation[], rule: CombineRule): Omit<PeriodValue, 'period' | 'areas' | 'rows'> {
  const allN = rows.every((r) => r.n !== undefined && r.n > 0);
  const nTotal = allN ? rows.reduce((s, r) => s + r.n!, 0) : null;
  if (rows.length === 1) {
    const r = rows[0]!;
    return {
      value: rule === 'ratio' && r.numerator !== undefined && r.denominator ? r.numerator / r.denominator : r.value,
      n: r.n ?? (rule === 'ratio' ? (r.denominator ?? null) : null),
      sd: r.sd ?? null,
      numerator: r.numerator ?? null,
      denominator: r.denominator ?? null,
      method: 'single',
    };
  }
  if (rule === 'ratio' && rows.every((r) => r.numerator !== undefined && r.denominator !== undefined)) {
    // METHODS §5: ratio indicators are aggregated by summing numerators and denominators, never by averaging.
    const num = rows.reduce((s, r) => s + r.numerator!, 0);
    const den = rows.reduce((s, r) => s + r.denominator!, 0);
    return { value: den === 0 ? Number.NaN : num / den, n: den, sd: null, numerator: num, denominator: den, method: 'ratio' };
  }
  if (rule === 'sum') {
    return { value: rows.reduce((s, r) => s + r.value, 0), n: nTotal, sd: null, numerator: null, denominator: null, method: 'sum' };
  }
  if (nTotal !== null) {
    const m = rows.reduce((s, r) => s + r.n! * r.value, 0) / nTotal;
    // Pooled sd of the combined sample: SS = Σ[(nᵢ − 1)sᵢ² + nᵢ(ȳᵢ − ȳ)²], sd = √(SS/(N − 1)).
    let sd: number | null = null;
    if (rows.every((r) => r.sd !== undefined) && nTotal > 1) {
      const ss = rows.reduce((s, r) => s + (r.n! - 1) * r.sd! * r.sd! + r.n! * (r.value - m) * (r.value - m), 0);
      sd = Math.sqrt(ss / (nTotal - 1));
    }
    return { value: m, n: nTotal, sd, numerator: null, denominator: null, method: 'weighted-mean' };
  }
  return { value: rows.reduce((s, r) => s + r.value, 0) / rows.length, n: null, sd: null, numerator: null, denominator: null, method: 'mean' };
}

/**
 * One value per period for an indicator, combining the rows of several areas by {@link combineRule}: counts
 * summed, survey shares and means weighted by n (with the pooled sd), ratios as Σ numerator / Σ denominator
 * (METHODS §5). Input rows must be of one indicator; output is sorted by period end, start and label.
 * @example periodValues(rows, { id: 'eenzaamheid', kind: 'share' })
 */
export function periodValues(rows: readonly DatedObservation[], indicator: EvaluationIndicator): PeriodValue[] {
  const rule = combineRule(indicator);
  const groups = new Map<string, DatedObservation[]>();
  for (const r of rows) {
    const g = groups.get(r.parsed.label);
    if (g) g.push(r);
    else groups.set(r.parsed.label, [r]);
  }
  const out: PeriodValue[] = [];
  for (const g of groups.values()) {
    const areas = [...new Set(g.map((r) => r.area))].sort();
    out.push({ period: g[0]!.parsed, ...combine(g, rule), areas, rows: g.length });
  }
  return out.sort(
    (a, b) =>
      (a.period.end < b.period.end ? -1 : a.period.end > b.period.end ? 1 : 0) ||
      (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0) ||
      (a.period.label < b.period.label ? -1 : a.period.label > b.period.label ? 1 : 0),
  );
}

/**
 * Combines several period values into one window value (e.g. the pre- or post-period of a
 * difference-in-differences): ratios and n-weighted shares/means pooled over the periods, otherwise the plain
 * mean of the period values. Returns null for an empty list.
 */
export function poolPeriodValues(values: readonly PeriodValue[], indicator: EvaluationIndicator): { value: number; n: number | null; sd: number | null; method: string } | null {
  if (values.length === 0) return null;
  if (values.length === 1) {
    const v = values[0]!;
    return { value: v.value, n: v.n, sd: v.sd, method: v.method };
  }
  const rule = combineRule(indicator);
  if (rule === 'ratio' && values.every((v) => v.numerator !== null && v.denominator !== null)) {
    const num = values.reduce((s, v) => s + v.numerator!, 0);
    const den = values.reduce((s, v) => s + v.denominator!, 0);
    return { value: num / den, n: den, sd: null, method: 'ratio' };
  }
  if (rule !== 'sum' && values.every((v) => v.n !== null)) {
    const n = values.reduce((s, v) => s + v.n!, 0);
    const m = values.reduce((s, v) => s + v.n! * v.value, 0) / n;
    let sd: number | null = null;
    if (values.every((v) => v.sd !== null) && n > 1) {
      const ss = values.reduce((s, v) => s + (v.n! - 1) * v.sd! * v.sd! + v.n! * (v.value - m) * (v.value - m), 0);
      sd = Math.sqrt(ss / (n - 1));
    }
    return { value: m, n, sd, method: 'weighted-mean' };
  }
  return { value: values.reduce((s, v) => s + v.value, 0) / values.length, n: null, sd: null, method: 'mean' };
}
