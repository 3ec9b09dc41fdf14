/** How numbers are written in a file: decimal comma (Dutch Excel) or decimal point. */
export type DecimalSeparator = ',' | '.';

/** The result of reading one numeric cell: a number, missing (never zero), text, or ambiguous. */
export type ParsedNumber =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'ambiguous' };

/**
 * Cell texts that mean "not measured": an empty cell, `n.v.t.` ("niet van toepassing"), `n.b.`
 * ("niet bekend"), and the CBS `.` (StatLine: "gegevens ontbreken of zijn geheim"). Compared case-insensitively.
 */
export const MISSING_TOKENS: readonly string[] = ['', '.', 'n.v.t.', 'nvt', 'n.v.t', 'n.b.', 'nb', 'na', 'n/a'];

/** True when a cell means "missing" (see MISSING_TOKENS). */
export function isMissing(text: string): boolean {
  return MISSING_TOKENS.includes(text.trim().toLowerCase());
}

// Decimal comma: 1234,5 · 1.234,5 · 1 234,5 (thin or non-breaking space as thousands separator).
const COMMA_PLAIN = /^[+-]?\d+(,\d+)?$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}([. \u00a0\u202f]\d{3})+(,\d+)?$/;
// Decimal point: 1234.5 · 1,234.5 · 1.5e-3.
const POINT_PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const POINT_GROUPED = /^[+-]?\d{1,3}([, \u00a0\u202f]\d{3})+(\.\d+)?$/;

/**
 * Reads a numeric cell written with the given decimal separator. Thousands separators are accepted only in
 * their proper groups of three (`1.234.567,8`); a value that only makes sense with the other decimal
 * separator (`7.5` in a decimal-comma file) is `ambiguous`, not silently read as 75 or 7,5.
 * @example parseNumber('1.234,5', ',') // { kind: 'number', value: 1234.5 }
 */
export function parseNumber(text: string, decimal: DecimalSeparator): ParsedNumber {
  const t = text.trim();
  if (isMissing(t)) return { kind: 'missing' };
  let normal: string | undefined;
  if (decimal === ',') {
    if (COMMA_PLAIN.test(t)) normal = t.replace(',', '.');
    else if (COMMA_GROUPED.test(t)) normal = t.replace(/[. \u00a0\u202f]/g, '').replace(',', '.');
    else if (POINT_PLAIN.test(t)) return { kind: 'ambiguous' };
  } else {
    if (POINT_PLAIN.test(t)) normal = t;
    else if (POINT_GROUPED.test(t)) normal = t.replace(/[, \u00a0\u202f]/g, '');
    else if (COMMA_PLAIN.test(t)) return { kind: 'ambiguous' };
  }
  if (normal === undefined) return { kind: 'invalid' };
  const value = Number(normal);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}
