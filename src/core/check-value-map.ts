import { closest } from './closest.js';
import { modelIssue, type ModelIssue } from './issues.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** ISO 4217 codes this runtime knows (Intl.supportedValuesOf, ECMA-402). */
function knownCurrencies(): readonly string[] {
  return Intl.supportedValuesOf('currency');
}

/**
 * Checks of a model's value map that its schema cannot express: a negative outcome written both ways (sign: negative
 * and a negative proxy) or contradicting itself (sign: positive with a negative proxy); yearly profiles whose length
 * does not match (an outcome's profile has one value per year it lasts, `duration`; an input's one per entry of
 * `years`); a profile combined with cohorts; uncertainty declared about a number a profile fixes; and a currency
 * that is no ISO 4217 code. Works on the raw document, so every problem is reported in one run.
 * @example valueMapIssues({ valuation: { currency: 'EUX' } })[0].code // 'model.unknown-currency'
 */
export function valueMapIssues(raw: Obj): ModelIssue[] {
  const out: ModelIssue[] = [];
  const profiled = new Map<string, Set<string>>();
  list(raw['outcomes']).forEach((item, i) => {
    const o = obj(item);
    const id = typeof o['id'] === 'string' ? o['id'] : `#${i + 1}`;
    const proxy = obj(o['proxy'])['value'];
    if (typeof proxy === 'number' && proxy < 0 && (o['sign'] === 'negative' || o['sign'] === 'positive'))
      out.push(modelIssue('model.outcome-sign-conflict', ['outcomes', i, 'sign'], { outcome: id, sign: o['sign'], value: proxy, abs: -proxy }, o['sign']));
    const duration = o['duration'];
    const names = new Set<string>();
    const check = (segments: (string | number)[], values: unknown, what: string): void => {
      if (!Array.isArray(values)) return;
      names.add(segments[2] as string);
      if (typeof duration === 'number' && values.length !== duration)
        out.push(
          modelIssue(
            'model.profile-length',
            segments,
            { what, value: values.length, expected: duration, basis: `duration: ${duration} jaar`, basisEn: `duration: ${duration} years` },
            values.length,
          ),
        );
    };
    check(['outcomes', i, 'quantity'], o['quantity'], `outcomes[${i}].quantity ("${id}")`);
    for (const share of ['deadweight', 'displacement', 'attribution'])
      check(['outcomes', i, share, 'value'], obj(o[share])['value'], `outcomes[${i}].${share} ("${id}")`);
    if (names.size > 0) {
      profiled.set(id, names);
      const cohorts = o['cohorts'];
      if (typeof cohorts === 'number' && cohorts > 1) out.push(modelIssue('model.profile-with-cohorts', ['outcomes', i, 'cohorts'], { outcome: id, value: cohorts }, cohorts));
    }
  });
  const profiledInputs = new Set<string>();
  list(raw['inputs']).forEach((item, i) => {
    const o = obj(item);
    const years = o['years'];
    for (const field of ['amount', 'hours']) {
      const values = o[field];
      if (!Array.isArray(values)) continue;
      if (typeof o['id'] === 'string') profiledInputs.add(o['id']);
      if (Array.isArray(years) && values.length !== years.length)
        out.push(
          modelIssue(
            'model.profile-length',
            ['inputs', i, field],
            { what: `inputs[${i}].${field}`, value: values.length, expected: years.length, basis: `één per jaar in years`, basisEn: 'one per entry of years' },
            values.length,
          ),
        );
    }
  });
  const declared = [
    ...list(obj(raw['uncertainty'])['parameters']).map((item, i) => ({ item, path: ['uncertainty', 'parameters', i, 'parameter'] })),
    ...list(obj(raw['uncertainty'])['scenarios']).flatMap((sc, s) =>
      list(obj(sc)['values']).map((item, k) => ({ item, path: ['uncertainty', 'scenarios', s, 'values', k, 'parameter'] })),
    ),
  ];
  declared.forEach(({ item, path }) => {
    const p = obj(item);
    const parameter = p['parameter'];
    if (typeof parameter !== 'string') return;
    const outcome = typeof p['outcome'] === 'string' ? profiled.get(p['outcome']) : undefined;
    const fixed =
      outcome !== undefined &&
      (outcome.has(parameter) || parameter === 'duration' || ((parameter === 'quantity' || parameter === 'deadweight') && (outcome.has('quantity') || outcome.has('deadweight'))));
    if (fixed || (parameter === 'amount' && typeof p['input'] === 'string' && profiledInputs.has(p['input'])))
      out.push(modelIssue('model.uncertainty-on-profile', path, { parameter, target: String(p['outcome'] ?? p['input']) }, parameter));
  });
  const currency = obj(raw['valuation'])['currency'];
  if (typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) && !knownCurrencies().includes(currency)) {
    const s = closest(currency, knownCurrencies());
    out.push(modelIssue('model.unknown-currency', ['valuation', 'currency'], { value: currency, suggestion: s ? ` ("${s}"?)` : '' }, currency));
  }
  return out;
}
