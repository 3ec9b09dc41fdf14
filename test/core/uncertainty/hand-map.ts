import type { ValueMap, ValueMapOutcome } from '../../../src/core/index.js';

const share = (value: number) => ({ value, reason: 'hand calculation' });
const indexation = (value: number) => ({ value, fromYear: 2024, toYear: 2024, factor: 1, steps: [] });

/** Deep-freezes a fixture so a test proves the code under test never mutates it. */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** One outcome with the given numbers (start year 1, one cohort, price level 2024). */
export function outcome(id: string, o: { q: number; p: number; dw: number; ds: number; at: number; dropOff: number; duration: number; start?: number }): ValueMapOutcome {
  return {
    id,
    stakeholder: 'residents',
    description: id,
    quantity: o.q,
    quantitySource: { kind: 'model' },
    proxy: { value: o.p, unit: 'EUR', source: 'hand', originalValue: o.p, priceYear: 2024, indexation: indexation(o.p) },
    deadweight: share(o.dw),
    displacement: share(o.ds),
    attribution: share(o.at),
    dropOff: share(o.dropOff),
    duration: o.duration,
    start: o.start ?? 1,
    cohorts: 1,
  } as ValueMapOutcome;
}

/**
 * The hand-computed value map of the switching-value test: one outcome, Q = 10, P = 100, DW = 0.2, DS = 0,
 * AT = 0.5, drop-off 0.5, 3 years from year 1; one input of 500 in year 0; flat 10 %, year 1 discounted.
 */
export function handMap(inputAmount = 500, rate = 0.1): ValueMap {
  return deepFreeze({
    outcomes: [outcome('a', { q: 10, p: 100, dw: 0.2, ds: 0, at: 0.5, dropOff: 0.5, duration: 3 })],
    inputs: [
      {
        id: 'start',
        funder: 'municipality',
        kind: 'money',
        years: [0],
        amountPerYear: inputAmount,
        computation: { kind: 'amount', amount: inputAmount, indexation: indexation(inputAmount) },
      },
    ],
    schedule: { steps: [{ fromYear: 1, rate }], source: 'hand calculation' },
    horizonYears: 3,
    discountFirstYear: true,
    baseYear: 2024,
    priceYear: 2024,
  } as ValueMap);
}
