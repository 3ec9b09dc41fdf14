import type { Lang } from '../core/messages.js';
import { formatEuro, formatNumber } from '../core/format.js';
import { criterionRange, criterionValue } from './criterion-value.js';
import { formatDate } from './format-date.js';
import { chartFigure } from './chart-figure.js';
import { viewFiles } from './council-view.js';
import { escapeHtml } from './html-escape.js';
import { generatedStamp, htmlPage } from './html-page.js';
import { headline, keyFigures } from './key-figures.js';
import type { CriterionStatus } from './palette.js';
import type { ReportCharts } from './report-charts.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { tell } from './report-text.js';
import { say } from './render-text.js';

const symbols: Readonly<Record<CriterionStatus | 'not-available', string>> = {
  met: '✓',
  'partly-met': '~',
  'not-met': '✗',
  'not-due': '…',
  'not-measurable': '?',
  'not-available': '–',
};

function light(status: CriterionStatus | 'not-available', text: string, criterion: string, target: string, measured = ''): string {
  return `<li><span class="light ${status}" aria-hidden="true">${symbols[status]}</span><div><span class="status-text">${escapeHtml(text)}</span><span class="criterion">${escapeHtml(criterion)}</span>${measured ? `<span class="target">${escapeHtml(measured)}</span>` : ''}${target ? `<span class="target">${escapeHtml(target)}</span>` : ''}</div></li>`;
}

function promises(input: ReportInput, lang: Lang): string {
  const evaluated = input.evaluation?.scorecard ?? [];
  const criteria = input.model.criteria;
  const indicator = (id: string | undefined) => input.model.indicators.find((i) => i.id === id);
  const targetText = (c: (typeof criteria)[number] | undefined): string => {
    if (!c) return '';
    const ind = indicator(c.indicator);
    const target = c.direction === 'range' && c.range ? criterionRange(c.range.min, c.range.max, ind, lang) : criterionValue(c.target, ind, lang);
    return tell(lang, 'hood.target', { target, baseline: criterionValue(c.baseline, ind, lang), deadline: formatDate(c.deadline, lang) });
  };
  if (evaluated.length) {
    return `<ul class="lights">${evaluated
      .map((r) => {
        const c = criteria.find((x) => x.id === r.id);
        const measured = r.value === null ? '' : tell(lang, 'hood.measured', { value: c ? criterionValue(r.value, indicator(c.indicator), lang) : `${formatNumber(r.value, lang, 2)}${r.unit ? ` ${r.unit}` : ''}` });
        return light(r.status, say(lang, `status.${r.status}`), r.label, targetText(c), measured);
      })
      .join('\n')}</ul>`;
  }
  if (!criteria.length) return `<p>${escapeHtml(tell(lang, 'criteria.none'))}</p>`;
  return `<p class="note">${escapeHtml(tell(lang, 'hood.promises.pending'))}</p>
<ul class="lights">${criteria.map((c) => light('not-available', tell(lang, 'hood.status.not-available'), c.description, targetText(c))).join('\n')}</ul>`;
}

/** What was put in, in words: "geld, spullen, ruimte of diensten en de uren van vrijwilligers". */
function inputKinds(input: ReportInput, lang: Lang): string {
  const kinds = (['money', 'in-kind', 'volunteer-hours'] as const).filter((k) => input.valuation.valuation.inputs.some((i) => i.kind === k)).map((k) => tell(lang, `hood.kind.${k}`));
  return kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} ${tell(lang, 'hood.and')} ${kinds[kinds.length - 1]}` : (kinds[0] ?? '');
}

/**
 * The neighbourhood view ("horizontale verantwoording") as a self-contained HTML page in plain language: the
 * goal, what it yielded (ratio always with horizon, rate and NPV), a status light per criterion, where the money
 * went, who benefits, what participants said, and who takes part.
 */
export function neighbourhoodView(input: ReportInput, charts: ReportCharts, svgs: ReadonlyMap<string, string>, options: ReportOptions): string {
  const { lang } = options;
  const m = input.model;
  const v = input.valuation.valuation;
  const cur = v.currency;
  const k = keyFigures(input.valuation, lang);
  const h = headline(input.valuation, lang);
  const fold = tell(lang, 'show-table');
  const sec = (id: string, title: string, body: string): string => `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h" class="no-break">${escapeHtml(title)}</h2>\n${body}\n</section>`;
  const ratioSentence = tell(lang, h.ratio !== null && h.ratio < 1 ? 'hood.short.ratio-below' : 'hood.short.sentence', {
    ratio: h.ratio === null ? '—' : formatEuro(h.ratio, lang, 2, cur),
    kinds: inputKinds(input, lang),
  });
  const voices = input.voices ?? [];
  const partners = m.coalition.partners;
  const body = [
    `<header class="report-header">
<p class="meta">${escapeHtml(tell(lang, 'hood.kicker'))}</p>
<h1>${escapeHtml(tell(lang, 'hood.title', { name: m.name }))}</h1>
${m.illustrative ? `<p class="banner">${escapeHtml(say(lang, 'common.illustrative'))}</p>` : ''}
</header>`,
    sec('goal', tell(lang, 'hood.goal'), `<p class="horizon">${escapeHtml(m.horizon)}</p>`),
    sec(
      'short',
      tell(lang, 'hood.short'),
      [
        `<p class="plain-big">${escapeHtml(ratioSentence)}</p>`,
        `<p>${escapeHtml(tell(lang, 'hood.short.detail', { horizon: v.horizonYears, rate: k.rate, pv: formatEuro(h.pvBenefits, lang, 0, cur), inputs: formatEuro(h.pvCosts, lang, 0, cur), npv: h.netText }))}</p>`,
        `<p>${escapeHtml(tell(lang, 'hood.short.estimate'))}</p>`,
      ].join('\n'),
    ),
    sec('promises', tell(lang, 'hood.promises'), promises(input, lang)),
    sec('money', tell(lang, 'hood.money'), `<p>${escapeHtml(tell(lang, 'hood.money.intro'))}</p>\n${chartFigure(charts.inputs, svgs.get(charts.inputs.id) ?? '', 'folded', fold)}`),
    sec('who', tell(lang, 'hood.who'), chartFigure(charts.stakeholders, svgs.get(charts.stakeholders.id) ?? '', 'folded', fold)),
    sec(
      'voices',
      tell(lang, 'hood.voices'),
      voices.length
        ? voices.map((q) => `<blockquote><p>${escapeHtml(q.text)}</p>${q.who ? `<footer>— ${escapeHtml(q.who)}</footer>` : ''}</blockquote>`).join('\n')
        : `<p class="note">${escapeHtml(tell(lang, 'hood.voices.pending'))}</p>`,
    ),
    sec(
      'partners',
      tell(lang, 'hood.partners'),
      `<ul>${partners.map((pt) => `<li><strong>${escapeHtml(pt.name)}</strong> (${escapeHtml(tell(lang, `partner.${pt.type}`))})${pt.role ? `: ${escapeHtml(pt.role)}` : ''}</li>`).join('')}</ul>
<p>${tell(lang, 'hood.more', { link: `<a href="${viewFiles.council}">${escapeHtml(tell(lang, 'hood.more.link'))}</a>` })}</p>`,
    ),
  ].join('\n');
  return htmlPage({
    lang,
    title: tell(lang, 'hood.title', { name: m.name }),
    generatedAt: options.generatedAt,
    generatedLine: tell(lang, 'generated', { time: generatedStamp(options.generatedAt) }),
    skipLabel: tell(lang, 'skip'),
    body,
  });
}
