import { cutText } from './cut-text.js';

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
  'model.decimal-comma': {
    message: {
      nl: 'Getal met een decimaalkomma: {value}. In een modelbestand (YAML) is de komma geen decimaalteken.',
      en: 'Number with a decimal comma: {value}. In a model file (YAML) the comma is not a decimal separator.',
    },
    fix: { nl: 'Schrijf een punt: {fixed}.', en: 'Write a point: {fixed}.' },
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
  'model.too-large': {
    message: { nl: 'Het modelbestand is {size}; een model mag hoogstens {limit} zijn.', en: 'The model file is {size}; a model may be at most {limit}.' },
    fix: {
      nl: 'Een model beschrijft één initiatief in enkele kilobytes. Zet meetgegevens niet in het model maar lees ze in met rendement ingest.',
      en: 'A model describes one initiative in a few kilobytes. Do not put monitoring data in the model; read it in with rendement ingest.',
    },
  },
  'model.too-many-aliases': {
    message: {
      nl: 'Het bestand gebruikt YAML-aliassen (*naam) zo vaak dat het uitgevouwen te groot wordt (meer dan {limit}).',
      en: 'The file uses YAML aliases (*name) so often that it grows too large when expanded (more than {limit}).',
    },
    fix: {
      nl: 'Schrijf de herhaalde waarden uit of gebruik minder aliassen; aliassen binnen aliassen vermenigvuldigen.',
      en: 'Write the repeated values out or use fewer aliases; aliases inside aliases multiply.',
    },
  },
  'model.too-many-issues': {
    message: { nl: 'En nog {count} problemen meer; alleen de eerste {limit} staan hierboven.', en: 'And {count} more problems; only the first {limit} are listed above.' },
    fix: { nl: 'Los de getoonde problemen op en controleer het model opnieuw.', en: 'Fix the problems shown and check the model again.' },
  },
  'model.expression-invalid': {
    message: { nl: 'Formule "{value}" van indicator "{indicator}" is ongeldig: {detail}.', en: 'Expression "{value}" of indicator "{indicator}" is invalid: {detail}.' },
    fix: {
      nl: 'Gebruik alleen getallen, + - * / ^, haakjes, min/max/abs/round/floor/ceil/sqrt/log/exp met het juiste aantal argumenten, en indicatoren (met _ in plaats van -). round(x, n) rondt af op n decimalen: n is een geheel getal van 0 tot 15.',
      en: 'Use only numbers, + - * / ^, parentheses, min/max/abs/round/floor/ceil/sqrt/log/exp with the right number of arguments, and indicators (with _ instead of -). round(x, n) rounds to n decimals: n is a whole number from 0 to 15.',
    },
  },
  'model.not-an-object': {
    message: { nl: 'Het model moet een object met velden zijn.', en: 'The model must be an object with fields.' },
    fix: { nl: 'Begin met "id:", "name:" enzovoort.', en: 'Start with "id:", "name:" and so on.' },
  },
  'model.outcome-sign-conflict': {
    message: {
      nl: 'Uitkomst "{outcome}" heeft sign: {sign} en een negatieve proxy ({value}); dat spreekt elkaar tegen.',
      en: 'Outcome "{outcome}" has sign: {sign} and a negative proxy ({value}); the two contradict each other.',
    },
    fix: {
      nl: 'Schrijf een negatieve uitkomst óf als sign: negative met een positieve proxy (bijv. {abs}), óf als negatieve proxy zonder sign.',
      en: 'Write a negative outcome either as sign: negative with a positive proxy (e.g. {abs}), or as a negative proxy without sign.',
    },
  },
  'model.profile-length': {
    message: {
      nl: '{what} heeft {value} waarden per jaar, maar er zijn er {expected} nodig ({basis}).',
      en: '{what} has {value} yearly values, but {expected} are needed ({basisEn}).',
    },
    fix: {
      nl: 'Geef precies {expected} waarden: de eerste voor het eerste jaar, enzovoort; of één getal voor alle jaren.',
      en: 'Give exactly {expected} values: the first for the first year, and so on; or one number for every year.',
    },
  },
  'model.profile-with-cohorts': {
    message: {
      nl: 'Uitkomst "{outcome}" combineert een jaarprofiel met {value} cohorten; per cohort is het profiel niet eenduidig.',
      en: 'Outcome "{outcome}" combines a yearly profile with {value} cohorts; a profile per cohort is ambiguous.',
    },
    fix: {
      nl: 'Gebruik cohorts: 1 en zet in het profiel het aantal per jaar dat waarde heeft, of gebruik één getal met cohorten.',
      en: 'Use cohorts: 1 and list the quantity of each year of value in the profile, or use one number with cohorts.',
    },
  },
  'model.unknown-currency': {
    message: { nl: 'Onbekende valutacode "{value}".', en: 'Unknown currency code "{value}".' },
    fix: {
      nl: 'Gebruik een ISO 4217-code zoals EUR, GBP of USD{suggestion}. Bedragen worden niet omgerekend, alleen zo benoemd.',
      en: 'Use an ISO 4217 code such as EUR, GBP or USD{suggestion}. Amounts are not converted, only labelled.',
    },
  },
  'model.uncertainty-on-profile': {
    message: {
      nl: 'Onzekerheid over {parameter} van "{target}", maar dat getal verschilt per jaar (jaarprofiel).',
      en: 'Uncertainty about {parameter} of "{target}", but that number differs per year (a yearly profile).',
    },
    fix: {
      nl: 'Declareer onzekerheid over een getal dat voor alle jaren geldt (bijv. de proxy), of gebruik scenario\'s met een ander model.',
      en: 'Declare uncertainty about a number that holds for every year (e.g. the proxy), or compare models as scenarios.',
    },
  },
  'data.empty-file': {
    message: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
    fix: { nl: 'Exporteer het bestand opnieuw, met een kopregel en minstens één rij gegevens.', en: 'Export the file again, with a header row and at least one data row.' },
  },
  'data.no-data-rows': {
    message: { nl: 'Het bestand heeft alleen een kopregel en geen gegevens.', en: 'The file has only a header row and no data.' },
    fix: { nl: 'Voeg onder de kopregel de gemeten waarden toe.', en: 'Add the measured values below the header row.' },
  },
  'data.binary-file': {
    message: { nl: 'Dit is geen tekstbestand (CSV) maar een binair bestand.', en: 'This is not a text (CSV) file but a binary file.' },
    fix: { nl: 'Sla het bestand in Excel op als "CSV (gescheiden door lijstscheidingsteken)" en upload dat.', en: 'Save the file in Excel as "CSV (comma delimited)" and upload that.' },
  },
  'data.single-column': {
    message: { nl: 'De kopregel heeft maar één kolom: het scheidingsteken is niet herkend.', en: 'The header row has only one column: the delimiter was not recognised.' },
    fix: { nl: 'Scheid de kolommen met een puntkomma (;) of een komma (,).', en: 'Separate the columns with a semicolon (;) or a comma (,).' },
  },
  'data.missing-column': {
    message: { nl: 'Verplichte kolom "{column}" ontbreekt.', en: 'Required column "{column}" is missing.' },
    fix: { nl: 'Voeg een kolom "{column}" toe (kolommen: {expected}).', en: 'Add a column "{column}" (columns: {expected}).' },
  },
  'data.duplicate-column': {
    message: { nl: 'Kolom "{column}" komt twee keer voor in de kopregel.', en: 'Column "{column}" occurs twice in the header row.' },
    fix: { nl: 'Geef elke kolom een eigen naam of verwijder de dubbele kolom.', en: 'Give every column its own name or remove the duplicate column.' },
  },
  'data.unknown-column': {
    message: { nl: 'Onbekende kolom "{column}".', en: 'Unknown column "{column}".' },
    fix: { nl: 'Verwijder de kolom of hernoem haar naar een van: {expected}.', en: 'Remove the column or rename it to one of: {expected}.' },
  },
  'data.ragged-row': {
    message: { nl: 'Deze rij heeft {found} velden, de kopregel {expected}.', en: 'This row has {found} fields, the header row {expected}.' },
    fix: { nl: 'Controleer of er een scheidingsteken te veel of te weinig in de rij staat (bijvoorbeeld een komma in een getal zonder aanhalingstekens).', en: 'Check the row for an extra or missing delimiter (for example a comma inside an unquoted number).' },
  },
  'data.unclosed-quote': {
    message: { nl: 'Een aanhalingsteken (") wordt niet afgesloten.', en: 'A quotation mark (") is not closed.' },
    fix: { nl: 'Sluit het aanhalingsteken af of verwijder het.', en: 'Close the quotation mark or remove it.' },
  },
  'data.missing-indicator': {
    message: { nl: 'De indicator ontbreekt in deze rij.', en: 'The indicator is missing in this row.' },
    fix: { nl: 'Vul de indicator in ({expected}).', en: 'Fill in the indicator ({expected}).' },
  },
  'data.missing-area': {
    message: { nl: 'Het gebied ontbreekt in deze rij.', en: 'The area is missing in this row.' },
    fix: { nl: 'Vul een CBS-gebiedscode in, bijvoorbeeld {expected}.', en: 'Fill in a CBS area code, for example {expected}.' },
  },
  'data.missing-period': {
    message: { nl: 'De periode ontbreekt in deze rij.', en: 'The period is missing in this row.' },
    fix: { nl: 'Vul een periode in: 2025, 2025-Q2, 2025-06 of 15-06-2025.', en: 'Fill in a period: 2025, 2025-Q2, 2025-06 or 15-06-2025.' },
  },
  'data.unknown-indicator': {
    message: { nl: 'Indicator "{value}" staat niet in het model.', en: 'Indicator "{value}" is not in the model.' },
    fix: { nl: 'Gebruik een indicator uit het model ({expected}){suggestion}, of voeg haar toe aan het model.', en: 'Use an indicator from the model ({expected}){suggestion}, or add it to the model.' },
  },
  'data.invalid-area': {
    message: { nl: '"{value}" is geen CBS-gebiedscode.', en: '"{value}" is not a CBS area code.' },
    fix: { nl: 'Gebruik GM#### (gemeente), WK###### (wijk) of BU######## (buurt), bijvoorbeeld {expected}.', en: 'Use GM#### (municipality), WK###### (district) or BU######## (neighbourhood), for example {expected}.' },
  },
  'data.unknown-area': {
    message: { nl: 'Gebied {value} hoort niet bij dit initiatief.', en: 'Area {value} does not belong to this initiative.' },
    fix: { nl: 'Gebruik een gebied van het initiatief ({expected}) of voeg het gebied toe aan het model.', en: 'Use an area of the initiative ({expected}) or add the area to the model.' },
  },
  'data.invalid-period': {
    message: { nl: '"{value}" is geen periode.', en: '"{value}" is not a period.' },
    fix: { nl: 'Schrijf een jaar (2025), kwartaal (2025-Q2), maand (2025-06) of datum (15-06-2025 of 2025-06-15).', en: 'Write a year (2025), quarter (2025-Q2), month (2025-06) or date (15-06-2025 or 2025-06-15).' },
  },
  'data.invalid-date': {
    message: { nl: 'Datum "{value}" bestaat niet.', en: 'Date "{value}" does not exist.' },
    fix: { nl: 'Controleer dag en maand (dd-mm-jjjj).', en: 'Check day and month (dd-mm-yyyy).' },
  },
  'data.period-outside': {
    message: { nl: 'Periode {value} valt buiten de looptijd van het initiatief ({expected}).', en: 'Period {value} lies outside the initiative period ({expected}).' },
    fix: { nl: 'Corrigeer de periode, of verleng de looptijd (period) in het model.', en: 'Correct the period, or extend the period in the model.' },
  },
  'data.not-a-number': {
    message: { nl: '"{value}" in kolom {column} is geen getal.', en: '"{value}" in column {column} is not a number.' },
    fix: { nl: 'Schrijf alleen een getal (bijvoorbeeld 1234,5), of laat de cel leeg of schrijf n.v.t. als het niet gemeten is.', en: 'Write only a number (for example 1234.5), or leave the cell empty or write n.v.t. when it was not measured.' },
  },
  'data.ambiguous-number': {
    message: { nl: '"{value}" is dubbelzinnig: dit bestand gebruikt {expected} als decimaalteken.', en: '"{value}" is ambiguous: this file uses {expected} as decimal separator.' },
    fix: { nl: 'Gebruik in het hele bestand hetzelfde decimaalteken ({expected}), zonder scheidingstekens voor duizendtallen.', en: 'Use the same decimal separator ({expected}) throughout the file, without thousands separators.' },
  },
  'data.out-of-range': {
    message: { nl: 'Waarde {value} ligt buiten het bereik van indicator "{indicator}" ({expected}).', en: 'Value {value} lies outside the range of indicator "{indicator}" ({expected}).' },
    fix: { nl: 'Controleer de waarde; een aandeel schrijf je als 0,45 en niet als 45.', en: 'Check the value; write a share as 0.45, not as 45.' },
  },
  'data.not-integer': {
    message: { nl: 'Indicator "{indicator}" telt aantallen, maar {value} is geen geheel getal.', en: 'Indicator "{indicator}" counts, but {value} is not a whole number.' },
    fix: { nl: 'Schrijf een geheel aantal.', en: 'Write a whole number.' },
  },
  'data.duplicate-key': {
    message: { nl: 'Indicator "{indicator}", gebied {area} en periode {period} staan ook al in rij {first}.', en: 'Indicator "{indicator}", area {area} and period {period} also appear in row {first}.' },
    fix: { nl: 'Houd één rij per indicator, gebied en periode; een correctie lever je als nieuw bestand aan.', en: 'Keep one row per indicator, area and period; send a correction as a new file.' },
  },
  'data.unit-mismatch': {
    message: { nl: 'Eenheid "{value}" past niet bij indicator "{indicator}" (eenheid "{expected}").', en: 'Unit "{value}" does not match indicator "{indicator}" (unit "{expected}").' },
    fix: { nl: 'Reken de waarde om naar "{expected}" of corrigeer de eenheid.', en: 'Convert the value to "{expected}" or correct the unit.' },
  },
  'data.invalid-n': {
    message: { nl: 'Steekproefgrootte n = "{value}" is geen positief geheel getal.', en: 'Sample size n = "{value}" is not a positive whole number.' },
    fix: { nl: 'Schrijf het aantal respondenten (1 of meer), of laat de cel leeg.', en: 'Write the number of respondents (1 or more), or leave the cell empty.' },
  },
  'data.invalid-sd': {
    message: { nl: 'Standaardafwijking "{value}" is geen getal van 0 of meer.', en: 'Standard deviation "{value}" is not a number of 0 or more.' },
    fix: { nl: 'Schrijf een standaardafwijking van 0 of meer, of laat de cel leeg.', en: 'Write a standard deviation of 0 or more, or leave the cell empty.' },
  },
  'data.derived-supplied': {
    message: { nl: 'Indicator "{value}" wordt berekend ({expected}) en kan niet worden aangeleverd.', en: 'Indicator "{value}" is computed ({expected}) and cannot be supplied.' },
    fix: { nl: 'Lever de onderliggende indicatoren aan; rendement rekent deze zelf uit.', en: 'Supply the underlying indicators; rendement computes this one.' },
  },
  'data.initiative-mismatch': {
    message: { nl: 'Rij hoort bij initiatief "{value}", maar u levert aan voor "{expected}".', en: 'Row belongs to initiative "{value}", but you are uploading for "{expected}".' },
    fix: { nl: 'Upload het bestand bij het juiste initiatief of corrigeer de kolom initiatief.', en: 'Upload the file for the right initiative or correct the initiative column.' },
  },
  'data.too-many-issues': {
    message: { nl: 'Meer dan {value} problemen; de rest is niet getoond.', en: 'More than {value} problems; the rest is not shown.' },
    fix: { nl: 'Los eerst de getoonde problemen op en controleer het bestand opnieuw.', en: 'Fix the problems shown first and check the file again.' },
  },
  'data.duplicate-upload': {
    message: { nl: 'Dit bestand is al eerder aangeleverd (upload {value}); er is niets veranderd.', en: 'This file was uploaded before (upload {value}); nothing changed.' },
    fix: { nl: 'Niets te doen. Een correctie lever je aan als een gewijzigd bestand.', en: 'Nothing to do. Send a correction as a changed file.' },
  },
  'data.expression-invalid': {
    message: { nl: 'Formule "{value}" van indicator "{indicator}" is ongeldig: {detail}.', en: 'Expression "{value}" of indicator "{indicator}" is invalid: {detail}.' },
    fix: { nl: 'Gebruik alleen getallen, + - * / ^, haakjes, min/max/abs/round/sqrt en indicatoren (met _ in plaats van -).', en: 'Use only numbers, + - * / ^, parentheses, min/max/abs/round/sqrt and indicators (with _ instead of -).' },
  },
  'data.unnamed-column-value': {
    message: { nl: 'Kolom {letter} heeft geen naam in de kopregel, maar wel een waarde: "{value}".', en: 'Column {letter} has no name in the header row but holds a value: "{value}".' },
    fix: {
      nl: 'Geef kolom {letter} een naam in de kopregel (bijvoorbeeld "opmerking"), of maak de cel leeg als de waarde daar per ongeluk staat.',
      en: 'Give column {letter} a name in the header row (for example "note"), or clear the cell if the value is there by mistake.',
    },
  },
  'data.xlsx-unreadable': {
    message: { nl: 'Dit bestand lijkt een Excel-werkmap (.xlsx) maar kan niet worden gelezen: {detail}.', en: 'This file looks like an Excel workbook (.xlsx) but cannot be read: {detail}.' },
    fix: {
      nl: 'Open het bestand in Excel en sla het opnieuw op als "Excel-werkmap (*.xlsx)", of als "CSV (gescheiden door lijstscheidingsteken)".',
      en: 'Open the file in Excel and save it again as "Excel Workbook (*.xlsx)", or as "CSV (comma delimited)".',
    },
  },
  'data.sheet-not-found': {
    message: { nl: 'De werkmap heeft geen blad "{value}".', en: 'The workbook has no sheet "{value}".' },
    fix: { nl: 'Kies een van de bladen: {expected}.', en: 'Choose one of the sheets: {expected}.' },
  },
  'data.too-many-rows': {
    message: { nl: 'Het blad heeft meer dan {value} rijen.', en: 'The sheet has more than {value} rows.' },
    fix: { nl: 'Splits de gegevens over meer bestanden (bijvoorbeeld per jaar).', en: 'Split the data over several files (for example one per year).' },
  },
  'voice.missing-text': {
    message: { nl: 'Deze rij heeft geen tekst (citaat of antwoord).', en: 'This row has no text (quote or answer).' },
    fix: { nl: 'Vul de tekst in of verwijder de rij.', en: 'Fill in the text or remove the row.' },
  },
  'voice.text-too-long': {
    message: { nl: 'De tekst is langer dan {limit} tekens.', en: 'The text is longer than {limit} characters.' },
    fix: { nl: 'Kort het citaat in tot de kern (een paar zinnen).', en: 'Shorten the quote to its core (a few sentences).' },
  },
  'voice.invalid-consent': {
    message: { nl: 'Toestemming "{value}" is geen ja of nee.', en: 'Consent "{value}" is not yes or no.' },
    fix: { nl: 'Schrijf ja als de deelnemer toestemming gaf om geciteerd te worden, anders nee.', en: 'Write yes if the participant agreed to be quoted, otherwise no.' },
  },
  'data.future-period': {
    message: { nl: 'Periode "{value}" begint op {start}, na de dag van aanleveren ({today}).', en: 'Period "{value}" starts on {start}, after the day of upload ({today}).' },
    fix: {
      nl: 'Een meting kan niet uit de toekomst komen: controleer het jaar of de datum (een tikfout als 2052 voor 2025?).',
      en: 'A measurement cannot come from the future: check the year or date (a typo such as 2052 for 2025?).',
    },
  },
  'uncertainty.target-mismatch': {
    message: {
      nl: 'Onzekere parameter "{parameter}" hoort bij {expectedNl}.',
      en: 'Uncertain parameter "{parameter}" belongs to {expectedEn}.',
    },
    fix: {
      nl: 'Noem bij quantity, proxy, deadweight, displacement, attribution, dropOff en duration een outcome; bij amount een input; bij discountRate geen van beide.',
      en: 'Name an outcome for quantity, proxy, deadweight, displacement, attribution, dropOff and duration; an input for amount; neither for discountRate.',
    },
  },
  'uncertainty.nothing-declared': {
    message: {
      nl: 'Onzekere parameter "{key}" heeft geen bandbreedte (low/high) en geen verdeling.',
      en: 'Uncertain parameter "{key}" has no range (low/high) and no distribution.',
    },
    fix: { nl: 'Geef low en high, een distribution, of beide.', en: 'Give low and high, a distribution, or both.' },
  },
  'uncertainty.duplicate-parameter': {
    message: { nl: 'Parameter "{key}" is meer dan eens als onzeker opgegeven.', en: 'Parameter "{key}" is declared uncertain more than once.' },
    fix: { nl: 'Houd één opgave per parameter over.', en: 'Keep one declaration per parameter.' },
  },
  'uncertainty.range-order': {
    message: { nl: 'Ondergrens {low} is groter dan bovengrens {high}.', en: 'Low value {low} is larger than high value {high}.' },
    fix: { nl: 'Wissel low en high om.', en: 'Swap low and high.' },
  },
  'uncertainty.distribution-order': {
    message: {
      nl: 'De verdeling "{type}" is niet consistent: {detail}.',
      en: 'Distribution "{type}" is not consistent: {detailEn}.',
    },
    fix: {
      nl: 'Gebruik min ≤ mode ≤ max met min < max, of bij lognormal 0 < median < p95.',
      en: 'Use min ≤ mode ≤ max with min < max, or for lognormal 0 < median < p95.',
    },
  },
  'uncertainty.outside-domain': {
    message: {
      nl: 'Waarde {value} valt buiten wat "{parameter}" kan zijn ({domain}).',
      en: 'Value {value} is outside what "{parameter}" can be ({domain}).',
    },
    fix: {
      nl: 'Een aandeel ligt tussen 0 en 1 (0,25 = 25 %); aantallen, proxies en bedragen zijn niet negatief; een looptijd is minstens 1 jaar.',
      en: 'A share lies between 0 and 1 (0.25 = 25 %); quantities, proxies and amounts are not negative; a duration is at least 1 year.',
    },
  },
  'uncertainty.base-outside-range': {
    message: {
      nl: 'De waarde in het model ({base}) ligt buiten de bandbreedte {low} – {high}.',
      en: 'The value in the model ({base}) lies outside the range {low} – {high}.',
    },
    fix: {
      nl: 'Kies low en high zo dat de waarde in het model ertussen ligt, of pas de waarde in het model aan.',
      en: 'Choose low and high around the value in the model, or correct the value in the model.',
    },
  },
  'uncertainty.few-draws': {
    message: { nl: 'Slechts {draws} trekkingen; percentielen zijn dan onnauwkeurig.', en: 'Only {draws} draws; percentiles are imprecise.' },
    fix: { nl: 'Gebruik minstens 10.000 trekkingen (--draws 10000).', en: 'Use at least 10,000 draws (--draws 10000).' },
  },
  'uncertainty.clamped': {
    message: {
      nl: '{count} van de {draws} trekkingen van "{key}" vielen buiten het bereik en zijn afgekapt.',
      en: '{count} of {draws} draws of "{key}" fell outside the valid range and were clamped.',
    },
    fix: {
      nl: 'Kies een begrensde verdeling (pert, triangular, uniform) of een kleinere standaardafwijking.',
      en: 'Choose a bounded distribution (pert, triangular, uniform) or a smaller standard deviation.',
    },
  },
  'uncertainty.range-without-distribution': {
    message: {
      nl: '"{key}" heeft een bandbreedte maar geen verdeling; in de Monte Carlo blijft deze parameter op de basiswaarde.',
      en: '"{key}" has a range but no distribution; the Monte Carlo keeps this parameter at its base value.',
    },
    fix: { nl: 'Voeg een distribution toe, bijvoorbeeld pert met min, mode en max.', en: 'Add a distribution, for example pert with min, mode and max.' },
  },
  'uncertainty.no-distributions': {
    message: {
      nl: 'Geen enkele parameter heeft een verdeling; er is geen Monte Carlo gedraaid.',
      en: 'No parameter has a distribution; no Monte Carlo was run.',
    },
    fix: {
      nl: 'Geef onzekere parameters een distribution onder uncertainty.parameters in het model.',
      en: 'Give uncertain parameters a distribution under uncertainty.parameters in the model.',
    },
  },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof catalogue;

export type Params = Readonly<Record<string, string | number | undefined>>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    return v === undefined ? whole : cutText(String(v));
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
