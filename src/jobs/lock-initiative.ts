import {
  computeSroi,
  InvalidInputError,
  lockCriteria,
  lockForecast,
  toValueMap,
  type CriteriaLock,
  type ForecastLock,
  type Model,
  type ResolvedQuantity,
} from '../core/index.js';
import { saveCriteriaLock, saveForecastLock } from '../data/criteria-lock-store.js';
import { resolveQuantities } from '../data/resolve-quantities.js';
import type { ObservationStore } from '../data/store.js';

// A quantity from monitoring data is an object; a number (or a list of yearly numbers) is the model's own plan.
const fromData = (q: unknown): boolean => typeof q === 'object' && q !== null && !Array.isArray(q);

/** Options of {@link lockInitiative}. */
export interface LockInitiativeOptions {
  /** ISO date of the lock (the CLI uses today). */
  readonly date: string;
  /** Who locked: a name or a council decision. */
  readonly by: string;
  /**
   * Planned quantities per year of outcomes whose quantity comes from monitoring data, by outcome id. They win over
   * what the store holds by the lock date: the plan is what was agreed, not the data so far.
   */
  readonly plannedQuantities?: Readonly<Record<string, number>>;
}

/** What {@link lockInitiative} recorded. */
export interface LockInitiativeResult {
  readonly criteria: { readonly lock: CriteriaLock; readonly created: boolean };
  /** The forecast lock, or null when some quantity had neither data by the lock date nor a planned value. */
  readonly forecast: { readonly lock: ForecastLock; readonly created: boolean } | null;
  /** Outcomes whose forecast quantity could not be fixed (then no forecast is locked). */
  readonly unresolved: readonly string[];
}

/**
 * Locks an initiative's criteria and, with them, its forecast valuation (issue 13 point 5): the value map as agreed —
 * quantities from the model, planned quantities given here, or else monitoring data up to the lock date; the model's
 * stated deadweights (a deadweight measured later is a result, not part of the plan) — with its present values.
 * Both records are append-only; locking the same again changes nothing.
 * @throws InvalidInputError when a planned quantity names an outcome that does not take its quantity from monitoring data.
 * @example await lockInitiative(store, model, { date: '2024-01-15', by: 'raadsbesluit 2024-017', plannedQuantities: { 'minder-eenzaam': 120 } })
 */
export async function lockInitiative(store: ObservationStore, model: Model, options: LockInitiativeOptions): Promise<LockInitiativeResult> {
  const planned = options.plannedQuantities ?? {};
  for (const id of Object.keys(planned)) {
    const o = model.outcomes.find((x) => x.id === id);
    if (!o || !fromData(o.quantity))
      throw new InvalidInputError('lock.planned-quantity', {
        nl: o
          ? `Uitkomst "${id}" heeft al een aantal in het model (${JSON.stringify(o.quantity)}); een gepland aantal geef je alleen voor uitkomsten die hun aantal uit monitoringdata halen. Pas het aantal in het model aan of laat --quantity ${id}=… weg.`
          : `Het model heeft geen uitkomst "${id}" (wel: ${model.outcomes.map((x) => x.id).join(', ')}). Controleer de naam achter --quantity.`,
        en: o
          ? `Outcome "${id}" already has a quantity in the model (${JSON.stringify(o.quantity)}); a planned quantity is only for outcomes that take their quantity from monitoring data. Change the model's quantity or drop --quantity ${id}=….`
          : `The model has no outcome "${id}" (it has: ${model.outcomes.map((x) => x.id).join(', ')}). Check the name after --quantity.`,
      });
  }
  const criteria = await saveCriteriaLock(store, model.id, lockCriteria(model.criteria, options.date), options.by);
  const fromStore = await resolveQuantities(store, model, { asOf: options.date });
  const quantities: Record<string, ResolvedQuantity> = { ...fromStore.quantities };
  for (const [id, value] of Object.entries(planned)) quantities[id] = { value, source: { kind: 'model' } };
  const unresolved = model.outcomes.filter((o) => fromData(o.quantity) && !quantities[o.id]).map((o) => o.id);
  if (unresolved.length) return { criteria, forecast: null, unresolved };
  const map = toValueMap(model, { quantities });
  const forecast = await saveForecastLock(store, model.id, lockForecast(map, computeSroi(map), options.date, criteria.lock.sha256), options.by);
  return { criteria, forecast, unresolved };
}
