import type { Lang } from '../core/messages.js';

const months: Readonly<Record<Lang, readonly string[]>> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * An ISO date (YYYY-MM-DD) as readers write it, "31 december 2026", with no-break spaces so it never wraps;
 * independent of the machine's time zone. Other text is returned unchanged.
 * @example formatDate('2026-12-31', 'en') // "31 December 2026"
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = months[lang][Number(m[2]) - 1];
  return month ? `${Number(m[3])}\u00a0${month}\u00a0${m[1]}` : iso;
}
