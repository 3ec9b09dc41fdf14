import type { DataTable } from './chart.js';
import { escapeHtml } from './html-escape.js';

/**
 * A data table as accessible HTML: a caption, column headers with scope, the first cell of each row as a row
 * header, numeric columns right-aligned with tabular figures.
 */
export function htmlTable(table: DataTable, options: { readonly captionHidden?: boolean; readonly className?: string } = {}): string {
  const cls = (numeric: boolean): string => (numeric ? ' class="num"' : '');
  const head = table.columns.map((c) => `<th scope="col"${cls(c.numeric)}>${escapeHtml(c.label)}</th>`).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${cls(table.columns[i]?.numeric ?? false)}>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  const caption = `<caption${options.captionHidden ? ' class="visually-hidden"' : ''}>${escapeHtml(table.caption)}</caption>`;
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(table.caption)}"><table${options.className ? ` class="${options.className}"` : ''}>${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}
