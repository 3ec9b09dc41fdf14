import type { Lang } from '../core/messages.js';
import { maxOf } from '../core/collections.js';
import { formatEuro, formatRatio } from '../core/format.js';
import type { Chart } from './chart.js';
import { chartConfig } from './chart-config.js';
import { palette } from './palette.js';
import { say } from './render-text.js';

/** One initiative in the portfolio overview: its ratio, NPV and, when known, the P5–P95 interval of the ratio. */
export interface PortfolioEntry {
  readonly id: string;
  readonly label: string;
  readonly ratio: number | null;
  readonly npv: number;
  /** ISO 4217 code of the initiative's amounts (default EUR): initiatives of one portfolio may differ. */
  readonly currency?: string;
  readonly p5?: number;
  readonly p95?: number;
}

/** Up to this many initiatives the portfolio chart shows every one; above it, the {@link PORTFOLIO_CHART_ENDS} highest and lowest. */
export const PORTFOLIO_CHART_ALL = 60;
/** How many of the highest and of the lowest ratios a chart of a larger portfolio shows. */
export const PORTFOLIO_CHART_ENDS = 25;

/**
 * Portfolio overview: the SROI ratio per initiative as a dot with its P5–P95 interval as a line (when a Monte
 * Carlo run exists), highest ratio on top, ratio 1 marked. Past {@link PORTFOLIO_CHART_ALL} initiatives only the
 * {@link PORTFOLIO_CHART_ENDS} highest and lowest are drawn (a chart of 1,000 rows is 36,000 px tall and unreadable);
 * the description says so, and the overview table and {@link portfolioSpreadChart} cover all of them.
 */
export function portfolioChart(entries: readonly PortfolioEntry[], lang: Lang): Chart {
  const sorted = [...entries].sort((a, b) => (b.ratio ?? -Infinity) - (a.ratio ?? -Infinity) || a.id.localeCompare(b.id));
  const withRatio = sorted.filter((e) => e.ratio !== null);
  const paged = withRatio.length > PORTFOLIO_CHART_ALL;
  const shown = paged ? [...withRatio.slice(0, PORTFOLIO_CHART_ENDS), ...withRatio.slice(-PORTFOLIO_CHART_ENDS)] : withRatio;
  const rows = shown.map((e, rank) => ({ initiative: e.label, rank, ratio: e.ratio, p5: e.p5 ?? null, p95: e.p95 ?? null, text: formatRatio(e.ratio, lang) }));
  const intervals = rows.filter((r) => r.p5 !== null && r.p95 !== null);
  const values = [1, ...rows.flatMap((r) => [r.ratio!, r.p5 ?? r.ratio!, r.p95 ?? r.ratio!])];
  const x = { type: 'quantitative' as const, title: say(lang, 'portfolio.axis'), scale: { domain: [0, maxOf(values) * 1.2] }, axis: { format: ',.1f' } };
  // Sorted by a rank field, not by a list of labels: vega-lite turns a list into one nested expression per label,
  // which overflows the stack at about 1,000 initiatives.
  const y = { field: 'initiative', type: 'nominal' as const, sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const }, title: null };
  const title = say(lang, 'portfolio.title');
  const top = sorted[0];
  const summary = top
    ? say(lang, 'portfolio.description', {
        count: entries.length,
        above: entries.filter((e) => e.ratio !== null && e.ratio >= 1).length,
        top: top.label,
        topRatio: formatRatio(top.ratio, lang),
      })
    : title;
  const description = paged ? `${summary} ${say(lang, 'portfolio.ends', { shown: PORTFOLIO_CHART_ENDS, count: withRatio.length })}` : summary;
  return {
    id: 'portfolio',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 420,
      height: { step: 36 },
      config: chartConfig(lang),
      layer: [
        ...(intervals.length
          ? [{ data: { values: intervals }, mark: { type: 'rule' as const, color: palette.blue, strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'p5' }, x2: { field: 'p95' } } }]
          : []),
        {
          data: { values: rows },
          layer: [
            { mark: { type: 'point', filled: true, size: 90, color: palette.blue }, encoding: { y, x: { ...x, field: 'ratio' } } },
            { mark: { type: 'text', dy: -12, fontWeight: 'bold' }, encoding: { y, x: { ...x, field: 'ratio' }, text: { field: 'text', type: 'nominal' } } },
          ],
        },
        {
          data: { values: [{ at: 1, text: say(lang, 'portfolio.break-even') }] },
          layer: [
            { mark: { type: 'rule', color: palette.vermillion, strokeDash: [5, 3], strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'at' } } },
            { mark: { type: 'text', y: 'height', dy: -4, dx: 4, align: 'left', color: palette.vermillion, fontWeight: 'bold' }, encoding: { x: { ...x, field: 'at' }, text: { field: 'text', type: 'nominal' } } },
          ],
        },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'portfolio.initiative'), numeric: false },
        { label: say(lang, 'portfolio.ratio'), numeric: true },
        { label: say(lang, 'portfolio.npv'), numeric: true },
        { label: say(lang, 'portfolio.p5'), numeric: true },
        { label: say(lang, 'portfolio.p95'), numeric: true },
      ],
      rows: (paged ? shown : sorted).map((e) => [
        e.label,
        formatRatio(e.ratio, lang),
        formatEuro(e.npv, lang, 0, e.currency),
        e.p5 === undefined ? '—' : formatRatio(e.p5, lang),
        e.p95 === undefined ? '—' : formatRatio(e.p95, lang),
      ]),
    },
  };
}
