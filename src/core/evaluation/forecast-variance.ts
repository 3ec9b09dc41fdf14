import type { LocalisedText } from '../messages.js';
import { computeSroi } from '../sroi.js';
import type { ValueMap, ValueMapOutcome } from '../value-map.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { forecastHash, type ForecastLock } from './forecast-lock.js';

/** The four effects, in the order they are substituted. */
export const varianceEffects = ['quantity', 'proxy', 'deflators', 'timing'] as const;
export type VarianceEffect = (typeof varianceEffects)[number];

/** Effects of one outcome or of the total, each in euro of present value; they add up to realised − forecast. */
export type VarianceEffects = Readonly<Record<VarianceEffect, number>>;

/** The factors of one outcome's value, as locked or as realised (null for an outcome absent on that side). */
export interface OutcomeFactors {
  readonly quantity: number;
  /** Proxy at the valuation price level. */
  readonly proxy: number;
  /** (1 − deadweight) · (1 − displacement) · (1 − attribution) of the first year. */
  readonly deflatorFactor: number;
  readonly start: number;
  readonly duration: number;
  readonly dropOff: number;
  readonly cohorts: number;
}

/** Forecast against realised present value of one outcome, with the difference split into four effects. */
export interface OutcomeVariance {
  readonly id: string;
  readonly stakeholder: string;
  readonly description: string;
  /** `both`: in the forecast and now; `added`: only now; `removed`: only in the forecast. */
  readonly status: 'both' | 'added' | 'removed';
  readonly forecast: number;
  readonly realised: number;
  readonly difference: number;
  readonly effects: VarianceEffects;
  readonly forecastFactors: OutcomeFactors | null;
  readonly realisedFactors: OutcomeFactors | null;
}

/**
 * A rule (price, discounting, price level, horizon, a stated share, a timing assumption) that differs from the lock;
 * or the lock itself no longer matching its hash (`altered-lock`), or this version's arithmetic giving the locked value
 * map another present value than was recorded (`method`).
 */
export interface RuleChange {
  readonly kind: 'proxy' | 'stated-share' | 'timing' | 'discount' | 'price-year' | 'horizon' | 'altered-lock' | 'method';
  /** The outcome, for outcome rules. */
  readonly outcome?: string;
  readonly forecast: string;
  readonly realised: string;
  readonly message: LocalisedText;
}

/** Plan versus realised of one initiative (issue 13 point 5). */
export interface PlanVersusRealised {
  /** Date and sha256 of the forecast compared against (the first one locked by the as-of date). */
  readonly lockedAt: string;
  readonly sha256: string;
  readonly criteriaSha256: string;
  /** The substitution order of the effects. */
  readonly order: readonly VarianceEffect[];
  readonly outcomes: readonly OutcomeVariance[];
  /** Present value of benefits: forecast, realised, difference and the four effects summed over outcomes. */
  readonly totals: { readonly forecast: number; readonly realised: number; readonly difference: number; readonly effects: VarianceEffects };
  /** Present value of the inputs and the NPV, as locked and now (not decomposed). */
  readonly inputs: { readonly forecast: number; readonly realised: number; readonly difference: number };
  readonly npv: { readonly forecast: number; readonly realised: number; readonly difference: number };
  readonly sroiRatio: { readonly forecast: number | null; readonly realised: number | null };
  /** Rules that changed after the lock: the effects they cause are changes of rules, not of results. */
  readonly ruleChanges: readonly RuleChange[];
}

type Settings = Pick<ValueMap, 'schedule' | 'horizonYears' | 'discountFirstYear' | 'baseYear' | 'priceYear'>;
type Loose = Record<string, unknown>;

// Fields of a value-map outcome in each group. A yearly profile (`profile.quantity`, `profile.deadweight`, …) moves
// with its group; `sign` (a negative outcome) with the quantity.
const groupFields: Readonly<Record<VarianceEffect, readonly string[]>> = {
  quantity: ['quantity', 'quantitySource', 'sign'],
  proxy: ['proxy'],
  deflators: ['deadweight', 'displacement', 'attribution'],
  timing: ['start', 'duration', 'dropOff', 'cohorts'],
};
const profileFields: Readonly<Record<VarianceEffect, readonly string[]>> = {
  quantity: ['quantity'],
  proxy: [],
  deflators: ['deadweight', 'displacement', 'attribution'],
  timing: [],
};

/** `base` with the fields of `group` taken from `from` (a field absent in `from` is absent in the result). */
function substitute(base: ValueMapOutcome, from: ValueMapOutcome, group: VarianceEffect): ValueMapOutcome {
  const out: Loose = { ...(base as unknown as Loose) };
  const src = from as unknown as Loose;
  for (const f of groupFields[group]) {
    if (f in src) out[f] = src[f];
    else delete out[f];
  }
  if (profileFields[group].length) {
    const profile: Loose = { ...((out['profile'] as Loose | undefined) ?? {}) };
    const fromProfile = (src['profile'] as Loose | undefined) ?? {};
    for (const f of profileFields[group]) {
      if (f in fromProfile) profile[f] = fromProfile[f];
      else delete profile[f];
    }
    if (Object.keys(profile).length) out['profile'] = profile;
    else delete out['profile'];
  }
  return out as unknown as ValueMapOutcome;
}

function presentValue(o: ValueMapOutcome, settings: Settings): number {
  return computeSroi({ ...settings, outcomes: [o], inputs: [] }).presentValueBenefits;
}

const settingsOf = (m: ValueMap): Settings => ({ schedule: m.schedule, horizonYears: m.horizonYears, discountFirstYear: m.discountFirstYear, baseYear: m.baseYear, priceYear: m.priceYear });

const factorsOf = (o: ValueMapOutcome): OutcomeFactors => ({
  quantity: o.quantity,
  proxy: o.proxy.value,
  deflatorFactor: (1 - o.deadweight.value) * (1 - o.displacement.value) * (1 - o.attribution.value),
  start: o.start,
  duration: o.duration,
  dropOff: o.dropOff.value,
  cohorts: o.cohorts,
});

const zeroEffects = (): Record<VarianceEffect, number> => ({ quantity: 0, proxy: 0, deflators: 0, timing: 0 });

/**
 * Decomposes one outcome's realised − forecast present value by sequential substitution: starting from the forecast,
 * the quantity, then the proxy, then the deflators (deadweight, displacement, attribution), then the timing (start,
 * duration, drop-off, cohorts, with the discount schedule, horizon and first-year convention) are replaced by their
 * realised values; each effect is the change in present value at its step, so the four add up to the whole
 * difference by construction (a telescoping sum). Quantity first, valued at the agreed rules, as the sales-volume
 * variance is valued at budgeted prices and the price variance at actual quantities (Horngren, Datar & Rajan, Cost
 * Accounting, ch. 7, flexible-budget variances); the result depends on the order, which is why it is fixed and
 * stated (Ang 2004, "Decomposition analysis for policymaking in energy", Energy Policy 32: 1131–1139, on sequential
 * Laspeyres-type decompositions). An outcome added since the lock is all quantity effect (from 0 units), one removed
 * likewise (to 0 units).
 */
function outcomeVariance(forecast: ValueMapOutcome | undefined, realised: ValueMapOutcome | undefined, f: Settings, r: Settings): OutcomeVariance {
  const effects = zeroEffects();
  const any = (realised ?? forecast)!;
  const head = { id: any.id, stakeholder: any.stakeholder, description: any.description };
  if (!forecast || !realised) {
    const pv = forecast ? presentValue(forecast, f) : presentValue(realised!, r);
    effects.quantity = forecast ? -pv : pv;
    return {
      ...head,
      status: forecast ? 'removed' : 'added',
      forecast: forecast ? pv : 0,
      realised: forecast ? 0 : pv,
      difference: effects.quantity,
      effects,
      forecastFactors: forecast ? factorsOf(forecast) : null,
      realisedFactors: realised ? factorsOf(realised) : null,
    };
  }
  const steps: number[] = [presentValue(forecast, f)];
  let hybrid = forecast;
  for (const group of varianceEffects) {
    hybrid = substitute(hybrid, realised, group);
    steps.push(group === 'timing' ? presentValue(realised, r) : presentValue(hybrid, f));
  }
  varianceEffects.forEach((g, i) => (effects[g] = steps[i + 1]! - steps[i]!));
  return {
    ...head,
    status: 'both',
    forecast: steps[0]!,
    realised: steps[4]!,
    difference: steps[4]! - steps[0]!,
    effects,
    forecastFactors: factorsOf(forecast),
    realisedFactors: factorsOf(realised),
  };
}

const text = (v: unknown): string => canonicalJson(v as JsonValue);
const pct = (v: number): string => `${Math.round(v * 10000) / 100} %`;

function ruleChanges(lock: ForecastLock, now: ValueMap, recomputed: number): RuleChange[] {
  const lockMap = lock.map;
  const out: RuleChange[] = [];
  const rule = (kind: RuleChange['kind'], forecast: string, realised: string, message: LocalisedText, outcome?: string): void => {
    out.push({ kind, ...(outcome === undefined ? {} : { outcome }), forecast, realised, message });
  };
  const stored = forecastHash(lockMap);
  if (stored !== lock.sha256)
    rule('altered-lock', lock.sha256, stored, {
      nl: `De vastgelegde prognose komt niet meer overeen met haar sha256 (${lock.sha256.slice(0, 12)}… vastgelegd, nu ${stored.slice(0, 12)}…): ze is na het vastleggen in de opslag gewijzigd. Vergelijk met een eerdere kopie van de opslag.`,
      en: `The locked forecast no longer matches its sha256 (${lock.sha256.slice(0, 12)}… locked, now ${stored.slice(0, 12)}…): it was altered in the store after the lock. Compare with an earlier copy of the store.`,
    });
  if (Math.abs(recomputed - lock.presentValueBenefits) > 1e-9 * Math.max(1, Math.abs(lock.presentValueBenefits)))
    rule('method', String(lock.presentValueBenefits), String(recomputed), {
      nl: `Deze versie van rendement rekent de vastgelegde prognose uit op ${Math.round(recomputed)} in plaats van de vastgelegde ${Math.round(lock.presentValueBenefits)}: de rekenwijze is gewijzigd. De effecten gaan uit van de nieuwe uitkomst.`,
      en: `This version of rendement computes the locked forecast at ${Math.round(recomputed)} instead of the recorded ${Math.round(lock.presentValueBenefits)}: the arithmetic changed. The effects start from the new figure.`,
    });
  const rates = (m: ValueMap): string => `${m.schedule.preset ?? 'custom'}: ${m.schedule.steps.map((s) => `${pct(s.rate)} from year ${s.fromYear}`).join(', ')}${m.discountFirstYear ? '' : ' (year 1 undiscounted)'}`;
  if (text(lockMap.schedule) !== text(now.schedule) || lockMap.discountFirstYear !== now.discountFirstYear)
    rule('discount', rates(lockMap), rates(now), {
      nl: `De discontering is na het vastleggen gewijzigd (${rates(lockMap)} → ${rates(now)}): het timing-effect is een verandering van de regels, geen resultaat.`,
      en: `The discounting changed after the lock (${rates(lockMap)} → ${rates(now)}): the timing effect is a change of rules, not a result.`,
    });
  if (lockMap.priceYear !== now.priceYear)
    rule('price-year', String(lockMap.priceYear), String(now.priceYear), {
      nl: `Het prijspeil is na het vastleggen gewijzigd (${lockMap.priceYear} → ${now.priceYear}): het proxy-effect is een verandering van de regels, geen resultaat.`,
      en: `The price level changed after the lock (${lockMap.priceYear} → ${now.priceYear}): the proxy effect is a change of rules, not a result.`,
    });
  if (lockMap.horizonYears !== now.horizonYears)
    rule('horizon', String(lockMap.horizonYears), String(now.horizonYears), {
      nl: `De waarderingshorizon is na het vastleggen gewijzigd (${lockMap.horizonYears} → ${now.horizonYears} jaar): het timing-effect is een verandering van de regels, geen resultaat.`,
      en: `The valuation horizon changed after the lock (${lockMap.horizonYears} → ${now.horizonYears} years): the timing effect is a change of rules, not a result.`,
    });
  const current = new Map(now.outcomes.map((o) => [o.id, o]));
  for (const f of lockMap.outcomes) {
    const r = current.get(f.id);
    if (!r) continue;
    // The source is named only when it changed, so the sentence stays readable.
    const sameSource = f.proxy.source === r.proxy.source;
    const proxyText = (o: ValueMapOutcome): string => `${o.proxy.originalValue} ${o.proxy.unit} (${o.proxy.priceYear}${sameSource ? '' : `; ${o.proxy.source}`})`;
    const proxyOf = (o: ValueMapOutcome): string => text({ originalValue: o.proxy.originalValue, priceYear: o.proxy.priceYear, unit: o.proxy.unit, source: o.proxy.source, value: o.proxy.value });
    if (proxyOf(f) !== proxyOf(r))
      rule('proxy', proxyText(f), proxyText(r), {
        nl: `De financiële proxy van "${f.id}" is na het vastleggen gewijzigd (${proxyText(f)} → ${proxyText(r)}): het proxy-effect is een verandering van de regels, geen resultaat.`,
        en: `The financial proxy of "${f.id}" changed after the lock (${proxyText(f)} → ${proxyText(r)}): the proxy effect is a change of rules, not a result.`,
      }, f.id);
    for (const name of ['deadweight', 'displacement', 'attribution'] as const) {
      // A deadweight measured in comparison areas is a result; a stated share that was edited is a rule. A yearly
      // profile of the share counts as part of it.
      const shareOf = (o: ValueMapOutcome): string => text([o[name].value, ((o as unknown as Loose)['profile'] as Loose | undefined)?.[name] ?? null]);
      if (shareOf(f) === shareOf(r) || r[name].derivation) continue;
      const names = { deadweight: 'deadweight', displacement: 'verdringing', attribution: 'attributie' } as const;
      rule('stated-share', pct(f[name].value), pct(r[name].value), {
        nl: `De ${names[name]} van "${f.id}" is na het vastleggen anders gesteld (${pct(f[name].value)} → ${pct(r[name].value)}): dat deel van het deflator-effect is een verandering van de regels.`,
        en: `The ${name} of "${f.id}" was restated after the lock (${pct(f[name].value)} → ${pct(r[name].value)}): that part of the deflator effect is a change of rules.`,
      }, f.id);
    }
    const timing = (o: ValueMapOutcome): string => {
      const from = (o.dropOff as { fromYear?: number }).fromYear;
      return `start ${o.start}, ${o.duration} y, drop-off ${pct(o.dropOff.value)}${from === undefined ? '' : ` from year ${from}`}, ${o.cohorts} cohort(s)`;
    };
    if (timing(f) !== timing(r))
      rule('timing', timing(f), timing(r), {
        nl: `De aannames over de timing van "${f.id}" zijn na het vastleggen gewijzigd (${timing(f)} → ${timing(r)}): het timing-effect is een verandering van de regels.`,
        en: `The timing assumptions of "${f.id}" changed after the lock (${timing(f)} → ${timing(r)}): the timing effect is a change of rules.`,
      }, f.id);
  }
  return out;
}

/**
 * Compares the forecast locked with the criteria against the valuation now: per outcome the forecast and realised
 * present value of benefits and the difference split into quantity, proxy, deflator and timing effects that add up
 * to it (sequential substitution, see {@link outcomeVariance}); the totals over outcomes; inputs, NPV and ratio as
 * locked and now; and every rule that changed after the lock ("evaluation against what was promised up front
 * without changing the rules midway", issue 13). Outcomes in the order of the forecast, then those added since.
 * @example planVersusRealised(lock, toValueMap(model, valueOptions)).totals.effects.quantity
 */
export function planVersusRealised(lock: ForecastLock, realisedMap: ValueMap): PlanVersusRealised {
  const f = settingsOf(lock.map);
  const r = settingsOf(realisedMap);
  const realisedById = new Map(realisedMap.outcomes.map((o) => [o.id, o]));
  const lockedIds = new Set(lock.map.outcomes.map((o) => o.id));
  const outcomes = [
    ...lock.map.outcomes.map((o) => outcomeVariance(o, realisedById.get(o.id), f, r)),
    ...realisedMap.outcomes.filter((o) => !lockedIds.has(o.id)).map((o) => outcomeVariance(undefined, o, f, r)),
  ];
  const effects = zeroEffects();
  for (const o of outcomes) for (const g of varianceEffects) effects[g] += o.effects[g];
  const forecast = outcomes.reduce((s, o) => s + o.forecast, 0);
  const realised = outcomes.reduce((s, o) => s + o.realised, 0);
  const now = computeSroi(realisedMap);
  return {
    lockedAt: lock.lockedAt,
    sha256: lock.sha256,
    criteriaSha256: lock.criteriaSha256,
    order: varianceEffects,
    outcomes,
    totals: { forecast, realised, difference: realised - forecast, effects },
    inputs: { forecast: lock.presentValueInputs, realised: now.presentValueInputs, difference: now.presentValueInputs - lock.presentValueInputs },
    npv: { forecast: lock.npv, realised: now.npv, difference: now.npv - lock.npv },
    sroiRatio: { forecast: lock.sroiRatio, realised: now.sroiRatio },
    ruleChanges: ruleChanges(lock, realisedMap, forecast),
  };
}
