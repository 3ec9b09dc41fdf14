import type { Lang } from '../core/messages.js';
import { formatNumber, formatRatio } from '../core/format.js';
import type { Chart } from './chart.js';
import { chartConfig } from './chart-config.js';
import { histogramBins } from './histogram-bins.js';
import { palette } from './palette.js';
import type { PortfolioEntry } from './portfolio-chart.js';
import { say } from './render-text.js';

/**
 * The spread of the headline ratios over a whole portfolio: a histogram of how many initiatives fall in each ratio
 * band, bands below 1 and from 1 up in different colours (1 is always a band edge), ratio 1 marked. Beside the
 * portfolio chart of a large portfolio, which draws only its highest and lowest ratios. Initiatives without a
 * ratio (no inputs) are left out and the description counts only those with one.
 */
export function portfolioSpreadChart(entries: readonly PortfolioEntry[], lang: Lang): Chart {
  const ratios = entries.flatMap((e) => (e.ratio === null || !Number.isFinite(e.ratio) ? [] : [e.ratio]));
  const ordered = Float64Array.from(ratios).sort();
  const median = ordered.length ? (ordered.length % 2 ? ordered[(ordered.length - 1) / 2]! : (ordered[ordered.length / 2 - 1]! + ordered[ordered.length / 2]!) / 2) : null;
  const below = say(lang, 'montecarlo.below');
  const above = say(lang, 'montecarlo.above');
  const bins = histogramBins(ordered, 30, 1).map((b) => ({
    ...b,
    side: b.start >= 1 - 1e-12 ? above : below,
    range: `${formatNumber(b.start, lang, 2)}–${formatNumber(b.end, lang, 2)}`,
  }));
  const title = say(lang, 'portfolio-spread.title');
  const description = say(lang, 'portfolio-spread.description', {
    count: ordered.length,
    above: ordered.filter((r) => r >= 1).length,
    below: ordered.filter((r) => r < 1).length,
    median: formatRatio(median, lang),
  });
  const x = { type: 'quantitative' as const, title: say(lang, 'portfolio-spread.axis'), axis: { format: ',.1f' }, scale: { zero: false, nice: false } };
  return {
    id: 'portfolio-spread',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 420,
      height: 180,
      config: chartConfig(lang),
      layer: [
        {
          data: { values: bins },
          mark: { type: 'bar' },
          encoding: {
            x: { ...x, field: 'start' },
            x2: { field: 'end' },
            y: { field: 'count', type: 'quantitative', title: say(lang, 'portfolio-spread.count') },
            color: { field: 'side', type: 'nominal', scale: { domain: [below, above], range: [palette.vermillion, palette.blue] }, legend: { title: null, orient: 'top' } },
          },
        },
        {
          data: { values: [{ at: 1 }] },
          mark: { type: 'rule', color: palette.vermillion, strokeDash: [5, 3], strokeWidth: 1.5 },
          encoding: { x: { ...x, field: 'at' } },
        },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'portfolio-spread.range'), numeric: false },
        { label: say(lang, 'portfolio-spread.count'), numeric: true },
      ],
      rows: bins.map((b) => [b.range, String(b.count)]),
    },
  };
}
