import type { Lang } from '../core/messages.js';
import { formatNumber } from '../core/format.js';
import type { Chart } from './chart.js';
import { chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { say } from './render-text.js';
import { showsAsPercent } from './share-unit.js';

/** Before and after means of one area (or group of areas). */
export interface DidGroup {
  readonly label: string;
  readonly pre: number;
  readonly post: number;
}

/**
 * A difference-in-differences, DiD = (T_post − T_pre) − (C_post − C_pre) (METHODS §5): the input of
 * {@link didChart}. `preLabel` and `postLabel` name the two windows (e.g. "2023" and "2025").
 */
export interface DidChartInput {
  readonly indicator: string;
  readonly label: string;
  readonly unit: string;
  readonly preLabel: string;
  readonly postLabel: string;
  readonly target: DidGroup;
  readonly comparison: DidGroup;
  readonly did: number;
  readonly ci?: { readonly low: number; readonly high: number };
  readonly digits?: number;
  /** Values are shares shown as percentage points (default: when the unit names a share, e.g. "aandeel"). */
  readonly percent?: boolean;
  /** What carries the estimate and its interval, in words: comparison areas, pre/post periods, the standard error's method. */
  readonly basis?: string;
}

function asPercent(input: DidChartInput): DidChartInput {
  const g = (x: DidGroup): DidGroup => ({ label: x.label, pre: x.pre * 100, post: x.post * 100 });
  return {
    ...input,
    unit: '%',
    percent: false,
    digits: Math.max(1, (input.digits ?? 3) - 2),
    target: g(input.target),
    comparison: g(input.comparison),
    did: input.did * 100,
    ...(input.ci ? { ci: { low: input.ci.low * 100, high: input.ci.high * 100 } } : {}),
  };
}

/**
 * Difference-in-differences: the initiative's area and the comparison area before and after, and the dashed
 * path the initiative's area would have followed with the comparison's change; the gap at "after" is the effect.
 */
export function didChart(given: DidChartInput, lang: Lang): Chart {
  const input = showsAsPercent(given.percent, given.unit) ? asPercent(given) : given;
  const digits = input.digits ?? 1;
  const fmt = (v: number): string => formatNumber(v, lang, digits);
  const signed = (v: number): string => (v > 0 ? `+${fmt(v)}` : v < 0 ? `−${fmt(-v)}` : fmt(v));
  const moments = [say(lang, 'did.pre'), say(lang, 'did.post')].map((m, i) => `${m} (${i === 0 ? input.preLabel : input.postLabel})`);
  const counterfactualPost = input.target.pre + (input.comparison.post - input.comparison.pre);
  const series = [
    { key: 'target', label: input.target.label, values: [input.target.pre, input.target.post], colour: palette.blue, dash: [1, 0] },
    { key: 'comparison', label: input.comparison.label, values: [input.comparison.pre, input.comparison.post], colour: palette.grey, dash: [1, 0] },
    { key: 'counterfactual', label: say(lang, 'did.counterfactual'), values: [input.target.pre, counterfactualPost], colour: palette.blue, dash: [6, 4] },
  ];
  const rows = series.flatMap((s, si) => s.values.map((value, i) => ({ series: s.label, seriesOrder: si, moment: moments[i]!, value, text: fmt(value) })));
  const x = { field: 'moment', type: 'ordinal' as const, sort: moments, title: null, axis: { labelAngle: 0 }, scale: { padding: 0.3 } };
  const yTitle = `${input.label} (${input.unit})`;
  const all = rows.map((r) => r.value);
  const span = Math.max(...all) - Math.min(...all) || 1;
  const yScale = { domain: [Math.min(...all) - span * 0.15, Math.max(...all) + span * 0.15], zero: false, nice: true };
  const title = say(lang, 'did.title', { indicator: input.label });
  const description = say(lang, 'did.description', {
    target: input.target.label,
    tPre: fmt(input.target.pre),
    tPost: fmt(input.target.post),
    comparison: input.comparison.label,
    cPre: fmt(input.comparison.pre),
    cPost: fmt(input.comparison.post),
    did: signed(input.did),
    ci: input.ci ? say(lang, 'did.ci', { low: signed(input.ci.low), high: signed(input.ci.high) }) : '',
  }) + (input.basis ? ` ${input.basis}` : '');
  const domain = series.map((s) => s.label);
  return {
    id: `did-${input.indicator}`,
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 380,
      height: 240,
      config: chartConfig(lang),
      layer: [
        {
          data: { values: rows },
          mark: { type: 'line', point: { filled: true, size: 60 }, strokeWidth: 2.5 },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', scale: yScale, title: yTitle },
            color: { field: 'series', type: 'nominal', title: null, scale: { domain, range: series.map((s) => s.colour) }, legend: { direction: 'vertical', symbolType: 'stroke', symbolStrokeWidth: 3, symbolSize: 400 } },
            strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain, range: series.map((s) => s.dash) }, legend: { direction: 'vertical', symbolType: 'stroke', symbolStrokeWidth: 3, symbolSize: 400 } },
            order: { field: 'seriesOrder', type: 'quantitative' },
          },
        },
        {
          data: { values: [{ moment: moments[1]!, from: counterfactualPost, to: input.target.post, text: say(lang, 'did.effect', { value: signed(input.did) }) }] },
          layer: [
            { mark: { type: 'rule', color: palette.vermillion, strokeWidth: 3 }, encoding: { x, y: { field: 'from', type: 'quantitative' }, y2: { field: 'to' } } },
            {
              mark: { type: 'text', align: 'left', dx: 8, color: palette.ink, fontWeight: 'bold' },
              encoding: { x, y: { field: 'to', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
            },
          ],
        },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'did.series'), numeric: false },
        { label: moments[0]!, numeric: true },
        { label: moments[1]!, numeric: true },
      ],
      rows: [...series.map((s) => [s.label, fmt(s.values[0]!), fmt(s.values[1]!)]), [say(lang, 'did.effect', { value: '' }).trim(), '', signed(input.did)]],
    },
  };
}
