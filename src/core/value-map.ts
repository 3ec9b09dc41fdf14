import type { DiscountSchedule } from './discount.js';
import type { Indexed } from './price-index.js';
import type { InputKind } from './schema/input.js';
import type { Distribution } from './schema/uncertainty.js';

/** A share with its reason, as stated in the model (deadweight, displacement, attribution, drop-off). */
export interface ReasonedShare {
  readonly value: number;
  readonly reason: string;
  /** When the value was derived rather than stated (deadweight from a comparison area): how, in NL and EN. */
  readonly derivation?: { readonly nl: string; readonly en: string };
  /** A derived value's own range and distribution (from the comparison's DiD interval), for the uncertainty analyses. */
  readonly uncertainty?: { readonly low: number; readonly high: number; readonly distribution: Distribution; readonly level: number };
}

/** Where a quantity came from: a number in the model, or an aggregate of observation rows. */
export type QuantitySource =
  | { readonly kind: 'model' }
  | {
      readonly kind: 'observations';
      readonly indicator: string;
      readonly aggregate: string;
      readonly area?: string;
      readonly from?: string;
      readonly to?: string;
      /** Identifiers of the observation rows behind the number (e.g. `upload-id:row`). */
      readonly rows: readonly string[];
    };

/** A financial proxy at the valuation price level, with its original statement and the indexation applied. */
export interface ResolvedProxy {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly originalValue: number;
  readonly priceYear: number;
  readonly indexation: Indexed;
}

/**
 * Per-year values of an outcome that differ by year (a yearly profile), index k = valuation year start + k. The
 * outcome's scalar `quantity` and share `value`s then hold the first year's value, for display.
 */
export interface OutcomeProfile {
  readonly quantity?: readonly number[];
  readonly deadweight?: readonly number[];
  readonly displacement?: readonly number[];
  readonly attribution?: readonly number[];
}

/**
 * An outcome ready for valuation: every quantity a plain number, every price at one price level. A negative outcome
 * has `sign` −1 and a positive proxy: its value enters the present value as a cost to its stakeholder (SROI Guide
 * 2012, stage 5; CPB/PBL 2013: a negative effect is a welfare cost in the balance).
 */
export interface ValueMapOutcome {
  readonly id: string;
  readonly stakeholder: string;
  readonly description: string;
  readonly quantity: number;
  readonly quantitySource: QuantitySource;
  readonly proxy: ResolvedProxy;
  readonly deadweight: ReasonedShare;
  readonly displacement: ReasonedShare;
  readonly attribution: ReasonedShare;
  readonly dropOff: ReasonedShare & { readonly fromYear?: number };
  readonly duration: number;
  readonly start: number;
  /** 1 for a positive outcome, −1 for a negative one (the proxy is then the size of the cost per unit). */
  readonly sign?: 1 | -1;
  /** Values per year, when the model states a yearly profile. */
  readonly profile?: OutcomeProfile;
  /** Consecutive yearly cohorts, each of `quantity` units (1 = a single cohort). */
  readonly cohorts: number;
  /** Quantity in the reference alternative (MKBA), when stated. */
  readonly referenceQuantity?: { readonly quantity: number; readonly reason: string };
}

/** A cost ready for valuation: an amount per year at the valuation price level, in the listed valuation years. */
export interface ValueMapInput {
  readonly id: string;
  readonly funder: string;
  readonly kind: InputKind;
  readonly description?: string;
  readonly years: readonly number[];
  readonly amountPerYear: number;
  /** The amount of each entry of `years` when it differs per year (a yearly profile); `amountPerYear` is then the first. */
  readonly amounts?: readonly number[];
  /** How the amount was computed: a stated amount, or hours × shadow price; with indexation. */
  readonly computation:
    | { readonly kind: 'amount'; readonly amount: number; readonly indexation: Indexed; readonly amounts?: readonly number[] }
    | { readonly kind: 'hours'; readonly hours: number; readonly hoursPerYear?: readonly number[]; readonly shadowPrice: number; readonly source: string; readonly indexation: Indexed };
}

/** Everything the SROI arithmetic needs, as plain data. */
export interface ValueMap {
  readonly outcomes: readonly ValueMapOutcome[];
  readonly inputs: readonly ValueMapInput[];
  readonly schedule: DiscountSchedule;
  readonly horizonYears: number;
  readonly discountFirstYear: boolean;
  readonly baseYear: number;
  readonly priceYear: number;
  /** ISO 4217 code of every amount (labelled, never converted); EUR when absent. */
  readonly currency?: string;
}
