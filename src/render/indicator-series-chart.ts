import type { Lang } from '../core/messages.js';
import { maxOf, minOf } from '../core/collections.js';
import { formatNumber } from '../core/format.js';
import type { Chart } from './chart.js';
import { chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { say } from './render-text.js';
import { showsAsPercent } from './share-unit.js';

/** One measured value of an indicator in one area and period, with its confidence interval when known. */
export interface SeriesPoint {
  readonly area: string;
  readonly period: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
}

/**
 * An indicator over time in the initiative's area(s) and comparison area(s), with the criterion's baseline and
 * target: the input of {@link indicatorSeriesChart}. `periods` fixes the order of the x axis.
 */
export interface IndicatorSeriesInput {
  readonly indicator: string;
  readonly label: string;
  readonly unit: string;
  readonly periods: readonly string[];
  readonly areas: readonly { readonly area: string; readonly label: string; readonly role: 'target' | 'comparison' }[];
  readonly points: readonly SeriesPoint[];
  readonly baseline?: number;
  readonly target?: number;
  /** Digits shown in labels (default 1). */
  readonly digits?: number;
  /** Values are shares shown as percentages (default: when the unit names a share, e.g. "aandeel"). */
  readonly percent?: boolean;
}

function asPercent(input: IndicatorSeriesInput): IndicatorSeriesInput {
  const pct = (v: number | undefined): number | undefined => (v === undefined ? undefined : v * 100);
  const point = (p: SeriesPoint): SeriesPoint => {
    const low = pct(p.low);
    const high = pct(p.high);
    return { area: p.area, period: p.period, value: p.value * 100, ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
  };
  const baseline = pct(input.baseline);
  const target = pct(input.target);
  return {
    ...input,
    unit: '%',
    percent: false,
    digits: Math.max(0, (input.digits ?? 3) - 2),
    points: input.points.map(point),
    ...(baseline === undefined ? {} : { baseline }),
    ...(target === undefined ? {} : { target }),
  };
}

/**
 * Indicator time series: a line per area (initiative solid and coloured, comparison areas grey, each with its own
 * dash pattern so two comparison areas are told apart by the line itself, not only by the legend's order), the
 * confidence interval as a band, the baseline and target as labelled horizontal lines (METHODS §5).
 */
export function indicatorSeriesChart(given: IndicatorSeriesInput, lang: Lang): Chart {
  const input = showsAsPercent(given.percent, given.unit) ? asPercent(given) : given;
  const digits = input.digits ?? 1;
  const fmt = (v: number | undefined): string => (v === undefined ? say(lang, 'common.not-available') : formatNumber(v, lang, digits));
  const areaLabel = new Map(input.areas.map((a) => [a.area, `${a.label} (${say(lang, `series.role.${a.role}`)})`]));
  const points = input.points
    .filter((p) => areaLabel.has(p.area) && input.periods.includes(p.period))
    .map((p) => ({ ...p, areaLabel: areaLabel.get(p.area)!, order: input.periods.indexOf(p.period) }))
    .sort((a, b) => a.order - b.order || a.areaLabel.localeCompare(b.areaLabel));
  const domain = input.areas.map((a) => areaLabel.get(a.area)!);
  const colours = input.areas.map((a, i) => (a.role === 'target' ? [palette.blue, palette.purple, palette.green][i % 3]! : palette.grey));
  const bands = points
    .filter((p) => p.low !== undefined && p.high !== undefined)
    .map((p) => ({ ...p, bandColour: colours[domain.indexOf(p.areaLabel)]! }));
  // Dashed, dash-dot, then dotted: the dotted pattern last, as the thin reference lines are dotted too.
  const comparisonDashes = [
    [6, 4],
    [10, 3, 2, 3],
    [2, 3],
  ];
  const comparisonIndex = (i: number): number => input.areas.slice(0, i).filter((a) => a.role === 'comparison').length;
  const dashes = input.areas.map((a, i) => (a.role === 'target' ? [1, 0] : comparisonDashes[comparisonIndex(i) % comparisonDashes.length]!));
  const x = { field: 'period', type: 'ordinal' as const, sort: [...input.periods], title: say(lang, 'series.period'), axis: { labelAngle: 0 } };
  const yTitle = `${input.label} (${input.unit})`;
  const same = input.baseline !== undefined && input.target !== undefined && input.baseline === input.target;
  const lines = [
    ...(input.baseline === undefined ? [] : [{ value: input.baseline, text: say(lang, same ? 'series.baseline-target' : 'series.baseline', { value: fmt(input.baseline) }) }]),
    ...(input.target === undefined || same ? [] : [{ value: input.target, text: say(lang, 'series.target', { value: fmt(input.target) }) }]),
  ];
  const target = input.areas.find((a) => a.role === 'target');
  const comparisons = input.areas.filter((a) => a.role === 'comparison');
  const ends = (area: string | undefined): [SeriesPoint | undefined, SeriesPoint | undefined] => {
    const ps = points.filter((p) => p.area === area);
    return [ps[0], ps[ps.length - 1]];
  };
  const [tFirst, tLast] = ends(target?.area);
  const title = say(lang, 'series.title', { indicator: input.label });
  const description = say(lang, 'series.description', {
    indicator: input.label,
    target: target?.label ?? '',
    first: fmt(tFirst?.value),
    firstPeriod: tFirst?.period ?? '',
    last: fmt(tLast?.value),
    lastPeriod: tLast?.period ?? '',
    baseline: fmt(input.baseline),
    goal: fmt(input.target),
    comparison: comparisons
      .map((c) => {
        const [cFirst, cLast] = ends(c.area);
        return say(lang, 'series.description.comparison', { area: c.label, first: fmt(cFirst?.value), last: fmt(cLast?.value) });
      })
      .join(''),
  });
  const values = [...points.map((p) => p.value), ...bands.flatMap((p) => [p.low!, p.high!]), ...lines.map((r) => r.value)];
  const span = maxOf(values) - minOf(values) || 1;
  // Two reference lines close together: the lower one gets its label below the line so the labels do not overlap.
  const close = lines.length === 2 && Math.abs(lines[0]!.value - lines[1]!.value) < span * 0.12;
  const lowest = minOf(lines.map((l) => l.value));
  const references = lines.map((l) => ({ ...l, below: close && l.value === lowest }));
  const yScale = { domain: [minOf(values) - span * 0.1, maxOf(values) + span * 0.1], nice: true, zero: false };
  return {
    id: `series-${input.indicator}`,
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 460,
      height: 240,
      config: chartConfig(lang),
      layer: [
        ...(bands.length
          ? [
              {
                data: { values: bands },
                mark: { type: 'area' as const, opacity: 0.18 },
                encoding: {
                  x,
                  y: { field: 'low', type: 'quantitative' as const, scale: yScale, title: yTitle },
                  y2: { field: 'high' },
                  fill: { field: 'bandColour', type: 'nominal' as const, scale: null },
                  detail: { field: 'areaLabel', type: 'nominal' as const },
                },
              },
            ]
          : []),
        {
          data: { values: points },
          mark: { type: 'line', point: { filled: true, size: 50 }, strokeWidth: 2.5 },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', scale: yScale, title: yTitle },
            color: { field: 'areaLabel', type: 'nominal', title: say(lang, 'series.area'), scale: { domain, range: colours }, legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolSize: 400 } },
            strokeDash: { field: 'areaLabel', type: 'nominal', title: say(lang, 'series.area'), scale: { domain, range: dashes }, legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolSize: 400 } },
          },
        },
        ...(references.length
          ? [
              {
                data: { values: references },
                layer: [
                  {
                    mark: { type: 'rule' as const, color: palette.ink, strokeDash: [2, 3] },
                    encoding: { y: { field: 'value', type: 'quantitative' as const } },
                  },
                  {
                    transform: [{ filter: '!datum.below' }],
                    mark: { type: 'text' as const, align: 'right' as const, baseline: 'bottom' as const, dy: -2, x: 'width' as const, color: palette.ink },
                    encoding: { y: { field: 'value', type: 'quantitative' as const }, text: { field: 'text', type: 'nominal' as const } },
                  },
                  {
                    transform: [{ filter: 'datum.below' }],
                    mark: { type: 'text' as const, align: 'right' as const, baseline: 'top' as const, dy: 2, x: 'width' as const, color: palette.ink },
                    encoding: { y: { field: 'value', type: 'quantitative' as const }, text: { field: 'text', type: 'nominal' as const } },
                  },
                ],
              },
            ]
          : []),
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'series.period'), numeric: false },
        { label: say(lang, 'series.area'), numeric: false },
        { label: yTitle, numeric: true },
        { label: say(lang, 'series.low'), numeric: true },
        { label: say(lang, 'series.high'), numeric: true },
      ],
      rows: points.map((p) => [p.period, p.areaLabel, fmt(p.value), p.low === undefined ? '—' : fmt(p.low), p.high === undefined ? '—' : fmt(p.high)]),
    },
  };
}
