import type { Valuation } from '../core/value-model.js';
import type { Lang } from '../core/messages.js';
import { formatEuro, formatPercent } from '../core/format.js';
import type { Chart } from './chart.js';
import { axisFormat, chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { say } from './render-text.js';
import { valueWaterfall } from './value-waterfall.js';

const signedEuro = (v: number, lang: Lang, cur = 'EUR'): string => (v < 0 ? `−${formatEuro(-v, lang, 0, cur)}` : formatEuro(v, lang, 0, cur));

/**
 * Value waterfall: gross value → deadweight → displacement → attribution → drop-off → discounting → present
 * value of benefits, with the present value of the inputs as a dashed line for comparison (SROI Guide 2012, stage 5).
 * @example waterfallChart(valueModel(model), 'nl').spec
 */
export function waterfallChart(result: Valuation, lang: Lang): Chart {
  const v = result.valuation;
  const cur = v.currency;
  const steps = valueWaterfall(v);
  const rows = steps.map((s, order) => {
    const total = s.step === 'gross' || s.step === 'present-value';
    return {
      order,
      label: say(lang, `waterfall.${s.step}`),
      start: s.start,
      end: s.end,
      labelAt: Math.max(s.start, s.end),
      amountText: total ? formatEuro(s.amount, lang, 0, cur) : signedEuro(s.amount, lang, cur),
      kind: say(lang, total ? 'waterfall.kind.total' : s.amount <= 0 ? 'waterfall.kind.decrease' : 'waterfall.kind.increase'),
    };
  });
  const kinds = ['total', 'decrease', 'increase'] as const;
  const kindColours = { total: palette.blue, decrease: palette.vermillion, increase: palette.green };
  const presentKinds = kinds.filter((k) => rows.some((r) => r.kind === say(lang, `waterfall.kind.${k}`)));
  const max = Math.max(v.presentValueInputs, ...steps.map((s) => Math.max(s.start, s.end)));
  const euroAxis = say(lang, 'waterfall.axis', { priceYear: v.priceYear, currency: cur === 'EUR' || cur === undefined ? 'Euro' : cur });
  const cuts = steps.slice(1, -1);
  const largest = cuts.reduce((a, b) => (Math.abs(b.amount) > Math.abs(a.amount) ? b : a), cuts[0]!);
  const gross = steps[0]!.amount;
  const pv = steps[steps.length - 1]!.amount;
  const description = say(lang, 'waterfall.description', {
    gross: formatEuro(gross, lang, 0, cur),
    pv: formatEuro(pv, lang, 0, cur),
    share: formatPercent(gross === 0 ? null : pv / gross, lang),
    largest: say(lang, `waterfall.${largest.step}`),
    largestAmount: signedEuro(largest.amount, lang, cur),
    inputs: formatEuro(v.presentValueInputs, lang, 0, cur),
  });
  const title = say(lang, 'waterfall.title');
  const y = { field: 'label', type: 'nominal' as const, sort: rows.map((r) => r.label), title: null, axis: { labelFontSize: 12 } };
  return {
    id: 'value-waterfall',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 420,
      height: { step: 30 },
      config: chartConfig(lang, cur),
      layer: [
        {
          data: { values: rows },
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: 'start', type: 'quantitative', title: euroAxis, axis: { format: axisFormat.euro, tickCount: 4 }, scale: { domain: [0, max * 1.25] } },
            x2: { field: 'end' },
            color: {
              field: 'kind',
              type: 'nominal',
              title: say(lang, 'waterfall.kind'),
              scale: { domain: presentKinds.map((k) => say(lang, `waterfall.kind.${k}`)), range: presentKinds.map((k) => kindColours[k]) },
            },
          },
        },
        {
          data: { values: rows },
          mark: { type: 'text', align: 'left', dx: 4, baseline: 'middle' },
          encoding: { y, x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'amountText', type: 'nominal' } },
        },
        {
          data: { values: [{ inputs: v.presentValueInputs, text: say(lang, 'waterfall.inputs', { amount: formatEuro(v.presentValueInputs, lang, 0, cur) }) }] },
          layer: [
            { mark: { type: 'rule', strokeDash: [6, 4], color: palette.ink, strokeWidth: 1.5 }, encoding: { x: { field: 'inputs', type: 'quantitative' } } },
            {
              mark: { type: 'text', align: 'left', dx: 4, dy: -4, baseline: 'bottom', y: 0, color: palette.ink, fontStyle: 'italic' },
              encoding: { x: { field: 'inputs', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
            },
          ],
        },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'waterfall.step'), numeric: false },
        { label: say(lang, 'common.amount'), numeric: true },
        { label: say(lang, 'waterfall.running'), numeric: true },
      ],
      rows: rows.map((r) => [r.label, r.amountText, formatEuro(r.end, lang, 0, cur)]),
    },
  };
}
