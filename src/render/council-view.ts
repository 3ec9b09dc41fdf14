import type { Lang } from '../core/messages.js';
import { formatEuro, formatNumber, formatPercent, formatRatio, currencyWord } from '../core/format.js';
import type { Chart, DataTable } from './chart.js';
import { chartFigure } from './chart-figure.js';
import { escapeHtml } from './html-escape.js';
import { generatedStamp, htmlPage } from './html-page.js';
import { htmlTable } from './html-table.js';
import { humaniseId } from './humanise-id.js';
import { headline, keyFigures, signedEuro } from './key-figures.js';
import { criterionStatuses } from './palette.js';
import type { ReportCharts } from './report-charts.js';
import { stakeholderNames } from './report-charts.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { tell } from './report-text.js';
import { say } from './render-text.js';
import { traceTables } from './trace-appendix.js';
import { actorLabel } from './actor-label.js';
import { formatDate } from './format-date.js';
import { criterionRange, criterionValue } from './criterion-value.js';
import { planSectionId, planVersusRealisedSection } from './plan-versus-realised.js';

/** File names of the two views of one initiative, relative to each other. */
export const viewFiles = { council: 'council.html', neighbourhood: 'neighbourhood.html' } as const;

const p = (text: string): string => `<p>${escapeHtml(text)}</p>`;
const note = (text: string): string => `<p class="note">${escapeHtml(text)}</p>`;
const table = (t: DataTable): string => htmlTable(t);

function figure(chart: Chart, svgs: ReadonlyMap<string, string>): string {
  return chartFigure(chart, svgs.get(chart.id) ?? '', 'visible');
}

function section(id: string, title: string, body: string, className = ''): string {
  return `<section id="${id}"${className ? ` class="${className}"` : ''} aria-labelledby="${id}-h">\n<h2 id="${id}-h">${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

/** Horizon against period: the horizon counts effects after the period ends, so a reader sees why they differ. */
function horizonDetail(input: ReportInput, lang: Lang): string {
  const m = input.model;
  const startYear = Number(m.period.start.slice(0, 4));
  const endYear = Number(m.period.end.slice(0, 4));
  return tell(lang, 'summary.horizon-detail', { horizon: input.valuation.valuation.horizonYears, period: endYear - startYear + 1, start: startYear, end: endYear, baseYear: input.valuation.valuation.baseYear });
}

/** Whether and when the criteria were locked, as of the report's date (METHODS §5: criteria are fixed up front). */
export function lockLine(input: ReportInput, lang: Lang): string {
  const lock = input.evaluation?.lock;
  if (!lock) return '';
  if (lock.status === 'unlocked') return tell(lang, 'council.lock-unlocked', { asOf: formatDate(input.evaluation?.asOf ?? '', lang) });
  return tell(lang, lock.status === 'unchanged' ? 'council.lock-unchanged' : 'council.lock-changed', { date: formatDate(lock.lockedAt!.slice(0, 10), lang) });
}

function summary(input: ReportInput, lang: Lang): string {
  const cur = input.valuation.valuation.currency;
  const r = input.valuation;
  const v = r.valuation;
  const k = keyFigures(r, lang);
  const h = headline(r, lang);
  const item = (label: string, value: string, context = ''): string =>
    `<li><span class="label">${escapeHtml(label)}</span><span class="value">${escapeHtml(value)}</span>${context ? `<span class="context">${escapeHtml(context)}</span>` : ''}</li>`;
  const bc = (x: number | null): string => (x === null ? '—' : formatNumber(x, lang, 2));
  const figures = [
    item(h.ratioLabel, h.ratioText, `${h.netLabel} ${h.netText} · ${k.horizon} · ${k.rate}`),
    item(h.netLabel, h.netText, tell(lang, 'summary.price-level', { year: k.priceYear })),
    item(tell(lang, 'summary.horizon'), k.horizon, horizonDetail(input, lang)),
    item(tell(lang, 'summary.rate'), k.rate, v.discount.preset ?? ''),
    item(h.kind === 'mkba' ? tell(lang, 'mkba.pv-benefits') : tell(lang, 'summary.pv-benefits'), formatEuro(h.pvBenefits, lang, 0, cur)),
    item(h.kind === 'mkba' ? tell(lang, 'mkba.pv-costs') : tell(lang, 'summary.pv-inputs'), formatEuro(h.pvCosts, lang, 0, cur)),
    ...(r.mkba && h.kind === 'sroi' ? [item(tell(lang, 'summary.mkba-balance'), signedEuro(r.mkba.balance, lang, cur), `${tell(lang, 'summary.bc-ratio')} ${bc(r.mkba.benefitCostRatio)}`)] : []),
  ].join('\n');
  const mkbaSentence = r.mkba
    ? tell(lang, 'summary.mkba-sentence', { reference: r.mkba.referenceAlternative, balance: signedEuro(r.mkba.balance, lang, cur), bc: bc(r.mkba.benefitCostRatio), pm: r.mkba.pmItems.length })
    : '';
  const sroiSentence = tell(lang, 'summary.sentence', { currency: currencyWord(v.currency), horizon: v.horizonYears, rate: k.rate, ratio: k.ratio, pv: k.pvBenefits, inputs: k.pvInputs, npv: k.npv, priceYear: v.priceYear });
  const sentences = h.kind === 'mkba' ? [mkbaSentence, tell(lang, 'summary.mkba-leads', { ratio: k.ratio })] : [sroiSentence, ...(mkbaSentence ? [mkbaSentence] : [])];
  const criteria = input.model.criteria;
  const evaluated = input.evaluation?.scorecard ?? [];
  let criteriaLine = '';
  if (evaluated.length) {
    const parts = criterionStatuses.filter((s) => evaluated.some((c) => c.status === s)).map((s) => `${evaluated.filter((c) => c.status === s).length} ${say(lang, `status.${s}`)}`);
    criteriaLine = tell(lang, 'summary.criteria', { summary: parts.join(', ') });
  } else if (criteria.length) criteriaLine = tell(lang, 'summary.criteria-pending', { n: criteria.length });
  const warnings = r.warnings.filter((w) => w.code !== 'valuation.illustrative');
  return section(
    'summary',
    tell(lang, 'summary.title'),
    [
      `<ul class="key-figures">\n${figures}\n</ul>`,
      ...sentences.map(p),
      criteriaLine ? p(criteriaLine) : '',
      lockLine(input, lang) ? p(lockLine(input, lang)) : '',
      warnings.length ? `<div class="note"><p><strong>${escapeHtml(tell(lang, 'summary.warnings'))}</strong></p><ul>${warnings.map((w) => `<li>${escapeHtml(w.message[lang])}</li>`).join('')}</ul></div>` : '',
    ].join('\n'),
    'summary',
  );
}

function criteriaSection(input: ReportInput, charts: ReportCharts, svgs: ReadonlyMap<string, string>, lang: Lang): string {
  const criteria = input.model.criteria;
  const indicatorOf = (id: string) => input.model.indicators.find((i) => i.id === id);
  const agreed: DataTable = {
    caption: tell(lang, 'criteria.agreed'),
    columns: [
      { label: tell(lang, 'criteria.col.criterion'), numeric: false },
      { label: tell(lang, 'criteria.col.category'), numeric: false },
      { label: tell(lang, 'criteria.col.baseline'), numeric: true },
      { label: tell(lang, 'criteria.col.target'), numeric: true },
      { label: tell(lang, 'criteria.col.direction'), numeric: false },
      { label: tell(lang, 'criteria.col.deadline'), numeric: false },
      { label: tell(lang, 'criteria.col.weight'), numeric: true },
      { label: tell(lang, 'criteria.col.source'), numeric: false },
    ],
    rows: criteria.map((c) => [
      c.description,
      tell(lang, `category.${c.category}`),
      criterionValue(c.baseline, indicatorOf(c.indicator), lang),
      c.direction === 'range' && c.range ? criterionRange(c.range.min, c.range.max, indicatorOf(c.indicator), lang) : criterionValue(c.target, indicatorOf(c.indicator), lang),
      tell(lang, `direction.${c.direction}`),
      formatDate(c.deadline, lang),
      formatNumber(c.weight, lang, 1),
      c.source,
    ]),
  };
  const parts: string[] = [];
  if (!criteria.length && !charts.scorecard) parts.push(p(tell(lang, 'criteria.none')));
  if (charts.scorecard) {
    if (input.evaluation?.asOf) parts.push(p(tell(lang, 'criteria.as-of', { date: formatDate(input.evaluation.asOf, lang) })));
    parts.push(figure(charts.scorecard, svgs));
  } else if (criteria.length) parts.push(note(tell(lang, 'criteria.pending')));
  if (criteria.length) parts.push(table(agreed));
  if (charts.series.length) parts.push(`<h3>${escapeHtml(tell(lang, 'trend.title'))}</h3>`, ...charts.series.map((c) => figure(c, svgs)));
  if (charts.did.length) parts.push(`<h3>${escapeHtml(tell(lang, 'did.title'))}</h3>`, ...charts.did.map((c) => figure(c, svgs)));
  return section('criteria', tell(lang, 'criteria.title'), parts.join('\n'));
}

function valuationSection(input: ReportInput, charts: ReportCharts, svgs: ReadonlyMap<string, string>, lang: Lang): string {
  const cur = input.valuation.valuation.currency;
  const v = input.valuation.valuation;
  const names = stakeholderNames(input);
  const outcomes: DataTable = {
    caption: tell(lang, 'valuation.outcomes'),
    columns: [
      { label: tell(lang, 'col.outcome'), numeric: false },
      { label: tell(lang, 'col.stakeholder'), numeric: false },
      { label: tell(lang, 'col.quantity'), numeric: true },
      { label: tell(lang, 'col.proxy'), numeric: true },
      { label: tell(lang, 'col.duration'), numeric: true },
      { label: tell(lang, 'col.impact'), numeric: true },
      { label: tell(lang, 'col.pv'), numeric: true },
    ],
    rows: [
      ...v.outcomes.map((o) => {
        const profile = o.trace.years.length > 0 && o.trace.years[0]!.fromProfile?.includes('quantity');
        return [
          o.negative ? tell(lang, 'valuation.negative', { description: o.description }) : o.description,
          names[o.stakeholder] ?? o.stakeholder,
          profile ? o.trace.years.map((y) => formatNumber(y.quantity, lang, 2)).join('; ') : formatNumber(o.trace.quantity.value, lang, 2),
          formatEuro(o.trace.proxy.value, lang, 2, cur),
          o.trace.cohorts > 1 ? tell(lang, 'col.duration-cohorts', { n: o.trace.duration, cohorts: o.trace.cohorts }) : tell(lang, 'summary.years', { n: o.trace.duration }),
          formatEuro(o.impactYear1, lang, 0, cur),
          formatEuro(o.presentValue, lang, 0, cur),
        ];
      }),
      [say(lang, 'common.total'), '', '', '', '', '', formatEuro(v.presentValueBenefits, lang, 0, cur)],
      ...(v.presentValueNegativeOutcomes < 0 ? [[tell(lang, 'valuation.negative-total'), '', '', '', '', '', formatEuro(v.presentValueNegativeOutcomes, lang, 0, cur)]] : []),
    ],
  };
  const inputs: DataTable = {
    caption: tell(lang, 'valuation.inputs'),
    columns: [
      { label: tell(lang, 'col.input'), numeric: false },
      { label: tell(lang, 'col.funder'), numeric: false },
      { label: tell(lang, 'col.kind'), numeric: false },
      { label: tell(lang, 'col.per-year'), numeric: true },
      { label: tell(lang, 'col.years'), numeric: false },
      { label: tell(lang, 'col.pv'), numeric: true },
    ],
    rows: [
      ...v.inputs.map((i) => [
        i.description ?? humaniseId(i.id),
        names[i.funder] ?? i.funder,
        say(lang, `inputs.kind.${i.kind}`),
        new Set(i.trace.years.map((y) => y.amount)).size > 1
          ? i.trace.years.map((y) => formatEuro(y.amount, lang, 0, cur)).join('; ')
          : formatEuro(i.trace.years[0]?.amount ?? 0, lang, 0, cur),
        i.trace.years.map((y) => y.year).join(', '),
        formatEuro(i.presentValue, lang, 0, cur),
      ]),
      [say(lang, 'common.total'), '', '', '', '', formatEuro(v.presentValueInputs, lang, 0, cur)],
    ],
  };
  const k = keyFigures(input.valuation, lang);
  const totals: DataTable = {
    caption: tell(lang, 'valuation.totals'),
    columns: [
      { label: tell(lang, 'col.measure'), numeric: false },
      { label: tell(lang, 'col.value'), numeric: true },
    ],
    rows: [
      [tell(lang, 'summary.pv-benefits'), k.pvBenefits],
      [tell(lang, 'summary.pv-inputs'), k.pvInputs],
      [tell(lang, 'summary.npv'), k.npv],
      [tell(lang, 'summary.ratio'), k.ratio],
      [tell(lang, 'col.net-ratio'), formatRatio(v.netSroiRatio, lang)],
      [tell(lang, 'summary.payback'), k.payback],
      [tell(lang, 'summary.horizon'), k.horizon],
      [tell(lang, 'summary.rate'), k.rate],
    ],
  };
  return section(
    'valuation',
    tell(lang, 'valuation.title'),
    [
      p(tell(lang, 'valuation.intro', { baseYear: v.baseYear, priceYear: v.priceYear })),
      figure(charts.waterfall, svgs),
      table(totals),
      figure(charts.stakeholders, svgs),
      table(outcomes),
      figure(charts.inputs, svgs),
      table(inputs),
      funderSection(input, lang),
    ].join('\n'),
  );
}

/** Inputs per funder with the value per unit of that funder's inputs, and the leverage of the municipality's (issue 13). */
function funderSection(input: ReportInput, lang: Lang): string {
  const v = input.valuation.valuation;
  const cur = v.currency;
  const names = stakeholderNames(input);
  const l = v.leverage;
  const byFunder = v.byFunder ?? [];
  if (byFunder.length < 2 && !l) return '';
  const perUnit = (funder: string): string => {
    if (!l) return '—';
    if (l.municipality.includes(funder)) return '—';
    const row = l.others.find((r) => r.funder === funder);
    return row ? formatNumber(row.perUnit, lang, 2, 2) : '—';
  };
  const funders: DataTable = {
    caption: tell(lang, 'valuation.funders'),
    columns: [
      { label: tell(lang, 'col.funder'), numeric: false },
      { label: tell(lang, 'col.money'), numeric: true },
      { label: tell(lang, 'col.in-kind'), numeric: true },
      { label: tell(lang, 'col.volunteer-time'), numeric: true },
      { label: tell(lang, 'col.total-inputs'), numeric: true },
      { label: tell(lang, 'col.value-per-unit'), numeric: true },
      { label: tell(lang, 'col.leverage'), numeric: true },
    ],
    rows: [
      ...byFunder.map((f) => [
        names[f.funder] ?? f.funder,
        formatEuro(f.byKind.money, lang, 0, cur),
        formatEuro(f.byKind.inKind, lang, 0, cur),
        formatEuro(f.byKind.volunteerTime, lang, 0, cur),
        formatEuro(f.presentValueInputs, lang, 0, cur),
        formatRatio(f.valuePerUnit, lang),
        perUnit(f.funder),
      ]),
      ...(l
        ? [
            [
              tell(lang, 'valuation.leverage-total'),
              formatEuro(l.total.money, lang, 0, cur),
              formatEuro(l.total.inKind, lang, 0, cur),
              formatEuro(l.total.volunteerTime, lang, 0, cur),
              formatEuro(l.total.total, lang, 0, cur),
              '',
              formatNumber(l.total.perUnit, lang, 2, 2),
            ],
          ]
        : []),
    ],
  };
  return [p(tell(lang, 'valuation.funders-intro', { currency: currencyWord(cur) })), table(funders), ...(l ? [] : [p(tell(lang, 'valuation.no-municipality'))])].join('\n');
}

function mkbaSection(input: ReportInput, charts: ReportCharts, svgs: ReadonlyMap<string, string>, lang: Lang): string {
  const cur = input.valuation.valuation.currency;
  const m = input.valuation.mkba;
  if (!m) return section('mkba', tell(lang, 'mkba.title'), p(tell(lang, 'mkba.not-asked')));
  const priceYear = input.valuation.valuation.priceYear;
  const actor = (a: string): string => actorLabel(a, lang);
  const effects: DataTable = {
    caption: tell(lang, 'mkba.effects'),
    columns: [
      { label: tell(lang, 'col.outcome'), numeric: false },
      { label: tell(lang, 'col.actor'), numeric: false },
      { label: tell(lang, 'col.project-q'), numeric: true },
      { label: tell(lang, 'col.reference-q'), numeric: true },
      { label: tell(lang, 'col.effect'), numeric: true },
      { label: tell(lang, 'col.price'), numeric: true },
      { label: tell(lang, 'col.basis'), numeric: false },
      { label: tell(lang, 'col.pv'), numeric: true },
    ],
    rows: m.effects.map((e) => [
      input.valuation.valuation.outcomes.find((o) => o.id === e.outcome)?.description ?? e.outcome,
      actor(e.actor),
      formatNumber(e.projectQuantity, lang, 2),
      formatNumber(e.referenceQuantity, lang, 2),
      formatNumber(e.effect, lang, 2),
      formatEuro(e.price, lang, 2, cur),
      `${tell(lang, `basis.${e.referenceBasis}`)}: ${e.referenceReason}`,
      formatEuro(e.presentValue, lang, 0, cur),
    ]),
  };
  const costs: DataTable = {
    caption: m.optimismBias.rate === 0 ? tell(lang, 'mkba.costs-no-ob') : tell(lang, 'mkba.costs', { ob: formatPercent(m.optimismBias.rate, lang, 1) }),
    columns: [
      { label: tell(lang, 'col.input'), numeric: false },
      { label: tell(lang, 'col.actor'), numeric: false },
      { label: tell(lang, 'col.pv-before'), numeric: true },
      { label: tell(lang, 'col.pv-after'), numeric: true },
    ],
    rows: [
      ...m.costs.map((c) => [c.input.description ?? humaniseId(c.input.id), actor(c.actor), formatEuro(c.presentValue, lang, 0, cur), formatEuro(c.adjustedPresentValue, lang, 0, cur)]),
      [say(lang, 'common.total'), '', formatEuro(m.costs.reduce((s, c) => s + c.presentValue, 0), lang, 0, cur), formatEuro(m.presentValueCosts, lang, 0, cur)],
    ],
  };
  const avoided: DataTable = {
    caption: tell(lang, 'mkba.avoided'),
    columns: [
      { label: tell(lang, 'col.input'), numeric: false },
      { label: tell(lang, 'col.actor'), numeric: false },
      { label: tell(lang, 'col.pv'), numeric: true },
    ],
    rows: m.avoidedCosts.map((a) => [a.input.description ?? humaniseId(a.input.id), actor(a.actor), formatEuro(a.input.presentValue, lang, 0, cur)]),
  };
  const transfers: DataTable = {
    caption: tell(lang, 'mkba.transfers'),
    columns: [
      { label: tell(lang, 'col.description'), numeric: false },
      { label: tell(lang, 'col.from'), numeric: false },
      { label: tell(lang, 'col.to'), numeric: false },
      { label: tell(lang, 'col.pv'), numeric: true },
    ],
    rows: m.transfers.map((t) => [t.description ?? humaniseId(t.id), actor(t.from), actor(t.to), formatEuro(t.presentValue, lang, 0, cur)]),
  };
  const balance: DataTable = {
    caption: tell(lang, 'mkba.balance'),
    columns: [
      { label: tell(lang, 'col.measure'), numeric: false },
      { label: tell(lang, 'col.value'), numeric: true },
    ],
    rows: [
      [tell(lang, 'mkba.pv-benefits'), formatEuro(m.presentValueBenefits, lang, 0, cur)],
      [tell(lang, 'mkba.pv-costs'), formatEuro(m.presentValueCosts, lang, 0, cur)],
      [tell(lang, 'summary.mkba-balance'), signedEuro(m.balance, lang, cur)],
      [tell(lang, 'summary.bc-ratio'), m.benefitCostRatio === null ? '—' : formatNumber(m.benefitCostRatio, lang, 2)],
      [tell(lang, 'summary.price-level', { year: priceYear }), ''],
    ],
  };
  return section(
    'mkba',
    tell(lang, 'mkba.title'),
    [
      p(tell(lang, 'mkba.reference', { text: m.referenceAlternative })),
      table(balance),
      table(effects),
      table(costs),
      avoided.rows.length ? table(avoided) : '',
      transfers.rows.length ? table(transfers) : '',
      `<h3>${escapeHtml(tell(lang, 'mkba.distribution'))}</h3>`,
      charts.distribution ? figure(charts.distribution, svgs) : '',
    ].join('\n'),
  );
}

function pmSection(input: ReportInput, lang: Lang): string {
  const items = input.valuation.mkba?.pmItems ?? input.model.pmItems;
  const names = stakeholderNames(input);
  if (!items.length) return section('pm', tell(lang, 'pm.title'), p(tell(lang, 'pm.none')));
  return section(
    'pm',
    tell(lang, 'pm.title'),
    [
      p(tell(lang, 'pm.intro')),
      table({
        caption: tell(lang, 'pm.title'),
        columns: [
          { label: tell(lang, 'col.description'), numeric: false },
          { label: tell(lang, 'col.stakeholder'), numeric: false },
          { label: tell(lang, 'col.sign'), numeric: false },
          { label: tell(lang, 'col.size'), numeric: false },
          { label: say(lang, 'common.reason'), numeric: false },
        ],
        rows: items.map((i) => [i.description, i.stakeholder ? (names[i.stakeholder] ?? i.stakeholder) : '—', tell(lang, `sign.${i.sign}`), tell(lang, `size.${i.size}`), i.reason ?? '—']),
      }),
    ].join('\n'),
  );
}

function uncertaintySection(input: ReportInput, charts: ReportCharts, svgs: ReadonlyMap<string, string>, lang: Lang): string {
  const parts: string[] = [];
  for (const c of [charts.tornado, charts.monteCarlo, charts.tornadoMkba, charts.monteCarloMkba]) if (c) parts.push(figure(c, svgs));
  const declared = input.model.uncertainty?.parameters ?? [];
  if (!charts.tornado && !charts.monteCarlo && !charts.tornadoMkba && !charts.monteCarloMkba)
    parts.push(note(tell(lang, input.uncertainty || !input.model.uncertainty ? 'uncertainty.none-declared' : 'uncertainty.pending')));
  // For an MKBA-only model the switching values are of the balance; for `both` the SROI's and the MKBA's.
  const mkbaOnly = input.valuation.valuation.method === 'mkba' && input.valuation.mkba !== undefined;
  const tables: { mkba: boolean; rows: readonly { label: string; base: string; switchesAt: string }[] }[] = [
    { mkba: mkbaOnly, rows: input.uncertainty?.switchingValues ?? [] },
    { mkba: true, rows: input.uncertainty?.mkba?.switchingValues ?? [] },
  ];
  for (const t of tables)
    if (t.rows.length)
      parts.push(
        table({
          caption: tell(lang, t.mkba ? 'uncertainty.switching-mkba' : 'uncertainty.switching'),
          columns: [
            { label: tell(lang, 'col.parameter'), numeric: false },
            { label: tell(lang, 'col.base'), numeric: true },
            { label: tell(lang, t.mkba ? 'col.switches-at-mkba' : 'col.switches-at'), numeric: true },
          ],
          rows: t.rows.map((s) => [s.label, s.base, s.switchesAt]),
        }),
      );
  if (declared.length) {
    const dist = (d: object | undefined): string => {
      if (!d) return '—';
      const { type, ...fields } = d as { type?: string } & Record<string, unknown>;
      const values = Object.entries(fields)
        .filter(([, x]) => typeof x === 'number')
        .map(([k, x]) => `${k} ${formatNumber(x as number, lang, 4)}`);
      return `${type ?? ''}(${values.join('; ')})`;
    };
    parts.push(
      table({
        caption: tell(lang, 'uncertainty.declared'),
        columns: [
          { label: tell(lang, 'col.parameter'), numeric: false },
          { label: tell(lang, 'col.of'), numeric: false },
          { label: tell(lang, 'col.low'), numeric: true },
          { label: tell(lang, 'col.high'), numeric: true },
          { label: tell(lang, 'col.distribution'), numeric: false },
          { label: say(lang, 'common.reason'), numeric: false },
        ],
        rows: declared.map((d) => [
          d.parameter,
          d.outcome ?? d.input ?? '—',
          d.low === undefined ? '—' : formatNumber(d.low, lang, 4),
          d.high === undefined ? '—' : formatNumber(d.high, lang, 4),
          dist(d.distribution),
          d.reason ?? '—',
        ]),
      }),
    );
  }
  return section('uncertainty', tell(lang, 'uncertainty.title'), parts.join('\n'));
}

function methodsSection(input: ReportInput, lang: Lang): string {
  const cur = input.valuation.valuation.currency;
  const r = input.valuation;
  const v = r.valuation;
  const model = input.model;
  const yes = (b: boolean): string => tell(lang, b ? 'methods.yes' : 'methods.no');
  const settings: DataTable = {
    caption: tell(lang, 'methods.settings'),
    columns: [
      { label: tell(lang, 'col.measure'), numeric: false },
      { label: tell(lang, 'col.value'), numeric: false },
    ],
    rows: [
      [tell(lang, 'methods.price-year'), String(v.priceYear)],
      [tell(lang, 'methods.base-year'), String(v.baseYear)],
      [tell(lang, 'summary.horizon'), tell(lang, 'summary.years', { n: v.horizonYears })],
      [tell(lang, 'summary.rate'), `${keyFigures(r, lang).rate}${v.discount.preset ? ` (${v.discount.preset})` : ''}`],
      [tell(lang, 'methods.discount-source'), v.discount.source],
      [tell(lang, 'methods.first-year'), yes(v.discountFirstYear)],
      [tell(lang, 'methods.price-index'), model.valuation.priceIndex ? `${model.valuation.priceIndex.name} — ${model.valuation.priceIndex.source}` : '—'],
      ...(r.mkba ? [[tell(lang, 'methods.optimism-bias'), r.mkba.optimismBias.rate === 0 ? tell(lang, 'methods.no-optimism-bias') : `${formatPercent(r.mkba.optimismBias.rate, lang, 1)} — ${r.mkba.optimismBias.source}`]] : []),
    ],
  };
  const assumptions: DataTable = {
    caption: tell(lang, 'methods.assumptions'),
    columns: [
      { label: tell(lang, 'col.outcome'), numeric: false },
      { label: tell(lang, 'col.dw'), numeric: false },
      { label: tell(lang, 'col.ds'), numeric: false },
      { label: tell(lang, 'col.at'), numeric: false },
      { label: tell(lang, 'col.do'), numeric: false },
    ],
    rows: v.outcomes.map((o) => {
      const d = (name: string): string => {
        const x = o.trace.deflators.find((f) => f.name === name);
        return x ? `${formatPercent(x.value, lang)}: ${x.reason}` : '—';
      };
      return [o.id, d('deadweight'), d('displacement'), d('attribution'), `${formatPercent(o.trace.dropOff.value, lang)}: ${o.trace.dropOff.reason}`];
    }),
  };
  const proxies: DataTable = {
    caption: tell(lang, 'methods.proxies'),
    columns: [
      { label: tell(lang, 'col.outcome'), numeric: false },
      { label: tell(lang, 'col.stated'), numeric: true },
      { label: tell(lang, 'col.indexed'), numeric: true },
      { label: tell(lang, 'col.unit'), numeric: false },
      { label: tell(lang, 'col.source'), numeric: false },
    ],
    rows: v.outcomes.map((o) => [
      o.id,
      `${formatEuro(o.trace.proxy.originalValue, lang, 2, cur)} (${o.trace.proxy.priceYear})`,
      `${formatEuro(o.trace.proxy.value, lang, 2, cur)} (${v.priceYear})`,
      o.trace.proxy.unit,
      o.trace.proxy.source,
    ]),
  };
  const methods = [tell(lang, 'methods.sroi'), ...(r.mkba ? [tell(lang, 'methods.mkba')] : [])];
  return section(
    'methods',
    tell(lang, 'methods.title'),
    [
      ...methods.map(p),
      table(settings),
      table(proxies),
      table(assumptions),
      ...(input.evaluation?.deadweights?.length
        ? [`<h3>${escapeHtml(tell(lang, 'methods.derived-deadweights'))}</h3><ul>${input.evaluation.deadweights.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`]
        : []),
      r.warnings.length ? `<h3>${escapeHtml(tell(lang, 'methods.warnings'))}</h3><ul>${r.warnings.map((w) => `<li>${escapeHtml(w.message[lang])}</li>`).join('')}</ul>` : '',
    ].join('\n'),
  );
}

function provenanceSection(input: ReportInput, lang: Lang): string {
  const cur = input.valuation.valuation.currency;
  const v = input.valuation.valuation;
  const names = stakeholderNames(input);
  const quantities: DataTable = {
    caption: tell(lang, 'provenance.quantities'),
    columns: [
      { label: tell(lang, 'col.outcome'), numeric: false },
      { label: tell(lang, 'col.quantity'), numeric: true },
      { label: tell(lang, 'col.origin'), numeric: false },
    ],
    rows: v.outcomes.map((o) => {
      const s = o.trace.quantity.source;
      const origin =
        s.kind === 'model'
          ? tell(lang, 'provenance.from-model')
          : tell(lang, 'provenance.from-data', { aggregate: s.aggregate, indicator: s.indicator, area: s.area ? ` (${s.area})` : '', rows: s.rows.length });
      return [o.id, formatNumber(o.trace.quantity.value, lang, 2), origin];
    }),
  };
  const inputs: DataTable = {
    caption: tell(lang, 'provenance.inputs'),
    columns: [
      { label: tell(lang, 'col.input'), numeric: false },
      { label: tell(lang, 'col.funder'), numeric: false },
      { label: tell(lang, 'col.origin'), numeric: false },
    ],
    rows: v.inputs.map((i) => {
      const c = i.trace.computation;
      const origin =
        c.kind === 'hours'
          ? tell(lang, 'provenance.hours', { hours: formatNumber(c.hours, lang, 0), price: formatEuro(c.shadowPrice, lang, 2, cur), source: c.source })
          : tell(lang, 'provenance.amount', { amount: formatEuro(c.amount, lang, 0, cur), year: c.indexation.fromYear });
      return [i.description ?? humaniseId(i.id), names[i.funder] ?? i.funder, origin];
    }),
  };
  const files = input.provenance ?? [];
  const filesPart = files.length
    ? table({
        caption: tell(lang, 'provenance.files'),
        columns: [
          { label: tell(lang, 'col.source'), numeric: false },
          { label: tell(lang, 'col.file'), numeric: false },
          { label: tell(lang, 'col.rows'), numeric: true },
          { label: tell(lang, 'col.received'), numeric: false },
          { label: tell(lang, 'col.checksum'), numeric: false },
          { label: tell(lang, 'col.note'), numeric: false },
        ],
        rows: files.map((f) => [f.source, f.file ?? '—', f.rows === undefined ? '—' : formatNumber(f.rows, lang, 0), f.received ?? '—', f.checksum ?? '—', f.note ?? '—']),
      })
    : note(tell(lang, 'provenance.no-files'));
  return section('provenance', tell(lang, 'provenance.title'), [table(quantities), table(inputs), filesPart].join('\n'));
}

function appendixSection(input: ReportInput, lang: Lang): string {
  const traces = traceTables(input.valuation, lang);
  return section(
    'appendix',
    tell(lang, 'appendix.title'),
    [p(tell(lang, 'appendix.intro')), ...traces.outcomes.map((t) => table(t.table)), p(tell(lang, 'appendix.inputs-intro')), table(traces.inputs)].join('\n'),
  );
}

/**
 * The council view of one initiative as a self-contained HTML page: summary (ratio with NPV, horizon and rate),
 * success criteria, SROI valuation, MKBA, PM items, uncertainty, methods and assumptions, data provenance and the
 * calculation trace. `svgs` holds the rendered SVG of every chart by chart id.
 */
export function councilView(input: ReportInput, charts: ReportCharts, svgs: ReadonlyMap<string, string>, options: ReportOptions): string {
  const { lang } = options;
  const m = input.model;
  const plan = planVersusRealisedSection(input, lang);
  const sections: [string, string][] = [
    ...(plan ? [[planSectionId, tell(lang, 'plan.title')] as [string, string]] : []),
    ['summary', tell(lang, 'summary.title')],
    ['criteria', tell(lang, 'criteria.title')],
    ['valuation', tell(lang, 'valuation.title')],
    ['mkba', tell(lang, 'mkba.title')],
    ['pm', tell(lang, 'pm.title')],
    ['uncertainty', tell(lang, 'uncertainty.title')],
    ['methods', tell(lang, 'methods.title')],
    ['provenance', tell(lang, 'provenance.title')],
    ['appendix', tell(lang, 'appendix.title')],
  ];
  const header = `<header class="report-header">
<p class="meta">${escapeHtml(tell(lang, 'council.kicker'))}</p>
<h1>${escapeHtml(m.name)}</h1>
<p class="meta">${escapeHtml(tell(lang, 'council.meta', { municipality: m.municipality, areas: m.areas.join(', ') || '—', start: formatDate(m.period.start, lang), end: formatDate(m.period.end, lang) }))}</p>
${m.illustrative ? `<p class="banner">${escapeHtml(say(lang, 'common.illustrative'))}</p>` : ''}
<p class="horizon"><strong>${escapeHtml(tell(lang, 'council.goal'))}:</strong> ${escapeHtml(m.horizon)}</p>
<p>${tell(lang, 'council.other-view', { link: `<a href="${viewFiles.neighbourhood}">${escapeHtml(tell(lang, 'hood.kicker').toLowerCase())}</a>` })}</p>
</header>
<nav class="toc" aria-label="${escapeHtml(tell(lang, 'toc'))}"><ol>${sections.map(([id, t]) => `<li><a href="#${id}">${escapeHtml(t)}</a></li>`).join('')}</ol></nav>`;
  const body = [
    header,
    ...(plan ? [plan] : []),
    summary(input, lang),
    criteriaSection(input, charts, svgs, lang),
    valuationSection(input, charts, svgs, lang),
    mkbaSection(input, charts, svgs, lang),
    pmSection(input, lang),
    uncertaintySection(input, charts, svgs, lang),
    methodsSection(input, lang),
    provenanceSection(input, lang),
    appendixSection(input, lang),
  ].join('\n');
  return htmlPage({
    lang,
    title: tell(lang, 'council.title', { name: m.name }),
    generatedAt: options.generatedAt,
    generatedLine: tell(lang, 'generated', { time: generatedStamp(options.generatedAt) }),
    skipLabel: tell(lang, 'skip'),
    body,
  });
}
