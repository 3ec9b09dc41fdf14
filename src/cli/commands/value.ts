import { parseArgs } from 'node:util';
import { formatEuro, formatNumber, formatPercent, formatRatio, valueModel, type Lang, type Model, type Valuation } from '../../index.js';
import { EXIT, type Command } from '../context.js';
import { json, line, table } from '../output.js';
import { loadModelOrReport } from '../load-model.js';

function discountText(v: Valuation['valuation'], lang: Lang): string {
  const rates = v.discount.rates.map((s) => `${formatPercent(s.rate, lang, 2)}${v.discount.rates.length > 1 ? ` (${lang === 'nl' ? 'vanaf jaar' : 'from year'} ${s.fromYear})` : ''}`).join(', ');
  return `${v.discount.preset ?? (lang === 'nl' ? 'eigen' : 'custom')}: ${rates}`;
}

/** A readable valuation for the terminal. */
export function renderValuation(model: Model, result: Valuation, lang: Lang): string {
  const v = result.valuation;
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
      v.outcomes.map((o) => [name(o.stakeholder), o.id, formatEuro(o.impactYear1, lang), formatEuro(o.presentValue, lang)]),
      [false, false, true, true],
    ),
  );
  out.push('');
  out.push(
    table(
      [nl ? 'Kengetal' : 'Measure', nl ? 'Waarde' : 'Value'],
      [
        [nl ? 'Contante waarde baten' : 'Present value of benefits', formatEuro(v.presentValueBenefits, lang)],
        [nl ? 'Contante waarde investering' : 'Present value of inputs', formatEuro(v.presentValueInputs, lang)],
        [nl ? 'Netto contante waarde' : 'Net present value', formatEuro(v.npv, lang)],
        [nl ? 'SROI-ratio' : 'SROI ratio', formatRatio(v.sroiRatio, lang)],
        [nl ? 'Netto SROI-ratio' : 'Net SROI ratio', formatRatio(v.netSroiRatio, lang)],
        [nl ? 'Terugverdientijd' : 'Payback', v.paybackMonths === null ? '—' : `${formatNumber(v.paybackMonths, lang)} ${nl ? 'maanden' : 'months'}`],
      ],
      [false, true],
    ),
  );
  if (result.mkba) {
    const m = result.mkba;
    out.push('');
    out.push(nl ? `MKBA — nulalternatief: ${m.referenceAlternative}` : `MKBA — reference alternative: ${m.referenceAlternative}`);
    out.push(
      table(
        [nl ? 'Actor' : 'Actor', nl ? 'Baten' : 'Benefits', nl ? 'Vermeden kosten' : 'Avoided costs', nl ? 'Kosten' : 'Costs', nl ? 'Overdrachten' : 'Transfers', nl ? 'Saldo' : 'Net'],
        [...m.distribution, { ...m.society, actor: nl ? 'samenleving' : 'society' }].map((r) => [
          r.actor === 'society' ? r.actor : name(r.actor),
          formatEuro(r.benefits, lang),
          formatEuro(r.avoidedCosts, lang),
          formatEuro(-r.costs, lang),
          formatEuro(r.transfersIn - r.transfersOut, lang),
          formatEuro(r.net, lang),
        ]),
        [false, true, true, true, true, true],
      ),
    );
    out.push(`${nl ? 'Saldo (NCW)' : 'Balance (NPV)'}: ${formatEuro(m.balance, lang)} · ${nl ? 'B/K-verhouding' : 'B/C ratio'}: ${m.benefitCostRatio === null ? '—' : m.benefitCostRatio.toFixed(2)}`);
    for (const p of m.pmItems) out.push(`PM ${p.sign === 'positive' ? '+' : '−'} ${p.description} (${p.size})`);
  }
  for (const w of result.warnings) out.push(`! ${w.message[lang]}`);
  return out.join('\n');
}

export const valueCommand: Command = {
  name: 'value',
  summary: { nl: 'Waardeer een initiatief (SROI en/of MKBA)', en: 'Value an initiative (SROI and/or MKBA)' },
  help: {
    nl: `Gebruik: rendement value <model> [--json] [--lang nl|en]

Berekent de contante waarde van baten en investering, NCW, SROI-ratio, netto ratio en
terugverdientijd, en bij method mkba/both de MKBA met "wie betaalt, wie baat".
--json drukt één JSON-object af met het volledige spoor (trace) van elke euro.

Voorbeelden:
  rendement value models/buurthuis-de-kroon.yaml
  rendement value models/dorpsbudget-oosterwijk.yaml --json --lang en`,
    en: `Usage: rendement value <model> [--json] [--lang nl|en]

Computes the present value of benefits and inputs, NPV, SROI ratio, net ratio and
payback, and with method mkba/both the MKBA with "who pays, who benefits".
--json prints one JSON object with the full trace of every euro.

Examples:
  rendement value models/buurthuis-de-kroon.yaml
  rendement value models/dorpsbudget-oosterwijk.yaml --json --lang en`,
  },
  async run(ctx) {
    const { values, positionals } = parseArgs({ args: [...ctx.args], options: { json: { type: 'boolean' } }, allowPositionals: true });
    const path = positionals[0];
    if (!path || positionals.length > 1) {
      line(ctx.stderr, ctx.lang === 'nl' ? '✗ Geef precies één modelbestand op. Zie: rendement value --help' : '✗ Give exactly one model file. See: rendement value --help');
      return EXIT.usage;
    }
    const loaded = await loadModelOrReport(path, ctx);
    if ('exit' in loaded) return loaded.exit;
    const result = valueModel(loaded.model);
    if (values.json) ctx.stdout.write(json(result));
    else line(ctx.stdout, renderValuation(loaded.model, result, ctx.lang));
    return EXIT.ok;
  },
};
