import type { Lang } from '../core/messages.js';
import { formatEuro, formatNumber, currencyWord } from '../core/format.js';
import type { DataTable } from './chart.js';
import { generatedStamp } from './html-page.js';
import { headline, keyFigures, signedEuro } from './key-figures.js';
import { criterionStatuses } from './palette.js';
import type { ReportCharts } from './report-charts.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { tell } from './report-text.js';
import { say } from './render-text.js';
import { viewFiles } from './council-view.js';
import { markdownText } from './markdown-escape.js';

const cell = (s: string): string => markdownText(s).replace(/\|/g, '\\|');

/** A data table as a GitHub-flavoured Markdown table. */
export function markdownTable(t: DataTable): string {
  const head = `| ${t.columns.map((c) => cell(c.label)).join(' | ')} |`;
  const rule = `|${t.columns.map((c) => (c.numeric ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
  return [`**${cell(t.caption)}**`, '', head, rule, ...rows].join('\n');
}

/**
 * A short Markdown summary of one initiative, for e-mail and issue trackers: key figures (ratio always with NPV,
 * horizon and rate), criteria, value per stakeholder, MKBA balance, PM items, and where the full report is.
 * The generation time appears on one line only.
 */
export function reportMarkdown(input: ReportInput, charts: ReportCharts, options: ReportOptions): string {
  const { lang } = options;
  const r = input.valuation;
  const v = r.valuation;
  const cur = v.currency;
  const k = keyFigures(r, lang);
  const h = headline(r, lang);
  const out: string[] = [`# ${markdownText(input.model.name)}`, ''];
  if (input.model.illustrative) out.push(`> ${say(lang, 'common.illustrative')}`, '');
  out.push(`**${tell(lang, 'council.goal')}:** ${markdownText(input.model.horizon)}`, '');
  out.push(`## ${tell(lang, 'summary.title')}`, '');
  out.push(
    markdownTable({
      caption: tell(lang, 'valuation.totals'),
      columns: [
        { label: tell(lang, 'col.measure'), numeric: false },
        { label: tell(lang, 'col.value'), numeric: true },
      ],
      rows: [
        [h.ratioLabel, h.ratioText],
        [h.netLabel, h.netText],
        [tell(lang, 'summary.horizon'), k.horizon],
        [tell(lang, 'summary.rate'), k.rate],
        [h.kind === 'mkba' ? tell(lang, 'mkba.pv-benefits') : tell(lang, 'summary.pv-benefits'), formatEuro(h.pvBenefits, lang, 0, cur)],
        [h.kind === 'mkba' ? tell(lang, 'mkba.pv-costs') : tell(lang, 'summary.pv-inputs'), formatEuro(h.pvCosts, lang, 0, cur)],
        [tell(lang, 'methods.price-year'), String(v.priceYear)],
        ...(r.mkba && h.kind === 'sroi'
          ? [
              [tell(lang, 'summary.mkba-balance'), signedEuro(r.mkba.balance, lang, cur)],
              [tell(lang, 'summary.bc-ratio'), r.mkba.benefitCostRatio === null ? '—' : formatNumber(r.mkba.benefitCostRatio, lang, 2)],
            ]
          : []),
      ],
    }),
    '',
    h.kind === 'mkba'
      ? tell(lang, 'summary.mkba-leads', { ratio: k.ratio })
      : tell(lang, 'summary.sentence', { currency: currencyWord(v.currency), horizon: v.horizonYears, rate: k.rate, ratio: k.ratio, pv: k.pvBenefits, inputs: k.pvInputs, npv: k.npv, priceYear: v.priceYear }),
    '',
  );
  out.push(`## ${tell(lang, 'criteria.title')}`, '');
  const evaluated = input.evaluation?.scorecard ?? [];
  if (charts.scorecard) out.push(markdownTable(charts.scorecard.table), '');
  else if (input.model.criteria.length) {
    out.push(`_${tell(lang, 'not-available')}_ ${tell(lang, 'summary.criteria-pending', { n: input.model.criteria.length })}`, '');
    for (const c of input.model.criteria) out.push(`- ${markdownText(c.description)} (${tell(lang, 'criteria.col.deadline').toLowerCase()} ${c.deadline})`);
    out.push('');
  } else out.push(tell(lang, 'criteria.none'), '');
  if (evaluated.length) {
    const parts = criterionStatuses.filter((s) => evaluated.some((c) => c.status === s)).map((s) => `${evaluated.filter((c) => c.status === s).length} ${say(lang, `status.${s}`)}`);
    out.push(tell(lang, 'summary.criteria', { summary: parts.join(', ') }), '');
  }
  out.push(`## ${tell(lang, 'valuation.title')}`, '', markdownTable(charts.waterfall.table), '', markdownTable(charts.stakeholders.table), '', markdownTable(charts.inputs.table), '');
  if (charts.distribution) out.push(`## ${tell(lang, 'mkba.title')}`, '', markdownTable(charts.distribution.table), '');
  const pm = r.mkba?.pmItems ?? input.model.pmItems;
  out.push(`## ${tell(lang, 'pm.title')}`, '');
  if (pm.length) for (const i of pm) out.push(`- ${tell(lang, `sign.${i.sign}`)} · ${markdownText(i.description)} (${tell(lang, `size.${i.size}`)})`);
  else out.push(tell(lang, 'pm.none'));
  out.push('', `## ${tell(lang, 'uncertainty.title')}`, '');
  const shown = [charts.tornado, charts.monteCarlo, charts.tornadoMkba, charts.monteCarloMkba].filter((c) => c !== undefined);
  for (const c of shown) out.push(markdownText(c.description), '');
  if (shown.length === 0) out.push(tell(lang, 'uncertainty.pending'), '');
  out.push('---', '', `${tell(lang, 'hood.more', { link: `[${tell(lang, 'hood.more.link')}](${viewFiles.council})` })}`, '');
  out.push(`_${tell(lang, 'generated', { time: generatedStamp(options.generatedAt) })}_`, '');
  return out.join('\n');
}
