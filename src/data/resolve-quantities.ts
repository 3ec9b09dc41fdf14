import {
  aggregateRatio,
  aggregateValues,
  compileExpression,
  loadExpressionEngine,
  deriveValues,
  type Indicator,
  type KeyedValue,
  type Model,
  type ObservationIssue,
  type ResolvedQuantity,
} from '../core/index.js';
import type { ObservationStore, StoredObservation } from './store.js';

/** Quantities for `valueModel(model, { quantities })`, and the problems met resolving them. */
export interface ResolvedQuantities {
  readonly quantities: Record<string, ResolvedQuantity>;
  /** Outcome ids whose observation reference found no data (valuation will refuse them: no data is never 0). */
  readonly unresolved: readonly string[];
  readonly issues: readonly ObservationIssue[];
}

const keyed = (o: StoredObservation): KeyedValue => ({ indicator: o.indicator, area: o.area, period: o.period, periodEnd: o.periodEnd, value: o.value, rows: [o.rowId] });

/**
 * Resolves every outcome quantity of a model that refers to monitoring data (`quantity: { indicator, area, from,
 * to, aggregate }`) from the current observations in the store. Plain indicators aggregate by sum, mean or last;
 * ratio indicators (with numerator and denominator) are the sum of numerators over the sum of denominators over
 * the same areas and periods (METHODS §5); derived indicators (an `expression`) are computed per area and period
 * in the locked-down evaluator first. The trace lists the observation rows (`upload:row`) behind each number.
 * With `asOf`, only observations whose period ended on or before that date are read (a mid-term view).
 * @example const { quantities } = await resolveQuantities(store, model); valueModel(model, { quantities })
 */
export async function resolveQuantities(store: ObservationStore, model: Model, options: { initiative?: string; asOf?: string; includeSubmitted?: boolean } = {}): Promise<ResolvedQuantities> {
  const initiative = options.initiative ?? model.id;
  const indicators = new Map<string, Indicator>(model.indicators.map((i) => [i.id, i]));
  const quantities: Record<string, ResolvedQuantity> = {};
  const unresolved: string[] = [];
  const issues: ObservationIssue[] = [];
  for (const outcome of model.outcomes) {
    const q = outcome.quantity;
    if (typeof q === 'number' || Array.isArray(q)) continue;
    // As of a date, only periods that ended by then count (the same rule as the criteria).
    const to = q.to !== undefined && options.asOf !== undefined ? (q.to < options.asOf ? q.to : options.asOf) : (q.to ?? options.asOf);
    const filter = { initiative, includeSubmitted: options.includeSubmitted ?? false, ...(q.area ? { area: q.area } : {}), ...(q.from ? { from: q.from } : {}), ...(to ? { to } : {}) };
    const read = async (id: string): Promise<KeyedValue[]> => (await store.observations({ ...filter, indicator: id })).map(keyed);
    const ind = indicators.get(q.indicator);
    let value: number | null;
    let rows: string[];
    if (ind?.numerator && ind.denominator && (ind.aggregation === 'ratio' || ind.kind === 'ratio')) {
      const num = await read(ind.numerator);
      const den = new Map((await read(ind.denominator)).map((d) => [`${d.area}|${d.period}`, d]));
      const pairs = num.map((n) => ({ n, d: den.get(`${n.area}|${n.period}`) })).filter((p) => p.d !== undefined && p.n.value !== null && p.d.value !== null);
      value = aggregateRatio(pairs.map((p) => ({ numerator: p.n.value, denominator: p.d!.value })));
      rows = pairs.flatMap((p) => [...p.n.rows, ...p.d!.rows]);
    } else if (ind?.expression !== undefined) {
      await loadExpressionEngine();
      const compiled = compileExpression(ind.expression);
      const ids = compiled.ok ? compiled.value.inputs : [];
      const inputs = (await Promise.all(ids.map((id) => read(id)))).flat();
      const derived = deriveValues([ind], inputs);
      for (const issue of derived.issues) issues.push(issue);
      const r = aggregateValues(derived.values.map((d) => ({ value: d.value, periodEnd: d.periodEnd, rowId: d.rows.join('+') })), q.aggregate);
      value = r.value;
      rows = r.rows.flatMap((x) => x.split('+'));
    } else {
      const r = aggregateValues((await read(q.indicator)).map((o) => ({ value: o.value, periodEnd: o.periodEnd, rowId: o.rows[0]! })), q.aggregate);
      value = r.value;
      rows = [...r.rows];
    }
    if (value === null) {
      unresolved.push(outcome.id);
      continue;
    }
    quantities[outcome.id] = {
      value,
      source: {
        kind: 'observations',
        indicator: q.indicator,
        aggregate: ind?.numerator && ind.denominator && (ind.aggregation === 'ratio' || ind.kind === 'ratio') ? 'ratio' : q.aggregate,
        ...(q.area ? { area: q.area } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        rows,
      },
    };
  }
  return { quantities, unresolved, issues };
}
