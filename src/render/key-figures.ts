import type { Lang } from '../core/messages.js';
import { formatEuro, formatNumber, formatPercent, formatRatio } from '../core/format.js';
import type { Valuation } from '../core/value-model.js';
import { tell } from './report-text.js';

/** The discount rate as a reader sees it: "2,25 %" or, for a declining schedule, "3,5 % (vanaf jaar 31 3 %, …)". */
export function discountRateText(v: Valuation['valuation'], lang: Lang): string {
  const rates = v.discount.rates;
  const first = formatPercent(rates[0]?.rate ?? 0, lang, 2);
  if (rates.length <= 1) return first;
  const rest = rates.slice(1).map((s) => `${lang === 'nl' ? 'vanaf jaar' : 'from year'} ${s.fromYear} ${formatPercent(s.rate, lang, 2)}`);
  return `${first} (${rest.join(', ')})`;
}

/** Signed euro with a real minus sign. */
export function signedEuro(v: number, lang: Lang, currency = 'EUR'): string {
  return formatEuro(v, lang, 0, currency);
}

/** The key figures that always appear together (METHODS §1: never the ratio alone). */
export interface KeyFigures {
  readonly ratio: string;
  readonly npv: string;
  readonly horizon: string;
  readonly rate: string;
  readonly pvBenefits: string;
  readonly pvInputs: string;
  readonly payback: string;
  readonly priceYear: number;
}

/** Formats the key figures of a valuation. */
export function keyFigures(result: Valuation, lang: Lang): KeyFigures {
  const cur = result.valuation.currency;
  const v = result.valuation;
  return {
    ratio: formatRatio(v.sroiRatio, lang),
    npv: signedEuro(v.npv, lang, cur),
    horizon: tell(lang, 'summary.years', { n: v.horizonYears }),
    rate: discountRateText(v, lang),
    pvBenefits: formatEuro(v.presentValueBenefits, lang, 0, cur),
    pvInputs: formatEuro(v.presentValueInputs, lang, 0, cur),
    payback: v.paybackMonths === null ? '—' : tell(lang, 'summary.months', { n: formatNumber(v.paybackMonths, lang, 0) }),
    priceYear: v.priceYear,
  };
}

/**
 * The ratio a report leads with: the SROI ratio, or for a model whose method is `mkba` the MKBA benefit/cost
 * ratio and balance — the SROI of such a model leaves out the avoided costs of the reference alternative and
 * would mislead on its own. Always with the matching net value and present values.
 */
export interface Headline {
  readonly kind: 'sroi' | 'mkba';
  readonly ratio: number | null;
  readonly net: number;
  readonly pvBenefits: number;
  readonly pvCosts: number;
  readonly ratioLabel: string;
  readonly netLabel: string;
  readonly ratioText: string;
  readonly netText: string;
}

/** The headline figures of a valuation (see {@link Headline}). */
export function headline(result: Valuation, lang: Lang): Headline {
  const cur = result.valuation.currency;
  const m = result.mkba;
  if (result.valuation.method === 'mkba' && m)
    return {
      kind: 'mkba',
      ratio: m.benefitCostRatio,
      net: m.balance,
      pvBenefits: m.presentValueBenefits,
      pvCosts: m.presentValueCosts,
      ratioLabel: tell(lang, 'summary.bc-ratio'),
      netLabel: tell(lang, 'summary.mkba-balance'),
      ratioText: formatRatio(m.benefitCostRatio, lang),
      netText: signedEuro(m.balance, lang, cur),
    };
  const v = result.valuation;
  return {
    kind: 'sroi',
    ratio: v.sroiRatio,
    net: v.npv,
    pvBenefits: v.presentValueBenefits,
    pvCosts: v.presentValueInputs,
    ratioLabel: tell(lang, 'summary.ratio'),
    netLabel: tell(lang, 'summary.npv'),
    ratioText: formatRatio(v.sroiRatio, lang),
    netText: signedEuro(v.npv, lang, cur),
  };
}

/** The valuation method as readers know it: "SROI", "MKBA" or "SROI + MKBA". */
export function methodLabel(method: Valuation['valuation']['method']): string {
  return method === 'both' ? 'SROI + MKBA' : method.toUpperCase();
}
