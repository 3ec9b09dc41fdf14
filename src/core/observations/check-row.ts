import type { ColumnLayout } from './columns.js';
import {
  cellText,
  checkAreaCell,
  checkIndicatorCell,
  checkInitiativeCell,
  checkNCell,
  checkPeriodCell,
  checkSdCell,
  checkValueCell,
} from './check-fields.js';
import { observationIssue, type ObservationIssue } from './issue.js';
import type { Observation } from './observation.js';
import type { ObservationRules } from './rules.js';

/** Observations and issues from one row. */
export interface RowResult {
  readonly observations: Observation[];
  readonly issues: ObservationIssue[];
}

/**
 * Checks one data row against the layout and rules, returning its observations (one in long form, one per
 * indicator column in wide form) and every problem found in it. Duplicate keys span rows and are checked by
 * the caller. `row` is the spreadsheet row number (header = 1).
 * @example checkRow(['bezoekers-65plus', 'WK051836', '2025-Q2', '118'], 3, layout, rules)
 */
export function checkRow(cells: readonly string[], row: number, layout: ColumnLayout, rules: ObservationRules): RowResult {
  const issues: ObservationIssue[] = [];
  const h = layout.header;
  if (cells.length !== h.length) {
    issues.push(observationIssue('data.ragged-row', row, h[Math.min(cells.length, h.length) - 1] ?? null, cells.join('|'), { found: cells.length, expected: h.length }));
    return { observations: [], issues };
  }
  const f = layout.fields;
  const cell = (i: number | undefined): string | null => (i === undefined ? null : cellText(cells[i]));
  const col = (i: number | undefined): string => (i === undefined ? '' : h[i]!);
  const push = (i: ObservationIssue | null): void => {
    if (i) issues.push(i);
  };

  push(checkInitiativeCell(cell(f.initiative), row, col(f.initiative), rules));
  const area = checkAreaCell(cell(f.area), row, col(f.area), rules);
  push(area.issue);
  const period = checkPeriodCell(cell(f.period), row, col(f.period), rules);
  push(period.issue);
  const n = checkNCell(cell(f.n), row, col(f.n), rules);
  push(n.issue);
  const sd = checkSdCell(cell(f.sd), row, col(f.sd), rules);
  push(sd.issue);

  const entries: { indicator: string; unit: string | null; raw: string; column: string }[] = [];
  if (layout.kind === 'long') {
    const ind = checkIndicatorCell(cell(f.indicator), cell(f.unit), row, { indicator: col(f.indicator), unit: col(f.unit), value: col(f.value) }, rules);
    push(ind.issue);
    if (ind.value) entries.push({ ...ind.value, raw: cells[f.value!] ?? '', column: col(f.value) });
  } else
    for (const c of layout.indicators) {
      const ind = checkIndicatorCell(c.indicator, null, row, { indicator: h[c.index]!, unit: '', value: h[c.index]! }, rules);
      push(ind.issue);
      if (ind.value) entries.push({ ...ind.value, raw: cells[c.index] ?? '', column: h[c.index]! });
    }

  const observations: Observation[] = [];
  for (const e of entries) {
    const value = checkValueCell(e.raw, row, e.column, e.indicator, rules.indicators?.get(e.indicator), rules);
    push(value.issue);
    if (issues.length > 0 || value.issue || !period.value || !area.value) continue;
    observations.push({
      initiative: rules.initiative,
      indicator: e.indicator,
      area: area.value,
      period: period.value.period,
      periodStart: period.value.start,
      periodEnd: period.value.end,
      value: value.value,
      unit: e.unit,
      source: cell(f.source),
      n: n.value,
      sd: sd.value,
      note: cell(f.note),
      row,
    });
  }
  return { observations: issues.length > 0 ? [] : observations, issues };
}
