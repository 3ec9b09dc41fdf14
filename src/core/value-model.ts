import { resolveDiscount } from './discount.js';
import { combinedOptimismBias, mitigatedOptimismBias } from './optimism-bias.js';
import { indexPrice } from './price-index.js';
import { computeSroi, type SroiResult } from './sroi.js';
import { computeMkba, type MkbaResult, type MkbaSetup } from './mkba.js';
import { InvalidInputError } from './errors.js';
import { funderValues, leverageOf, type FunderValue, type Leverage } from './funder-ratios.js';
import type { Model } from './schema/model.js';
import type { Input } from './schema/input.js';
import type { OutcomeProfile, QuantitySource, ValueMap, ValueMapInput, ValueMapOutcome } from './value-map.js';
import type { LocalisedText } from './messages.js';
import type { DerivedDeadweightValue } from './evaluation/derive-deadweights.js';

/** A quantity resolved from monitoring data by the data layer, with the rows behind it. */
export interface ResolvedQuantity {
  readonly value: number;
  readonly source: QuantitySource;
}

/** Options for valuing a model. */
export interface ValueModelOptions {
  /** Quantities of outcomes whose model quantity refers to monitoring data, by outcome id. */
  readonly quantities?: Readonly<Record<string, ResolvedQuantity>>;
  /**
   * Deadweights derived from comparison areas (METHODS §5: the comparison area's change is the share that would
   * have happened anyway), by outcome id ({@link deriveDeadweights}); they replace the model's stated deadweight,
   * with the derivation traced and their own range carried into the uncertainty analyses.
   */
  readonly deadweights?: Readonly<Record<string, DerivedDeadweightValue>>;
}

/** A warning that comes with a result (a default used, an outcome cut off by the horizon). */
export interface ValuationWarning {
  readonly code: string;
  readonly path: string;
  readonly message: LocalisedText;
}

/** The valuation of one initiative: SROI always, MKBA when the model asks for it. */
export interface Valuation {
  readonly initiative: { readonly id: string; readonly name: string; readonly municipality: string; readonly illustrative: boolean };
  readonly valuation: SroiResult & {
    readonly method: Model['valuation']['method'];
    readonly priceYear: number;
    readonly baseYear: number;
    /** ISO 4217 code of every amount (labelled, never converted). */
    readonly currency: string;
    /** Per funder: inputs' present value by kind and the total value per unit of that funder's inputs. */
    readonly byFunder: readonly FunderValue[];
    /** Others' inputs per unit of the municipality's (hefboom); null when no stakeholder is the municipality. */
    readonly leverage: Leverage | null;
  };
  readonly mkba?: MkbaResult;
  readonly warnings: readonly ValuationWarning[];
}

const firstOf = (v: number | readonly number[]): number => (typeof v === 'number' ? v : v[0]!);
const listOf = (v: number | readonly number[]): readonly number[] | undefined => (typeof v === 'number' ? undefined : v);

function resolveInput(input: Input, model: Model): ValueMapInput {
  const priceYear = model.valuation.priceYear;
  const index = model.valuation.priceIndex;
  const base = { id: input.id, funder: input.funder, kind: input.kind, years: input.years };
  const withDescription = <T extends object>(o: T): T => (input.description === undefined ? o : { ...o, description: input.description });
  if (input.kind === 'volunteer-hours') {
    const sp = input.shadowPrice!;
    const indexation = indexPrice(sp.value, sp.priceYear, priceYear, index);
    const hours = firstOf(input.hours!);
    const hoursPerYear = listOf(input.hours!);
    return withDescription({
      ...base,
      amountPerYear: hours * indexation.value,
      ...(hoursPerYear ? { amounts: hoursPerYear.map((h) => h * indexation.value) } : {}),
      computation: { kind: 'hours', hours, ...(hoursPerYear ? { hoursPerYear } : {}), shadowPrice: indexation.value, source: sp.source, indexation },
    });
  }
  const amount = firstOf(input.amount!);
  const stated = listOf(input.amount!);
  const indexation = indexPrice(amount, input.priceYear ?? priceYear, priceYear, index);
  return withDescription({
    ...base,
    amountPerYear: indexation.value,
    ...(stated ? { amounts: stated.map((a) => a * indexation.factor) } : {}),
    computation: { kind: 'amount', amount, ...(stated ? { amounts: stated } : {}), indexation },
  });
}

function derivedDeadweight(
  stated: { value: number; reason: string },
  derived: DerivedDeadweightValue | undefined,
): ValueMapOutcome['deadweight'] {
  if (!derived) return { value: stated.value, reason: stated.reason };
  const share = { value: derived.value, reason: `${derived.derivation.en} (stated in the model: ${stated.value}, ${stated.reason})`, derivation: derived.derivation };
  return derived.uncertainty ? { ...share, uncertainty: derived.uncertainty } : share;
}

/**
 * Turns a validated model into a value map: quantities resolved, proxies and costs indexed to the valuation
 * price level (METHODS §2, price years).
 * @throws InvalidInputError when an outcome's quantity refers to monitoring data that was not supplied.
 */
export function toValueMap(model: Model, options: ValueModelOptions = {}): ValueMap {
  const v = model.valuation;
  const outcomes: ValueMapOutcome[] = model.outcomes.map((o) => {
    let quantity: number;
    let quantitySource: QuantitySource;
    const profile: { -readonly [K in keyof OutcomeProfile]: OutcomeProfile[K] } = {};
    if (typeof o.quantity === 'number') {
      quantity = o.quantity;
      quantitySource = { kind: 'model' };
    } else if (Array.isArray(o.quantity)) {
      quantity = o.quantity[0]!;
      quantitySource = { kind: 'model' };
      profile.quantity = o.quantity;
    } else {
      const resolved = options.quantities?.[o.id];
      if (!resolved)
        throw new InvalidInputError('valuation.quantity-unresolved', {
          nl: `Uitkomst "${o.id}" haalt haar aantal uit monitoringdata (indicator "${o.quantity.indicator}"), maar die data is niet geladen. Laad eerst data met "rendement ingest" en waardeer met de opslag erbij.`,
          en: `Outcome "${o.id}" takes its quantity from monitoring data (indicator "${o.quantity.indicator}"), but that data was not loaded. Ingest data with "rendement ingest" first and value with the store.`,
        });
      quantity = resolved.value;
      quantitySource = resolved.source;
    }
    // Canonical form of a negative outcome: sign −1 and a positive proxy, whether the model wrote `sign: negative`
    // or a negative proxy value (validation rejects the two together).
    const sign: 1 | -1 = o.sign === 'negative' || o.proxy.value < 0 ? -1 : 1;
    const indexation = indexPrice(Math.abs(o.proxy.value), o.proxy.priceYear, v.priceYear, v.priceIndex);
    const share = (name: 'deadweight' | 'displacement' | 'attribution') => {
      const stated = o[name];
      if (typeof stated.value === 'number') return { value: stated.value, reason: stated.reason };
      profile[name] = stated.value;
      return { value: stated.value[0]!, reason: stated.reason };
    };
    const deadweight = share('deadweight');
    const base: ValueMapOutcome = {
      id: o.id,
      stakeholder: o.stakeholder,
      description: o.description,
      quantity,
      quantitySource,
      proxy: {
        value: indexation.value,
        unit: o.proxy.unit,
        source: o.proxy.source,
        originalValue: o.proxy.value,
        priceYear: o.proxy.priceYear,
        indexation,
      },
      deadweight: profile.deadweight ? deadweight : derivedDeadweight(deadweight, options.deadweights?.[o.id]),
      displacement: share('displacement'),
      attribution: share('attribution'),
      dropOff: o.dropOff.fromYear === undefined ? { value: o.dropOff.value, reason: o.dropOff.reason } : { value: o.dropOff.value, reason: o.dropOff.reason, fromYear: o.dropOff.fromYear },
      duration: o.duration,
      start: o.start,
      cohorts: o.cohorts,
      ...(sign === -1 ? { sign } : {}),
      ...(Object.keys(profile).length > 0 ? { profile } : {}),
    };
    return o.reference ? { ...base, referenceQuantity: o.reference } : base;
  });
  return {
    outcomes,
    inputs: model.inputs.map((i) => resolveInput(i, model)),
    schedule: resolveDiscount(v.discount),
    horizonYears: v.horizonYears,
    discountFirstYear: v.discountFirstYear,
    baseYear: v.baseYear ?? v.priceYear,
    priceYear: v.priceYear,
    currency: v.currency,
  };
}

/**
 * The stakeholders that are the municipality, for the leverage: those whose MKBA actor is `municipality`, or else
 * those whose id is a coalition partner of type government.
 */
export function municipalityFunders(model: Model): string[] {
  const byActor = model.stakeholders.filter((s) => s.actor?.toLowerCase() === 'municipality').map((s) => s.id);
  if (byActor.length > 0) return byActor;
  const government = new Set(model.coalition.partners.filter((p) => p.type === 'government').map((p) => p.id));
  return model.stakeholders.filter((s) => government.has(s.id)).map((s) => s.id);
}

/** The optimism bias rate of a model: a flat rate, or share-weighted components, after mitigation. */
export function modelOptimismBias(model: Model): { rate: number; source: string } {
  const ob = model.valuation.optimismBias;
  if (!ob) return { rate: 0, source: 'none' };
  const upper = ob.components ? combinedOptimismBias(ob.components) : (ob.rate ?? 0);
  const rate = ob.mitigation === undefined ? upper : mitigatedOptimismBias(upper, ob.mitigation);
  return { rate, source: ob.source };
}

function warningsFor(model: Model, map: ValueMap, sroi: SroiResult): ValuationWarning[] {
  const out: ValuationWarning[] = [];
  sroi.outcomes.forEach((o, i) => {
    if (o.trace.yearsBeyondHorizon > 0)
      out.push({
        code: 'valuation.outcome-beyond-horizon',
        path: `outcomes[${i}].duration`,
        message: {
          nl: `Uitkomst "${o.id}" loopt ${o.trace.yearsBeyondHorizon} jaar door na de looptijd; die jaren tellen niet mee.`,
          en: `Outcome "${o.id}" lasts ${o.trace.yearsBeyondHorizon} years past the horizon; those years are not counted.`,
        },
      });
  });
  if (map.schedule.maxYears !== undefined && map.horizonYears > map.schedule.maxYears)
    out.push({
      code: 'valuation.rate-beyond-max-horizon',
      path: 'valuation.discount',
      message: {
        nl: `De discontovoet ${map.schedule.preset} geldt niet voor meer dan ${map.schedule.maxYears} jaar.`,
        en: `Discount preset ${map.schedule.preset} does not apply beyond ${map.schedule.maxYears} years.`,
      },
    });
  if (model.illustrative)
    out.push({
      code: 'valuation.illustrative',
      path: 'illustrative',
      message: { nl: 'De getallen in dit model zijn illustratief.', en: 'The numbers in this model are illustrative.' },
    });
  return out;
}

/**
 * What the MKBA of a model needs besides its value map (reference alternative, its costs at the valuation price
 * level, transfers, PM items, actors, optimism bias), or null when the model asks for no MKBA (method `sroi`, or no
 * reference alternative). The one place valuation and uncertainty get it from.
 * @example const setup = mkbaSetupOf(model, toValueMap(model)); setup && computeMkba(setup).balance
 */
export function mkbaSetupOf(model: Model, map: ValueMap): MkbaSetup | null {
  if (model.valuation.method === 'sroi' || !model.referenceAlternative) return null;
  const actorOf: Record<string, string> = {};
  for (const s of model.stakeholders) actorOf[s.id] = s.actor ?? s.id;
  return {
    map,
    referenceDescription: model.referenceAlternative.description,
    referenceCosts: model.referenceAlternative.costs.map((c) => resolveInput(c, model)),
    transfers: model.transfers,
    pmItems: model.pmItems,
    actorOf,
    optimismBias: modelOptimismBias(model),
  };
}

/**
 * Values an initiative model: SROI (METHODS §1) always, MKBA (METHODS §2) when `valuation.method` is
 * `mkba` or `both`. Pure: the model is not changed; every number carries its trace.
 * @throws InvalidInputError when a monitoring-data quantity is missing from `options.quantities`.
 * @example const { valuation } = valueModel(model); valuation.sroiRatio
 */
export function valueModel(model: Model, options: ValueModelOptions = {}): Valuation {
  const map = toValueMap(model, options);
  const sroi = computeSroi(map);
  const valuation = {
    method: model.valuation.method,
    priceYear: map.priceYear,
    baseYear: map.baseYear,
    currency: model.valuation.currency,
    ...sroi,
    byFunder: funderValues(sroi.inputs, sroi.presentValueBenefits),
    leverage: leverageOf(sroi.inputs, municipalityFunders(model)),
  };
  const initiative = { id: model.id, name: model.name, municipality: model.municipality, illustrative: model.illustrative };
  const warnings = warningsFor(model, map, sroi);
  const setup = mkbaSetupOf(model, map);
  if (!setup) return { initiative, valuation, warnings };
  const mkba = computeMkba(setup);
  return { initiative, valuation, mkba, warnings };
}
