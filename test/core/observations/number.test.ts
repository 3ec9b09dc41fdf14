import { describe, expect, it } from 'vitest';
import { isMissing, parseNumber } from '../../../src/core/index.js';

describe('parseNumber', () => {
  it('reads decimal comma files (Dutch Excel): 1.234,5 = 1234.5, 1234,5 = 1234.5, thousands only in groups of three', () => {
    expect(parseNumber('1.234,5', ',')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumber('1234,5', ',')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumber('1.234.567', ',')).toEqual({ kind: 'number', value: 1234567 });
    expect(parseNumber('1\u00a0234,5', ',')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumber('-0,25', ',')).toEqual({ kind: 'number', value: -0.25 });
    expect(parseNumber('12.34', ',')).toEqual({ kind: 'ambiguous' });
    expect(parseNumber('1.23,4', ',')).toEqual({ kind: 'invalid' });
  });
  it('reads decimal point files: 1,234.5 = 1234.5, 1.5e-3 = 0.0015', () => {
    expect(parseNumber('1,234.5', '.')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumber('1.5e-3', '.')).toEqual({ kind: 'number', value: 0.0015 });
    expect(parseNumber(' 42 ', '.')).toEqual({ kind: 'number', value: 42 });
    expect(parseNumber('7,5', '.')).toEqual({ kind: 'ambiguous' });
  });
  it('treats empty, n.v.t., n.b. and the CBS "." as missing — never 0', () => {
    for (const t of ['', '  ', '.', 'n.v.t.', 'N.V.T.', 'nvt', 'n.b.']) {
      expect(isMissing(t)).toBe(true);
      expect(parseNumber(t, ',')).toEqual({ kind: 'missing' });
    }
    expect(parseNumber('0', ',')).toEqual({ kind: 'number', value: 0 });
  });
  it('refuses text, units, percentages, infinity', () => {
    for (const t of ['veel', '12 personen', '45%', 'Infinity', '1e999', '€ 12', '0x10']) expect(parseNumber(t, '.').kind).toBe('invalid');
  });
});
