/**
 * The message catalogue: every user-facing sentence of the core, in Dutch and English.
 * Each entry has a `message` (what is wrong) and a `fix` (what to do), with `{name}` placeholders.
 */

export type Lang = 'nl' | 'en';

export const LANGS: readonly Lang[] = ['nl', 'en'];

type Text = { readonly nl: string; readonly en: string };
type Entry = { readonly message: Text; readonly fix: Text };

const catalogue = {
  'model.unknown-field': {
    message: { nl: 'Onbekend veld "{key}".', en: 'Unknown field "{key}".' },
    fix: {
      nl: 'Verwijder het veld of corrigeer de spelling{suggestion}.',
      en: 'Remove the field or correct its spelling{suggestion}.',
    },
  },
  'model.missing-field': {
    message: { nl: 'Verplicht veld ontbreekt.', en: 'Required field is missing.' },
    fix: { nl: 'Vul dit veld in ({expected}).', en: 'Fill in this field ({expected}).' },
  },
  'model.wrong-type': {
    message: { nl: 'Verwacht {expected}, gevonden {received}.', en: 'Expected {expected}, found {received}.' },
    fix: { nl: 'Vervang de waarde door {expected}.', en: 'Replace the value with {expected}.' },
  },
  'model.too-big': {
    message: { nl: 'Waarde {value} is groter dan {limit}.', en: 'Value {value} is larger than {limit}.' },
    fix: {
      nl: 'Gebruik een waarde van hoogstens {limit}{shareHint}.',
      en: 'Use a value of at most {limit}{shareHint}.',
    },
  },
  'model.too-small': {
    message: { nl: 'Waarde {value} is kleiner dan {limit}.', en: 'Value {value} is smaller than {limit}.' },
    fix: { nl: 'Gebruik een waarde van minstens {limit}.', en: 'Use a value of at least {limit}.' },
  },
  'model.not-integer': {
    message: { nl: 'Waarde {value} is geen geheel getal.', en: 'Value {value} is not a whole number.' },
    fix: { nl: 'Gebruik een geheel getal.', en: 'Use a whole number.' },
  },
  'model.invalid-option': {
    message: { nl: 'Waarde "{value}" is geen geldige keuze.', en: 'Value "{value}" is not a valid choice.' },
    fix: { nl: 'Kies een van: {options}.', en: 'Choose one of: {options}.' },
  },
  'model.invalid-format': {
    message: { nl: 'Waarde "{value}" heeft niet de juiste vorm.', en: 'Value "{value}" does not have the right form.' },
    fix: { nl: 'Gebruik de vorm {format}.', en: 'Use the form {format}.' },
  },
  'model.too-short': {
    message: { nl: 'Te weinig elementen of tekens (minimaal {limit}).', en: 'Too few items or characters (at least {limit}).' },
    fix: { nl: 'Vul minstens {limit} in.', en: 'Provide at least {limit}.' },
  },
  'model.unknown-reference': {
    message: {
      nl: '{kind} "{value}" bestaat niet in dit model.',
      en: '{kindEn} "{value}" does not exist in this model.',
    },
    fix: {
      nl: 'Gebruik een id uit {list}{suggestion}, of voeg "{value}" daar toe.',
      en: 'Use an id from {list}{suggestion}, or add "{value}" there.',
    },
  },
  'model.duplicate-id': {
    message: { nl: 'Id "{value}" komt meer dan eens voor.', en: 'Id "{value}" occurs more than once.' },
    fix: { nl: 'Geef elk element een eigen id.', en: 'Give every item its own id.' },
  },
  'model.year-beyond-horizon': {
    message: {
      nl: 'Jaar {value} ligt na de looptijd van {limit} jaar.',
      en: 'Year {value} lies after the horizon of {limit} years.',
    },
    fix: {
      nl: 'Kies een jaar van 0 tot en met {limit} of verleng valuation.horizonYears.',
      en: 'Choose a year from 0 to {limit} or extend valuation.horizonYears.',
    },
  },
  'model.price-index-missing-year': {
    message: {
      nl: 'De prijsindex mist jaar {value} om van prijspeil {from} naar {to} te gaan.',
      en: 'The price index lacks year {value} to bring price level {from} to {to}.',
    },
    fix: {
      nl: 'Vul valuation.priceIndex.rates aan met jaar {value}, of gebruik prijspeil {to} voor deze proxy.',
      en: 'Add year {value} to valuation.priceIndex.rates, or state this proxy at price level {to}.',
    },
  },
  'model.mkba-needs-reference': {
    message: {
      nl: 'Een MKBA vraagt een nulalternatief (referenceAlternative).',
      en: 'An MKBA needs a reference alternative (referenceAlternative).',
    },
    fix: {
      nl: 'Beschrijf wat er zonder het initiatief gebeurt onder referenceAlternative.',
      en: 'Describe what happens without the initiative under referenceAlternative.',
    },
  },
  'model.criterion-target-equals-baseline': {
    message: {
      nl: 'Doel en nulmeting zijn gelijk ({value}) bij richting "{direction}".',
      en: 'Target equals baseline ({value}) with direction "{direction}".',
    },
    fix: {
      nl: 'Kies een doel dat verschilt van de nulmeting, of gebruik richting "maintain".',
      en: 'Choose a target that differs from the baseline, or use direction "maintain".',
    },
  },
  'model.criterion-direction-mismatch': {
    message: {
      nl: 'Richting "{direction}" past niet bij nulmeting {baseline} en doel {target}.',
      en: 'Direction "{direction}" does not fit baseline {baseline} and target {target}.',
    },
    fix: {
      nl: 'Draai de richting om of corrigeer nulmeting of doel.',
      en: 'Reverse the direction or correct the baseline or target.',
    },
  },
  'model.range-needs-bounds': {
    message: {
      nl: 'Richting "range" vraagt een ondergrens en bovengrens (range: {min, max}).',
      en: 'Direction "range" needs a lower and upper bound (range: {min, max}).',
    },
    fix: {
      nl: 'Voeg range met min en max toe, met min ≤ max.',
      en: 'Add range with min and max, with min ≤ max.',
    },
  },
  'model.derived-indicator-needs-inputs': {
    message: {
      nl: 'Afgeleide indicator heeft een formule maar noemt geen indicator die bestaat: {value}.',
      en: 'Derived indicator has an expression but names no existing indicator: {value}.',
    },
    fix: {
      nl: 'Gebruik in de formule alleen id\'s van indicators uit dit model.',
      en: 'Use only ids of indicators from this model in the expression.',
    },
  },
  'model.parse-error': {
    message: { nl: 'Het bestand is geen geldige {format}: {detail}', en: 'The file is not valid {format}: {detail}' },
    fix: {
      nl: 'Controleer inspringing, dubbele punten en aanhalingstekens rond regel {line}.',
      en: 'Check indentation, colons and quotes around line {line}.',
    },
  },
  'model.not-an-object': {
    message: { nl: 'Het model moet een object met velden zijn.', en: 'The model must be an object with fields.' },
    fix: { nl: 'Begin met "id:", "name:" enzovoort.', en: 'Start with "id:", "name:" and so on.' },
  },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof catalogue;

export type Params = Readonly<Record<string, string | number | undefined>>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    return v === undefined ? whole : String(v);
  });
}

/** Localised message and fix for a catalogue code, with `{placeholders}` filled from `params`. */
export function describe(code: MessageCode, params: Params = {}): { message: Text; fix: Text } {
  const entry: Entry = catalogue[code];
  return {
    message: { nl: fill(entry.message.nl, params), en: fill(entry.message.en, params) },
    fix: { nl: fill(entry.fix.nl, params), en: fill(entry.fix.en, params) },
  };
}

export type { Text as LocalisedText };
