import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/core/index.js';

describe('parsePeriod', () => {
  it('reads years, quarters, months and dates (dd-mm-yyyy and ISO) to canonical text with first and last day', () => {
    expect(parsePeriod('2025')).toEqual({ ok: true, value: { period: '2025', grain: 'year', start: '2025-01-01', end: '2025-12-31' } });
    expect(parsePeriod('2025-Q2')).toEqual({ ok: true, value: { period: '2025-Q2', grain: 'quarter', start: '2025-04-01', end: '2025-06-30' } });
    expect(parsePeriod('q4 2024')).toEqual({ ok: true, value: { period: '2024-Q4', grain: 'quarter', start: '2024-10-01', end: '2024-12-31' } });
    expect(parsePeriod('2024-2')).toEqual({ ok: true, value: { period: '2024-02', grain: 'month', start: '2024-02-01', end: '2024-02-29' } });
    expect(parsePeriod('03-2025')).toEqual({ ok: true, value: { period: '2025-03', grain: 'month', start: '2025-03-01', end: '2025-03-31' } });
    expect(parsePeriod('15-06-2025')).toEqual({ ok: true, value: { period: '2025-06-15', grain: 'date', start: '2025-06-15', end: '2025-06-15' } });
    expect(parsePeriod('5/6/2025')).toEqual({ ok: true, value: { period: '2025-06-05', grain: 'date', start: '2025-06-05', end: '2025-06-05' } });
    expect(parsePeriod('2025-06-15')).toEqual({ ok: true, value: { period: '2025-06-15', grain: 'date', start: '2025-06-15', end: '2025-06-15' } });
  });
  it('knows the calendar: 29-02 exists in leap years only (2024 yes, 2025 no, 1900 no, 2000 yes)', () => {
    expect(parsePeriod('29-02-2024').ok).toBe(true);
    expect(parsePeriod('29-02-2025')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parsePeriod('29-02-1900')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parsePeriod('29-02-2000').ok).toBe(true);
    expect(parsePeriod('31-04-2025')).toEqual({ ok: false, reason: 'invalid-date' });
    expect(parsePeriod('2025-13')).toEqual({ ok: false, reason: 'invalid-date' });
  });
  it('refuses other text', () => {
    for (const t of ['voorjaar 2025', '2025-Q5', '25', '', '2025/2026']) expect(parsePeriod(t)).toEqual({ ok: false, reason: 'invalid' });
  });
});
