import type { Valuation } from '../core/value-model.js';
import type { Lang } from '../core/messages.js';
import { formatEuro, currencyWord } from '../core/format.js';
import type { Chart } from './chart.js';
import { axisFormat, chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { say } from './render-text.js';
import { humaniseId } from './humanise-id.js';

/**
 * Where the money went: present value of every input (money, in kind, volunteer hours at their shadow price),
 * largest first, coloured by kind. `names` maps funder ids to display names.
 */
export function inputsChart(result: Valuation, lang: Lang, names: Readonly<Record<string, string>> = {}): Chart {
  const cur = result.valuation.currency;
  const v = result.valuation;
  const rows = [...v.inputs]
    .sort((a, b) => b.presentValue - a.presentValue || a.id.localeCompare(b.id))
    .map((i, order) => ({
      order,
      item: i.description ?? humaniseId(i.id),
      funder: names[i.funder] ?? i.funder,
      kind: say(lang, `inputs.kind.${i.kind}`),
      presentValue: i.presentValue,
      amount: formatEuro(i.presentValue, lang, 0, cur),
      text: `${formatEuro(i.presentValue, lang, 0, cur)} (${names[i.funder] ?? i.funder})`,
    }));
  const kinds = (['money', 'in-kind', 'volunteer-hours'] as const).filter((k) => v.inputs.some((i) => i.kind === k));
  const colours = { money: palette.blue, 'in-kind': palette.orange, 'volunteer-hours': palette.green };
  const title = say(lang, 'inputs.title');
  const top = rows[0];
  const description = top
    ? say(lang, 'inputs.description', { total: formatEuro(v.presentValueInputs, lang, 0, cur), top: top.item, topAmount: top.amount, funder: top.funder })
    : title;
  const max = Math.max(1, ...rows.map((r) => r.presentValue));
  const y = { field: 'item', type: 'nominal' as const, sort: rows.map((r) => r.item), title: null };
  return {
    id: 'where-the-money-went',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 380,
      height: { step: 30 },
      config: chartConfig(lang, cur),
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: 'presentValue', type: 'quantitative', title: say(lang, 'inputs.axis', { priceYear: v.priceYear, currency: currencyWord(cur) }), axis: { format: axisFormat.euro, tickCount: 4 }, scale: { domain: [0, max * 1.5] } },
            color: { field: 'kind', type: 'nominal', title: say(lang, 'inputs.kind'), scale: { domain: kinds.map((k) => say(lang, `inputs.kind.${k}`)), range: kinds.map((k) => colours[k]) } },
          },
        },
        { mark: { type: 'text', align: 'left', dx: 4, baseline: 'middle' }, encoding: { y, x: { field: 'presentValue', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } } },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'inputs.item'), numeric: false },
        { label: say(lang, 'inputs.funder'), numeric: false },
        { label: say(lang, 'inputs.kind'), numeric: false },
        { label: say(lang, 'inputs.axis', { priceYear: v.priceYear, currency: currencyWord(cur) }), numeric: true },
      ],
      rows: rows.map((r) => [r.item, r.funder, r.kind, r.amount]),
    },
  };
}
