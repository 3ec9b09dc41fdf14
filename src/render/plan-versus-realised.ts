import type { Lang } from '../core/messages.js';
import { formatEuro, formatRatio } from '../core/format.js';
import type { DataTable } from './chart.js';
import { escapeHtml } from './html-escape.js';
import { htmlTable } from './html-table.js';
import type { ReportInput } from './report-input.js';
import { tell } from './report-text.js';
import { say } from './render-text.js';
import { formatDate } from './format-date.js';

/** Section id of the plan-versus-realised section in the council view. */
export const planSectionId = 'plan';

/**
 * The council view's leading section when a forecast was locked (issue 13 point 5): forecast against realised
 * present value, the difference in quantity, proxy, deflator and timing effects per outcome and in total, the NPV,
 * inputs and ratio as locked and now, and — plainly — whether the rules changed after the lock. Empty when no
 * forecast was locked by the report's date.
 * @example planVersusRealisedSection(input, 'nl') // '<section id="plan" …>'
 */
export function planVersusRealisedSection(input: ReportInput, lang: Lang): string {
  const plan = input.planVersusRealised;
  if (!plan) return '';
  const euro = (v: number): string => formatEuro(v, lang);
  const ratio = (v: number | null): string => (v === null ? '—' : formatRatio(v, lang));
  const t = plan.totals;
  const lead = tell(lang, 'plan.lead', {
    date: formatDate(plan.lockedAt.slice(0, 10), lang),
    asOf: formatDate(input.evaluation?.asOf ?? '', lang),
    forecast: euro(t.forecast),
    realised: euro(t.realised),
    difference: euro(t.difference),
  });
  const effects = tell(lang, 'plan.effects', { quantity: euro(t.effects.quantity), proxy: euro(t.effects.proxy), deflators: euro(t.effects.deflators), timing: euro(t.effects.timing) });
  const npv = tell(lang, 'plan.npv', {
    forecast: euro(plan.npv.forecast),
    realised: euro(plan.npv.realised),
    inputsForecast: euro(plan.inputs.forecast),
    inputsRealised: euro(plan.inputs.realised),
    ratioForecast: ratio(plan.sroiRatio.forecast),
    ratioRealised: ratio(plan.sroiRatio.realised),
  });
  const rules = plan.ruleChanges.length
    ? `<div class="note"><p><strong>${escapeHtml(tell(lang, 'plan.rules-changed'))}</strong></p><ul>${plan.ruleChanges.map((c) => `<li>${escapeHtml(c.message[lang])}</li>`).join('')}</ul></div>`
    : `<p>${escapeHtml(tell(lang, 'plan.rules-unchanged'))}</p>`;
  const name = (o: (typeof plan.outcomes)[number]): string =>
    o.status === 'both' ? o.description : tell(lang, o.status === 'added' ? 'plan.added' : 'plan.removed', { name: o.description });
  const table: DataTable = {
    caption: tell(lang, 'plan.table'),
    columns: [
      { label: tell(lang, 'col.outcome'), numeric: false },
      { label: tell(lang, 'plan.col.forecast'), numeric: true },
      { label: tell(lang, 'plan.col.realised'), numeric: true },
      { label: tell(lang, 'plan.col.difference'), numeric: true },
      { label: tell(lang, 'plan.col.quantity'), numeric: true },
      { label: tell(lang, 'plan.col.proxy'), numeric: true },
      { label: tell(lang, 'plan.col.deflators'), numeric: true },
      { label: tell(lang, 'plan.col.timing'), numeric: true },
    ],
    rows: [
      ...plan.outcomes.map((o) => [name(o), euro(o.forecast), euro(o.realised), euro(o.difference), euro(o.effects.quantity), euro(o.effects.proxy), euro(o.effects.deflators), euro(o.effects.timing)]),
      [say(lang, 'common.total'), euro(t.forecast), euro(t.realised), euro(t.difference), euro(t.effects.quantity), euro(t.effects.proxy), euro(t.effects.deflators), euro(t.effects.timing)],
    ],
  };
  const body = [`<p>${escapeHtml(lead)}</p>`, `<p>${escapeHtml(effects)}</p>`, rules, htmlTable(table), `<p>${escapeHtml(npv)}</p>`, `<p class="note">${escapeHtml(tell(lang, 'plan.method'))}</p>`].join('\n');
  return `<section id="${planSectionId}" aria-labelledby="${planSectionId}-h">\n<h2 id="${planSectionId}-h">${escapeHtml(tell(lang, 'plan.title'))}</h2>\n${body}\n</section>`;
}
