import { parseArgs } from 'node:util';
import { evaluateInitiative, initiativeEvaluationJson, formatEuro, formatNumber, formatPercent, type InitiativeEvaluation, type Lang, type Model, type PlanVersusRealised } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line, table } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { openExistingStore, storePath } from '../open-store.js';
import { renderValuation, renderUncertainty } from './value.js';
import { today } from '../clock.js';

const statusText: Record<string, { nl: string; en: string }> = {
  met: { nl: 'gehaald', en: 'met' },
  'partly-met': { nl: 'deels gehaald', en: 'partly met' },
  'not-met': { nl: 'niet gehaald', en: 'not met' },
  'not-measurable': { nl: 'niet meetbaar', en: 'not measurable' },
  'not-due': { nl: 'nog niet aan de orde', en: 'not due yet' },
};

/** The scorecard for the terminal: one row per criterion, then the weighted scores beside the counts. */
export function renderEvaluation(result: InitiativeEvaluation, lang: Lang): string {
  const e = result.evaluation;
  const nl = lang === 'nl';
  const out: string[] = [];
  out.push(nl ? `Succescriteria per ${e.asOf}` : `Success criteria as of ${e.asOf}`);
  out.push(
    table(
      [nl ? 'Criterium' : 'Criterion', nl ? 'Categorie' : 'Category', 'Status', nl ? 'Waarde' : 'Value', nl ? 'Doel' : 'Target', nl ? 'Behaald' : 'Achieved', nl ? 'Toelichting' : 'Reason'],
      e.criteria.map((c) => [
        `${c.id}${c.changed ? ' *' : ''}`,
        c.category,
        `${statusText[c.status]?.[lang] ?? c.status}${c.track ? ` (${c.track === 'on-track' ? (nl ? 'op koers' : 'on track') : nl ? 'achter' : 'off track'})` : ''}`,
        c.value === null ? '—' : formatNumber(c.value, lang, 2),
        formatNumber(c.target, lang, 2),
        c.achievement === null ? '—' : formatPercent(c.achievement, lang),
        c.reason[lang],
      ]),
      [false, false, false, true, true, true, false],
    ),
  );
  const s = e.scores.overall;
  out.push(
    `${nl ? 'Gewogen score' : 'Weighted score'}: ${s.score === null ? '—' : formatPercent(s.score, lang)} (${nl ? 'dekking' : 'coverage'} ${s.coverage === null ? '—' : formatPercent(s.coverage, lang)}) · ` +
      Object.entries(e.scores.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${statusText[k]?.[lang] ?? k}: ${n}`)
        .join(', '),
  );
  if (e.lock.status === 'changed')
    out.push(nl ? `! * Criteria gewijzigd na vastleggen op ${e.lock.lockedAt}; beide versies staan in --json.` : `! * Criteria changed after they were locked on ${e.lock.lockedAt}; both versions are in --json.`);
  for (const d of e.derivedDeadweights) out.push(`${nl ? 'Deadweight afgeleid' : 'Derived deadweight'} ${d.outcome}: ${d.derivation[lang]}`);
  for (const n of e.notes.slice(0, 10)) out.push(`! ${n.message[lang]}`);
  return out.join('\n');
}

/**
 * Plan versus realised for the terminal: per outcome the locked forecast and the realised present value, and the
 * difference split into quantity, proxy, deflator and timing effects (substituted in that order), then the totals
 * and the rules changed after the lock. The full comparison is in --json.
 */
export function renderPlanVersusRealised(plan: PlanVersusRealised, lang: Lang, currency: string): string {
  const nl = lang === 'nl';
  const money = (v: number): string => formatEuro(v, lang, 0, currency);
  const row = (label: string, x: { forecast: number; realised: number; difference: number; effects: PlanVersusRealised['totals']['effects'] }): string[] => [
    label,
    money(x.forecast),
    money(x.realised),
    money(x.difference),
    money(x.effects.quantity),
    money(x.effects.proxy),
    money(x.effects.deflators),
    money(x.effects.timing),
  ];
  const statusNote = (s: 'both' | 'added' | 'removed'): string => (s === 'added' ? (nl ? ' (nieuw)' : ' (added)') : s === 'removed' ? (nl ? ' (vervallen)' : ' (removed)') : '');
  const out = [
    nl ? `Prognose (vastgelegd op ${plan.lockedAt}) tegen realisatie, contante waarde (${currency})` : `Forecast (locked on ${plan.lockedAt}) against realised, present value (${currency})`,
    table(
      [nl ? 'Uitkomst' : 'Outcome', nl ? 'Prognose' : 'Forecast', nl ? 'Realisatie' : 'Realised', nl ? 'Verschil' : 'Difference', nl ? 'Aantal' : 'Quantity', 'Proxy', nl ? 'Deflatoren' : 'Deflators', nl ? 'Timing' : 'Timing'],
      [...plan.outcomes.map((o) => row(`${o.id}${statusNote(o.status)}`, o)), row(nl ? 'Totaal' : 'Total', plan.totals)],
      [false, true, true, true, true, true, true, true],
    ),
  ];
  for (const c of plan.ruleChanges) out.push(`! ${c.message[lang]}`);
  return out.join('\n');
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: { nl: 'Evalueer een initiatief: waardering, succescriteria, onzekerheid', en: 'Evaluate an initiative: valuation, success criteria, uncertainty' },
  help: {
    nl: `Gebruik: rendement evaluate <model> [--as-of JJJJ-MM-DD] [--json] [--store pad] [--draws N] [--seed S] [--lang nl|en] [--include-submitted]

Telt alleen goedgekeurde uploads; --include-submitted telt ook uploads die nog op goedkeuring wachten (voorproefje).
Waardeert het initiatief met de monitoringdata uit de opslag, beoordeelt elk succescriterium
(gehaald, deels, niet, niet meetbaar, nog niet aan de orde) en, als het model onzekerheid noemt
of --draws is gegeven, de gevoeligheid en Monte Carlo. --as-of geeft de stand op een eerdere
datum (tussenevaluatie); standaard vandaag. --json drukt één JSON-object af.

Voorbeelden:
  rendement evaluate models/buurthuis-moerwijk.yaml
  rendement evaluate models/buurthuis-moerwijk.yaml --as-of 2025-06-30 --json

Exitcodes: 0 gelukt, 1 ongeldig model of ontbrekende data, 2 verkeerd aangeroepen.`,
    en: `Usage: rendement evaluate <model> [--as-of YYYY-MM-DD] [--json] [--store path] [--draws N] [--seed S] [--lang nl|en] [--include-submitted]

Counts approved uploads only; --include-submitted also counts uploads still waiting for approval (a preview).
Values the initiative with the monitoring data in the store, judges every success criterion
(met, partly met, not met, not measurable, not due yet) and, when the model declares
uncertainty or --draws is given, sensitivity and Monte Carlo. --as-of shows where the
initiative stood on an earlier date (mid-term review); default today. --json prints one object.

Examples:
  rendement evaluate models/buurthuis-moerwijk.yaml
  rendement evaluate models/buurthuis-moerwijk.yaml --as-of 2025-06-30 --json

Exit codes: 0 success, 1 invalid model or missing data, 2 usage error.`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: [...ctx.args],
      options: { json: { type: 'boolean' }, 'as-of': { type: 'string' }, store: { type: 'string' }, draws: { type: 'string' }, seed: { type: 'string' }, 'include-submitted': { type: 'boolean' } },
      allowPositionals: true,
    });
    const path = positionals[0];
    const asOf = values['as-of'] ?? today();
    const draws = values.draws === undefined ? undefined : Number(values.draws);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    const bad =
      !path ||
      positionals.length > 1 ||
      !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
      Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) ||
      (draws !== undefined && !(Number.isInteger(draws) && draws >= 1 && draws <= 10_000_000)) ||
      (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295));
    if (bad) {
      line(
        ctx.stderr,
        ctx.lang === 'nl'
          ? '✗ Geef één modelbestand; --as-of als JJJJ-MM-DD; --draws 1 tot 10.000.000; --seed ≥ 0. Zie: rendement evaluate --help'
          : '✗ Give one model file; --as-of as YYYY-MM-DD; --draws 1 to 10,000,000; --seed ≥ 0. See: rendement evaluate --help',
      );
      return EXIT.usage;
    }
    const loaded = await loadModelOrReport(path!, ctx);
    if ('exit' in loaded) return loaded.exit;
    const store = await openExistingStore(storePath(ctx, values.store));
    if (!store && !ctx.quiet)
      line(ctx.stderr, ctx.lang === 'nl' ? '! Nog geen opslag met monitoringdata; criteria zonder data zijn niet meetbaar.' : '! No store with monitoring data yet; criteria without data are not measurable.');
    try {
      const result = await evaluateInitiative(store, loaded.model, { asOf, includeSubmitted: values['include-submitted'] ?? false, ...(draws === undefined ? {} : { draws }), ...(seed === undefined ? {} : { seed }) });
      if (values.json) ctx.stdout.write(json(initiativeEvaluationJson(result)));
      else {
        line(ctx.stdout, renderValuation(loaded.model as Model, result, ctx.lang));
        line(ctx.stdout);
        line(ctx.stdout, renderEvaluation(result, ctx.lang));
        if (result.planVersusRealised) {
          line(ctx.stdout);
          line(ctx.stdout, renderPlanVersusRealised(result.planVersusRealised, ctx.lang, result.valuation.currency));
        }
        if (result.uncertainty) line(ctx.stdout, renderUncertainty(result.uncertainty, ctx.lang, result.valuation.method, result.valuation.currency));
      }
      return EXIT.ok;
    } finally {
      store?.close();
    }
  },
};
