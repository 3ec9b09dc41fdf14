/** The grain of a period as written in a data file. */
export type PeriodGrain = 'year' | 'quarter' | 'month' | 'date';

/** A period: canonical text (`2025`, `2025-Q2`, `2025-06`, `2025-06-15`) and its first and last day. */
export interface ObservationPeriod {
  readonly period: string;
  readonly grain: PeriodGrain;
  readonly start: string;
  readonly end: string;
}

/** Result of reading a period cell. `invalid-date` is a date-shaped text naming a day that does not exist. */
export type ParsedPeriod = { readonly ok: true; readonly value: ObservationPeriod } | { readonly ok: false; readonly reason: 'invalid' | 'invalid-date' };

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function daysInMonth(year: number, month: number): number {
  // Gregorian calendar: leap years every 4, not every 100, again every 400.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function date(year: number, month: number, day: number): ParsedPeriod {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'invalid-date' };
  const d = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { ok: true, value: { period: d, grain: 'date', start: d, end: d } };
}

/**
 * Reads a period as volunteers write it: year `2025`, quarter `2025-Q2` (also `2025Q2`, `Q2 2025`),
 * month `2025-06` (also `06-2025`), ISO date `2025-06-15` or Dutch date `15-06-2025` / `15/6/2025`.
 * Pure: no clock, no locale.
 * @example parsePeriod('2025-Q2') // { ok: true, value: { period: '2025-Q2', grain: 'quarter', start: '2025-04-01', end: '2025-06-30' } }
 */
export function parsePeriod(text: string): ParsedPeriod {
  const t = text.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) return { ok: true, value: { period: m[1]!, grain: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` } };
  if ((m = /^(\d{4})[- ]?Q([1-4])$/.exec(t)) || (m = /^Q([1-4])[- ](\d{4})$/.exec(t))) {
    const [y, q] = /^Q/.test(t) ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    const last = q * 3;
    return {
      ok: true,
      value: { period: `${pad(y, 4)}-Q${q}`, grain: 'quarter', start: `${pad(y, 4)}-${pad(last - 2)}-01`, end: `${pad(y, 4)}-${pad(last)}-${pad(daysInMonth(y, last))}` },
    };
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t)) || (m = /^(\d{1,2})-(\d{4})$/.exec(t))) {
    const [y, mo] = m[1]!.length === 4 ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    if (mo < 1 || mo > 12) return { ok: false, reason: 'invalid-date' };
    const p = `${pad(y, 4)}-${pad(mo)}`;
    return { ok: true, value: { period: p, grain: 'month', start: `${p}-01`, end: `${p}-${pad(daysInMonth(y, mo))}` } };
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) return date(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t))) return date(Number(m[3]), Number(m[2]), Number(m[1]));
  return { ok: false, reason: 'invalid' };
}

/** True when the whole period lies within [from, to] (ISO dates, inclusive). */
export function periodWithin(p: ObservationPeriod, from: string, to: string): boolean {
  return p.start >= from && p.end <= to;
}
