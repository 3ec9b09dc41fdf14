import { discountFactors, discountPeriods } from './discount.js';
import { adjustForOptimismBias } from './optimism-bias.js';
import { dropOffFactor, lastOutcomeYear, outcomeYear, valueInput, type InputValue } from './sroi.js';
import type { ValueMap, ValueMapInput } from './value-map.js';
import type { PmItem, Transfer } from './schema/mkba.js';

/** What an MKBA needs beyond the value map: the reference alternative, transfers, PM items and actors. */
export interface MkbaSetup {
  readonly map: ValueMap;
  readonly referenceDescription: string;
  readonly referenceCosts: readonly ValueMapInput[];
  readonly transfers: readonly Transfer[];
  readonly pmItems: readonly PmItem[];
  /** Stakeholder id → actor in the distribution table. */
  readonly actorOf: Readonly<Record<string, string>>;
  readonly optimismBias: { readonly rate: number; readonly source: string };
}

/** One year of an MKBA effect: (Q_project − Q_reference) · price · (1 − DS) · (1 − AT) · drop-off factor (summed over cohorts). */
export interface EffectYearTrace {
  readonly year: number;
  readonly benefit: number;
  readonly discountFactor: number;
  readonly presentValue: number;
}

/** The valued difference between project and reference alternative for one outcome. */
export interface MkbaEffect {
  readonly outcome: string;
  readonly actor: string;
  /** A negative effect: benefit and present value are negative, a welfare cost to the actor (CPB/PBL 2013). */
  readonly negative: boolean;
  readonly projectQuantity: number;
  readonly referenceQuantity: number;
  /** 'reference' when the model states the reference quantity; 'deadweight' when it is Q · deadweight. */
  readonly referenceBasis: 'reference' | 'deadweight';
  readonly referenceReason: string;
  readonly effect: number;
  readonly price: number;
  readonly benefitYear1: number;
  readonly presentValue: number;
  readonly years: readonly EffectYearTrace[];
}

/** A project cost, before and after optimism bias. */
export interface MkbaCost {
  readonly input: InputValue;
  readonly actor: string;
  readonly presentValue: number;
  readonly optimismBias: number;
  readonly adjustedPresentValue: number;
}

/** One row of "who pays, who benefits" (EffectenArena, BZK 2011). Transfers net to zero over all actors. */
export interface DistributionRow {
  readonly actor: string;
  readonly benefits: number;
  /** Size (≥ 0) of the negative outcomes' effects this actor bears: a welfare cost to them (CPB/PBL 2013). */
  readonly negativeEffects: number;
  readonly avoidedCosts: number;
  readonly costs: number;
  readonly transfersIn: number;
  readonly transfersOut: number;
  readonly net: number;
}

/** MKBA result (CPB/PBL 2013): present values at the stated price level, balance, B/C ratio and distribution. */
export interface MkbaResult {
  readonly referenceAlternative: string;
  readonly presentValueBenefits: number;
  readonly presentValueCosts: number;
  readonly balance: number;
  readonly benefitCostRatio: number | null;
  readonly effects: readonly MkbaEffect[];
  readonly costs: readonly MkbaCost[];
  readonly avoidedCosts: readonly { readonly input: InputValue; readonly actor: string }[];
  readonly transfers: readonly { readonly id: string; readonly from: string; readonly to: string; readonly presentValue: number; readonly description?: string }[];
  readonly distribution: readonly DistributionRow[];
  readonly society: DistributionRow;
  readonly pmItems: readonly PmItem[];
  readonly optimismBias: { readonly rate: number; readonly source: string };
}

/**
 * Computes an MKBA (CPB/PBL "Algemene leidraad voor MKBA" 2013; METHODS §2): only differences between the
 * project and the reference alternative count. Benefit per outcome and year = sign · (Q − Q_ref) · price · (1 − DS) ·
 * (1 − AT) · (1 − DO)^(t − start), where Q_ref is the stated reference quantity or else Q · deadweight, each from the
 * year's profile where the model states one; a negative outcome (sign −1) is a welfare cost in the balance.
 * Costs are the project inputs with optimism bias (HM Treasury Green Book); costs the reference alternative
 * would have made are avoided costs, a benefit to the actor who no longer pays them. Transfers move money between
 * actors and net to zero for society. PM items are carried through untouched.
 */
export function computeMkba(setup: MkbaSetup): MkbaResult {
  const { map } = setup;
  const actor = (stakeholder: string): string => setup.actorOf[stakeholder] ?? stakeholder;
  const lastYear = Math.max(
    map.horizonYears,
    ...map.inputs.flatMap((i) => i.years),
    ...setup.referenceCosts.flatMap((i) => i.years),
    ...setup.transfers.flatMap((t) => t.years),
  );
  const df = discountFactors(map.schedule, lastYear);
  const dfOf = (year: number): number => df[discountPeriods(year, map.discountFirstYear)]!;

  const effects: MkbaEffect[] = map.outcomes.map((o) => {
    const sign = o.sign ?? 1;
    const referenceOf = (q: number, dw: number): number => (o.referenceQuantity ? o.referenceQuantity.quantity : q * dw);
    const referenceQuantity = referenceOf(o.quantity, o.deadweight.value);
    const effect = o.quantity - referenceQuantity;
    const benefitYear1 = sign * effect * o.proxy.value * (1 - o.displacement.value) * (1 - o.attribution.value);
    const years: EffectYearTrace[] = [];
    const last = Math.min(lastOutcomeYear(o), map.horizonYears);
    for (let year = o.start; year <= last; year++) {
      const y = outcomeYear(o, year);
      const yearBenefit = o.profile ? sign * (y.quantity - referenceOf(y.quantity, y.deadweight)) * o.proxy.value * (1 - y.displacement) * (1 - y.attribution) : benefitYear1;
      const benefit = yearBenefit * dropOffFactor(year, o.dropOff.value, o.duration, o.start, o.cohorts, o.dropOff.fromYear).factor;
      const discountFactor = dfOf(year);
      years.push({ year, benefit, discountFactor, presentValue: benefit * discountFactor });
    }
    return {
      outcome: o.id,
      actor: actor(o.stakeholder),
      negative: sign === -1,
      projectQuantity: o.quantity,
      referenceQuantity,
      referenceBasis: o.referenceQuantity ? 'reference' : 'deadweight',
      referenceReason: o.referenceQuantity ? o.referenceQuantity.reason : o.deadweight.reason,
      effect,
      price: o.proxy.value,
      benefitYear1,
      presentValue: years.reduce((s, y) => s + y.presentValue, 0),
      years,
    };
  });

  const ob = setup.optimismBias.rate;
  const costs: MkbaCost[] = map.inputs.map((i) => {
    const input = valueInput(i, map, df);
    return {
      input,
      actor: actor(i.funder),
      presentValue: input.presentValue,
      optimismBias: ob,
      adjustedPresentValue: adjustForOptimismBias(input.presentValue, ob),
    };
  });
  const avoidedCosts = setup.referenceCosts.map((i) => ({ input: valueInput(i, map, df), actor: actor(i.funder) }));
  const transfers = setup.transfers.map((t) => {
    const base = { id: t.id, from: actor(t.from), to: actor(t.to), presentValue: t.years.reduce((s, y) => s + t.amount * dfOf(y), 0) };
    return t.description === undefined ? base : { ...base, description: t.description };
  });

  const rows = new Map<string, { benefits: number; negativeEffects: number; avoidedCosts: number; costs: number; transfersIn: number; transfersOut: number }>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r) {
      r = { benefits: 0, negativeEffects: 0, avoidedCosts: 0, costs: 0, transfersIn: 0, transfersOut: 0 };
      rows.set(name, r);
    }
    return r;
  };
  for (const c of costs) row(c.actor).costs += c.adjustedPresentValue;
  for (const e of effects) {
    if (e.negative) row(e.actor).negativeEffects -= e.presentValue;
    else row(e.actor).benefits += e.presentValue;
  }
  for (const a of avoidedCosts) row(a.actor).avoidedCosts += a.input.presentValue;
  for (const t of transfers) {
    row(t.from).transfersOut += t.presentValue;
    row(t.to).transfersIn += t.presentValue;
  }
  const distribution: DistributionRow[] = [...rows.entries()].map(([name, r]) => ({
    actor: name,
    ...r,
    net: r.benefits - r.negativeEffects + r.avoidedCosts - r.costs + r.transfersIn - r.transfersOut,
  }));
  const sum = (k: keyof Omit<DistributionRow, 'actor'>): number => distribution.reduce((s, r) => s + r[k], 0);
  const society: DistributionRow = {
    actor: 'society',
    benefits: sum('benefits'),
    negativeEffects: sum('negativeEffects'),
    avoidedCosts: sum('avoidedCosts'),
    costs: sum('costs'),
    transfersIn: sum('transfersIn'),
    transfersOut: sum('transfersOut'),
    net: sum('benefits') - sum('negativeEffects') + sum('avoidedCosts') - sum('costs'),
  };

  // Negative effects are a welfare cost inside the benefits' balance (as the SROI counts negative outcomes), so the
  // balance and the B/C ratio use the net benefits.
  const presentValueBenefits = society.benefits - society.negativeEffects + society.avoidedCosts;
  const presentValueCosts = society.costs;
  return {
    referenceAlternative: setup.referenceDescription,
    presentValueBenefits,
    presentValueCosts,
    balance: presentValueBenefits - presentValueCosts,
    benefitCostRatio: presentValueCosts === 0 ? null : presentValueBenefits / presentValueCosts,
    effects,
    costs,
    avoidedCosts,
    transfers,
    distribution,
    society,
    pmItems: setup.pmItems,
    optimismBias: setup.optimismBias,
  };
}
