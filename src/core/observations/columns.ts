import type { ObservationIssue } from './issue.js';
import { observationIssue } from './issue.js';
import type { ObservationRules } from './rules.js';

/** The fields of a long-form observation file. */
export const observationFields = ['initiative', 'indicator', 'area', 'period', 'value', 'unit', 'source', 'n', 'sd', 'note'] as const;
export type ObservationField = (typeof observationFields)[number];

/** Header names accepted for each field, Dutch and English, compared case-insensitively. */
export const columnAliases: Readonly<Record<ObservationField, readonly string[]>> = {
  initiative: ['initiative', 'initiatief'],
  indicator: ['indicator', 'indicatornaam', 'variabele'],
  area: ['area', 'gebied', 'gebiedscode', 'wijk', 'buurt', 'gwb_code'],
  period: ['period', 'periode', 'jaar', 'year', 'kwartaal', 'maand', 'datum', 'date'],
  value: ['value', 'waarde'],
  unit: ['unit', 'eenheid'],
  source: ['source', 'bron'],
  n: ['n', 'respondenten'],
  sd: ['sd', 'standaardafwijking'],
  note: ['note', 'opmerking', 'toelichting'],
};

/**
 * Where each field sits in a file. Long form has an indicator and a value column; wide form (as Excel exports
 * it) has area and period columns and one column per indicator.
 */
export type ColumnLayout =
  | { readonly kind: 'long'; readonly header: readonly string[]; readonly fields: Readonly<Partial<Record<ObservationField, number>>> }
  | {
      readonly kind: 'wide';
      readonly header: readonly string[];
      readonly fields: Readonly<Partial<Record<ObservationField, number>>>;
      readonly indicators: readonly { readonly index: number; readonly indicator: string }[];
    };

const WIDE_FIELDS: readonly ObservationField[] = ['initiative', 'area', 'period', 'source', 'note'];

/**
 * Maps a header row to a layout: long when it has indicator and value columns, wide otherwise (every column that
 * is not area, period, source, note or initiative must be an indicator id). Header problems are file-level
 * issues on row 1.
 * @example detectLayout(['indicator', 'gebied', 'periode', 'waarde'], rules).layout?.kind // 'long'
 */
export function detectLayout(header: readonly string[], rules: ObservationRules): { layout: ColumnLayout | null; issues: ObservationIssue[] } {
  const issues: ObservationIssue[] = [];
  const names = header.map((h) => h.trim());
  if (names.length <= 1) return { layout: null, issues: [observationIssue('data.single-column', 1, names[0] ?? null, names[0] ?? null)] };
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const key = n.toLowerCase();
    if (seen.has(key)) issues.push(observationIssue('data.duplicate-column', 1, n, n));
    else seen.set(key, i);
  });
  const fields: Partial<Record<ObservationField, number>> = {};
  const rest: number[] = [];
  names.forEach((n, i) => {
    const key = n.toLowerCase();
    const field = observationFields.find((f) => columnAliases[f].includes(key));
    if (field && fields[field] === undefined) fields[field] = i;
    else if (!field) rest.push(i);
  });
  const long = fields.indicator !== undefined || fields.value !== undefined;
  const required: readonly ObservationField[] = long ? ['indicator', 'area', 'period', 'value'] : ['area', 'period'];
  for (const r of required)
    if (fields[r] === undefined) issues.push(observationIssue('data.missing-column', 1, r, null, { column: r, expected: columnAliases[r].join(', ') }));
  if (long) {
    for (const i of rest)
      issues.push(observationIssue('data.unknown-column', 1, names[i]!, names[i]!, { expected: observationFields.join(', ') }));
    return { layout: issues.length > 0 ? null : { kind: 'long', header: names, fields }, issues };
  }
  // Wide: unit, n and sd only make sense per indicator, so in wide form they are unknown columns too.
  for (const f of observationFields)
    if (fields[f] !== undefined && !WIDE_FIELDS.includes(f)) rest.push(fields[f]!);
  rest.sort((a, b) => a - b);
  const indicators: { index: number; indicator: string }[] = [];
  for (const i of rest) {
    const id = names[i]!;
    const known = rules.indicators ? rules.indicators.has(id) : /^[a-z0-9][a-z0-9-]{0,62}$/.test(id);
    if (!known)
      issues.push(
        observationIssue('data.unknown-indicator', 1, id, id, { expected: rules.indicators ? [...rules.indicators.keys()].join(', ') : 'a-z0-9-', suggestion: '' }),
      );
    else indicators.push({ index: i, indicator: id });
  }
  if (issues.length === 0 && indicators.length === 0)
    issues.push(observationIssue('data.missing-column', 1, 'indicator', null, { column: 'indicator', expected: columnAliases.indicator.join(', ') }));
  return { layout: issues.length > 0 ? null : { kind: 'wide', header: names, fields, indicators }, issues };
}
