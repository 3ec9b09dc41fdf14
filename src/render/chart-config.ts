import type { Config } from 'vega-lite';
import type { Lang } from '../core/messages.js';
import { currencyAffixes } from '../core/format.js';
import { chartFont } from './fonts.js';
import { palette, seriesColours } from './palette.js';

/** d3 number locales for axis formats: Dutch "€ 1.234,5" and British "€1,234.5". */
const numberLocales = {
  nl: { decimal: ',', thousands: '.', grouping: [3], currency: ['€\u00a0', ''] as [string, string] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['€', ''] as [string, string] },
} as const;

/** Vega-Lite config shared by every chart: font, locale, colours, readable sizes (≥ 11 px) and dark ink on white. */
export function chartConfig(lang: Lang, currency = 'EUR'): Config {
  // Other currencies are labelled with their own symbol (never converted); EUR keeps the fixed pair above.
  const money = currency === 'EUR' ? {} : { currency: currencyAffixes(currency, lang) };
  return {
    font: chartFont,
    locale: { number: { ...numberLocales[lang], grouping: [3], ...money } },
    background: 'white',
    padding: 8,
    view: { stroke: null },
    range: { category: [...seriesColours] },
    title: { fontSize: 15, fontWeight: 'bold', color: palette.ink, anchor: 'start', offset: 10 },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      labelColor: palette.ink,
      titleColor: palette.ink,
      titleFontWeight: 'normal',
      labelLimit: 400,
      gridColor: '#E6E6E6',
      domainColor: '#595959',
      tickColor: '#595959',
    },
    legend: { labelFontSize: 12, titleFontSize: 12, labelColor: palette.ink, titleColor: palette.ink, labelLimit: 400, orient: 'bottom', direction: 'horizontal' },
    text: { fontSize: 12, color: palette.ink },
  };
}

/** Axis number formats: euros without decimals, shares as whole percentages, plain numbers. */
export const axisFormat = { euro: '$,.0f', percent: '.0%', number: ',~r', ratio: ',.1f' } as const;
