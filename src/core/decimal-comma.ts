import { modelIssue, type ModelIssue, type PathSegment } from './issues.js';

/** A number written with a decimal comma, as Dutch spreadsheets do ("0,3"): YAML reads it as text. */
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

/** The issue for a value YAML read as text because of its decimal comma ("0,25"), or none. */
export function decimalCommaInText(path: readonly PathSegment[], value: unknown): ModelIssue | undefined {
  if (typeof value !== 'string' || !DECIMAL_COMMA.test(value.trim())) return undefined;
  return modelIssue('model.decimal-comma', path, { value: value.trim(), fixed: value.trim().replace(',', '.') }, value);
}

/**
 * `{ value: 0,3 }` in a flow mapping: YAML reads the comma as the end of `value: 0` and "3" as a new key without a
 * value. The issues for such split-off decimal parts among the unknown `keys` of `obj` (at `path`), one per number.
 */
export function decimalCommaInKeys(obj: unknown, path: readonly PathSegment[], keys: readonly string[]): ModelIssue[] {
  if (typeof obj !== 'object' || obj === null) return [];
  const o = obj as Record<string, unknown>;
  // JavaScript lists integer-like keys first, so the order of the file is lost: take the one whole-number field.
  const wholes = Object.keys(o).filter((k) => !/^\d+$/.test(k) && Number.isInteger(o[k]));
  const before = wholes.length === 1 ? wholes[0] : wholes.includes('value') ? 'value' : undefined;
  if (before === undefined) return [];
  return keys
    .filter((key) => /^\d+$/.test(key) && o[key] === null)
    .map((key) => modelIssue('model.decimal-comma', [...path, before], { value: `${String(o[before])},${key}`, fixed: `${String(o[before])}.${key}` }, `${String(o[before])},${key}`));
}
