import type { Indicator } from '../schema/indicator.js';
import { compileExpression } from './expression.js';
import { observationIssue, type ObservationIssue } from './issue.js';

/** A value of one indicator in one area and period, with the row ids behind it. */
export interface KeyedValue {
  readonly indicator: string;
  readonly area: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number | null;
  readonly rows: readonly string[];
}

/**
 * Computes derived indicators (those with an `expression`) per area and period from the values of their inputs,
 * in the locked-down evaluator. A derived value is null when an input is missing there. Expressions that are
 * refused come back as issues (row 0: they are in the model, not in a data row).
 * @example deriveValues([{ id: 'aandeel', expression: 'a / b', ... }], values)
 */
export function deriveValues(indicators: readonly Indicator[], values: readonly KeyedValue[]): { values: KeyedValue[]; issues: ObservationIssue[] } {
  const issues: ObservationIssue[] = [];
  const byKey = new Map<string, Map<string, KeyedValue>>();
  for (const v of values) {
    const key = `${v.area}\u0000${v.period}`;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = new Map()));
    m.set(v.indicator, v);
  }
  const out: KeyedValue[] = [];
  for (const ind of indicators) {
    if (ind.expression === undefined) continue;
    const compiled = compileExpression(ind.expression);
    if (!compiled.ok) {
      issues.push(observationIssue('data.expression-invalid', 0, null, ind.expression, { indicator: ind.id, detail: compiled.detail }));
      continue;
    }
    const keys = [...byKey.keys()].sort();
    for (const key of keys) {
      const m = byKey.get(key)!;
      if (!compiled.value.inputs.some((i) => m.has(i))) continue;
      const scope: Record<string, number | null> = {};
      const rows: string[] = [];
      for (const i of compiled.value.inputs) {
        const kv = m.get(i);
        scope[i] = kv?.value ?? null;
        if (kv) rows.push(...kv.rows);
      }
      const [area, period] = key.split('\u0000') as [string, string];
      const any = compiled.value.inputs.map((i) => m.get(i)).find((x) => x !== undefined)!;
      out.push({ indicator: ind.id, area, period, periodEnd: any.periodEnd, value: compiled.value.evaluate(scope), rows });
    }
  }
  return { values: out, issues };
}
