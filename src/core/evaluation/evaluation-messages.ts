import type { LocalisedText } from '../messages.js';

type Entry = { readonly message: LocalisedText; readonly fix: LocalisedText };

/**
 * Catalogue of the user-facing sentences of outcome evaluation (status reasons, warnings, derivations), in
 * Dutch and English, with `{name}` placeholders. Kept beside the evaluation code so it can be merged into
 * the core catalogue (`src/core/messages.ts`) in one move.
 */
const catalogue = {
  'evaluation.met': {
    message: { nl: 'Gehaald: waarde {value} tegen doel {goalNl}.', en: 'Met: value {value} against target {goal}.' },
    fix: { nl: 'Geen actie nodig.', en: 'No action needed.' },
  },
  'evaluation.partly-met': {
    message: {
      nl: 'Deels gehaald: waarde {value}, {achieved} % van de weg van nulmeting {baseline} naar doel {target} (drempel {threshold} %).',
      en: 'Partly met: value {value}, {achieved} % of the way from baseline {baseline} to target {target} (threshold {threshold} %).',
    },
    fix: { nl: 'Bespreek met de opdrachtgever wat nodig is om het doel te halen.', en: 'Discuss with the council what it takes to reach the target.' },
  },
  'evaluation.not-met': {
    message: {
      nl: 'Niet gehaald: waarde {value}, {achieved} % van de weg van nulmeting {baseline} naar doel {target} (drempel {threshold} %).',
      en: 'Not met: value {value}, {achieved} % of the way from baseline {baseline} to target {target} (threshold {threshold} %).',
    },
    fix: { nl: 'Bespreek met de opdrachtgever waarom het doel niet is gehaald.', en: 'Discuss with the council why the target was not reached.' },
  },
  'evaluation.not-met-outside': {
    message: { nl: 'Niet gehaald: waarde {value} ligt buiten {goalNl}.', en: 'Not met: value {value} lies outside {goal}.' },
    fix: { nl: 'Bespreek met de opdrachtgever waarom de waarde buiten de afgesproken grenzen ligt.', en: 'Discuss with the council why the value lies outside the agreed bounds.' },
  },
  'evaluation.no-data': {
    message: {
      nl: 'Niet meetbaar: geen waarnemingen van indicator "{indicator}"{area} tot en met {asOf}.',
      en: 'Not measurable: no observations of indicator "{indicator}"{area} up to {asOf}.',
    },
    fix: {
      nl: 'Lever meetgegevens aan voor deze indicator; zonder gegevens telt het criterium niet mee in de score (nooit als 0).',
      en: 'Supply monitoring data for this indicator; without data the criterion is left out of the score (never counted as 0).',
    },
  },
  'evaluation.too-few-observations': {
    message: {
      nl: 'Niet meetbaar: te weinig waarnemingen voor "{indicator}" (n = {n}, minimaal {required}).',
      en: 'Not measurable: too few observations for "{indicator}" (n = {n}, at least {required} needed).',
    },
    fix: { nl: 'Vergroot de steekproef bij de volgende meting.', en: 'Enlarge the sample at the next measurement.' },
  },
  'evaluation.period-not-covered': {
    message: {
      nl: 'Niet meetbaar: de waarnemingen van "{indicator}" ({first} tot en met {last}) vallen niet in de periode {from} tot en met {to}.',
      en: 'Not measurable: the observations of "{indicator}" ({first} to {last}) do not fall in the period {from} to {to}.',
    },
    fix: { nl: 'Lever een meting aan uit de periode tot de deadline.', en: 'Supply a measurement from the period up to the deadline.' },
  },
  'evaluation.not-due-on-track': {
    message: {
      nl: 'Nog niet aan de orde (deadline {deadline}); op koers: {achieved} % van de weg afgelegd, {expected} % verwacht op {date}.',
      en: 'Not due yet (deadline {deadline}); on track: {achieved} % of the way achieved, {expected} % expected by {date}.',
    },
    fix: { nl: 'Geen actie nodig.', en: 'No action needed.' },
  },
  'evaluation.not-due-off-track': {
    message: {
      nl: 'Nog niet aan de orde (deadline {deadline}); achter op schema: {achieved} % van de weg afgelegd, {expected} % verwacht op {date}.',
      en: 'Not due yet (deadline {deadline}); off track: {achieved} % of the way achieved, {expected} % expected by {date}.',
    },
    fix: { nl: 'Bespreek tijdig met de opdrachtgever hoe het doel alsnog te halen is.', en: 'Discuss with the council in time how the target can still be reached.' },
  },
  'evaluation.not-due-no-data': {
    message: {
      nl: 'Nog niet aan de orde (deadline {deadline}); nog geen meting tot en met {asOf}.',
      en: 'Not due yet (deadline {deadline}); no measurement yet up to {asOf}.',
    },
    fix: { nl: 'Plan een tussenmeting.', en: 'Plan an interim measurement.' },
  },
  'evaluation.unlocked': {
    message: {
      nl: 'De succescriteria van dit model zijn niet vastgelegd; wijzigingen achteraf zijn niet te zien.',
      en: 'The success criteria of this model are not locked; later changes cannot be shown.',
    },
    fix: {
      nl: 'Leg de criteria vast met "rendement criteria lock <model>" voordat het werk begint.',
      en: 'Lock the criteria with "rendement criteria lock <model>" before the work starts.',
    },
  },
  'evaluation.criterion-changed': {
    message: {
      nl: 'Criterium "{id}" is gewijzigd na vastlegging op {lockedAt}: {fields}.',
      en: 'Criterion "{id}" was changed after it was locked on {lockedAt}: {fields}.',
    },
    fix: {
      nl: 'Laat de wijziging vaststellen door de opdrachtgever; het rapport toont beide versies.',
      en: 'Have the council approve the change; the report shows both versions.',
    },
  },
  'evaluation.criterion-added': {
    message: { nl: 'Criterium "{id}" is toegevoegd na vastlegging op {lockedAt}.', en: 'Criterion "{id}" was added after locking on {lockedAt}.' },
    fix: { nl: 'Laat de toevoeging vaststellen door de opdrachtgever.', en: 'Have the council approve the addition.' },
  },
  'evaluation.criterion-removed': {
    message: {
      nl: 'Criterium "{id}" is vastgelegd op {lockedAt} maar staat niet meer in het model.',
      en: 'Criterion "{id}" was locked on {lockedAt} but is no longer in the model.',
    },
    fix: { nl: 'Laat het schrappen vaststellen door de opdrachtgever, of zet het criterium terug.', en: 'Have the council approve the removal, or restore the criterion.' },
  },
  'evaluation.underpowered': {
    message: {
      nl: 'De steekproef voor "{indicator}" (n = {n}) is te klein om de beoogde verandering van {baseline} naar {target} aan te tonen; nodig is ongeveer {required} per meting (power 80 %, α 0,05).',
      en: 'The sample for "{indicator}" (n = {n}) is too small to detect the intended change from {baseline} to {target}; about {required} per wave are needed (power 80 %, α 0.05).',
    },
    fix: { nl: 'Vergroot de steekproef of lees de uitkomst als indicatief.', en: 'Enlarge the sample or read the result as indicative.' },
  },
  'evaluation.not-parallel': {
    message: {
      nl: 'De trends vóór de start lopen niet parallel: {targetSlope} per jaar in {area} tegen {comparisonSlope} per jaar in {comparison} (verschil {difference}, p = {pValue}, tolerantie {tolerance}).',
      en: 'Pre-period trends are not parallel: {targetSlope} per year in {area} against {comparisonSlope} per year in {comparison} (difference {difference}, p = {pValue}, tolerance {tolerance}).',
    },
    fix: {
      nl: 'Kies een ander vergelijkingsgebied of lees het verschil-in-verschillen met voorzichtigheid.',
      en: 'Choose another comparison area or read the difference-in-differences with caution.',
    },
  },
  'evaluation.pre-trend-unknown': {
    message: {
      nl: 'Of de trends vóór de start parallel lopen is niet te toetsen: te weinig perioden vóór de start in {area} of {comparison}.',
      en: 'Whether pre-period trends are parallel cannot be tested: too few pre-period periods in {area} or {comparison}.',
    },
    fix: { nl: 'Neem meer jaren vóór de start mee (preTrend).', en: 'Include more years before the start (preTrend).' },
  },
  'evaluation.did-missing-cell': {
    message: {
      nl: 'Verschil-in-verschillen niet te berekenen: geen waarnemingen van "{indicator}" in {area} in de {window}periode ({from} tot en met {to}).',
      en: 'Difference-in-differences cannot be computed: no observations of "{indicator}" in {area} in the {windowEn} period ({from} to {to}).',
    },
    fix: { nl: 'Lever waarnemingen aan voor deze periode of kies andere perioden.', en: 'Supply observations for this period or choose other periods.' },
  },
  'evaluation.did-basis-panel': {
    message: {
      nl: 'Standaardfout uit de spreiding van het verschil tussen {area} en het gemiddelde van {k} vergelijkingsgebied(en) over {periods} perioden vóór de start ({from} tot en met {to}; t-verdeling met {df} vrijheidsgraden); de schatting rust op {pre} voor- en {post} naperiode(n).',
      en: 'Standard error from the spread of the gap between {area} and the mean of {k} comparison area(s) over {periods} periods before the start ({from} to {to}; t distribution with {df} degrees of freedom); the estimate rests on {pre} pre and {post} post period(s).',
    },
    fix: { nl: 'Geen actie nodig.', en: 'No action needed.' },
  },
  'evaluation.did-basis-sampling': {
    message: {
      nl: 'Standaardfout uit de steekproefvarianties van de vier cellen (p(1 − p)/n of s²/n), met {k} vergelijkingsgebied(en), {pre} voor- en {post} naperiode(n); alleen juist als n de omvang van een aselecte steekproef is.',
      en: 'Standard error from the sampling variances of the four cells (p(1 − p)/n or s²/n), with {k} comparison area(s), {pre} pre and {post} post period(s); only right when n is the size of a random sample.',
    },
    fix: {
      nl: 'Gebruik standardError: panel voor registercijfers en wijkpanels, waar n een bevolkingsaantal is.',
      en: 'Use standardError: panel for register figures and area panels, where n is a population.',
    },
  },
  'evaluation.did-se-too-few-periods': {
    message: {
      nl: 'Geen standaardfout voor het verschil-in-verschillen van "{indicator}": {periods} perioden vóór de start ({from} tot en met {to}) hebben een waarde in {area} en alle {k} vergelijkingsgebied(en); minstens {required} zijn nodig om de spreiding tussen jaren te schatten. Een interval uit de bevolkingsaantallen (n) zou veel te smal zijn en wordt niet gegeven.',
      en: 'No standard error for the difference-in-differences of "{indicator}": {periods} periods before the start ({from} to {to}) have a value in {area} and all {k} comparison area(s); at least {required} are needed to estimate the spread between years. An interval from the population counts (n) would be far too narrow and is not given.',
    },
    fix: {
      nl: 'Neem meer jaren vóór de start mee (preTrend), of zet standardError: sampling alleen als n de omvang van een steekproef is.',
      en: 'Include more years before the start (preTrend), or set standardError: sampling only when n is the size of a sample.',
    },
  },
  'evaluation.did-no-estimate': {
    message: {
      nl: 'Geen verschil-in-verschillen voor "{indicator}": een van de vier cellen (voor/na, doel/vergelijking) heeft geen waarnemingen.',
      en: 'No difference-in-differences for "{indicator}": one of the four cells (pre/post, target/comparison) has no observations.',
    },
    fix: { nl: 'Lever waarnemingen aan voor beide perioden in alle gebieden.', en: 'Supply observations for both periods in every area.' },
  },
  'evaluation.did-se-no-sampling': {
    message: {
      nl: 'Geen standaardfout voor het verschil-in-verschillen van "{indicator}": niet elke cel heeft een steekproefomvang (n, en sd bij gemiddelden).',
      en: 'No standard error for the difference-in-differences of "{indicator}": not every cell has a sample size (n, and sd for means).',
    },
    fix: {
      nl: 'Lever n (en sd) per meting aan, of gebruik standardError: panel met meer jaren vóór de start.',
      en: 'Supply n (and sd) per measurement, or use standardError: panel with more years before the start.',
    },
  },
  'evaluation.deadweight-derivation': {
    message: {
      nl: 'Deadweight = verandering in vergelijkingsgebied {comparison} ({comparisonChange}) / verandering in doelgebied {area} ({targetChange}) = {raw}, begrensd tot [0, 1]: {value}.',
      en: 'Deadweight = change in comparison area {comparison} ({comparisonChange}) / change in target area {area} ({targetChange}) = {raw}, clipped to [0, 1]: {value}.',
    },
    fix: { nl: 'Neem deze deadweight met deze afleiding op in de waardering.', en: 'Use this deadweight, with this derivation, in the valuation.' },
  },
  'evaluation.period-incomplete': {
    message: {
      nl: '{period} van "{indicator}" is niet beoordeeld: de aangeleverde perioden dekken er {coverage} % van, en het doel geldt per {perNl}.',
      en: '{period} of "{indicator}" is not judged: the periods supplied cover {coverage} % of it, and the target is per {per}.',
    },
    fix: { nl: 'Lever de ontbrekende perioden aan.', en: 'Supply the missing periods.' },
  },
  'evaluation.not-measurable-incomplete': {
    message: {
      nl: 'Niet meetbaar: geen volledig gedekte periode van "{indicator}" tussen {from} en {to}; onvolledig: {periods}.',
      en: 'Not measurable: no fully covered period of "{indicator}" between {from} and {to}; incomplete: {periods}.',
    },
    fix: { nl: 'Lever de ontbrekende perioden aan.', en: 'Supply the missing periods.' },
  },
  'evaluation.period-too-coarse': {
    message: {
      nl: 'Waarnemingen van "{indicator}" over {periods} zijn niet per {perNl} te verdelen en tellen niet mee voor dit criterium.',
      en: 'Observations of "{indicator}" over {periods} cannot be split per {per} and do not count for this criterion.',
    },
    fix: { nl: 'Lever waarnemingen per {perNl} aan, of per kortere periode.', en: 'Supply observations per {per}, or per shorter period.' },
  },
  'evaluation.deadweight-undefined': {
    message: {
      nl: 'Deadweight is niet af te leiden uit het vergelijkingsgebied: de verandering in doelgebied {area} is 0.',
      en: 'Deadweight cannot be derived from the comparison area: the change in target area {area} is 0.',
    },
    fix: { nl: 'Gebruik een onderbouwde schatting van de deadweight.', en: 'Use a reasoned estimate of the deadweight.' },
  },
  'evaluation.deadweight-not-parallel': {
    message: {
      nl: 'Deadweight van {outcomes} is niet afgeleid uit vergelijkingsgebied {comparison}: de trends vóór de start lopen niet parallel met {area} (p = {pValue}), dus de verandering daar laat niet zien wat in {area} toch was gebeurd. De deadweight uit het model blijft gelden.',
      en: 'Deadweight of {outcomes} is not derived from comparison area {comparison}: its pre-period trend is not parallel to {area} (p = {pValue}), so its change does not show what would have happened in {area} anyway. The deadweight stated in the model stays in force.',
    },
    fix: {
      nl: 'Kies een vergelijkingsgebied met een parallelle trend vóór de start, of onderbouw de deadweight in het model.',
      en: 'Choose a comparison area whose pre-period trend is parallel, or give the deadweight in the model its reasons.',
    },
  },
  'evaluation.deadweight-wrong-direction': {
    message: {
      nl: 'Deadweight van {outcomes} is niet afgeleid: "{indicator}" in {area} veranderde {targetChange}, de verkeerde kant op (vooruitgang is een {directionNl}). Dan bestaat er geen "deel van de verandering dat toch was gebeurd". De deadweight uit het model blijft gelden.',
      en: 'Deadweight of {outcomes} is not derived: "{indicator}" in {area} changed by {targetChange}, the wrong way (progress here is a {directionEn}). There is then no "share of the change that would have happened anyway". The deadweight stated in the model stays in force.',
    },
    fix: {
      nl: 'Bespreek waarom de uitkomst de verkeerde kant op ging; waardeer deze uitkomst niet als gerealiseerd zonder bewijs.',
      en: 'Discuss why the outcome moved the wrong way; do not value this outcome as achieved without evidence.',
    },
  },
  'evaluation.deadweight-direction-unknown': {
    message: {
      nl: 'Deadweight van {outcomes} is niet afgeleid: onbekend of een stijging of een daling van "{indicator}" vooruitgang is (geen direction bij de vergelijking en geen eensluidend criterium).',
      en: 'Deadweight of {outcomes} is not derived: it is unknown whether a rise or a fall of "{indicator}" is progress (no direction on the comparison and no criteria that agree).',
    },
    fix: { nl: 'Zet direction: increase of decrease bij de vergelijking.', en: 'Set direction: increase or decrease on the comparison.' },
  },
  'evaluation.deadweight-no-data': {
    message: {
      nl: 'Deadweight van {outcomes} is niet afgeleid: het verschil-in-verschillen van "{indicator}" tegen {comparison} is niet te berekenen. De deadweight uit het model blijft gelden.',
      en: 'Deadweight of {outcomes} is not derived: the difference-in-differences of "{indicator}" against {comparison} cannot be computed. The deadweight stated in the model stays in force.',
    },
    fix: { nl: 'Lever waarnemingen aan voor beide perioden in alle gebieden.', en: 'Supply observations for both periods in every area.' },
  },
  'evaluation.deadweight-no-interval': {
    message: {
      nl: 'De afgeleide deadweight van {outcomes} heeft geen eigen onzekerheid: het verschil-in-verschillen van "{indicator}" heeft geen standaardfout. Een in het model opgegeven bandbreedte wordt om de afgeleide waarde gecentreerd.',
      en: 'The derived deadweight of {outcomes} carries no uncertainty of its own: the difference-in-differences of "{indicator}" has no standard error. A range declared in the model is centred on the derived value.',
    },
    fix: {
      nl: 'Neem meer jaren vóór de start mee, of geef in het model een bandbreedte voor deze deadweight.',
      en: 'Include more years before the start, or declare a range for this deadweight in the model.',
    },
  },
  'evaluation.deadweight-range-replaced': {
    message: {
      nl: 'De in het model opgegeven onzekerheid van de deadweight van "{outcome}" is vervangen door die van de afgeleide waarde {value}: {low} tot {high} (uit het interval van het verschil-in-verschillen).',
      en: 'The uncertainty declared in the model for the deadweight of "{outcome}" is replaced by that of the derived value {value}: {low} to {high} (from the difference-in-differences interval).',
    },
    fix: { nl: 'Geen actie nodig.', en: 'No action needed.' },
  },
  'evaluation.deadweight-range-centred': {
    message: {
      nl: 'De in het model opgegeven bandbreedte van de deadweight van "{outcome}" is met dezelfde breedte gecentreerd om de afgeleide waarde {value} en begrensd tot [0, 1], zodat laag ≤ gebruikt ≤ hoog.',
      en: 'The range declared in the model for the deadweight of "{outcome}" is centred, with the same width, on the derived value {value} and bounded to [0, 1], so low ≤ used ≤ high.',
    },
    fix: { nl: 'Geen actie nodig.', en: 'No action needed.' },
  },
} as const satisfies Record<string, Entry>;

/** Codes of the evaluation message catalogue. */
export type EvaluationMessageCode = keyof typeof catalogue;

/** Parameters of an evaluation message; numbers are written with a decimal comma in Dutch. */
export type EvaluationParams = Readonly<Record<string, string | number | null | undefined>>;

/** A number as text for a sentence: at most 4 significant digits, no exponent for ordinary sizes. */
export function formatEvaluationNumber(v: number, lang: 'nl' | 'en'): string {
  if (!Number.isFinite(v)) return lang === 'nl' ? 'n.v.t.' : 'n/a';
  const r = Number(v.toPrecision(4));
  const s = String(r === 0 ? 0 : r);
  return lang === 'nl' ? s.replace('.', ',') : s;
}

function fill(template: string, params: EvaluationParams, lang: 'nl' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    if (v === null) return lang === 'nl' ? 'n.v.t.' : 'n/a';
    return typeof v === 'number' ? formatEvaluationNumber(v, lang) : v;
  });
}

/**
 * The Dutch and English message and fix of an evaluation code, with `{placeholders}` filled from `params`
 * (numbers with a decimal comma in Dutch, a point in English; null as "n.v.t." / "n/a").
 * @example describeEvaluation('evaluation.met', { value: 130, goal: '≥ 120', goalNl: '≥ 120' }).message.en // "Met: value 130 against target ≥ 120."
 */
export function describeEvaluation(code: EvaluationMessageCode, params: EvaluationParams = {}): { message: LocalisedText; fix: LocalisedText } {
  const entry: Entry = catalogue[code];
  return {
    message: { nl: fill(entry.message.nl, params, 'nl'), en: fill(entry.message.en, params, 'en') },
    fix: { nl: fill(entry.fix.nl, params, 'nl'), en: fill(entry.fix.en, params, 'en') },
  };
}

/** A warning or status reason that comes with an evaluation result; never printed by the core. */
export interface EvaluationNote {
  readonly code: EvaluationMessageCode;
  /** Where it applies, e.g. `criteria[2]` or `indicators.eenzaamheid.comparison`. */
  readonly path: string;
  readonly message: LocalisedText;
  readonly fix: LocalisedText;
}

/** Builds an {@link EvaluationNote} from a catalogue code. */
export function evaluationNote(code: EvaluationMessageCode, path: string, params: EvaluationParams = {}): EvaluationNote {
  return { code, path, ...describeEvaluation(code, params) };
}
