import { buildReport, reportFormats, type ReportBundle, type ReportFile, type ReportFormat } from './build-report.js';
import type { DataTable } from './chart.js';
import { chartFigure } from './chart-figure.js';
import { viewFiles } from './council-view.js';
import { escapeHtml } from './html-escape.js';
import { generatedStamp, htmlPage } from './html-page.js';
import { htmlTable } from './html-table.js';
import { headline, keyFigures, methodLabel, signedEuro } from './key-figures.js';
import { specJson } from './normalise-spec.js';
import { portfolioChart, type PortfolioEntry } from './portfolio-chart.js';
import { renderPng } from './render-png.js';
import { renderSvg } from './render-svg.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { tell } from './report-text.js';
import { say } from './render-text.js';
import { criterionStatuses } from './palette.js';
import { markdownTable } from './report-markdown.js';

/**
 * The portfolio entry of one initiative: its headline ratio and net value (SROI, or B/C ratio and balance when the
 * method is MKBA), P5–P95 from its Monte Carlo run when given.
 */
export function portfolioEntry(input: ReportInput): PortfolioEntry {
  const h = headline(input.valuation, 'nl');
  const mc = input.uncertainty?.monteCarlo;
  const base = { id: input.model.id, label: input.model.name, ratio: h.ratio, npv: h.net };
  // The interval must be of the ratio shown: the SROI ratio's, or for an MKBA its B/C ratio's (never one beside the other).
  const sameMeasure = mc !== undefined && (h.kind === 'sroi' ? mc.measure !== 'mkba' : mc.measure === 'mkba');
  return mc && sameMeasure ? { ...base, p5: mc.p5, p95: mc.p95 } : base;
}

/**
 * The portfolio report over many initiatives: an overview page (`index.html`, `index.md`) with the ratio of each
 * initiative and its P5–P95 interval where known, every ratio beside its NPV, horizon and rate, linking to a
 * folder per initiative with its full report. Initiatives are listed by id so the output does not depend on the
 * order of the input.
 */
export async function buildPortfolio(inputs: readonly ReportInput[], options: ReportOptions, formats: readonly ReportFormat[] = reportFormats): Promise<{ files: ReportFile[]; reports: ReportBundle[] }> {
  const { lang } = options;
  const sorted = [...inputs].sort((a, b) => a.model.id.localeCompare(b.model.id));
  const reports: ReportBundle[] = [];
  const files: ReportFile[] = [];
  for (const input of sorted) {
    const bundle = await buildReport(input, options, formats);
    reports.push(bundle);
    for (const f of bundle.files) files.push({ path: `${bundle.id}/${f.path}`, content: f.content });
  }
  const chart = portfolioChart(sorted.map(portfolioEntry), lang);
  const svg = await renderSvg(chart.spec, chart.id);
  const overview: DataTable = {
    caption: tell(lang, 'portfolio.table'),
    columns: [
      { label: tell(lang, 'col.initiative'), numeric: false },
      { label: tell(lang, 'col.method'), numeric: false },
      { label: tell(lang, 'col.headline-ratio'), numeric: true },
      { label: tell(lang, 'col.headline-net'), numeric: true },
      { label: `${tell(lang, 'summary.horizon')} · ${tell(lang, 'summary.rate').toLowerCase()}`, numeric: true },
      { label: tell(lang, 'summary.mkba-balance'), numeric: true },
      { label: tell(lang, 'criteria.title'), numeric: false },
    ],
    rows: sorted.map((i) => {
      const k = keyFigures(i.valuation, lang);
      const h = headline(i.valuation, lang);
      const rows = i.evaluation?.scorecard ?? [];
      const criteria = rows.length
        ? criterionStatuses
            .filter((st) => rows.some((r) => r.status === st))
            .map((st) => `${rows.filter((r) => r.status === st).length} ${say(lang, `status.${st}`)}`)
            .join(', ')
        : i.model.criteria.length
          ? say(lang, 'common.not-available')
          : '—';
      return [i.model.name, methodLabel(i.valuation.valuation.method), h.ratioText, h.netText, `${k.horizon} · ${k.rate}`, i.valuation.mkba ? signedEuro(i.valuation.mkba.balance, lang) : '—', criteria];
    }),
  };
  const links = `<ul>${sorted
    .map(
      (i) =>
        `<li><strong>${escapeHtml(i.model.name)}</strong>: <a href="${i.model.id}/${viewFiles.council}">${escapeHtml(tell(lang, 'portfolio.council'))}</a> · <a href="${i.model.id}/${viewFiles.neighbourhood}">${escapeHtml(tell(lang, 'portfolio.hood'))}</a></li>`,
    )
    .join('')}</ul>`;
  const anyInterval = sorted.some((i) => i.uncertainty?.monteCarlo);
  const illustrative = sorted.some((i) => i.model.illustrative);
  const body = [
    `<header class="report-header"><p class="meta">${escapeHtml(tell(lang, 'portfolio.kicker'))}</p><h1>${escapeHtml(tell(lang, 'portfolio.title'))}</h1></header>`,
    `<p>${escapeHtml(tell(lang, 'portfolio.intro', { count: sorted.length }))}</p>`,
    illustrative ? `<p class="banner">${escapeHtml(tell(lang, 'portfolio.illustrative'))}</p>` : '',
    anyInterval ? '' : `<p class="note">${escapeHtml(tell(lang, 'portfolio.interval-pending'))}</p>`,
    chartFigure(chart, svg, 'folded', tell(lang, 'show-table')),
    htmlTable(overview),
    `<h2 class="no-break">${escapeHtml(tell(lang, 'col.reports'))}</h2>`,
    links,
  ].join('\n');
  if (formats.includes('html'))
    files.push({
      path: 'index.html',
      content: htmlPage({
        lang,
        title: tell(lang, 'portfolio.title'),
        generatedAt: options.generatedAt,
        generatedLine: tell(lang, 'generated', { time: generatedStamp(options.generatedAt) }),
        skipLabel: tell(lang, 'skip'),
        body,
      }),
    });
  if (formats.includes('md'))
    files.push({
      path: 'index.md',
      content: [
        `# ${tell(lang, 'portfolio.title')}`,
        '',
        tell(lang, 'portfolio.intro', { count: sorted.length }),
        '',
        markdownTable(overview),
        '',
        ...sorted.map((i) => `- ${i.model.name}: [${tell(lang, 'portfolio.council')}](${i.model.id}/${viewFiles.council}) · [${tell(lang, 'portfolio.hood')}](${i.model.id}/${viewFiles.neighbourhood})`),
        '',
        `_${tell(lang, 'generated', { time: generatedStamp(options.generatedAt) })}_`,
        '',
      ].join('\n'),
    });
  if (formats.includes('json'))
    files.push({
      path: 'index.json',
      content: `${JSON.stringify(
        {
          generatedAt: options.generatedAt,
          lang,
          initiatives: sorted.map((i) => ({ ...portfolioEntry(i), method: i.valuation.valuation.method, horizonYears: i.valuation.valuation.horizonYears, discount: i.valuation.valuation.discount, priceYear: i.valuation.valuation.priceYear, mkbaBalance: i.valuation.mkba?.balance ?? null, illustrative: i.model.illustrative })),
        },
        null,
        2,
      )}\n`,
    });
  if (formats.includes('svg') || formats.includes('png')) {
    files.push({ path: `charts/${chart.id}.vl.json`, content: specJson(chart.spec) });
    if (formats.includes('svg')) files.push({ path: `charts/${chart.id}.svg`, content: svg });
    if (formats.includes('png')) files.push({ path: `charts/${chart.id}.png`, content: renderPng(svg) });
  }
  return { files, reports };
}

