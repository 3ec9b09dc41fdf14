import { describe, expect, it } from 'vitest';
import { appendAll, maxOf, minOf } from '../../src/core/index.js';
import { table } from '../../src/cli/output.js';

// Issue 18 found "Maximum call stack size exceeded" on large portfolios: spreading a user-sized collection into a call
// (Math.max(...xs), push(...xs)) fails beyond some 100,000 elements. These helpers take any size.
const n = 1_000_000;
const big = Array.from({ length: n }, (_, i) => (i * 7919) % n);

describe('collections of any size', () => {
  it('the spread form fails at this size (so the test can fail), the helpers do not', () => {
    expect(() => Math.max(...big)).toThrow(RangeError);
    expect(maxOf(big)).toBe(n - 1);
    expect(minOf(big)).toBe(0);
    expect(maxOf([], 5)).toBe(5);
    expect(minOf([2, 1], 0)).toBe(0);
    const target = [1];
    expect(appendAll(target, big)).toHaveLength(n + 1);
    expect(target[n]).toBe(big[n - 1]);
  });

  it('a terminal table takes a million rows', () => {
    const rows = big.map((v) => [String(v)]);
    const text = table(['waarde'], rows, [true]);
    expect(text.split('\n')).toHaveLength(n + 2);
  });
});
