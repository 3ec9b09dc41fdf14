/** How observations of one indicator are combined into one number. */
export type ObservationAggregate = 'sum' | 'mean' | 'last';

/** One value with its period end (for `last`) and the id of the row it came from. */
export interface AggregateInput {
  readonly value: number | null;
  readonly periodEnd: string;
  readonly rowId: string;
}

/** An aggregate with the rows behind it; `value` is null when no row had a value (no data is never 0). */
export interface AggregateResult {
  readonly value: number | null;
  readonly rows: readonly string[];
}

/**
 * Combines observations: `sum`, `mean` (arithmetic), or `last` (the value of the latest period end; ties go to
 * the later row id in sort order). Missing values are skipped, never counted as 0.
 * @example aggregateValues([{ value: 2, periodEnd: '2025-03-31', rowId: 'u:2' }, { value: 4, periodEnd: '2025-06-30', rowId: 'u:3' }], 'mean') // { value: 3, rows: ['u:2', 'u:3'] }
 */
export function aggregateValues(inputs: readonly AggregateInput[], aggregate: ObservationAggregate): AggregateResult {
  const present = inputs.filter((i): i is AggregateInput & { value: number } => i.value !== null);
  if (present.length === 0) return { value: null, rows: [] };
  if (aggregate === 'last') {
    const last = [...present].sort((a, b) => (a.periodEnd === b.periodEnd ? (a.rowId < b.rowId ? -1 : 1) : a.periodEnd < b.periodEnd ? -1 : 1)).at(-1)!;
    return { value: last.value, rows: [last.rowId] };
  }
  const sum = present.reduce((s, i) => s + i.value, 0);
  return { value: aggregate === 'sum' ? sum : sum / present.length, rows: present.map((i) => i.rowId) };
}

/**
 * Aggregates a ratio indicator the only correct way: the sum of the numerators divided by the sum of the
 * denominators over the same areas and periods — never the mean of the per-row percentages (METHODS §5,
 * "ratios"). Pairs where either side is missing are left out of both sums. Null when the denominator sums to 0.
 * @example aggregateRatio([{ numerator: 1, denominator: 4 }, { numerator: 3, denominator: 4 }]) // 0.5 (not mean(0.25, 0.75) by chance only)
 */
export function aggregateRatio(pairs: readonly { readonly numerator: number | null; readonly denominator: number | null }[]): number | null {
  let num = 0;
  let den = 0;
  for (const p of pairs) {
    if (p.numerator === null || p.denominator === null) continue;
    num += p.numerator;
    den += p.denominator;
  }
  return den === 0 ? null : num / den;
}
