import type { SroiResult } from '../sroi.js';
import type { ValueMap } from '../value-map.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import type { HashFunction } from './criteria-lock.js';
import { sha256Hex } from './sha256.js';

/**
 * The forecast valuation as agreed when the criteria were locked: the value map itself (per outcome the quantity per
 * year, the proxy at the valuation price level with its price year, deadweight, displacement, attribution, drop-off,
 * start, duration and cohorts; the discount schedule, horizon and first-year convention; the inputs) and the present
 * values it gave. A later evaluation compares against it ({@link planVersusRealised}).
 */
export interface ForecastLock {
  /** Format version of this record. */
  readonly version: 1;
  /** ISO date of the lock, supplied by the caller (the core has no clock). */
  readonly lockedAt: string;
  /** sha256 of the criteria locked with it ({@link CriteriaLock.sha256}). */
  readonly criteriaSha256: string;
  /** sha256 of the canonical JSON of `map` ({@link forecastHash}). */
  readonly sha256: string;
  /** The value map as agreed. */
  readonly map: ValueMap;
  /** Present value per outcome, in the order of `map.outcomes`. */
  readonly outcomes: readonly { readonly id: string; readonly presentValue: number }[];
  readonly presentValueBenefits: number;
  readonly presentValueInputs: number;
  readonly npv: number;
  readonly sroiRatio: number | null;
}

/**
 * The sha256 of a value map's canonical JSON (sorted keys, no whitespace; see {@link canonicalJson}): the identity
 * of a forecast. The present values are left out: they follow from the map.
 * @example forecastHash(toValueMap(model)) // '9b2e…' (64 hex digits)
 */
export function forecastHash(map: ValueMap, hash: HashFunction = sha256Hex): string {
  return hash(canonicalJson(map as unknown as JsonValue));
}

/**
 * The forecast lock record of a value map and its SROI: a canonical copy of the map (absent optional fields left
 * out, so it survives a JSON round trip unchanged), its hash, the present value per outcome and the totals.
 * @example lockForecast(map, computeSroi(map), '2024-01-15', lockCriteria(model.criteria, '2024-01-15').sha256)
 */
export function lockForecast(map: ValueMap, sroi: SroiResult, lockedAt: string, criteriaSha256: string, hash: HashFunction = sha256Hex): ForecastLock {
  const text = canonicalJson(map as unknown as JsonValue);
  return {
    version: 1,
    lockedAt,
    criteriaSha256,
    sha256: hash(text),
    map: JSON.parse(text) as ValueMap,
    outcomes: sroi.outcomes.map((o) => ({ id: o.id, presentValue: o.presentValue })),
    presentValueBenefits: sroi.presentValueBenefits,
    presentValueInputs: sroi.presentValueInputs,
    npv: sroi.npv,
    sroiRatio: sroi.sroiRatio,
  };
}
