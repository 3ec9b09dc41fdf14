import type { Lang } from '../core/messages.js';
import { formatNumber, formatPercent } from '../core/format.js';
import type { Chart } from './chart.js';
import { chartConfig } from './chart-config.js';
import { criterionStatuses, palette, statusColours, type CriterionStatus } from './palette.js';
import { say } from './render-text.js';
import { showsAsPercent } from './share-unit.js';

/**
 * One success criterion as evaluated (METHODS §5): the input of {@link scorecardChart}. `achievement` is
 * (y − baseline)/(target − baseline) clipped to [0, 1]; null when not measurable.
 */
export interface ScorecardRow {
  readonly id: string;
  readonly label: string;
  readonly category?: string;
  readonly status: CriterionStatus;
  readonly achievement: number | null;
  readonly value: number | null;
  readonly baseline: number;
  readonly target: number;
  readonly unit?: string;
  /** Values are shares shown as percentages (default: when the unit names a share, e.g. "aandeel"). */
  readonly percent?: boolean;
  /** For a criterion not due yet: on or off a straight path from baseline to target. */
  readonly track?: 'on-track' | 'off-track' | null;
  /** Achievement from which the criterion is partly met (default 0.5). */
  readonly threshold?: number;
  readonly digits?: number;
  /** Decimals always shown (2 for amounts such as € per m²: 1,90, not 1,9). */
  readonly minDigits?: number;
}

/**
 * Scorecard as a bullet chart: per criterion a grey track from baseline (0 %) to target (100 %), a bar for the
 * achievement coloured by status, a tick at the "partly met" threshold, and the status in words beside it.
 */
export function scorecardChart(rows: readonly ScorecardRow[], lang: Lang): Chart {
  const fmt = (r: ScorecardRow, v: number | null): string => {
    if (v === null) return say(lang, 'common.not-available');
    if (showsAsPercent(r.percent, r.unit)) return `${formatNumber(v * 100, lang, Math.max(0, (r.digits ?? 2) - 2))}%`;
    return `${formatNumber(v, lang, r.digits ?? 1, r.minDigits ?? 0)}${r.unit ? ` ${r.unit}` : ''}`;
  };
  const statusText = (r: ScorecardRow): string => `${say(lang, `status.${r.status}`)}${r.track ? ` (${say(lang, `track.${r.track}`)})` : ''}`;
  const data = rows.map((r) => ({
    criterion: r.label,
    status: say(lang, `status.${r.status}`),
    achievement: r.achievement,
    threshold: r.threshold ?? 0.5,
    track: 1,
    text: `${statusText(r)} · ${r.achievement === null ? '—' : formatPercent(r.achievement, lang)}`,
  }));
  const y = { field: 'criterion', type: 'nominal' as const, sort: rows.map((r) => r.label), title: null, axis: { labelLimit: 400 } };
  const x = { type: 'quantitative' as const, scale: { domain: [0, 1.6] }, axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] }, title: say(lang, 'scorecard.axis') };
  const present = criterionStatuses.filter((s) => rows.some((r) => r.status === s));
  const counts = present.map((s) => `${rows.filter((r) => r.status === s).length} ${say(lang, `status.${s}`)}`).join(', ');
  const title = say(lang, 'scorecard.title');
  const description = say(lang, 'scorecard.description', { count: rows.length, summary: counts });
  return {
    id: 'scorecard',
    title,
    description,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      description,
      width: 440,
      height: { step: 34 },
      config: chartConfig(lang),
      data: { values: data },
      layer: [
        { mark: { type: 'bar', color: '#EDEDED', height: { band: 0.75 } }, encoding: { y, x: { ...x, field: 'track' } } },
        {
          mark: { type: 'bar', height: { band: 0.45 } },
          encoding: {
            y,
            x: { ...x, field: 'achievement' },
            color: {
              field: 'status',
              type: 'nominal',
              title: say(lang, 'scorecard.status'),
              scale: { domain: present.map((s) => say(lang, `status.${s}`)), range: present.map((s) => statusColours[s]) },
            },
          },
        },
        { mark: { type: 'tick', color: palette.ink, thickness: 2, bandSize: 24 }, encoding: { y, x: { ...x, field: 'threshold' } } },
        { mark: { type: 'text', align: 'left', dx: 6, baseline: 'middle' }, encoding: { y, x: { ...x, field: 'track' }, text: { field: 'text', type: 'nominal' } } },
      ],
    },
    table: {
      caption: title,
      columns: [
        { label: say(lang, 'scorecard.criterion'), numeric: false },
        { label: say(lang, 'scorecard.baseline'), numeric: true },
        { label: say(lang, 'scorecard.target'), numeric: true },
        { label: say(lang, 'scorecard.measured'), numeric: true },
        { label: say(lang, 'scorecard.achievement'), numeric: true },
        { label: say(lang, 'scorecard.status'), numeric: false },
      ],
      rows: rows.map((r) => [r.label, fmt(r, r.baseline), fmt(r, r.target), fmt(r, r.value), r.achievement === null ? '—' : formatPercent(r.achievement, lang), statusText(r)]),
    },
  };
}
