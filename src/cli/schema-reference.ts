type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
};

function typeOf(s: Schema): string {
  if (s.enum) return s.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(' or ');
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'values'}`;
  if (s.type === 'object' && !s.properties && s.additionalProperties && typeof s.additionalProperties === 'object')
    return `map of ${typeOf(s.additionalProperties)}`;
  if (s.type === 'integer') return 'whole number';
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}

function limits(s: Schema): string {
  const out: string[] = [];
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (s.pattern) out.push(`pattern \`${s.pattern}\``);
  if (s.default !== undefined) out.push(`default \`${JSON.stringify(s.default)}\``);
  return out.join(', ');
}

function objectsIn(s: Schema): Schema[] {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.flatMap(objectsIn);
  if (s.type === 'array' && s.items) return objectsIn(s.items);
  if (s.properties) return [s];
  return [];
}

function section(path: string, s: Schema, out: string[]): void {
  const rows = Object.entries(s.properties ?? {}).filter(([k]) => k !== '$schema');
  out.push(`### \`${path}\``, '', '| field | type | required | limits | description |', '|---|---|---|---|---|');
  for (const [key, p] of rows) {
    const req = s.required?.includes(key) ? 'yes' : '';
    const cell = (text: string): string => text.replace(/\|/g, '\\|');
    out.push(`| \`${key}\` | ${typeOf(p)} | ${req} | ${cell(limits(p))} | ${cell(p.description ?? '')} |`);
  }
  out.push('');
  for (const [key, p] of rows) {
    const children = objectsIn(p);
    children.forEach((child, i) => section(`${path === '(model)' ? '' : `${path}.`}${key}${p.type === 'array' ? '[]' : ''}${children.length > 1 ? ` (form ${i + 1})` : ''}`, child, out));
  }
}

/** The model-file reference as Markdown, generated from the JSON Schema so it cannot drift from the validator. */
export function schemaReference(schema: Record<string, unknown>): string {
  const out = [
    '# Model-file reference',
    '',
    'Generated from the zod schemas by `rendement schema --markdown` — do not edit by hand.',
    'Shares (deadweight, displacement, attribution, drop-off) are numbers from 0 to 1; years in `years` are valuation years (0 = base year).',
    '',
  ];
  section('(model)', schema as Schema, out);
  return `${out.join('\n').trimEnd()}\n`;
}
