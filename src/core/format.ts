import type { Lang } from './messages.js';

const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const formats = new Map<string, Intl.NumberFormat>();

/** One Intl.NumberFormat per language and options: building one costs far more than formatting a number with it. */
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locales[lang], options);
    formats.set(key, f);
  }
  return f;
}

/** The minus sign every output writes before a negative number: U+2212, before the currency sign ("−€ 33.306"). */
export const MINUS = '\u2212';

/** Formats |value| and puts one minus sign in front when negative (Intl writes "€ -33.306" in nl-NL and "-€33,306" in en-GB). */
function signed(value: number, format: (abs: number) => string): string {
  const text = format(Math.abs(value));
  return value < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
}

/**
 * An SROI ratio as text, "5.62:1" (or "5,62:1" in Dutch); with `digits: 0` the whole-number form reports use ("6:1").
 * The ratio is always to be shown with NPV, horizon and rate (METHODS §1).
 * @example formatRatio(5.619, 'en') // "5.62:1"
 */
export function formatRatio(ratio: number | null, lang: Lang, digits = 2): string {
  if (ratio === null || !Number.isFinite(ratio)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  const n = signed(ratio, (x) => numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x));
  return `${n}:1`;
}

/**
 * An amount rounded to whole units by default (EUR unless `currency` is given), "€ 1.234.567" (nl) or "€1,234,567" (en); negatives with a minus
 * sign before the euro sign, "−€ 33.306" (nl) or "−€33,306" (en), in every output.
 * @example formatEuro(1234.5, 'nl', 2) // "€ 1.234,50"
 */
export function formatEuro(value: number | null, lang: Lang, digits = 0, currency = 'EUR'): string {
  if (value === null || !Number.isFinite(value)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  const format = numberFormat(lang, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return signed(rounded === 0 ? 0 : rounded, (x) => format.format(x));
}

/**
 * An amount in the model's currency (ISO 4217; labelled, never converted): {@link formatEuro} with that currency,
 * "£1,234" (en) or "£ 1.234" (nl) for GBP; the minus sign before the symbol.
 * @example formatMoney(-1234, 'en', 'GBP') // "−£1,234"
 */
export function formatMoney(value: number | null, lang: Lang, currency = 'EUR', digits = 0): string {
  return formatEuro(value, lang, digits, currency);
}

/**
 * The currency as a word in running text and axis titles: "euro" for EUR (as the reports always said), else the
 * ISO code ("GBP"), which reads the same in Dutch and English.
 * @example currencyWord('USD') // "USD"
 */
export function currencyWord(currency = 'EUR'): string {
  return currency === 'EUR' ? 'euro' : currency;
}

/**
 * The currency symbol and where it goes in this language, for chart axis formats (d3's locale `currency` pair):
 * ["€\u00a0", ""] in Dutch and ["€", ""] in English for EUR, the same from Intl for any other code.
 * @example currencyAffixes('GBP', 'en') // ["£", ""]
 */
export function currencyAffixes(currency: string, lang: Lang): [string, string] {
  const parts = numberFormat(lang, { style: 'currency', currency }).formatToParts(1);
  const at = parts.findIndex((p) => p.type === 'currency');
  const symbol = parts[at]!.value;
  const first = parts.findIndex((p) => p.type === 'integer');
  if (at < first) return [parts.slice(at, first).map((p) => p.value).join(''), ''];
  const last = parts.findLastIndex((p) => p.type === 'integer' || p.type === 'fraction');
  return ['', parts.slice(last + 1, at).map((p) => p.value).join('') + symbol];
}

/** A number with grouping, e.g. "12.345,6" (nl), at most `digits` decimals (at least `minDigits`); negatives with the minus sign U+2212. */
export function formatNumber(value: number | null, lang: Lang, digits = 1, minDigits = 0): string {
  if (value === null || !Number.isFinite(value)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  const format = numberFormat(lang, { minimumFractionDigits: Math.min(minDigits, digits), maximumFractionDigits: digits });
  return signed(value, (x) => format.format(x));
}

/** A share as a percentage, "42 %" (nl) or "42%" (en). */
export function formatPercent(share: number | null, lang: Lang, digits = 0): string {
  if (share === null || !Number.isFinite(share)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  const format = numberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  return signed(share, (x) => format.format(x));
}

/**
 * A probability estimated from draws as a percentage that never claims more certainty than it has: exactly 0 or 1
 * is "0 %" or "100 %"; otherwise it is never rounded to 0 % or 100 % ("> 99,9 %", "< 0,1 %", else one decimal
 * where whole percents would round to 0 or 100).
 * @example formatProbability(0.9995, 'nl') // "> 99,9 %"
 */
export function formatProbability(p: number | null, lang: Lang): string {
  if (p === null || !Number.isFinite(p) || p === 0 || p === 1) return formatPercent(p, lang, 0);
  if (p > 0.999) return `> ${formatPercent(0.999, lang, 1)}`;
  if (p < 0.001) return `< ${formatPercent(0.001, lang, 1)}`;
  const whole = Math.round(p * 100);
  return formatPercent(p, lang, whole === 0 || whole === 100 ? 1 : 0);
}
