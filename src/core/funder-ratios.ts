import type { InputValue } from './sroi.js';

/** Present value of one funder's inputs, split by kind, with the value created per unit of it. */
export interface FunderValue {
  /** Stakeholder id of the funder. */
  readonly funder: string;
  readonly presentValueInputs: number;
  readonly byKind: { readonly money: number; readonly inKind: number; readonly volunteerTime: number };
  /** This funder's share of all inputs' present value. */
  readonly share: number;
  /**
   * Total present value of all outcomes per unit of this funder's inputs (PV / PV inputs of this funder): what the
   * whole initiative returns per euro of this funder's money — not the part of the value due to this funder
   * (attribution). null when this funder's inputs are worth 0.
   */
  readonly valuePerUnit: number | null;
}

/** Others' inputs (present value, by kind) per unit of the municipality's own inputs: the leverage ("hefboom"). */
export interface LeverageRow {
  readonly funder: string;
  readonly money: number;
  readonly inKind: number;
  readonly volunteerTime: number;
  readonly total: number;
  /** total / the municipality's inputs; null when the municipality put in nothing. */
  readonly perUnit: number | null;
}

/** The leverage of the municipality's money: per other funder and in total (BZK 2011 "Werken aan maatschappelijk rendement": hefboom). */
export interface Leverage {
  /** Stakeholder ids counted as the municipality (actor `municipality`, or a government coalition partner). */
  readonly municipality: readonly string[];
  readonly municipalityPresentValue: number;
  readonly others: readonly LeverageRow[];
  readonly total: LeverageRow & { readonly perUnitByKind: { readonly money: number; readonly inKind: number; readonly volunteerTime: number } | null };
}

const kindKey = { money: 'money', 'in-kind': 'inKind', 'volunteer-hours': 'volunteerTime' } as const;

function byFunderKind(inputs: readonly InputValue[]): Map<string, { money: number; inKind: number; volunteerTime: number }> {
  const out = new Map<string, { money: number; inKind: number; volunteerTime: number }>();
  for (const i of inputs) {
    let row = out.get(i.funder);
    if (!row) out.set(i.funder, (row = { money: 0, inKind: 0, volunteerTime: 0 }));
    row[kindKey[i.kind]] += i.presentValue;
  }
  return out;
}

/**
 * Per funder: the present value of its inputs (money, in kind, volunteer time valued at a shadow price; SROI Guide
 * 2012, stage 2), its share of all inputs and the total value per unit of its inputs (PV benefits / its PV inputs),
 * in order of first appearance among the inputs.
 * @example funderValues(sroi.inputs, sroi.presentValueBenefits)[0].valuePerUnit // e.g. 5.6 (value per euro of this funder)
 */
export function funderValues(inputs: readonly InputValue[], presentValueBenefits: number): FunderValue[] {
  const total = inputs.reduce((s, i) => s + i.presentValue, 0);
  return [...byFunderKind(inputs)].map(([funder, k]) => {
    const pv = k.money + k.inKind + k.volunteerTime;
    return { funder, presentValueInputs: pv, byKind: k, share: total === 0 ? 0 : pv / total, valuePerUnit: pv === 0 ? null : presentValueBenefits / pv };
  });
}

/**
 * The leverage ("hefboom") of the municipality's inputs: the present value of every other funder's inputs — money,
 * in kind and volunteer time — per unit of the municipality's own inputs' present value (BZK 2011, "Werken aan
 * maatschappelijk rendement"; volunteer time at its shadow price, SROI Guide 2012). null when no funder is the
 * municipality.
 * @example leverageOf(sroi.inputs, ['gemeente'])?.total.perUnit // 0.8: others add € 0.80 per euro of the municipality
 */
export function leverageOf(inputs: readonly InputValue[], municipality: readonly string[]): Leverage | null {
  if (municipality.length === 0) return null;
  const kinds = byFunderKind(inputs);
  let own = 0;
  for (const id of municipality) {
    const k = kinds.get(id);
    if (k) own += k.money + k.inKind + k.volunteerTime;
  }
  const per = (x: number): number | null => (own === 0 ? null : x / own);
  const others: LeverageRow[] = [...kinds]
    .filter(([funder]) => !municipality.includes(funder))
    .map(([funder, k]) => {
      const total = k.money + k.inKind + k.volunteerTime;
      return { funder, ...k, total, perUnit: per(total) };
    });
  const sum = (key: 'money' | 'inKind' | 'volunteerTime'): number => others.reduce((s, r) => s + r[key], 0);
  const money = sum('money');
  const inKind = sum('inKind');
  const volunteerTime = sum('volunteerTime');
  const total = money + inKind + volunteerTime;
  return {
    municipality,
    municipalityPresentValue: own,
    others,
    total: {
      funder: 'others',
      money,
      inKind,
      volunteerTime,
      total,
      perUnit: per(total),
      perUnitByKind: own === 0 ? null : { money: money / own, inKind: inKind / own, volunteerTime: volunteerTime / own },
    },
  };
}
