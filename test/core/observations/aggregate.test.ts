import { describe, expect, it } from 'vitest';
import { aggregateRatio, aggregateValues } from '../../../src/core/index.js';

const rows = Object.freeze([
  Object.freeze({ value: 10, periodEnd: '2025-03-31', rowId: 'u:2' }),
  Object.freeze({ value: null, periodEnd: '2025-06-30', rowId: 'u:3' }),
  Object.freeze({ value: 20, periodEnd: '2025-09-30', rowId: 'u:4' }),
]);

describe('aggregation', () => {
  it('sum, mean and last skip missing values (never 0) and name the rows used', () => {
    expect(aggregateValues(rows, 'sum')).toEqual({ value: 30, rows: ['u:2', 'u:4'] }); // 10 + 20
    expect(aggregateValues(rows, 'mean')).toEqual({ value: 15, rows: ['u:2', 'u:4'] }); // (10 + 20) / 2, not / 3
    expect(aggregateValues(rows, 'last')).toEqual({ value: 20, rows: ['u:4'] }); // latest period end with a value
    expect(aggregateValues([{ value: null, periodEnd: '2025-03-31', rowId: 'u:2' }], 'sum')).toEqual({ value: null, rows: [] });
  });
  it('ratio indicators: Σ numerators / Σ denominators, not the mean of the shares', () => {
    // 1/4 and 3/36: pooled (1+3)/(4+36) = 0.1; the mean of shares would be (0.25 + 0.0833)/2 = 0.1667.
    expect(aggregateRatio([{ numerator: 1, denominator: 4 }, { numerator: 3, denominator: 36 }])).toBeCloseTo(0.1, 15);
    expect(aggregateRatio([{ numerator: 1, denominator: null }, { numerator: 3, denominator: 36 }])).toBeCloseTo(3 / 36, 15);
    expect(aggregateRatio([{ numerator: 0, denominator: 0 }])).toBeNull();
  });
});
