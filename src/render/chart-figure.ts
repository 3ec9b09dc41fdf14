import type { Chart } from './chart.js';
import { escapeHtml } from './html-escape.js';
import { htmlTable } from './html-table.js';

/**
 * An SVG prepared for inlining: one image with the chart's text alternative as its accessible name; vega's own
 * ARIA roles inside it are removed because an image's parts are not separately announced.
 */
export function accessibleSvg(svg: string, label: string, id: string): string {
  const inner = svg
    .replace(/^<svg\b([^>]*)>/, '')
    .replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  const open = svg.match(/^<svg\b([^>]*)>/)?.[1] ?? '';
  const attrs = open.replace(/\sclass="[^"]*"/, '');
  return `<svg${attrs} class="chart" id="${id}" role="img" aria-label="${escapeHtml(label)}" focusable="false">${inner}`;
}

/**
 * A chart as an HTML figure: the inline SVG, a caption with the text alternative, and the data as a table
 * (visible, or folded in a details element for plain-language pages).
 */
export function chartFigure(chart: Chart, svg: string, table: 'visible' | 'folded', foldLabel = ''): string {
  const data = htmlTable(chart.table, { captionHidden: table === 'folded' });
  const tableHtml = table === 'visible' ? data : `<details class="chart-data"><summary>${escapeHtml(foldLabel)}</summary>\n${data}\n</details>`;
  return `<figure class="figure" id="fig-${chart.id}">
${accessibleSvg(svg, `${chart.title}. ${chart.description}`, `chart-${chart.id}`)}
<figcaption>${escapeHtml(chart.description)}</figcaption>
${tableHtml}
</figure>`;
}
