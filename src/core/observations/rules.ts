import type { Indicator } from '../schema/indicator.js';
import type { Model } from '../schema/model.js';
import type { DecimalSeparator } from './number.js';

/** What a data file is checked against: the initiative, its indicators, areas and period, and the number style. */
export interface ObservationRules {
  readonly initiative: string;
  /** Known indicators by id; undefined accepts any well-formed id (public statistics without a model). */
  readonly indicators?: ReadonlyMap<string, Indicator>;
  /** Areas listed for the initiative; with `municipality`, codes inside that municipality are accepted too. */
  readonly areas?: ReadonlySet<string>;
  readonly municipality?: string;
  /** The initiative's period (ISO dates, inclusive). */
  readonly period?: { readonly start: string; readonly end: string };
  /** The day of upload (ISO date): a period that starts after it is refused as future-dated. Undefined: not checked. */
  readonly today?: string;
  readonly decimal: DecimalSeparator;
}

/**
 * The rules a model sets for its monitoring data: its indicators, areas (the listed ones and every wijk and buurt of
 * its municipality), and its period.
 * @example rulesFromModel(model, ',').indicators?.has('bezoekers-65plus')
 */
export function rulesFromModel(model: Model, decimal: DecimalSeparator): ObservationRules {
  return {
    initiative: model.id,
    indicators: new Map(model.indicators.map((i) => [i.id, i])),
    areas: new Set(model.areas),
    municipality: model.municipality,
    period: model.period,
    decimal,
  };
}

/** True when an area code belongs to the rules' areas (listed, or inside the municipality). */
export function areaKnown(area: string, rules: ObservationRules): boolean {
  if (!rules.areas && !rules.municipality) return true;
  if (rules.areas?.has(area)) return true;
  if (!rules.municipality) return false;
  const digits = rules.municipality.slice(2);
  return area === rules.municipality || area.startsWith(`WK${digits}`) || area.startsWith(`BU${digits}`);
}
