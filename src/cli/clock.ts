/** The clock, read only here at the edge: the core never sees it. */

/** Today's date in UTC (YYYY-MM-DD), the default "as of" of an evaluation. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The one generation time of a run: SOURCE_DATE_EPOCH (the reproducible-builds convention) or the clock. */
export function generationTime(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}
