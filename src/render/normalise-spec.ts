/**
 * A JSON value with numbers rounded to `digits` significant digits and object keys sorted, so that a spec written
 * twice — or on another machine, where the last bits of a float may differ — is byte-for-byte the same.
 * Array order is kept: it carries meaning (sort order, layer order).
 * @example normaliseJson({ b: 0.30000000000000004, a: 1 }) // { a: 1, b: 0.3 }
 */
export function normaliseJson(value: unknown, digits = 10): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Number.isInteger(value)) return value;
    const rounded = Number(value.toPrecision(digits));
    return Object.is(rounded, -0) ? 0 : rounded;
  }
  if (Array.isArray(value)) return value.map((v) => normaliseJson(v, digits));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normaliseJson(v, digits);
    }
    return out;
  }
  return value;
}

/** A spec as normalised, indented JSON text with a trailing newline (the form of golden and `.vl.json` files). */
export function specJson(spec: unknown): string {
  return `${JSON.stringify(normaliseJson(spec), null, 2)}\n`;
}
