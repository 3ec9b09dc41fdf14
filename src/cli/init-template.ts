import type { Lang } from '../index.js';

/** The essentials `rendement init` asks for. */
export interface InitAnswers {
  readonly id: string;
  readonly name: string;
  readonly municipality: string;
  readonly area?: string;
  readonly method: 'sroi' | 'mkba' | 'both';
  readonly priceYear: number;
  readonly start: string;
  readonly end: string;
}

const t = (lang: Lang, nl: string, en: string): string => (lang === 'nl' ? nl : en);
const q = (s: string): string => JSON.stringify(s);

/**
 * A commented, valid starter model: one stakeholder pair, one input, one outcome, one indicator and one
 * criterion, every field explained, in Dutch or English. Numbers are placeholders marked as such.
 */
export function initTemplate(a: InitAnswers, lang: Lang): string {
  const years = Math.max(1, Number(a.end.slice(0, 4)) - Number(a.start.slice(0, 4)) + 1);
  const yearList = Array.from({ length: years }, (_, i) => i + 1).join(', ');
  const mkba = a.method !== 'sroi';
  return `# yaml-language-server: $schema=./schema.json
# ${t(lang, 'Model van een initiatief voor rendement. Vervang elke waarde met VOORBEELD door je eigen gegevens.', 'rendement initiative model. Replace every value marked EXAMPLE with your own data.')}
# ${t(lang, 'Controleer met: rendement validate', 'Check with: rendement validate')} models/${a.id}.yaml
id: ${a.id}
name: ${q(a.name)}
illustrative: true   # ${t(lang, 'zet op false zodra de getallen echt zijn', 'set to false once the numbers are real')}
municipality: ${a.municipality}   # ${t(lang, 'CBS-gemeentecode', 'CBS municipality code')}
areas: [${a.area ?? ''}]   # ${t(lang, 'CBS-wijk- of buurtcodes (WK######, BU########)', 'CBS wijk or buurt codes (WK######, BU########)')}
# ${t(lang, 'De stip aan de horizon: het doel in woorden, zoals de raad het heeft vastgesteld.', 'The goal ("horizon") in words, as the council set it.')}
horizon: ${q(t(lang, 'VOORBEELD: beschrijf hier het doel van het initiatief.', 'EXAMPLE: describe the goal of the initiative here.'))}
period: { start: ${a.start}, end: ${a.end} }

coalition:
  municipalityRole: client   # client | facilitator | partner
  partners:   # ${t(lang, 'type: informal (bewoners), formal (vereniging, stichting), commercial, government', 'type: informal (residents), formal (association, foundation), commercial, government')}
    - { id: bewoners, name: ${q(t(lang, 'Bewonersgroep (VOORBEELD)', 'Residents group (EXAMPLE)'))}, type: informal }
    - { id: gemeente, name: ${q(t(lang, 'Gemeente', 'Municipality'))}, type: government }

# ${t(lang, 'Wie betaalt of merkt iets van het initiatief? actor groepeert ze in de MKBA-tabel "wie betaalt, wie baat".', 'Who pays or experiences outcomes? actor groups them in the MKBA "who pays, who benefits" table.')}
stakeholders:
  - { id: deelnemers, name: ${q(t(lang, 'Deelnemers', 'Participants'))}, actor: residents }
  - { id: vrijwilligers, name: ${q(t(lang, 'Vrijwilligers', 'Volunteers'))}, actor: volunteers }
  - { id: gemeente, name: ${q(t(lang, 'Gemeente', 'Municipality'))}, actor: municipality }

valuation:
  method: ${a.method}   # sroi | mkba | both
  priceYear: ${a.priceYear}   # ${t(lang, 'prijspeil van alle bedragen', 'price level of every amount')}
  discount: { preset: nl-2021 }   # nl-2021 (2,25 %) | nl-2015 | uk-green-book | none | { rate, source }
  horizonYears: ${years + 1}
  discountFirstYear: true   # ${t(lang, 'jaar 1 verdisconteren (conventie van de value map)', 'discount year 1 (value-map convention)')}

# ${t(lang, 'Investeringen per financier; years zijn waarderingsjaren (0 = basisjaar, niet verdisconteerd).', 'Inputs per funder; years are valuation years (0 = base year, not discounted).')}
inputs:
  - { id: subsidie, funder: gemeente, kind: money, years: [${yearList}], amount: 10000, description: ${q(t(lang, 'VOORBEELD: jaarlijkse subsidie', 'EXAMPLE: yearly grant'))} }
  - id: vrijwilligersuren
    funder: vrijwilligers
    kind: volunteer-hours
    years: [${yearList}]
    hours: 500   # ${t(lang, 'VOORBEELD: uren per jaar', 'EXAMPLE: hours per year')}
    shadowPrice: { value: 14.06, unit: EUR/hour, priceYear: ${a.priceYear}, source: ${q(t(lang, 'VOORBEELD: wettelijk minimumloon per uur in het prijspeiljaar (Rijksoverheid); 14,06 is het bedrag van 2024', 'EXAMPLE: Dutch statutory minimum wage per hour in the price year (Rijksoverheid); 14.06 is the 2024 amount'))} }

# ${t(lang, 'Uitkomsten: wie ervaart welke verandering, hoeveel, wat is het waard, en hoeveel komt door het initiatief?', 'Outcomes: who experiences what change, how much, what it is worth, and how much is due to the initiative?')}
outcomes:
  - id: deelnemers-welzijn
    stakeholder: deelnemers
    indicator: deelnemers
    description: ${q(t(lang, 'VOORBEELD: deelnemers voelen zich minder eenzaam', 'EXAMPLE: participants feel less lonely'))}
    quantity: 25   # ${t(lang, 'aantal per jaar; later uit monitoringdata', 'units per year; later from monitoring data')}
    proxy: { value: 500, unit: EUR per person per year, priceYear: ${a.priceYear}, source: ${q(t(lang, 'VOORBEELD: noem de bron van de waardering', 'EXAMPLE: name the source of the valuation'))} }
    deadweight: { value: 0.2, reason: ${q(t(lang, 'VOORBEELD: wat zonder het initiatief ook gebeurd was', 'EXAMPLE: what would have happened anyway'))} }
    displacement: { value: 0.0, reason: ${q(t(lang, 'geen verdringing verwacht', 'no displacement expected'))} }
    attribution: { value: 0.1, reason: ${q(t(lang, 'VOORBEELD: bijdrage van anderen', 'EXAMPLE: contribution of others'))} }
    dropOff: { value: 0.2, reason: ${q(t(lang, 'VOORBEELD: afname per jaar', 'EXAMPLE: yearly decline'))} }
    duration: 1   # ${t(lang, 'jaren dat het effect duurt', 'years the outcome lasts')}
    cohorts: ${years}   # ${t(lang, 'elk jaar nieuwe deelnemers', 'new participants every year')}
${
  mkba
    ? `
# ${t(lang, 'Nulalternatief: wat gebeurt er zonder het initiatief, en welke kosten worden dan gemaakt?', 'Reference alternative: what happens without the initiative, and what costs are made then?')}
referenceAlternative:
  description: ${q(t(lang, 'VOORBEELD: de gemeente voert de taak zelf uit', 'EXAMPLE: the municipality carries out the task itself'))}
  costs:
    - { id: eigen-uitvoering, funder: gemeente, kind: money, years: [${yearList}], amount: 12000 }
`
    : ''
}
# ${t(lang, 'PM-posten: effecten die je noemt maar niet in geld uitdrukt.', 'PM items: effects you name but do not value.')}
pmItems:
  - { id: samenhang, description: ${q(t(lang, 'VOORBEELD: meer sociale samenhang', 'EXAMPLE: more social cohesion'))}, sign: positive, size: unknown }

indicators:
  - { id: deelnemers, name: ${q(t(lang, 'Deelnemers per jaar', 'Participants per year'))}, unit: ${t(lang, 'personen', 'people')}, kind: count, min: 0 }

# ${t(lang, 'Succescriteria, vooraf vastgelegd met de raad. Leg ze vast met: rendement criteria lock', 'Success criteria, fixed up front with the council. Lock them with: rendement criteria lock')}
criteria:
  - { id: bereik, category: social, description: ${q(t(lang, 'VOORBEELD: 25 deelnemers per jaar', 'EXAMPLE: 25 participants per year'))}, indicator: deelnemers, baseline: 0, target: 25, direction: increase, deadline: ${a.end}, source: ${q(t(lang, 'VOORBEELD: raadsbesluit', 'EXAMPLE: council decision'))} }
`;
}
