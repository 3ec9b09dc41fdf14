import type { PriceIndex } from './schema/valuation-settings.js';

/** One year's step in bringing a price to another price level. */
export interface IndexationStep {
  readonly year: number;
  readonly rate: number;
}

/** A price brought to a target price level, with the index steps used. */
export interface Indexed {
  readonly value: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly factor: number;
  readonly index?: string;
  readonly steps: readonly IndexationStep[];
}

/** Years whose index rate is needed to move a price from `fromYear` to `toYear` (the years after the earlier one, up to the later one). */
export function indexYearsNeeded(fromYear: number, toYear: number): number[] {
  const lo = Math.min(fromYear, toYear);
  const hi = Math.max(fromYear, toYear);
  const out: number[] = [];
  for (let y = lo + 1; y <= hi; y++) out.push(y);
  return out;
}

/**
 * Brings a value from one price level to another: value_target = value_source · Π (1 + index_y) over the years
 * after the source year up to the target year; going back in time divides by the same product (METHODS §2).
 * @throws RangeError when the index lacks a needed year (validation reports this before valuation).
 * @example indexPrice(100, 2022, 2024, { name: 'CPI', source: 'CBS', rates: { '2023': 0.038, '2024': 0.033 } }).value // 107.2254
 */
export function indexPrice(value: number, fromYear: number, toYear: number, index?: PriceIndex): Indexed {
  if (fromYear === toYear) return { value, fromYear, toYear, factor: 1, steps: [] };
  if (!index) throw new RangeError(`No price index to bring ${fromYear} prices to ${toYear}`);
  const steps = indexYearsNeeded(fromYear, toYear).map((year) => {
    const rate = index.rates[String(year)];
    if (rate === undefined) throw new RangeError(`Price index ${index.name} lacks year ${year}`);
    return { year, rate };
  });
  const product = steps.reduce((p, s) => p * (1 + s.rate), 1);
  const factor = toYear > fromYear ? product : 1 / product;
  return { value: value * factor, fromYear, toYear, factor, index: index.name, steps };
}
