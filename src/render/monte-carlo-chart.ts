import type { Lang } from '../core/messages.js';
import { formatNumber, formatProbability, formatRatio } from '../core/format.js';
import type { Chart } from './chart.js';
import { chartConfig } from './chart-config.js';
import type { HistogramBin } from './histogram-bins.js';
import { palette } from './palette.js';
import { say } from './render-text.js';

/** A Monte Carlo distribution of the SROI ratio (METHODS §4): the input of {@link monteCarloChart}. */
export interface MonteCarloInput {
  readonly draws: number;
  readonly bins: readonly HistogramBin[];
  /** Share of draws with ratio ≥ 1. */
  readonly probabilityAtLeastOne: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean?: number;
  readonly seed?: number;
  /** 'mkba': the distribution of an MKBA's B/C ratio, with P(balance > 0) (= P(B/C > 1)); default the SROI ratio. */
  readonly measure?: 'sroi' | 'mkba';
}

/**
 * Monte Carlo histogram of the SROI ratio: bins below 1 and from 1 up in different colours, ratio 1 marked with
 * P(ratio ≥ 1), and the median and 5th–95th percentiles as a line under the bars.
 */
export function monteCarloChart(input: MonteCarloInput, lang: Lang): Chart {
  const mkba = input.measure === 'mkba';
  const ratio = (x: number): string => (mkba ? formatNumber(x, lang, 2, 2) : formatRatio(x, lang));
  const below = say(lang, 'montecarlo.below');
  const above = say(lang, 'montecarlo.above');
  const straddle = say(lang, 'montecarlo.straddle');
  const bins = input.bins.map((b) => ({
    ...b,
    side: b.end <= 1 + 1e-12 ? below : b.start >= 1 - 1e-12 ? above : straddle,
    range: `${formatNumber(b.start, lang, 2)}–${formatNumber(b.end, lang, 2)}`,
  }));
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const x = { type: 'quantitative' as const, title: say(lang, mkba ? 'montecarlo-mkba.axis' : 'montecarlo.axis'), axis: { format: ',.1f' }, scale: { zero: false, nice: true } };
  const marker = say(lang, mkba ? 'montecarlo-mkba.marker' : 'montecarlo.marker', { p: formatProbability(input.probabilityAtLeastOne, lang) });
  const title = say(lang, mkba ? 'montecarlo-mkba.title' : 'montecarlo.title');
  const description = say(lang, mkba ? 'montecarlo-mkba.description' : 'montecarlo.description', {
    draws: formatNumber(input.draws, lang, 0),
    p: formatProbability(input.probabilityAtLeastOne, lang),
    p50: ratio(input.p50),
    p5: ratio(input.p5),
    p95: ratio(input.p95),
  });
  const sides = [below, straddle, above].filter((s) => bins.some((b) => b.side === s));
  const colours = sides.map((s) => (s === below ? palette.vermillion : s === above ? palette.blue : palette.grey));
  return {
    id: mkba ? 'monte-carlo-mkba' : 'monte-carlo',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 460,
      height: 220,
      config: chartConfig(lang),
      layer: [
        {
          data: { values: bins },
          mark: { type: 'bar', binSpacing: 1 },
          encoding: {
            x: { ...x, field: 'start' },
            x2: { field: 'end' },
            y: { field: 'count', type: 'quantitative', title: say(lang, 'montecarlo.count'), scale: { domain: [0, maxCount * 1.3] } },
            y2: { datum: 0 },
            color: { field: 'side', type: 'nominal', title: null, scale: { domain: sides, range: colours } },
          },
        },
        {
          data: { values: [{ at: 1, text: marker }] },
          layer: [
            { mark: { type: 'rule', color: palette.ink, strokeWidth: 2, strokeDash: [5, 3] }, encoding: { x: { ...x, field: 'at' } } },
            { mark: { type: 'text', align: 'left', dx: 5, y: 0, baseline: 'top', fontWeight: 'bold', color: palette.ink }, encoding: { x: { ...x, field: 'at' }, text: { field: 'text', type: 'nominal' } } },
          ],
        },
        {
          data: { values: [{ p5: input.p5, p50: input.p50, p95: input.p95, count: maxCount * 1.12, text: say(lang, 'montecarlo.interval') }] },
          layer: [
            { mark: { type: 'text', align: 'left', dx: 6, baseline: 'middle', color: palette.ink }, encoding: { x: { ...x, field: 'p95' }, y: { field: 'count', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } } },
            { mark: { type: 'rule', color: palette.ink, strokeWidth: 2 }, encoding: { x: { ...x, field: 'p5' }, x2: { field: 'p95' }, y: { field: 'count', type: 'quantitative' } } },
            { mark: { type: 'point', filled: true, color: palette.ink, size: 60 }, encoding: { x: { ...x, field: 'p50' }, y: { field: 'count', type: 'quantitative' } } },
          ],
        },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'montecarlo.bin'), numeric: false },
        { label: say(lang, 'montecarlo.count'), numeric: true },
        { label: say(lang, 'montecarlo.side'), numeric: false },
      ],
      rows: bins.map((b) => [b.range, formatNumber(b.count, lang, 0), b.side]),
    },
  };
}
