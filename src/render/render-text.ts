import type { Lang } from '../core/messages.js';

type Text = { readonly nl: string; readonly en: string };

/**
 * The render catalogue: every user-facing word of charts and reports, in Dutch and English, with `{name}`
 * placeholders. Plain language where a neighbourhood reads it.
 */
const catalogue = {
  'common.not-available': { nl: 'nog niet beschikbaar', en: 'not yet available' },
  'common.none': { nl: 'geen', en: 'none' },
  'common.total': { nl: 'Totaal', en: 'Total' },
  'common.year': { nl: 'Jaar', en: 'Year' },
  'common.amount': { nl: 'Bedrag', en: 'Amount' },
  'common.value': { nl: 'Waarde', en: 'Value' },
  'common.source': { nl: 'Bron', en: 'Source' },
  'common.reason': { nl: 'Onderbouwing', en: 'Reason' },
  'common.illustrative': { nl: 'Illustratieve getallen: dit voorbeeld is verzonnen en zegt niets over een echt initiatief.', en: 'Illustrative numbers: this example is made up and says nothing about a real initiative.' },

  'waterfall.title': { nl: 'Van bruto waarde naar contante waarde', en: 'From gross value to present value' },
  'waterfall.gross': { nl: 'Bruto waarde', en: 'Gross value' },
  'waterfall.deadweight': { nl: 'Wat toch al gebeurd was', en: 'Deadweight' },
  'waterfall.displacement': { nl: 'Verdringing', en: 'Displacement' },
  'waterfall.attribution': { nl: 'Toerekening aan anderen', en: 'Attribution to others' },
  'waterfall.drop-off': { nl: 'Afname in latere jaren', en: 'Drop-off in later years' },
  'waterfall.discounting': { nl: 'Disconteren', en: 'Discounting' },
  'waterfall.present-value': { nl: 'Contante waarde baten', en: 'Present value of benefits' },
  'waterfall.negative-outcomes': { nl: 'Negatieve uitkomsten (kosten voor belanghebbenden)', en: 'Negative outcomes (costs to stakeholders)' },
  'waterfall.inputs': { nl: 'investering (contante waarde) {amount}', en: 'inputs (present value) {amount}' },
  'waterfall.kind': { nl: 'Soort', en: 'Kind' },
  'waterfall.kind.total': { nl: 'totaal', en: 'total' },
  'waterfall.kind.decrease': { nl: 'vermindering', en: 'decrease' },
  'waterfall.kind.increase': { nl: 'vermeerdering', en: 'increase' },
  'waterfall.axis': { nl: '{currency} (prijspeil {priceYear})', en: '{currency} (price level {priceYear})' },
  'waterfall.step': { nl: 'Stap', en: 'Step' },
  'waterfall.running': { nl: 'Tussenstand', en: 'Running total' },
  'waterfall.description': {
    nl: 'Van {gross} bruto waarde blijft na correcties {pv} contante waarde over ({share}). De grootste correctie is "{largest}" ({largestAmount}). De investering heeft een contante waarde van {inputs}.',
    en: 'Of {gross} gross value, {pv} present value remains after corrections ({share}). The largest correction is "{largest}" ({largestAmount}). The inputs have a present value of {inputs}.',
  },

  'stakeholders.title': { nl: 'Waarde per belanghebbende', en: 'Value per stakeholder' },
  'stakeholders.axis': { nl: 'Contante waarde in {currency} (prijspeil {priceYear})', en: 'Present value in {currency} (price level {priceYear})' },
  'stakeholders.stakeholder': { nl: 'Belanghebbende', en: 'Stakeholder' },
  'stakeholders.share': { nl: 'Aandeel', en: 'Share' },
  'stakeholders.description': {
    nl: 'De meeste waarde komt terecht bij {top} ({topAmount}, {topShare} van het totaal van {total}). {count} belanghebbenden hebben waarde.',
    en: 'Most value goes to {top} ({topAmount}, {topShare} of the total of {total}). {count} stakeholders receive value.',
  },

  'distribution.title': { nl: 'Wie betaalt, wie baat', en: 'Who pays, who benefits' },
  'distribution.axis': { nl: 'Contante waarde in {currency} (prijspeil {priceYear}); links kosten, rechts baten', en: 'Present value in {currency} (price level {priceYear}); costs left, benefits right' },
  'distribution.actor': { nl: 'Actor', en: 'Actor' },
  'distribution.part': { nl: 'Post', en: 'Item' },
  'distribution.benefits': { nl: 'Baten', en: 'Benefits' },
  'distribution.negative-effects': { nl: 'Negatieve effecten', en: 'Negative effects' },
  'distribution.avoided-costs': { nl: 'Vermeden kosten', en: 'Avoided costs' },
  'distribution.transfers-in': { nl: 'Ontvangen overdrachten', en: 'Transfers received' },
  'distribution.costs': { nl: 'Kosten', en: 'Costs' },
  'distribution.transfers-out': { nl: 'Betaalde overdrachten', en: 'Transfers paid' },
  'distribution.net': { nl: 'Saldo', en: 'Net' },
  'distribution.society': { nl: 'Samenleving', en: 'Society' },
  'distribution.description': {
    nl: 'Per actor de kosten (links) en baten (rechts), met het saldo als zwart streepje. {winners} {losers} Voor de samenleving als geheel is het saldo {net}.',
    en: 'Costs (left) and benefits (right) per actor, with the net as a black tick. {winners} {losers} For society as a whole the net is {net}.',
  },
  'distribution.winners': { nl: 'Per saldo winst voor: {list}.', en: 'Net gain for: {list}.' },
  'distribution.losers': { nl: 'Per saldo kosten voor: {list}.', en: 'Net cost for: {list}.' },

  'inputs.title': { nl: 'Waar ging het geld naartoe', en: 'Where the money went' },
  'inputs.axis': { nl: 'Contante waarde in {currency} (prijspeil {priceYear})', en: 'Present value in {currency} (price level {priceYear})' },
  'inputs.item': { nl: 'Post', en: 'Item' },
  'inputs.funder': { nl: 'Betaald door', en: 'Paid by' },
  'inputs.kind': { nl: 'Soort', en: 'Kind' },
  'inputs.kind.money': { nl: 'geld', en: 'money' },
  'inputs.kind.in-kind': { nl: 'in natura', en: 'in kind' },
  'inputs.kind.volunteer-hours': { nl: 'vrijwilligersuren', en: 'volunteer hours' },
  'inputs.description': {
    nl: 'In totaal is {total} ingezet (contante waarde). De grootste post is "{top}" ({topAmount}), betaald door {funder}.',
    en: 'In total {total} was put in (present value). The largest item is "{top}" ({topAmount}), paid by {funder}.',
  },

  'series.title': { nl: '{indicator}: verloop', en: '{indicator}: over time' },
  'series.period': { nl: 'Periode', en: 'Period' },
  'series.area': { nl: 'Gebied', en: 'Area' },
  'series.role.target': { nl: 'initiatief', en: 'initiative' },
  'series.role.comparison': { nl: 'vergelijking', en: 'comparison' },
  'series.baseline': { nl: 'nulmeting {value}', en: 'baseline {value}' },
  'series.baseline-target': { nl: 'nulmeting en doel {value}', en: 'baseline and target {value}' },
  'series.target': { nl: 'doel {value}', en: 'target {value}' },
  'series.low': { nl: 'Ondergrens', en: 'Lower bound' },
  'series.high': { nl: 'Bovengrens', en: 'Upper bound' },
  'series.description': {
    nl: '{indicator} in {target}: van {first} ({firstPeriod}) naar {last} ({lastPeriod}); nulmeting {baseline}, doel {goal}.{comparison}',
    en: '{indicator} in {target}: from {first} ({firstPeriod}) to {last} ({lastPeriod}); baseline {baseline}, target {goal}.{comparison}',
  },
  'series.description.comparison': { nl: ' Vergelijkingsgebied {area}: van {first} naar {last}.', en: ' Comparison area {area}: from {first} to {last}.' },

  'did.title': { nl: '{indicator}: verschil-in-verschillen', en: '{indicator}: difference-in-differences' },
  'did.pre': { nl: 'voor', en: 'before' },
  'did.post': { nl: 'na', en: 'after' },
  'did.counterfactual': { nl: 'zonder initiatief (zelfde verandering als vergelijking)', en: 'without the initiative (same change as comparison)' },
  'did.window': { nl: 'Moment', en: 'Moment' },
  'did.series': { nl: 'Reeks', en: 'Series' },
  'did.effect': { nl: 'effect {value}', en: 'effect {value}' },
  'did.description': {
    nl: '{target} ging van {tPre} naar {tPost}; vergelijkingsgebied {comparison} van {cPre} naar {cPost}. Het verschil-in-verschillen is {did}{ci}.',
    en: '{target} went from {tPre} to {tPost}; comparison area {comparison} from {cPre} to {cPost}. The difference-in-differences is {did}{ci}.',
  },
  'did.ci': { nl: ' (95 %-interval {low} tot {high})', en: ' (95% interval {low} to {high})' },

  'scorecard.title': { nl: 'Succescriteria: hoe ver op weg naar het doel', en: 'Success criteria: progress towards the target' },
  'scorecard.axis': { nl: 'Bereikt deel van de weg van nulmeting naar doel', en: 'Share of the way from baseline to target achieved' },
  'scorecard.criterion': { nl: 'Criterium', en: 'Criterion' },
  'scorecard.status': { nl: 'Status', en: 'Status' },
  'scorecard.achievement': { nl: 'Bereikt', en: 'Achieved' },
  'scorecard.measured': { nl: 'Gemeten', en: 'Measured' },
  'scorecard.baseline': { nl: 'Nulmeting', en: 'Baseline' },
  'scorecard.target': { nl: 'Doel', en: 'Target' },
  'scorecard.threshold': { nl: 'drempel deels gehaald', en: 'threshold partly met' },
  'scorecard.description': { nl: '{count} criteria: {summary}.', en: '{count} criteria: {summary}.' },
  'track.on-track': { nl: 'op koers', en: 'on track' },
  'track.off-track': { nl: 'niet op koers', en: 'off track' },
  'status.met': { nl: 'gehaald', en: 'met' },
  'status.partly-met': { nl: 'deels gehaald', en: 'partly met' },
  'status.not-met': { nl: 'niet gehaald', en: 'not met' },
  'status.not-measurable': { nl: 'niet meetbaar', en: 'not measurable' },
  'status.not-due': { nl: 'termijn loopt nog', en: 'not due yet' },

  'tornado.title': { nl: 'Gevoeligheid: welke aanname telt het zwaarst', en: 'Sensitivity: which assumption matters most' },
  'tornado.axis': { nl: 'SROI-ratio ({currency} waarde per {currency} investering)', en: 'SROI ratio ({currency} value per {currency} invested)' },
  'tornado.parameter': { nl: 'Aanname', en: 'Assumption' },
  'tornado.low': { nl: 'lage waarde', en: 'low value' },
  'tornado.high': { nl: 'hoge waarde', en: 'high value' },
  'tornado.case': { nl: 'Variant', en: 'Case' },
  'tornado.base': { nl: 'basis {value}', en: 'base {value}' },
  'tornado.ratio-low': { nl: 'Ratio bij lage waarde', en: 'Ratio at low value' },
  'tornado.ratio-high': { nl: 'Ratio bij hoge waarde', en: 'Ratio at high value' },
  'tornado.description': {
    nl: 'Basisratio {base}. De ratio is het gevoeligst voor {top}: van {low} tot {high}.{below}',
    en: 'Base ratio {base}. The ratio is most sensitive to {top}: from {low} to {high}.{below}',
  },
  'tornado.below-one': { nl: ' Bij {list} zakt de ratio onder 1.', en: ' With {list} the ratio falls below 1.' },

  'tornado-mkba.title': { nl: 'Gevoeligheid van de MKBA: welke aanname telt het zwaarst', en: 'Sensitivity of the MKBA: which assumption matters most' },
  'tornado-mkba.axis': { nl: 'B/K-verhouding (baten per {currency} kosten)', en: 'B/C ratio (benefits per {currency} of cost)' },
  'tornado-mkba.ratio-low': { nl: 'B/K bij lage waarde', en: 'B/C at low value' },
  'tornado-mkba.ratio-high': { nl: 'B/K bij hoge waarde', en: 'B/C at high value' },
  'tornado-mkba.description': {
    nl: 'Basis-B/K {base}. De B/K-verhouding is het gevoeligst voor {top}: van {low} tot {high}.{below}',
    en: 'Base B/C {base}. The B/C ratio is most sensitive to {top}: from {low} to {high}.{below}',
  },
  'tornado-mkba.below-one': { nl: ' Bij {list} zakt de B/K-verhouding onder 1 (saldo negatief).', en: ' With {list} the B/C ratio falls below 1 (negative balance).' },
  'montecarlo-mkba.title': { nl: 'Onzekerheid van de MKBA: verdeling van de B/K-verhouding', en: 'Uncertainty of the MKBA: distribution of the B/C ratio' },
  'montecarlo-mkba.axis': { nl: 'B/K-verhouding', en: 'B/C ratio' },
  'montecarlo-mkba.marker': { nl: 'P(saldo > 0) = {p}', en: 'P(balance > 0) = {p}' },
  'montecarlo-mkba.description': {
    nl: 'In {draws} trekkingen is het MKBA-saldo in {p} van de gevallen positief. Mediaan B/K {p50}, 90 %-interval {p5} tot {p95}.',
    en: 'In {draws} draws the MKBA balance is positive in {p} of cases. Median B/C {p50}, 90% interval {p5} to {p95}.',
  },

  'montecarlo.title': { nl: 'Onzekerheid: verdeling van de SROI-ratio', en: 'Uncertainty: distribution of the SROI ratio' },
  'montecarlo.axis': { nl: 'SROI-ratio', en: 'SROI ratio' },
  'montecarlo.count': { nl: 'Aantal trekkingen', en: 'Number of draws' },
  'montecarlo.bin': { nl: 'Ratio van–tot', en: 'Ratio from–to' },
  'montecarlo.side': { nl: 'Kant van 1', en: 'Side of 1' },
  'montecarlo.below': { nl: 'ratio onder 1', en: 'ratio below 1' },
  'montecarlo.straddle': { nl: 'klasse met ratio 1 erin', en: 'bin containing ratio 1' },
  'montecarlo.above': { nl: 'ratio 1 of hoger', en: 'ratio 1 or more' },
  'montecarlo.interval': { nl: 'mediaan, 5e–95e percentiel', en: 'median, 5th–95th percentile' },
  'montecarlo.marker': { nl: 'P(ratio ≥ 1) = {p}', en: 'P(ratio ≥ 1) = {p}' },
  'montecarlo.description': {
    nl: 'In {draws} trekkingen is de ratio in {p} van de gevallen 1 of hoger. Mediaan {p50}, 90 %-interval {p5} tot {p95}.',
    en: 'In {draws} draws the ratio is 1 or more in {p} of cases. Median {p50}, 90% interval {p5} to {p95}.',
  },

  'portfolio.title': { nl: 'Alle initiatieven: rendement per euro, met onzekerheid', en: 'All initiatives: return per euro, with uncertainty' },
  'portfolio.axis': { nl: 'Ratio: SROI, of B/K bij een MKBA (lijn: 5e–95e percentiel)', en: 'Ratio: SROI, or B/C for an MKBA (line: 5th–95th percentile)' },
  'portfolio.initiative': { nl: 'Initiatief', en: 'Initiative' },
  'portfolio.ratio': { nl: 'Ratio (SROI; B/K bij MKBA)', en: 'Ratio (SROI; B/C for MKBA)' },
  'portfolio.npv': { nl: 'NCW (saldo bij MKBA)', en: 'NPV (balance for MKBA)' },
  'portfolio.p5': { nl: 'P5', en: 'P5' },
  'portfolio.p95': { nl: 'P95', en: 'P95' },
  'portfolio.break-even': { nl: 'ratio 1', en: 'ratio 1' },
  'portfolio.description': {
    nl: '{count} initiatieven; {above} met een ratio van 1 of hoger. Hoogste ratio: {top} ({topRatio}).',
    en: '{count} initiatives; {above} with a ratio of 1 or more. Highest ratio: {top} ({topRatio}).',
  },
  'portfolio.ends': {
    nl: 'De grafiek toont de {shown} hoogste en de {shown} laagste ratio\'s van {count}; de tabel eronder noemt ze allemaal.',
    en: 'The chart shows the {shown} highest and the {shown} lowest ratios of {count}; the table below lists them all.',
  },
  'portfolio-spread.title': { nl: 'Spreiding van de ratio\'s over alle initiatieven', en: 'Spread of the ratios over all initiatives' },
  'portfolio-spread.axis': { nl: 'Ratio: SROI, of B/K bij een MKBA', en: 'Ratio: SROI, or B/C for an MKBA' },
  'portfolio-spread.count': { nl: 'Aantal initiatieven', en: 'Number of initiatives' },
  'portfolio-spread.range': { nl: 'Ratio van–tot', en: 'Ratio from–to' },
  'portfolio-spread.description': {
    nl: '{count} initiatieven met een ratio; {above} met een ratio van 1 of hoger, {below} daaronder. Mediaan: {median}.',
    en: '{count} initiatives with a ratio; {above} with a ratio of 1 or more, {below} below. Median: {median}.',
  },
} as const satisfies Record<string, Text>;

/** A key of the render catalogue. */
export type RenderTextKey = keyof typeof catalogue;

/**
 * The text for a catalogue key in one language, with `{placeholders}` filled.
 * @example say('en', 'status.met') // "met"
 */
export function say(lang: Lang, key: RenderTextKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text: Text = catalogue[key];
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
