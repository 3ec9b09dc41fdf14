import type { Lang } from '../core/messages.js';
import type { SroiResult } from '../core/sroi.js';
import { headline, keyFigures, methodLabel, signedEuro } from './key-figures.js';
import { criterionStatuses, type CriterionStatus } from './palette.js';
import type { PortfolioEntry } from './portfolio-chart.js';
import type { ReportInput } from './report-input.js';
import { say } from './render-text.js';

/**
 * What the portfolio overview keeps of one initiative: its chart entry, the cells of its overview row, and the
 * figures of the summary export. A few hundred bytes, so a portfolio of 10,000 initiatives holds only these while
 * each full report is rendered and written as it finishes (issue 18).
 */
export interface PortfolioRow {
  readonly id: string;
  readonly name: string;
  readonly entry: PortfolioEntry;
  readonly method: string;
  readonly horizonYears: number;
  readonly discount: SroiResult['discount'];
  readonly priceYear: number;
  readonly mkbaBalance: number | null;
  readonly illustrative: boolean;
  readonly hasMonteCarlo: boolean;
  /** The overview table's cells, as text in the report language. */
  readonly cells: readonly string[];
  /** Criteria per status (met, partly-met, not-met, not-due, not-measurable). */
  readonly criteria: Readonly<Record<CriterionStatus, number>>;
  readonly criteriaDeclared: number;
}

/**
 * The portfolio entry of one initiative: its headline ratio and net value (SROI, or B/C ratio and balance when the
 * method is MKBA), P5–P95 from its Monte Carlo run when given.
 */
export function portfolioEntry(input: ReportInput): PortfolioEntry {
  const h = headline(input.valuation, 'nl');
  const mc = input.uncertainty?.monteCarlo;
  const currency = input.valuation.valuation.currency;
  const base = { id: input.model.id, label: input.model.name, ratio: h.ratio, npv: h.net, ...(currency && currency !== 'EUR' ? { currency } : {}) };
  // The interval must be of the ratio shown: the SROI ratio's, or for an MKBA its B/C ratio's (never one beside the other).
  const sameMeasure = mc !== undefined && (h.kind === 'sroi' ? mc.measure !== 'mkba' : mc.measure === 'mkba');
  return mc && sameMeasure ? { ...base, p5: mc.p5, p95: mc.p95 } : base;
}

/** The overview row of one initiative's report input. */
export function portfolioRow(input: ReportInput, lang: Lang): PortfolioRow {
  const k = keyFigures(input.valuation, lang);
  const h = headline(input.valuation, lang);
  const scorecard = input.evaluation?.scorecard ?? [];
  const criteria = Object.fromEntries(criterionStatuses.map((st) => [st, scorecard.filter((r) => r.status === st).length])) as Record<CriterionStatus, number>;
  const criteriaText = scorecard.length
    ? criterionStatuses
        .filter((st) => criteria[st] > 0)
        .map((st) => `${criteria[st]} ${say(lang, `status.${st}`)}`)
        .join(', ')
    : input.model.criteria.length
      ? say(lang, 'common.not-available')
      : '—';
  const v = input.valuation.valuation;
  return {
    id: input.model.id,
    name: input.model.name,
    entry: portfolioEntry(input),
    method: v.method,
    horizonYears: v.horizonYears,
    discount: v.discount,
    priceYear: v.priceYear,
    mkbaBalance: input.valuation.mkba?.balance ?? null,
    illustrative: input.model.illustrative,
    hasMonteCarlo: input.uncertainty?.monteCarlo !== undefined,
    cells: [input.model.name, methodLabel(v.method), h.ratioText, h.netText, `${k.horizon} · ${k.rate}`, input.valuation.mkba ? signedEuro(input.valuation.mkba.balance, lang, v.currency) : '—', criteriaText],
    criteria,
    criteriaDeclared: input.model.criteria.length,
  };
}
