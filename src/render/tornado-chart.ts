import type { Lang } from '../core/messages.js';
import { formatNumber, formatRatio, currencyWord } from '../core/format.js';
import type { Chart } from './chart.js';
import { chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { say } from './render-text.js';

/** One parameter of a one-at-a-time sensitivity analysis: its low and high value and the ratio at each. */
export interface TornadoBar {
  readonly parameter: string;
  readonly label: string;
  readonly lowValue: string;
  readonly highValue: string;
  readonly ratioAtLow: number;
  readonly ratioAtHigh: number;
}

/** A tornado (METHODS §4): the base ratio and one bar per parameter; the input of {@link tornadoChart}. */
export interface TornadoInput {
  readonly baseRatio: number;
  readonly bars: readonly TornadoBar[];
  /** 'mkba': the bars are an MKBA's B/C ratio (swing in the balance); default the SROI ratio. */
  readonly measure?: 'sroi' | 'mkba';
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Tornado diagram: per parameter a bar from the ratio at its low value to the ratio at its high value, widest
 * on top, with the base ratio and ratio 1 marked (METHODS §4).
 */
export function tornadoChart(input: TornadoInput, lang: Lang, currency = 'EUR'): Chart {
  const mkba = input.measure === 'mkba';
  const formatRatioOf = (x: number, l: Lang): string => (mkba ? formatNumber(x, l, 2, 2) : formatRatio(x, l));
  const key = <K extends 'title' | 'axis' | 'ratio-low' | 'ratio-high' | 'description' | 'below-one'>(k: K) => (mkba ? (`tornado-mkba.${k}` as const) : (`tornado.${k}` as const));
  const bars = [...input.bars].sort(
    (a, b) => Math.abs(b.ratioAtHigh - b.ratioAtLow) - Math.abs(a.ratioAtHigh - a.ratioAtLow) || a.parameter.localeCompare(b.parameter),
  );
  const labelOf = (b: TornadoBar): string => b.label;
  const low = say(lang, 'tornado.low');
  const high = say(lang, 'tornado.high');
  const rows = bars.flatMap((b) => [
    { parameter: labelOf(b), case: low, from: input.baseRatio, to: b.ratioAtLow, text: `${b.lowValue}: ${formatRatioOf(b.ratioAtLow, lang)}`, align: b.ratioAtLow <= input.baseRatio ? 'right' : 'left' },
    { parameter: labelOf(b), case: high, from: input.baseRatio, to: b.ratioAtHigh, text: `${b.highValue}: ${formatRatioOf(b.ratioAtHigh, lang)}`, align: b.ratioAtHigh < input.baseRatio ? 'right' : 'left' },
  ]);
  const values = [1, input.baseRatio, ...rows.map((r) => r.to)];
  const span = Math.max(...values) - Math.min(...values) || 1;
  const xScale = { domain: [Math.min(0, Math.min(...values) - span * 0.45), Math.max(...values) + span * 0.45], nice: false };
  const y = { field: 'parameter', type: 'nominal' as const, sort: bars.map(labelOf), title: null };
  const x = { type: 'quantitative' as const, scale: xScale, title: say(lang, key('axis'), { currency: currencyWord(currency) }), axis: { format: ',.1f' } };
  const title = say(lang, key('title'));
  const top = bars[0];
  const belowOne = bars.filter((b) => Math.min(b.ratioAtLow, b.ratioAtHigh) < 1).map(labelOf);
  const description = top
    ? say(lang, key('description'), {
        base: formatRatioOf(input.baseRatio, lang),
        top: top.label,
        low: formatRatioOf(Math.min(top.ratioAtLow, top.ratioAtHigh), lang),
        high: formatRatioOf(Math.max(top.ratioAtLow, top.ratioAtHigh), lang),
        below: belowOne.length ? say(lang, key('below-one'), { list: belowOne.join(', ') }) : '',
      })
    : title;
  const marks = [
    { at: input.baseRatio, text: say(lang, 'tornado.base', { value: formatRatioOf(input.baseRatio, lang) }), colour: palette.ink, dash: [1, 0] },
    { at: 1, text: '1:1', colour: palette.vermillion, dash: [5, 3] },
  ];
  return {
    id: mkba ? 'tornado-mkba' : 'tornado',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 460,
      height: { step: 34 },
      config: chartConfig(lang),
      layer: [
        {
          data: { values: rows },
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y,
            x: { ...x, field: 'from' },
            x2: { field: 'to' },
            color: { field: 'case', type: 'nominal', title: say(lang, 'tornado.case'), scale: { domain: [low, high], range: [palette.orange, palette.blue] } },
          },
        },
        {
          data: { values: marks },
          layer: [
            {
              mark: { type: 'rule', strokeWidth: 1.5 },
              encoding: { x: { ...x, field: 'at' }, color: { field: 'colour', type: 'nominal', scale: null }, strokeDash: { field: 'dash', type: 'nominal', scale: null } },
            },
            {
              mark: { type: 'text', baseline: 'bottom', dy: -4, y: 0, fontWeight: 'bold' },
              encoding: { x: { ...x, field: 'at' }, text: { field: 'text', type: 'nominal' }, color: { field: 'colour', type: 'nominal', scale: null } },
            },
          ],
        },
        {
          data: { values: rows },
          // Labels last and each twice, first as a white outline, so they stay readable where they cross the 1:1 and base lines.
          layer: (['right', 'left'] as const).flatMap((side) =>
            [{ stroke: 'white', strokeWidth: 4, strokeJoin: 'round' as const }, {}].map((halo) => ({
              transform: [{ filter: `datum.align === '${side}'` }],
              mark: { type: 'text' as const, align: side, dx: side === 'right' ? -4 : 4, baseline: 'middle' as const, fontSize: 11, ...halo },
              encoding: { y, x: { ...x, field: 'to' }, text: { field: 'text', type: 'nominal' as const } },
            })),
          ),
        },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'tornado.parameter'), numeric: false },
        { label: capitalise(say(lang, 'tornado.low')), numeric: true },
        { label: say(lang, key('ratio-low')), numeric: true },
        { label: capitalise(say(lang, 'tornado.high')), numeric: true },
        { label: say(lang, key('ratio-high')), numeric: true },
      ],
      rows: bars.map((b) => [b.label, b.lowValue, formatRatioOf(b.ratioAtLow, lang), b.highValue, formatRatioOf(b.ratioAtHigh, lang)]),
    },
  };
}
