import { buildReport, reportFormats, type ReportBundle, type ReportFile, type ReportFormat } from './build-report.js';
import type { DataTable } from './chart.js';
import { chartFigure } from './chart-figure.js';
import { viewFiles } from './council-view.js';
import { escapeHtml } from './html-escape.js';
import { generatedStamp, htmlPage } from './html-page.js';
import { htmlTable } from './html-table.js';
import { specJson } from './normalise-spec.js';
import { PORTFOLIO_CHART_ALL, portfolioChart } from './portfolio-chart.js';
import { portfolioRow, type PortfolioRow } from './portfolio-row.js';
import { portfolioSpreadChart } from './portfolio-spread-chart.js';
import type { Lang } from '../core/messages.js';
import { renderPng } from './render-png.js';
import { renderSvg } from './render-svg.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { tell } from './report-text.js';
import { markdownTable } from './report-markdown.js';

export { portfolioEntry } from './portfolio-row.js';

/**
 * The portfolio report over many initiatives: an overview page (`index.html`, `index.md`) with the ratio of each
 * initiative and its P5–P95 interval where known, every ratio beside its NPV, horizon and rate, linking to a
 * folder per initiative with its full report. Initiatives are listed by id so the output does not depend on the
 * order of the input. Holds every report in memory: a portfolio run streams instead (`runPortfolioStream`), with the
 * same files.
 */
export async function buildPortfolio(inputs: readonly ReportInput[], options: ReportOptions, formats: readonly ReportFormat[] = reportFormats): Promise<{ files: ReportFile[]; reports: ReportBundle[] }> {
  const sorted = [...inputs].sort((a, b) => a.model.id.localeCompare(b.model.id));
  const reports: ReportBundle[] = [];
  const files: ReportFile[] = [];
  for (const input of sorted) {
    const bundle = await buildReport(input, options, formats);
    reports.push(bundle);
    for (const f of bundle.files) files.push({ path: `${bundle.id}/${f.path}`, content: f.content });
  }
  for (const f of await buildPortfolioOverview(sorted.map((i) => portfolioRow(i, options.lang)), options, formats)) files.push(f);
  return { files, reports };
}

/** What else the overview page links to or says: summary files written beside it, reports not rendered. */
export interface PortfolioOverviewOptions {
  /** File names of the summary rows written beside the overview (CSV, Parquet), linked from the page. */
  readonly downloads?: { readonly csv: string; readonly parquet?: string };
  /** False when the run made no report per initiative (`--no-render`): the page says so and links to none. */
  readonly rendered?: boolean;
}

/**
 * The overview files of a portfolio from its rows alone (`index.html`, `index.md`, `index.json`, the chart), so a
 * run can render and write each initiative's report as it finishes and keep only its row. Past
 * {@link PORTFOLIO_CHART_ALL} initiatives the page stays readable: the chart draws the highest and lowest ratios, a
 * histogram shows the spread of all, and the complete table (in id order, readable without script) gets a small
 * inline script to sort by any column and filter by name.
 */
export async function buildPortfolioOverview(rows: readonly PortfolioRow[], options: ReportOptions, formats: readonly ReportFormat[] = reportFormats, extra: PortfolioOverviewOptions = {}): Promise<ReportFile[]> {
  const { lang } = options;
  const sorted = [...rows].sort((a, b) => a.id.localeCompare(b.id));
  const rendered = extra.rendered ?? true;
  const files: ReportFile[] = [];
  const entries = sorted.map((r) => r.entry);
  const large = sorted.length > PORTFOLIO_CHART_ALL;
  const charts = [portfolioChart(entries, lang), ...(large ? [portfolioSpreadChart(entries, lang)] : [])];
  const svgs: string[] = [];
  for (const c of charts) svgs.push(await renderSvg(c.spec, c.id));
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
    rows: sorted.map((r) => r.cells),
  };
  const links = rendered
    ? `<ul>${sorted
        .map(
          (i) =>
            `<li><strong>${escapeHtml(i.name)}</strong>: <a href="${i.id}/${viewFiles.council}">${escapeHtml(tell(lang, 'portfolio.council'))}</a> · <a href="${i.id}/${viewFiles.neighbourhood}">${escapeHtml(tell(lang, 'portfolio.hood'))}</a></li>`,
        )
        .join('')}</ul>`
    : `<p class="note">${escapeHtml(tell(lang, 'portfolio.not-rendered'))}</p>`;
  const anyInterval = sorted.some((i) => i.hasMonteCarlo);
  const illustrative = sorted.some((i) => i.illustrative);
  const downloads = extra.downloads
    ? `<p>${tell(lang, 'portfolio.downloads', {
        csv: `<a href="${escapeHtml(extra.downloads.csv)}">${escapeHtml(extra.downloads.csv)}</a>`,
        parquet: extra.downloads.parquet ? `<a href="${escapeHtml(extra.downloads.parquet)}">${escapeHtml(extra.downloads.parquet)}</a>` : '—',
      })}</p>`
    : '';
  const body = [
    `<header class="report-header"><p class="meta">${escapeHtml(tell(lang, 'portfolio.kicker'))}</p><h1>${escapeHtml(tell(lang, 'portfolio.title'))}</h1></header>`,
    `<p>${escapeHtml(tell(lang, 'portfolio.intro', { count: sorted.length }))}</p>`,
    illustrative ? `<p class="banner">${escapeHtml(tell(lang, 'portfolio.illustrative'))}</p>` : '',
    anyInterval ? '' : `<p class="note">${escapeHtml(tell(lang, 'portfolio.interval-pending'))}</p>`,
    ...charts.map((c, i) => chartFigure(c, svgs[i]!, 'folded', tell(lang, 'show-table'))),
    ...(large ? [downloads, sortableTable(overview, sorted, lang)] : [htmlTable(overview), ...(downloads ? [downloads] : [])]),
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
        ...(rendered ? sorted.map((i) => `- ${i.name}: [${tell(lang, 'portfolio.council')}](${i.id}/${viewFiles.council}) · [${tell(lang, 'portfolio.hood')}](${i.id}/${viewFiles.neighbourhood})`) : [tell(lang, 'portfolio.not-rendered')]),
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
          initiatives: sorted.map((i) => ({ ...i.entry, method: i.method, horizonYears: i.horizonYears, discount: i.discount, priceYear: i.priceYear, mkbaBalance: i.mkbaBalance, illustrative: i.illustrative })),
        },
        null,
        2,
      )}\n`,
    });
  if (formats.includes('svg') || formats.includes('png'))
    charts.forEach((chart, i) => {
      files.push({ path: `charts/${chart.id}.vl.json`, content: specJson(chart.spec) });
      if (formats.includes('svg')) files.push({ path: `charts/${chart.id}.svg`, content: svgs[i]! });
      if (formats.includes('png')) files.push({ path: `charts/${chart.id}.png`, content: renderPng(svgs[i]!) });
    });
  return files;
}

/** Sort keys of the overview's columns, by row: the name, method, ratio, net value, horizon, MKBA balance and criteria met. */
function sortKeys(r: PortfolioRow): (string | number | null)[] {
  return [r.name.toLocaleLowerCase(), r.method, r.entry.ratio, r.entry.npv, r.horizonYears, r.mkbaBalance, r.criteria.met];
}

/**
 * The overview table of a large portfolio: the same complete table (readable and printable without script), each
 * cell with its sort key, and an inline script that adds a name filter and sortable column headings. No external
 * source: the page stays one self-contained file. Where a policy forbids inline scripts (the service serves reports
 * without scripts) the table is simply static.
 */
function sortableTable(table: DataTable, rows: readonly PortfolioRow[], lang: Lang): string {
  const cls = (numeric: boolean): string => (numeric ? ' class="num"' : '');
  const key = (v: string | number | null): string => (v === null ? '' : ` data-v="${escapeHtml(String(v))}"`);
  const head = table.columns.map((c) => `<th scope="col"${cls(c.numeric)}>${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map((r) => {
      const keys = sortKeys(r);
      return `<tr>${r.cells.map((cell, i) => (i === 0 ? `<th scope="row"${key(keys[i]!)}>${escapeHtml(cell)}</th>` : `<td${cls(table.columns[i]?.numeric ?? false)}${key(keys[i] ?? null)}>${escapeHtml(cell)}</td>`)).join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(table.caption)}"><table id="portfolio-table" data-filter-label="${escapeHtml(tell(lang, 'portfolio.filter'))}" data-sort-hint="${escapeHtml(tell(lang, 'portfolio.sort-hint'))}"><caption>${escapeHtml(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>
<script>${sortScript}</script>`;
}

/** Filter and sort for the overview table; numbers sort as numbers (empty keys last), text by the page's language. */
const sortScript = `(function(){var t=document.getElementById('portfolio-table');if(!t)return;var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),lang=document.documentElement.lang;
var f=document.createElement('input');f.type='search';f.setAttribute('aria-label',t.dataset.filterLabel);f.placeholder=t.dataset.filterLabel;
var h=document.createElement('p');h.className='note';h.textContent=t.dataset.sortHint;var w=t.parentNode;w.parentNode.insertBefore(f,w);w.parentNode.insertBefore(h,w);
f.addEventListener('input',function(){var q=f.value.toLocaleLowerCase(lang);rows.forEach(function(r){r.hidden=q!==''&&r.cells[0].textContent.toLocaleLowerCase(lang).indexOf(q)<0;});});
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,c){var btn=document.createElement('button');btn.type='button';btn.textContent=th.textContent;th.textContent='';th.appendChild(btn);th.setAttribute('aria-sort','none');
btn.addEventListener('click',function(){var up=th.getAttribute('aria-sort')!=='ascending';Array.prototype.forEach.call(t.tHead.rows[0].cells,function(o){o.setAttribute('aria-sort','none');});th.setAttribute('aria-sort',up?'ascending':'descending');
var key=function(r){var v=r.cells[c].getAttribute('data-v');return v===null?null:(isNaN(Number(v))?v:Number(v));};
rows.sort(function(x,y){var a=key(x),z=key(y);if(a===null)return z===null?0:1;if(z===null)return -1;var d=typeof a==='number'&&typeof z==='number'?a-z:String(a).localeCompare(String(z),lang);return up?d:-d;});
rows.forEach(function(r){b.appendChild(r);});});});})();`;

