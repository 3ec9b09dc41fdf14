import { describe, expect, it } from 'vitest';
import { formatEuro, formatNumber, formatPercent, formatProbability, formatRatio } from '../../src/core/index.js';

// Issue 12, point 7: one Dutch number format. Expected strings written by hand from the examples.
describe('number formats (issue 12)', () => {
  it('writes a negative amount one way: the minus sign U+2212 before the euro sign', () => {
    expect(formatEuro(-33306, 'nl')).toBe('\u2212€\u00a033.306');
    expect(formatEuro(-33306, 'en')).toBe('\u2212€33,306');
    expect(formatEuro(33306, 'nl')).toBe('€\u00a033.306');
    // Rounds to zero: no sign at all.
    expect(formatEuro(-0.4, 'nl')).toBe('€\u00a00');
    expect(formatNumber(-1.5, 'nl')).toBe('\u22121,5');
    expect(formatRatio(-0.74, 'nl')).toBe('\u22120,74:1');
    expect(formatPercent(-0.25, 'en')).toBe('\u221225%');
  });

  it('never rounds a probability from draws to 0 % or 100 % unless it is exactly that', () => {
    expect(formatProbability(0.9995, 'nl')).toBe('> 99,9%');
    expect(formatProbability(0.0004, 'en')).toBe('< 0.1%');
    expect(formatProbability(0.996, 'nl')).toBe('99,6%');
    expect(formatProbability(0.004, 'nl')).toBe('0,4%');
    expect(formatProbability(0.75, 'nl')).toBe('75%');
    expect(formatProbability(1, 'nl')).toBe('100%');
    expect(formatProbability(0, 'en')).toBe('0%');
  });

  it('keeps two decimals when asked for at least two (a B/C ratio of 1,40, not 1,4)', () => {
    expect(formatNumber(1.398, 'nl', 2, 2)).toBe('1,40');
    expect(formatNumber(1.398, 'nl', 2)).toBe('1,4');
  });
});
