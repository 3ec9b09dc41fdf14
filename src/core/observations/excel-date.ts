const DAY_MS = 86_400_000;

/**
 * The calendar date of an Excel date serial, as ISO text (`2025-03-31`); the time of day is dropped.
 *
 * 1900 date system (the default): serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a day that does not exist —
 * Excel keeps Lotus 1-2-3's leap-year mistake, so from serial 61 (1900-03-01) on, serial n is 1899-12-30 + n days.
 * 1904 date system (`date1904` in the workbook, older Mac Excel): serial 0 is 1904-01-01.
 * Source: ECMA-376 Part 1 (5th ed., 2016), §18.17.4 "Dates and Times" (18.17.4.1 1900 date base system, 18.17.4.2
 * 1904 date base system). Returns null for a serial that names no real day (below 1 in 1900, below 0 in 1904, 60 in
 * 1900, beyond 9999-12-31, not finite).
 * @example excelSerialDate(45747, false) // '2025-03-31'
 */
export function excelSerialDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  let ms: number;
  if (date1904) {
    if (day < 0) return null;
    ms = Date.UTC(1904, 0, 1) + day * DAY_MS;
  } else {
    if (day < 1 || day === 60) return null;
    ms = day < 60 ? Date.UTC(1899, 11, 31) + day * DAY_MS : Date.UTC(1899, 11, 30) + day * DAY_MS;
  }
  if (ms > Date.UTC(9999, 11, 31)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}
