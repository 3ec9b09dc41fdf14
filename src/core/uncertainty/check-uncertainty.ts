import { discountPresets } from '../discount.js';
import { closest } from '../closest.js';
import { modelIssue, type ModelIssue, type PathSegment } from '../issues.js';
import { distributionFields, distributionTypes, outcomeParameterNames, uncertainParameterNames } from '../schema/uncertainty.js';
import { isShareParameter } from './parameter-target.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const OUTCOME_PARAMETERS: readonly string[] = outcomeParameterNames;

function domainOf(parameter: string): { min: number; max: number; text: string } {
  if (isShareParameter(parameter)) return { min: 0, max: 1, text: '0 – 1' };
  if (parameter === 'duration') return { min: 1, max: Number.POSITIVE_INFINITY, text: '≥ 1' };
  if (parameter === 'discountRate') return { min: -0.5, max: 1, text: '−0.5 – 1' };
  return { min: 0, max: Number.POSITIVE_INFINITY, text: '≥ 0' };
}

/** The value the model states for a parameter (in the model file's units), when it is a plain number. */
function baseValue(raw: Obj, p: Obj): number | undefined {
  const parameter = p['parameter'];
  if (parameter === 'discountRate') {
    const d = obj(obj(raw['valuation'])['discount']);
    if (typeof d['preset'] === 'string') return discountPresets[d['preset'] as keyof typeof discountPresets]?.steps[0]?.rate;
    if (num(d['rate']) !== undefined) return num(d['rate']);
    return num(obj(list(d['schedule'])[0])['rate']);
  }
  if (parameter === 'amount') {
    const input = obj(list(raw['inputs']).find((i) => obj(i)['id'] === p['input']));
    if (input['kind'] === 'volunteer-hours') {
      const h = num(input['hours']);
      const sp = num(obj(input['shadowPrice'])['value']);
      return h === undefined || sp === undefined ? undefined : h * sp;
    }
    return num(input['amount']);
  }
  const o = obj(list(raw['outcomes']).find((x) => obj(x)['id'] === p['outcome']));
  if (parameter === 'quantity' || parameter === 'duration') return num(o[parameter]);
  // A negative outcome's proxy is varied by its size: ranges are stated as positive amounts.
  if (parameter === 'proxy') {
    const v = num(obj(o['proxy'])['value']);
    return v === undefined ? undefined : Math.abs(v);
  }
  return typeof parameter === 'string' ? num(obj(o[parameter])['value']) : undefined;
}

/** Values inside a distribution that must lie in the parameter's domain (the normal's tails are clamped instead). */
function distributionValues(d: Obj): [string, number][] {
  const keys = d['type'] === 'normal' ? ['mean'] : ['min', 'mode', 'max', 'median', 'p95', 'value'];
  return keys.flatMap((k) => (num(d[k]) === undefined ? [] : [[k, num(d[k])!] as [string, number]]));
}

function distributionProblem(d: Obj): { nl: string; en: string } | undefined {
  const [min, mode, max, median, p95] = [num(d['min']), num(d['mode']), num(d['max']), num(d['median']), num(d['p95'])];
  if (d['type'] === 'uniform' && min !== undefined && max !== undefined && !(min < max)) return { nl: 'min moet kleiner zijn dan max', en: 'min must be smaller than max' };
  if ((d['type'] === 'triangular' || d['type'] === 'pert') && min !== undefined && mode !== undefined && max !== undefined && !(min <= mode && mode <= max && min < max))
    return { nl: 'nodig is min ≤ mode ≤ max en min < max', en: 'it needs min ≤ mode ≤ max and min < max' };
  if (d['type'] === 'lognormal' && median !== undefined && p95 !== undefined && !(p95 > median)) return { nl: 'p95 moet groter zijn dan de mediaan', en: 'p95 must be larger than the median' };
  return undefined;
}

/**
 * Checks of a model's `uncertainty` block that its schema cannot express (METHODS §4): each parameter names the
 * right kind of target and an existing outcome or input, is declared once, has a range or a distribution,
 * low ≤ high with the model's own value in between, a consistent distribution, and values a share, quantity,
 * duration or rate can take; scenario values likewise. Works on the raw document, so every problem is reported
 * in one run. Returns no issues when there is no `uncertainty` block.
 * @example uncertaintyIssues(YAML.parse(text)).map((i) => i.path) // ['uncertainty.parameters[0].high']
 */
export function uncertaintyIssues(raw: Record<string, unknown>): ModelIssue[] {
  const u = raw['uncertainty'];
  if (u === undefined) return [];
  const out: ModelIssue[] = [];
  const outcomes = list(raw['outcomes']).map((o) => obj(o)['id']).filter((x): x is string => typeof x === 'string');
  const inputs = list(raw['inputs']).map((o) => obj(o)['id']).filter((x): x is string => typeof x === 'string');

  /** Checks the target of a parameter or scenario value; returns its key when it is sound. */
  const checkTarget = (path: PathSegment[], p: Obj): string | undefined => {
    const parameter = p['parameter'];
    // An unknown parameter name is reported by the schema, with the valid names.
    if (typeof parameter !== 'string' || !(uncertainParameterNames as readonly string[]).includes(parameter)) return undefined;
    const isOutcome = OUTCOME_PARAMETERS.includes(parameter);
    const wrong = (expectedNl: string, expectedEn: string, at: string): undefined => {
      out.push(modelIssue('uncertainty.target-mismatch', [...path, at], { parameter, expectedNl, expectedEn }, p[at]));
      return undefined;
    };
    const ref = (at: 'outcome' | 'input', known: string[], kind: { nl: string; en: string; list: string }): boolean => {
      const v = p[at];
      if (typeof v !== 'string' || known.includes(v)) return true;
      const s = closest(v, known);
      out.push(modelIssue('model.unknown-reference', [...path, at], { kind: kind.nl, kindEn: kind.en, value: v, list: kind.list, suggestion: s ? ` ("${s}"?)` : '' }, v));
      return false;
    };
    if (isOutcome) {
      if (p['outcome'] === undefined) return wrong('een uitkomst (outcome)', 'an outcome (outcome)', 'outcome');
      if (p['input'] !== undefined) return wrong('een uitkomst (outcome), niet een input', 'an outcome (outcome), not an input', 'input');
      return ref('outcome', outcomes, { nl: 'Uitkomst', en: 'Outcome', list: 'outcomes' }) ? `${String(p['outcome'])}.${parameter}` : undefined;
    }
    if (parameter === 'amount') {
      if (p['input'] === undefined) return wrong('een input (input)', 'an input (input)', 'input');
      if (p['outcome'] !== undefined) return wrong('een input (input), niet een uitkomst', 'an input (input), not an outcome', 'outcome');
      return ref('input', inputs, { nl: 'Input', en: 'Input', list: 'inputs' }) ? `${String(p['input'])}.amount` : undefined;
    }
    if (p['outcome'] !== undefined) return wrong('het hele model, zonder outcome', 'the whole model, without outcome', 'outcome');
    if (p['input'] !== undefined) return wrong('het hele model, zonder input', 'the whole model, without input', 'input');
    return 'discountRate';
  };
  const checkDomain = (path: PathSegment[], parameter: string, value: number): void => {
    const d = domainOf(parameter);
    if (value < d.min || value > d.max) out.push(modelIssue('uncertainty.outside-domain', path, { value, parameter, domain: d.text }, value));
  };

  const seen = new Set<string>();
  list(obj(u)['parameters']).forEach((item, i) => {
    const path: PathSegment[] = ['uncertainty', 'parameters', i];
    const p = obj(item);
    const parameter = p['parameter'];
    const key = checkTarget(path, p);
    if (key !== undefined) {
      if (seen.has(key)) out.push(modelIssue('uncertainty.duplicate-parameter', [...path, 'parameter'], { key }, parameter));
      seen.add(key);
    }
    const [low, high] = [num(p['low']), num(p['high'])];
    const dist = p['distribution'] === undefined ? undefined : obj(p['distribution']);
    if (low === undefined && high === undefined && dist === undefined)
      out.push(modelIssue('uncertainty.nothing-declared', path, { key: key ?? String(parameter) }));
    if (typeof parameter !== 'string') return;
    if (low !== undefined) checkDomain([...path, 'low'], parameter, low);
    if (high !== undefined) checkDomain([...path, 'high'], parameter, high);
    if (low !== undefined && high !== undefined && low > high) out.push(modelIssue('uncertainty.range-order', [...path, 'high'], { low, high }, high));
    else if (low !== undefined && high !== undefined && key !== undefined) {
      const base = baseValue(raw, p);
      if (base !== undefined && (base < low || base > high)) out.push(modelIssue('uncertainty.base-outside-range', path, { base, low, high }, base));
    }
    if (dist) {
      const type = dist['type'];
      if (typeof type === 'string' && (distributionTypes as readonly string[]).includes(type)) {
        const fields: readonly string[] = distributionFields[type as keyof typeof distributionFields];
        for (const f of fields)
          if (dist[f] === undefined) out.push(modelIssue('model.missing-field', [...path, 'distribution', f], { expected: `a number; ${type} takes ${fields.join(', ')}` }));
        for (const f of Object.keys(dist))
          if (f !== 'type' && !fields.includes(f) && Object.values(distributionFields).some((fs) => (fs as readonly string[]).includes(f)))
            out.push(modelIssue('model.unknown-field', [...path, 'distribution', f], { key: f, suggestion: ` (${type}: ${fields.join(', ')})` }, dist[f]));
      }
      for (const [k, v] of distributionValues(dist)) checkDomain([...path, 'distribution', k], parameter, v);
      const problem = distributionProblem(dist);
      if (problem) out.push(modelIssue('uncertainty.distribution-order', [...path, 'distribution'], { type: String(dist['type']), detail: problem.nl, detailEn: problem.en }, dist));
    }
  });

  const scenarioIds = new Set<string>();
  list(obj(u)['scenarios']).forEach((item, s) => {
    const sc = obj(item);
    if (typeof sc['id'] === 'string') {
      if (scenarioIds.has(sc['id'])) out.push(modelIssue('model.duplicate-id', ['uncertainty', 'scenarios', s, 'id'], { value: sc['id'] }, sc['id']));
      scenarioIds.add(sc['id']);
    }
    list(sc['values']).forEach((v, k) => {
      const path: PathSegment[] = ['uncertainty', 'scenarios', s, 'values', k];
      const p = obj(v);
      checkTarget(path, p);
      const value = num(p['value']);
      if (typeof p['parameter'] === 'string' && value !== undefined) checkDomain([...path, 'value'], p['parameter'], value);
    });
  });
  return out;
}
