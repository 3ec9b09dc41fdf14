import { parseArgs } from 'node:util';
import { evaluateInitiative, formatEuro, formatNumber, formatPercent, formatProbability, formatRatio, valuationJson, type Lang, type Model, type UncertaintyResult, type Valuation } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line, table } from '../output.js';
import { loadModelOrReport } from '../load-model.js';
import { openExistingStore, storePath } from '../open-store.js';
import { today } from '../clock.js';

function discountText(v: Valuation['valuation'], lang: Lang): string {
  const rates = v.discount.rates.map((s) => `${formatPercent(s.rate, lang, 2)}${v.discount.rates.length > 1 ? ` (${lang === 'nl' ? 'vanaf jaar' : 'from year'} ${s.fromYear})` : ''}`).join(', ');
  return `${v.discount.preset ?? (lang === 'nl' ? 'eigen' : 'custom')}: ${rates}`;
}

/** A readable valuation for the terminal. */
export function renderValuation(model: Model, result: Valuation, lang: Lang): string {
  const v = result.valuation;
  const cur = v.currency;
  const nl = lang === 'nl';
  const name = (id: string): string => model.stakeholders.find((s) => s.id === id)?.name ?? id;
  const out: string[] = [];
  out.push(`${result.initiative.name} (${result.initiative.id})${result.initiative.illustrative ? (nl ? ' — illustratieve getallen' : ' — illustrative numbers') : ''}`);
  out.push(
    `${nl ? 'Prijspeil' : 'Price level'} ${v.priceYear} · ${nl ? 'looptijd' : 'horizon'} ${v.horizonYears} ${nl ? 'jaar' : 'years'} · ${nl ? 'discontering' : 'discounting'} ${discountText(v, lang)} · ${nl ? 'jaar 1' : 'year 1'} ${v.discountFirstYear ? (nl ? 'verdisconteerd' : 'discounted') : nl ? 'niet verdisconteerd' : 'not discounted'}`,
  );
  out.push('');
  out.push(
    table(
      [nl ? 'Belanghebbende' : 'Stakeholder', nl ? 'Uitkomst' : 'Outcome', nl ? 'Impact jaar 1' : 'Impact year 1', nl ? 'Contante waarde' : 'Present value'],
      v.outcomes.map((o) => [name(o.stakeholder), o.negative ? `${o.id} (${nl ? 'negatief' : 'negative'})` : o.id, formatEuro(o.impactYear1, lang, 0, cur), formatEuro(o.presentValue, lang, 0, cur)]),
      [false, false, true, true],
    ),
  );
  out.push('');
  out.push(
    table(
      [nl ? 'Kengetal' : 'Measure', nl ? 'Waarde' : 'Value'],
      [
        [nl ? 'Contante waarde baten' : 'Present value of benefits', formatEuro(v.presentValueBenefits, lang, 0, cur)],
        [nl ? 'Contante waarde investering' : 'Present value of inputs', formatEuro(v.presentValueInputs, lang, 0, cur)],
        [nl ? 'Netto contante waarde' : 'Net present value', formatEuro(v.npv, lang, 0, cur)],
        [nl ? 'SROI-ratio' : 'SROI ratio', formatRatio(v.sroiRatio, lang)],
        [nl ? 'Netto SROI-ratio' : 'Net SROI ratio', formatRatio(v.netSroiRatio, lang)],
        [nl ? 'Terugverdientijd' : 'Payback', v.paybackMonths === null ? '—' : `${formatNumber(v.paybackMonths, lang)} ${nl ? 'maanden' : 'months'}`],
      ],
      [false, true],
    ),
  );
  if (v.byFunder.length > 1 || v.leverage) {
    out.push('');
    out.push(
      table(
        [nl ? 'Financier' : 'Funder', nl ? 'Contante waarde inzet' : 'Present value of inputs', nl ? 'Aandeel' : 'Share', nl ? 'Waarde per eenheid van deze financier' : 'Value per unit of this funder'],
        v.byFunder.map((f) => [name(f.funder), formatEuro(f.presentValueInputs, lang, 0, cur), formatPercent(f.share, lang), formatRatio(f.valuePerUnit, lang)]),
        [false, true, true, true],
      ),
    );
    const l = v.leverage;
    if (l) {
      const [own, per, money, inKind, time] = [
        formatEuro(l.municipalityPresentValue, lang, 0, cur),
        formatNumber(l.total.perUnit, lang, 2, 2),
        formatEuro(l.total.money, lang, 0, cur),
        formatEuro(l.total.inKind, lang, 0, cur),
        formatEuro(l.total.volunteerTime, lang, 0, cur),
      ];
      out.push(
        nl
          ? `Hefboom: per eenheid van de gemeente (${own}) leggen anderen ${per} in (geld ${money}, in natura ${inKind}, vrijwilligerstijd ${time}).`
          : `Leverage: per unit of the municipality (${own}) others put in ${per} (money ${money}, in kind ${inKind}, volunteer time ${time}).`,
      );
    }
  }
  if (result.mkba) {
    const m = result.mkba;
    out.push('');
    out.push(nl ? `MKBA — nulalternatief: ${m.referenceAlternative}` : `MKBA — reference alternative: ${m.referenceAlternative}`);
    out.push(
      table(
        [nl ? 'Actor' : 'Actor', nl ? 'Baten' : 'Benefits', nl ? 'Vermeden kosten' : 'Avoided costs', nl ? 'Kosten' : 'Costs', nl ? 'Overdrachten' : 'Transfers', nl ? 'Saldo' : 'Net'],
        [...m.distribution, { ...m.society, actor: nl ? 'samenleving' : 'society' }].map((r) => [
          r.actor === 'society' ? r.actor : name(r.actor),
          formatEuro(r.benefits - (r.negativeEffects ?? 0), lang, 0, cur),
          formatEuro(r.avoidedCosts, lang, 0, cur),
          formatEuro(-r.costs, lang, 0, cur),
          formatEuro(r.transfersIn - r.transfersOut, lang, 0, cur),
          formatEuro(r.net, lang, 0, cur),
        ]),
        [false, true, true, true, true, true],
      ),
    );
    out.push(`${nl ? 'Saldo (NCW)' : 'Balance (NPV)'}: ${formatEuro(m.balance, lang, 0, cur)} · ${nl ? 'B/K-verhouding' : 'B/C ratio'}: ${m.benefitCostRatio === null ? '—' : m.benefitCostRatio.toFixed(2)}`);
    for (const p of m.pmItems) out.push(`PM ${p.sign === 'positive' ? '+' : '−'} ${p.description} (${p.size})`);
  }
  for (const w of result.warnings) out.push(`! ${w.message[lang]}`);
  return out.join('\n');
}

/**
 * A short uncertainty section for the terminal, on the measure the method reports: the SROI ratio and NPV for
 * `sroi`, the MKBA's B/C ratio and balance for `mkba`, both for `both`.
 */
export function renderUncertainty(u: UncertaintyResult, lang: Lang, method: Model['valuation']['method'] = 'sroi', cur = 'EUR'): string {
  const nl = lang === 'nl';
  // Shares and the rate as percentages; other values with two decimals.
  const shown = (key: string, v: number): string =>
    key === 'discountRate' || /\.(deadweight|displacement|attribution|dropOff)$/.test(key) ? formatPercent(v, lang, 1) : formatNumber(v, lang, 2);
  const out: string[] = [''];
  const sroi = method !== 'mkba' || !u.mkba;
  const mkba = method !== 'sroi' && u.mkba !== undefined;
  const mc = u.monteCarlo;
  if (mc && sroi) {
    const r = mc.ratio;
    out.push(
      `Monte Carlo (${formatNumber(mc.draws, lang)} ${nl ? 'trekkingen, zaad' : 'draws, seed'} ${mc.seed}): ${nl ? 'SROI-ratio' : 'SROI ratio'} P5 ${formatRatio(r?.p05 ?? null, lang)} · P50 ${formatRatio(r?.p50 ?? null, lang)} · P95 ${formatRatio(r?.p95 ?? null, lang)} · P(ratio ≥ 1) ${formatProbability(mc.probRatioAtLeast1, lang)}`,
    );
  }
  const mm = u.mkba?.monteCarlo;
  if (mc && mm && mkba) {
    const r = mm.benefitCostRatio;
    out.push(
      `${nl ? 'Monte Carlo MKBA' : 'Monte Carlo MKBA'} (${formatNumber(mc.draws, lang)} ${nl ? 'trekkingen, zaad' : 'draws, seed'} ${mc.seed}): ${nl ? 'B/K' : 'B/C'} P5 ${formatNumber(r?.p05 ?? null, lang, 2, 2)} · P50 ${formatNumber(r?.p50 ?? null, lang, 2, 2)} · P95 ${formatNumber(r?.p95 ?? null, lang, 2, 2)} · ${nl ? 'saldo' : 'balance'} P5 ${formatEuro(mm.balance.p05, lang, 0, cur)} · P95 ${formatEuro(mm.balance.p95, lang, 0, cur)} · P(${nl ? 'saldo' : 'balance'} > 0) ${formatProbability(mm.probBalancePositive, lang)}`,
    );
  }
  const tornadoTable = (rows: UncertaintyResult['tornado'], balance: boolean): string =>
    table(
      [nl ? 'Aanname' : 'Assumption', nl ? 'Laag' : 'Low', nl ? 'Hoog' : 'High', balance ? (nl ? 'Saldo laag' : 'Balance low') : nl ? 'NCW laag' : 'NPV low', balance ? (nl ? 'Saldo hoog' : 'Balance high') : nl ? 'NCW hoog' : 'NPV high'],
      rows.slice(0, 8).map((t) => [t.key, shown(t.key, t.low), shown(t.key, t.high), formatEuro(balance ? (t.atLow.mkba?.balance ?? null) : t.atLow.npv, lang, 0, cur), formatEuro(balance ? (t.atHigh.mkba?.balance ?? null) : t.atHigh.npv, lang, 0, cur)]),
      [false, true, true, true, true],
    );
  if (sroi && u.tornado.length > 0) out.push(tornadoTable(u.tornado, false));
  if (mkba && u.mkba!.tornado.length > 0) out.push(tornadoTable(u.mkba!.tornado, true));
  const svText = (list: UncertaintyResult['switchingValues'], balance: boolean): string[] =>
    list.map((s) =>
      s.status === 'switches'
        ? `${s.key}: ${shown(s.key, s.value)} (${nl ? 'nu' : 'now'} ${shown(s.key, s.base)})`
        : balance
          ? `${s.key}: ${s.status === 'stays-above' ? (nl ? 'saldo blijft positief bij elke waarde' : 'balance stays positive at any value') : nl ? 'saldo blijft negatief bij elke waarde' : 'balance stays negative at any value'}`
          : `${s.key}: ${s.status === 'stays-above' ? (nl ? 'ratio blijft ≥ 1 bij elke waarde' : 'ratio stays ≥ 1 at any value') : nl ? 'ratio blijft < 1 bij elke waarde' : 'ratio stays < 1 at any value'}`,
    );
  if (sroi) out.push(`${nl ? 'Omslagwaarden (ratio = 1)' : 'Switching values (ratio = 1)'}:`, ...svText(u.switchingValues, false).map((x) => `  ${x}`));
  if (mkba) out.push(`${nl ? 'Omslagwaarden MKBA (saldo = 0)' : 'Switching values MKBA (balance = 0)'}:`, ...svText(u.mkba!.switchingValues, true).map((x) => `  ${x}`));
  for (const w of u.warnings) out.push(`! ${w.message[lang]}`);
  return out.join('\n');
}

export const valueCommand: Command = {
  name: 'value',
  summary: { nl: 'Waardeer een initiatief (SROI en/of MKBA)', en: 'Value an initiative (SROI and/or MKBA)' },
  help: {
    nl: `Gebruik: rendement value <model> [--json] [--as-of JJJJ-MM-DD] [--draws N] [--seed S] [--store pad] [--lang nl|en] [--include-submitted]

Telt alleen goedgekeurde uploads; --include-submitted telt ook uploads die nog op goedkeuring wachten (voorproefje).
Berekent de contante waarde van baten en investering, NCW, SROI-ratio, netto ratio en
terugverdientijd, en bij method mkba/both de MKBA met "wie betaalt, wie baat".
--json drukt één JSON-object af met het volledige spoor (trace) van elke euro.
Omslagwaarden altijd; tornado, scenario's en Monte Carlo voor wat het uncertainty-blok van het
model noemt (--draws N --seed S: N trekkingen, zaad S).
Aantallen uit monitoringdata en afgeleide deadweights komen uit de opslag (--store, standaard
data/rendement.duckdb), met data tot en met --as-of (standaard vandaag): dezelfde getallen als
rendement evaluate.

Voorbeelden:
  rendement value models/leeskamer-rijswijk.yaml
  rendement value models/dorpsbudget-stompwijk.yaml --json --lang en`,
    en: `Usage: rendement value <model> [--json] [--as-of YYYY-MM-DD] [--draws N] [--seed S] [--store path] [--lang nl|en] [--include-submitted]

Counts approved uploads only; --include-submitted also counts uploads still waiting for approval (a preview).
Computes the present value of benefits and inputs, NPV, SROI ratio, net ratio and
payback, and with method mkba/both the MKBA with "who pays, who benefits".
--json prints one JSON object with the full trace of every euro.
Switching values always; tornado, scenarios and Monte Carlo for what the model's uncertainty
block declares (--draws N --seed S: N draws, seed S).
Quantities from monitoring data and derived deadweights come from the store (--store, default
data/rendement.duckdb), with data up to --as-of (default today): the same numbers as
rendement evaluate.

Examples:
  rendement value models/leeskamer-rijswijk.yaml
  rendement value models/dorpsbudget-stompwijk.yaml --json --lang en`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: [...ctx.args],
      options: { json: { type: 'boolean' }, draws: { type: 'string' }, seed: { type: 'string' }, store: { type: 'string' }, 'as-of': { type: 'string' }, 'include-submitted': { type: 'boolean' } },
      allowPositionals: true,
    });
    const asOf = values['as-of'] ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ --as-of als JJJJ-MM-DD. Zie: rendement value --help' : '✗ --as-of as YYYY-MM-DD. See: rendement value --help');
      return EXIT.usage;
    }
    const draws = values.draws === undefined ? undefined : Number(values.draws);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if ((draws !== undefined && !(Number.isInteger(draws) && draws >= 1 && draws <= 10_000_000)) || (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295))) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ --draws is een geheel getal van 1 tot 10.000.000, --seed een geheel getal ≥ 0.' : '✗ --draws is a whole number from 1 to 10,000,000, --seed a whole number ≥ 0.');
      return EXIT.usage;
    }
    const path = positionals[0];
    if (!path || positionals.length > 1) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ Geef precies één modelbestand op. Zie: rendement value --help' : '✗ Give exactly one model file. See: rendement value --help');
      return EXIT.usage;
    }
    const loaded = await loadModelOrReport(path, ctx);
    if ('exit' in loaded) return loaded.exit;
    // The same evaluation as `evaluate` (store quantities, derived deadweights, uncertainty), shown as a valuation.
    const store = await openExistingStore(storePath(ctx, values.store));
    let result;
    try {
      result = await evaluateInitiative(store, loaded.model, { asOf, includeSubmitted: values['include-submitted'] ?? false, ...(draws === undefined ? {} : { draws }), ...(seed === undefined ? {} : { seed }) });
    } finally {
      store?.close();
    }
    if (values.json) ctx.stdout.write(json(valuationJson(result)));
    else {
      line(ctx.stdout, renderValuation(loaded.model, result, ctx.lang));
      if (result.uncertainty) line(ctx.stdout, renderUncertainty(result.uncertainty, ctx.lang, result.valuation.method, result.valuation.currency));
    }
    return EXIT.ok;
  },
};
