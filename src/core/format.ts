import type { Lang } from './messages.js';

const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * An SROI ratio as text, "5.62:1" (or "5,62:1" in Dutch); with `digits: 0` the whole-number form reports use ("6:1").
 * The ratio is always to be shown with NPV, horizon and rate (METHODS §1).
 * @example formatRatio(5.619, 'en') // "5.62:1"
 */
export function formatRatio(ratio: number | null, lang: Lang, digits = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  const n = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
  return `${n}:1`;
}

/**
 * Euro amount rounded to whole euros by default, "€ 1.234.567" (nl) or "€1,234,567" (en).
 * @example formatEuro(1234.5, 'nl', 2) // "€ 1.234,50"
 */
export function formatEuro(value: number | null, lang: Lang, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  return new Intl.NumberFormat(locales[lang], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(rounded === 0 ? 0 : rounded);
}

/** A number with grouping, e.g. "12.345,6" (nl). */
export function formatNumber(value: number | null, lang: Lang, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits }).format(value);
}

/** A share as a percentage, "42 %" (nl) or "42%" (en). */
export function formatPercent(share: number | null, lang: Lang, digits = 0): string {
  if (share === null || !Number.isFinite(share)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  return new Intl.NumberFormat(locales[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}
