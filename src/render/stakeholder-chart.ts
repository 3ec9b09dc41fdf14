import type { Valuation } from '../core/value-model.js';
import type { Lang } from '../core/messages.js';
import { formatEuro, formatPercent, currencyWord } from '../core/format.js';
import type { Chart } from './chart.js';
import { axisFormat, chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { say } from './render-text.js';

/**
 * Present value per stakeholder as horizontal bars, largest first, each labelled with amount and share.
 * `names` maps stakeholder ids to display names (ids are shown otherwise).
 */
export function stakeholderChart(result: Valuation, lang: Lang, names: Readonly<Record<string, string>> = {}): Chart {
  const cur = result.valuation.currency;
  const v = result.valuation;
  const rows = [...v.byStakeholder]
    .sort((a, b) => b.presentValue - a.presentValue || a.stakeholder.localeCompare(b.stakeholder))
    .map((s, order) => ({
      order,
      stakeholder: names[s.stakeholder] ?? s.stakeholder,
      presentValue: s.presentValue,
      text: `${formatEuro(s.presentValue, lang, 0, cur)} (${formatPercent(s.share, lang)})`,
      share: formatPercent(s.share, lang),
    }));
  const title = say(lang, 'stakeholders.title');
  const top = rows[0];
  const description = top
    ? say(lang, 'stakeholders.description', {
        top: top.stakeholder,
        topAmount: formatEuro(top.presentValue, lang, 0, cur),
        topShare: top.share,
        total: formatEuro(v.presentValueBenefits, lang, 0, cur),
        count: rows.filter((r) => r.presentValue > 0).length,
      })
    : title;
  const max = Math.max(0, ...rows.map((r) => r.presentValue));
  // A stakeholder who bears negative outcomes (a cost to them) gets a bar to the left, in the cost colour.
  const min = Math.min(0, ...rows.map((r) => r.presentValue));
  const y = { field: 'stakeholder', type: 'nominal' as const, sort: rows.map((r) => r.stakeholder), title: null };
  return {
    id: 'value-per-stakeholder',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 420,
      height: { step: 30 },
      config: chartConfig(lang, cur),
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', color: palette.blue, height: { band: 0.7 } },
          encoding: {
            y,
            ...(min < 0 ? { color: { condition: { test: 'datum.presentValue < 0', value: palette.vermillion }, value: palette.blue } } : {}),
            x: {
              field: 'presentValue',
              type: 'quantitative',
              title: say(lang, 'stakeholders.axis', { priceYear: v.priceYear, currency: currencyWord(cur) }),
              axis: { format: axisFormat.euro, tickCount: 4 },
              scale: { domain: [min * 1.45, max * 1.45 || 1] },
            },
          },
        },
        { mark: { type: 'text', align: 'left', dx: 4, baseline: 'middle' }, encoding: { y, x: { field: 'presentValue', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } } },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'stakeholders.stakeholder'), numeric: false },
        { label: say(lang, 'stakeholders.axis', { priceYear: v.priceYear, currency: currencyWord(cur) }), numeric: true },
        { label: say(lang, 'stakeholders.share'), numeric: true },
      ],
      rows: rows.map((r) => [r.stakeholder, formatEuro(r.presentValue, lang, 0, cur), r.share]),
    },
  };
}
