import type { z } from 'zod';
import { modelSchema, type Model } from './schema/model.js';
import { modelIssue, type ModelIssue, type PathSegment } from './issues.js';
import { closest } from './closest.js';
import { decimalCommaInKeys, decimalCommaInText } from './decimal-comma.js';
import { indexYearsNeeded } from './price-index.js';
import { uncertaintyIssues } from './uncertainty/check-uncertainty.js';
import { valueMapIssues } from './check-value-map.js';

/** Outcome of validating a model: the model with defaults filled in, or every problem found. */
export type ModelValidation =
  | { readonly ok: true; readonly model: Model; readonly issues: readonly ModelIssue[] }
  | { readonly ok: false; readonly issues: readonly ModelIssue[] };

const formatNames: Record<string, string> = {
  slug: 'a lower-case id such as "buurthuis-de-kroon"',
  date: 'YYYY-MM-DD',
  'gm-code': 'GM#### (CBS gemeente code)',
  'area-code': 'GM####, WK###### or BU######## (CBS area code)',
  year: 'YYYY',
};

function lookup(root: unknown, segments: readonly PathSegment[]): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `text "${v}"`;
  return `${typeof v} ${String(v)}`;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return expected;
  }
}

/** Known keys of the strict object schema at this path, for spelling suggestions. */
function knownKeysAt(raw: unknown, segments: readonly PathSegment[]): string[] {
  let schema: z.ZodType = modelSchema;
  for (const s of segments) {
    const next = childSchema(schema, s, lookup(raw, segments.slice(0, segments.indexOf(s))));
    if (!next) return [];
    schema = next;
  }
  const shape = objectShape(schema, lookup(raw, segments));
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema as z.ZodType & { def?: { type?: string; innerType?: z.ZodType } };
  while (s.def && (s.def.type === 'default' || s.def.type === 'optional' || s.def.type === 'nullable') && s.def.innerType) {
    s = s.def.innerType as typeof s;
  }
  return s;
}

function objectShape(schema: z.ZodType, value: unknown): Record<string, z.ZodType> | undefined {
  const s = unwrap(schema) as z.ZodType & { def: { type: string; shape?: Record<string, z.ZodType>; options?: z.ZodType[] } };
  if (s.def.type === 'object') return s.def.shape;
  if (s.def.type === 'union' && s.def.options) {
    // For a union of objects, pick the option sharing most keys with the value.
    let best: Record<string, z.ZodType> | undefined;
    let bestScore = -1;
    const keys = value && typeof value === 'object' ? Object.keys(value) : [];
    for (const o of s.def.options) {
      const shape = objectShape(o, value);
      if (!shape) continue;
      const score = keys.filter((k) => k in shape).length;
      if (score > bestScore) {
        best = shape;
        bestScore = score;
      }
    }
    return best;
  }
  return undefined;
}

function childSchema(schema: z.ZodType, key: PathSegment, value: unknown): z.ZodType | undefined {
  const s = unwrap(schema) as z.ZodType & { def: { type: string; element?: z.ZodType } };
  if (typeof key === 'number') return s.def.type === 'array' ? s.def.element : undefined;
  return objectShape(s, value)?.[key];
}

function fromZodIssue(raw: unknown, issue: z.core.$ZodIssue): ModelIssue[] {
  const path = issue.path as PathSegment[];
  const value = lookup(raw, path);
  const comma = issue.code === 'invalid_type' || issue.code === 'invalid_union' ? decimalCommaInText(path, value) : undefined;
  if (comma) return [comma];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const commas = decimalCommaInKeys(value, path, issue.keys);
      if (commas.length > 0) return commas;
      // Once per object, not per key: the lookup walks the value's keys, so per key it was quadratic (issue 15).
      const known = knownKeysAt(raw, path);
      return issue.keys.slice(0, MAX_ISSUES + 1).map((key) => {
        const suggestion = closest(key, known);
        return modelIssue(
          'model.unknown-field',
          [...path, key],
          { key, suggestion: suggestion ? ` → "${suggestion}"` : '' },
          lookup(raw, [...path, key]),
        );
      });
    }
    case 'invalid_type': {
      const expected = expectedName(String(issue.expected));
      if (value === undefined) return [modelIssue('model.missing-field', path, { expected })];
      return [modelIssue('model.wrong-type', path, { expected, received: typeName(value) }, value)];
    }
    case 'too_big': {
      const limit = String(issue.maximum);
      const shareHint = issue.maximum === 1 ? ' (a share: 0.25 = 25 %)' : '';
      return [modelIssue('model.too-big', path, { value: String(value), limit, shareHint }, value)];
    }
    case 'too_small': {
      const limit = String(issue.minimum);
      if (typeof value === 'number') return [modelIssue('model.too-small', path, { value: String(value), limit }, value)];
      return [modelIssue('model.too-short', path, { limit }, value)];
    }
    case 'invalid_value':
      return [
        modelIssue(
          'model.invalid-option',
          path,
          { value: String(value), options: issue.values.map((v) => String(v)).join(', ') },
          value,
        ),
      ];
    case 'invalid_format': {
      const format = formatNames[issue.message] ?? formatNames[String(issue.format)] ?? String(issue.format);
      return [modelIssue('model.invalid-format', path, { value: String(value), format }, value)];
    }
    case 'invalid_union': {
      // Report the errors of the alternative that came closest, not the whole union.
      let best: z.core.$ZodIssue[] | undefined;
      for (const branch of issue.errors) {
        const meaningful = branch.filter((e) => !(e.code === 'invalid_type' && e.path.length === 0));
        if (meaningful.length === 0) continue;
        if (!best || meaningful.length < best.length) best = meaningful;
      }
      if (!best) {
        const expected = expectedName(
          issue.errors
            .map((b) => (b[0] && b[0].code === 'invalid_type' ? String(b[0].expected) : ''))
            .filter((s) => s)
            .join(' or '),
        );
        return [modelIssue('model.wrong-type', path, { expected, received: typeName(value) }, value)];
      }
      return best.flatMap((e) => fromZodIssue(raw, { ...e, path: [...path, ...e.path] } as z.core.$ZodIssue));
    }
    default:
      return [modelIssue('model.wrong-type', path, { expected: issue.message, received: typeName(value) }, value)];
  }
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function ids(list: unknown): string[] {
  return arr(list)
    .map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>)['id'] : undefined))
    .filter((x): x is string => typeof x === 'string');
}

/** Every stated price year in the model (proxies, shadow prices, input amounts) with its path. */
function priceLevels(raw: Record<string, unknown>): [PathSegment[], number][] {
  const out: [PathSegment[], number][] = [];
  const year = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  arr(raw['outcomes']).forEach((o, i) => {
    const y = year(((o as Record<string, unknown> | null)?.['proxy'] as Record<string, unknown> | undefined)?.['priceYear']);
    if (y !== undefined) out.push([['outcomes', i, 'proxy'], y]);
  });
  const inputLists: [PathSegment[], unknown][] = [
    [['inputs'], raw['inputs']],
    [['referenceAlternative', 'costs'], (raw['referenceAlternative'] as Record<string, unknown> | undefined)?.['costs']],
  ];
  for (const [prefix, list] of inputLists)
    arr(list).forEach((inp, i) => {
      const o = (inp ?? {}) as Record<string, unknown>;
      const y = year(o['priceYear']);
      if (y !== undefined) out.push([[...prefix, i], y]);
      const sp = year((o['shadowPrice'] as Record<string, unknown> | undefined)?.['priceYear']);
      if (sp !== undefined) out.push([[...prefix, i, 'shadowPrice'], sp]);
    });
  return out;
}

/**
 * Cross-reference checks that a schema cannot express: unknown stakeholders and indicators,
 * duplicate ids, years past the horizon, criteria whose direction contradicts baseline and target.
 * They run on the raw document too, so one run reports every problem.
 */
function crossReferences(raw: Record<string, unknown>): ModelIssue[] {
  const out: ModelIssue[] = [];
  const stakeholders = ids(raw['stakeholders']);
  const indicators = ids(raw['indicators']);
  const horizon = (raw['valuation'] as Record<string, unknown> | undefined)?.['horizonYears'];

  const ref = (
    segments: PathSegment[],
    value: unknown,
    known: string[],
    kind: { nl: string; en: string; list: string },
  ): void => {
    if (typeof value !== 'string' || known.includes(value)) return;
    const s = closest(value, known);
    out.push(
      modelIssue(
        'model.unknown-reference',
        segments,
        { kind: kind.nl, kindEn: kind.en, value, list: kind.list, suggestion: s ? ` ("${s}"?)` : '' },
        value,
      ),
    );
  };
  const stakeholderKind = { nl: 'Belanghebbende', en: 'Stakeholder', list: 'stakeholders' };
  const indicatorKind = { nl: 'Indicator', en: 'Indicator', list: 'indicators' };

  for (const listName of ['stakeholders', 'inputs', 'outcomes', 'pmItems', 'indicators', 'criteria', 'transfers']) {
    const seen = new Set<string>();
    arr(raw[listName]).forEach((item, i) => {
      const id = item && typeof item === 'object' ? (item as Record<string, unknown>)['id'] : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) out.push(modelIssue('model.duplicate-id', [listName, i, 'id'], { value: id }, id));
      seen.add(id);
    });
  }

  const checkYears = (segments: PathSegment[], years: unknown): void => {
    if (typeof horizon !== 'number') return;
    arr(years).forEach((y, j) => {
      if (typeof y === 'number' && y > horizon)
        out.push(modelIssue('model.year-beyond-horizon', [...segments, j], { value: y, limit: horizon }, y));
    });
  };

  arr(raw['inputs']).forEach((input, i) => {
    const o = (input ?? {}) as Record<string, unknown>;
    ref(['inputs', i, 'funder'], o['funder'], stakeholders, stakeholderKind);
    checkYears(['inputs', i, 'years'], o['years']);
    if (o['kind'] === 'volunteer-hours') {
      if (o['hours'] === undefined)
        out.push(modelIssue('model.missing-field', ['inputs', i, 'hours'], { expected: 'hours per year' }));
      if (o['shadowPrice'] === undefined)
        out.push(modelIssue('model.missing-field', ['inputs', i, 'shadowPrice'], { expected: 'value, priceYear, source' }));
    } else if (o['kind'] !== undefined && o['amount'] === undefined) {
      out.push(modelIssue('model.missing-field', ['inputs', i, 'amount'], { expected: 'euro per year' }));
    }
  });
  const refAlt = raw['referenceAlternative'] as Record<string, unknown> | undefined;
  arr(refAlt?.['costs']).forEach((c, i) => {
    const o = (c ?? {}) as Record<string, unknown>;
    ref(['referenceAlternative', 'costs', i, 'funder'], o['funder'], stakeholders, stakeholderKind);
    checkYears(['referenceAlternative', 'costs', i, 'years'], o['years']);
  });
  arr(raw['outcomes']).forEach((outcome, i) => {
    const o = (outcome ?? {}) as Record<string, unknown>;
    ref(['outcomes', i, 'stakeholder'], o['stakeholder'], stakeholders, stakeholderKind);
    ref(['outcomes', i, 'indicator'], o['indicator'], indicators, indicatorKind);
    const q = o['quantity'];
    if (q && typeof q === 'object') ref(['outcomes', i, 'quantity', 'indicator'], (q as Record<string, unknown>)['indicator'], indicators, indicatorKind);
  });
  arr(raw['transfers']).forEach((t, i) => {
    const o = (t ?? {}) as Record<string, unknown>;
    ref(['transfers', i, 'from'], o['from'], stakeholders, stakeholderKind);
    ref(['transfers', i, 'to'], o['to'], stakeholders, stakeholderKind);
    checkYears(['transfers', i, 'years'], o['years']);
  });
  arr(raw['pmItems']).forEach((p, i) => {
    const o = (p ?? {}) as Record<string, unknown>;
    if (o['stakeholder'] !== undefined) ref(['pmItems', i, 'stakeholder'], o['stakeholder'], stakeholders, stakeholderKind);
  });
  arr(raw['indicators']).forEach((ind, i) => {
    const o = (ind ?? {}) as Record<string, unknown>;
    if (o['numerator'] !== undefined) ref(['indicators', i, 'numerator'], o['numerator'], indicators, indicatorKind);
    if (o['denominator'] !== undefined) ref(['indicators', i, 'denominator'], o['denominator'], indicators, indicatorKind);
  });
  arr(raw['criteria']).forEach((c, i) => {
    const o = (c ?? {}) as Record<string, unknown>;
    ref(['criteria', i, 'indicator'], o['indicator'], indicators, indicatorKind);
    const { baseline, target, direction } = o as { baseline?: unknown; target?: unknown; direction?: unknown };
    if (typeof baseline === 'number' && typeof target === 'number') {
      if ((direction === 'increase' || direction === 'decrease') && baseline === target)
        out.push(modelIssue('model.criterion-target-equals-baseline', ['criteria', i, 'target'], { value: target, direction }, target));
      else if ((direction === 'increase' && target < baseline) || (direction === 'decrease' && target > baseline))
        out.push(
          modelIssue('model.criterion-direction-mismatch', ['criteria', i, 'direction'], { direction, baseline, target }, direction),
        );
    }
    if (direction === 'range') {
      const r = o['range'] as { min?: unknown; max?: unknown } | undefined;
      if (!r || typeof r.min !== 'number' || typeof r.max !== 'number' || r.min > r.max)
        out.push(modelIssue('model.range-needs-bounds', ['criteria', i, 'range'], {}, r));
    }
  });
  priceLevels(raw).forEach(([segments, from]) => {
    const valuation = raw['valuation'] as Record<string, unknown> | undefined;
    const to = valuation?.['priceYear'];
    if (typeof to !== 'number' || from === to) return;
    const rates = ((valuation?.['priceIndex'] as Record<string, unknown> | undefined)?.['rates'] ?? {}) as Record<string, unknown>;
    const missing = indexYearsNeeded(from, to).find((y) => typeof rates[String(y)] !== 'number');
    if (missing !== undefined)
      out.push(modelIssue('model.price-index-missing-year', [...segments, 'priceYear'], { value: missing, from, to }, from));
  });
  const outcomeIds = ids(raw['outcomes']);
  arr(raw['comparisons']).forEach((c, i) => {
    const o = (c ?? {}) as Record<string, unknown>;
    ref(['comparisons', i, 'indicator'], o['indicator'], indicators, indicatorKind);
    arr(o['deadweightFor']).forEach((id, j) => ref(['comparisons', i, 'deadweightFor', j], id, outcomeIds, { nl: 'Uitkomst', en: 'Outcome', list: 'outcomes' }));
  });
  const method = (raw['valuation'] as Record<string, unknown> | undefined)?.['method'];
  if ((method === 'mkba' || method === 'both') && raw['referenceAlternative'] === undefined)
    out.push(modelIssue('model.mkba-needs-reference', ['referenceAlternative']));
  out.push(...uncertaintyIssues(raw));
  out.push(...valueMapIssues(raw));
  return out;
}

/**
 * Validates a parsed model document (from YAML or JSON) against the model schema and its cross-references,
 * collecting every problem instead of stopping at the first.
 *
 * @example
 * const v = validateModel(YAML.parse(text));
 * if (!v.ok) for (const i of v.issues) console.error(i.path, i.message.en, i.fix.en);
 */
export function validateModel(raw: unknown): ModelValidation {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [modelIssue('model.not-an-object', [])] };
  }
  const parsed = modelSchema.safeParse(raw);
  const schemaIssues = parsed.success ? [] : parsed.error.issues.flatMap((i) => fromZodIssue(raw, i));
  const issues = [...schemaIssues, ...crossReferences(raw as Record<string, unknown>)];
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.code}|${i.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (parsed.success && unique.length === 0) return { ok: true, model: parsed.data, issues: [] };
  return { ok: false, issues: capIssues(unique, schemaIssueCount(parsed.success ? [] : parsed.error.issues)) };
}

/** Issues a model check lists at most; the rest are counted in one last issue. */
export const MAX_ISSUES = 100;

/** How many issues zod's list stands for (an unrecognized_keys issue is one per key) beyond those turned into issues. */
function schemaIssueCount(issues: readonly z.core.$ZodIssue[]): number {
  return issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? Math.max(0, i.keys.length - (MAX_ISSUES + 1)) : 0), 0);
}

/**
 * The first {@link MAX_ISSUES} issues, then one saying how many more there are (`more` counts issues that were not
 * even built). A person fixes a model a few problems at a time; a list of thousands helps nobody and costs time.
 * @example capIssues(issues, 0).length <= MAX_ISSUES + 1
 */
export function capIssues(issues: readonly ModelIssue[], more = 0): ModelIssue[] {
  const rest = issues.length - MAX_ISSUES + more;
  if (rest <= 0) return [...issues];
  return [...issues.slice(0, MAX_ISSUES), modelIssue('model.too-many-issues', [], { count: rest, limit: MAX_ISSUES })];
}
