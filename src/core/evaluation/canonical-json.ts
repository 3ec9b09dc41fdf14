/** A JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/**
 * Canonical JSON text of a value: object keys sorted by UTF-16 code units, no whitespace, keys whose value is
 * `undefined` left out, arrays in their order, numbers as `JSON.stringify` writes them (−0 as 0), in the spirit of
 * RFC 8785 (JSON Canonicalization Scheme). The same data gives the same bytes whatever the key order.
 * @throws TypeError on a non-finite number, which JSON cannot carry.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold ${value}`);
    return JSON.stringify(value === 0 ? 0 : value);
  }
  if (typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(canonicalJson).join(',')}]`;
  const obj = value as { readonly [key: string]: JsonValue | undefined };
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k] as JsonValue)}`).join(',')}}`;
}
