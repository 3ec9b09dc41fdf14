/** A period as the engine understands it: its first and last day (inclusive) and its midpoint in decimal years. */
export interface EvaluationPeriod {
  /** The period as written: `2024`, `2024-Q2`, `2024-H1`, `2024-05` or `2024-05-17`. */
  readonly label: string;
  readonly granularity: 'year' | 'half' | 'quarter' | 'month' | 'day';
  /** First day, ISO `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day (inclusive), ISO `YYYY-MM-DD`. */
  readonly end: string;
  /** Midpoint in decimal years (days since 1970-01-01 / 365.2425 + 1970): the x of a trend, so slopes are per year. */
  readonly mid: number;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, without the `Date` object (H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", days_from_civil).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`. @throws RangeError on another form. */
export function isoDateToDays(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not an ISO date: "${date}"`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Decimal year of an ISO date: days since 1970-01-01 / 365.2425 + 1970 (mean Gregorian year). */
export function isoDateToYears(date: string): number {
  return isoDateToDays(date) / 365.2425 + 1970;
}

function make(label: string, granularity: EvaluationPeriod['granularity'], y: number, m1: number, d1: number, m2: number, d2: number): EvaluationPeriod {
  const start = iso(y, m1, d1);
  const end = iso(y, m2, d2);
  const mid = ((daysFromCivil(y, m1, d1) + daysFromCivil(y, m2, d2)) / 2) / 365.2425 + 1970;
  return { label, granularity, start, end, mid };
}

/**
 * Parses a period label: a year `2024`, half year `2024-H1`, quarter `2024-Q3`, month `2024-05` or day
 * `2024-05-17`, into its first and last day and midpoint. Pure calendar arithmetic, no clock or time zone.
 * @throws RangeError when the label has none of these forms.
 * @example parseEvaluationPeriod('2024-Q2') // { start: '2024-04-01', end: '2024-06-30', … }
 */
export function parseEvaluationPeriod(label: string): EvaluationPeriod {
  const s = label.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return make(s, 'year', Number(m[1]), 1, 1, 12, 31);
  if ((m = /^(\d{4})-?[Hh]([12])$/.exec(s))) {
    const h = Number(m[2]);
    return h === 1 ? make(s, 'half', Number(m[1]), 1, 1, 6, 30) : make(s, 'half', Number(m[1]), 7, 1, 12, 31);
  }
  if ((m = /^(\d{4})-?[Qq]([1-4])$/.exec(s))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const m2 = q * 3;
    return make(s, 'quarter', y, m2 - 2, 1, m2, daysInMonth(y, m2));
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return make(s, 'month', y, mo, 1, mo, daysInMonth(y, mo));
  }
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(s))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`no such day: "${label}"`);
    return make(s, 'day', y, mo, d, mo, d);
  }
  throw new RangeError(`not a period: "${label}" (use 2024, 2024-H1, 2024-Q1, 2024-01 or 2024-01-31)`);
}
