import type { LocalisedText } from './messages.js';
import { columnLetter } from './svuk-workbook.js';

/** A cell value as read from a sheet: text, number, boolean or empty. */
export type SheetValue = string | number | boolean | null;

/** One sheet as plain cells: `rows[r][c]` is the cell in row r + 1, column c + 1; merged ranges are 1-based. */
export interface SheetCells {
  readonly name: string;
  readonly rows: readonly (readonly SheetValue[])[];
  readonly merges?: readonly { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }[];
}

/** Something in the workbook that did not make it into the model, with the cell it is in. */
export interface UnmappedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly value?: SheetValue;
  readonly reason: LocalisedText;
}

/** A model field the value map did not supply: filled with a placeholder, to be completed by hand. */
export interface MissingField {
  /** Path in the model, as keys and indexes. */
  readonly path: readonly (string | number)[];
  readonly note: LocalisedText;
}

/** The result of reading an SVUK value map: a model object (not yet validated), and what could not be mapped. */
export interface SvukImport {
  readonly model: Record<string, unknown>;
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<SvukField, string>>>;
  readonly unmapped: readonly UnmappedCell[];
  readonly missing: readonly MissingField[];
  /** Notes to write beside a field (indicator and its source, a percentage read as such). */
  readonly notes: readonly MissingField[];
}

/** Options: what the value map template does not hold. */
export interface SvukImportOptions {
  /** Model id (a slug), e.g. from the file name. */
  readonly id: string;
  /** Price year of the proxies and amounts (the template states none). */
  readonly priceYear: number;
  /** Read this sheet; otherwise the sheet with the best value-map header. */
  readonly sheet?: string;
  /** Currency of the amounts, for proxy units (default EUR). */
  readonly currency?: string;
}

/** Columns of the value map (Social Value UK value map template, stages 1–4). */
export type SvukField =
  | 'stakeholder'
  | 'change'
  | 'inputDescription'
  | 'inputValue'
  | 'outputs'
  | 'description'
  | 'indicator'
  | 'indicatorSource'
  | 'quantity'
  | 'duration'
  | 'proxy'
  | 'proxyValue'
  | 'proxySource'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'dropOff'
  | 'impact';

// Tried in this order on each header cell of a column, from the lowest header row up: the first hit names the
// column. Specific questions first ("How much change was there?" is a quantity, not a change; "Quantity times
// financial proxy, less deadweight…" is the impact).
const patterns: readonly [SvukField | 'value' | 'source' | 'inputs', RegExp][] = [
  ['impact', /quantity times|\bimpact\b/i],
  ['deadweight', /deadweight|would have happened|zou (toch|sowieso)|nuleffect/i],
  ['displacement', /displacement|displace|verdring/i],
  ['attribution', /attribution|who else contributed|toerekening|attributie|toeschrijving/i],
  ['dropOff', /drop.?off|afname|uitdoving|terugval/i],
  ['duration', /duration|how long|\bduur\b|looptijd|hoe lang/i],
  ['quantity', /quantity|how much change|hoeveelheid|\baantal\b|hoeveel verander/i],
  ['proxy', /proxy|financi[eë]le (maat|waarde)/i],
  ['value', /\bvalue\b|waarde|bedrag|[£€$]/i],
  ['source', /source|where did you get|\bbron\b/i],
  ['indicator', /indicator/i],
  ['description', /describe|description|omschrijving|beschrijving|beschrijven/i],
  ['outputs', /outputs?\b|activity in numbers|prestatie/i],
  ['inputs', /what do they invest|\binputs?\b|investering|inbreng|investeren/i],
  ['change', /intended|unintended|what do you think will change|beoogde|onbedoelde|wat verandert/i],
  ['stakeholder', /stakeholder|who do we have an effect|belanghebbende|doelgroep/i],
];

const text = (v: SheetValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** Fills every cell of a merged range with the value of its top-left cell (header cells are often merged). */
function unmerge(sheet: SheetCells): SheetValue[][] {
  const rows = sheet.rows.map((r) => [...r]);
  for (const m of sheet.merges ?? []) {
    const v = rows[m.top - 1]?.[m.left - 1] ?? null;
    for (let r = m.top - 1; r < m.bottom; r++) {
      rows[r] ??= [];
      for (let c = m.left - 1; c < m.right; c++) if (r !== m.top - 1 || c !== m.left - 1) rows[r]![c] = v;
    }
  }
  return rows;
}

function classify(band: readonly string[]): SvukField | null {
  const all = band.join(' | ');
  const isInput = /\binputs?\b|invest|investering|inbreng/i.test(all);
  for (let i = band.length - 1; i >= 0; i--) {
    const cell = band[i]!;
    if (!cell) continue;
    for (const [field, re] of patterns) {
      if (!re.test(cell)) continue;
      if (field === 'value') return isInput ? 'inputValue' : 'proxyValue';
      if (field === 'description') return isInput ? 'inputDescription' : 'description';
      if (field === 'inputs') return 'inputDescription';
      if (field === 'source') return 'indicatorSource';
      return field;
    }
  }
  return null;
}

interface HeaderMatch {
  readonly row: number;
  readonly columns: Map<SvukField, number>;
  readonly unknown: number[];
}

/** The header row: the row whose header band (it and the two rows above) names the most value-map columns. */
function findHeader(rows: readonly (readonly SheetValue[])[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (let r = 0; r < Math.min(rows.length, 60); r++) {
    const width = Math.max(...[r - 2, r - 1, r].map((k) => rows[k]?.length ?? 0));
    const columns = new Map<SvukField, number>();
    const unknown: number[] = [];
    for (let c = 0; c < width; c++) {
      const band = [r - 2, r - 1, r].map((k) => (k >= 0 ? text(rows[k]?.[c]) : ''));
      if (!band.some(Boolean)) continue;
      let field = classify(band);
      if (field === 'indicatorSource' && (columns.has('proxy') || columns.has('proxyValue'))) field = 'proxySource';
      if (field === null || columns.has(field)) {
        if (band[2]) unknown.push(c);
      } else columns.set(field, c);
    }
    if (columns.has('quantity') && columns.has('proxyValue') && (!best || columns.size > best.columns.size)) best = { row: r, columns, unknown };
  }
  return best;
}

const slug = (s: string, fallback: string): string => {
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return out || fallback;
};

/**
 * Reads a number as a value map states it: a number cell, or text such as "€ 1.234,50", "£1,234.50" or "0,25".
 * Returns null when the text is not a number.
 */
export function parseAmount(v: SheetValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  let s = v.replace(/[£€$\s\u00a0]|eur|gbp/gi, '');
  if (s === '' || !/^-?[\d.,]+$/.test(s)) return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else s = s.replace(',', '.');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a share: a fraction (0.25, the value of a "25 %" cell), text "25%" or "25 %", or a whole percentage (25)
 * typed into a percentage column, which is read as 25 % and reported. Null when it is no share between 0 and 100 %.
 */
export function parseShare(v: SheetValue): { value: number; asPercent: boolean } | null {
  if (typeof v === 'string' && /%\s*$/.test(v)) {
    const n = parseAmount(v.replace(/%\s*$/, ''));
    return n === null || n < 0 || n > 100 ? null : { value: n / 100, asPercent: false };
  }
  const n = parseAmount(v);
  if (n === null || n < 0 || n > 100) return null;
  return n > 1 ? { value: n / 100, asPercent: true } : { value: n, asPercent: false };
}

const FIELD_NAMES: Readonly<Record<SvukField, LocalisedText>> = {
  stakeholder: { nl: 'belanghebbende', en: 'stakeholder' },
  change: { nl: 'beoogde/onbedoelde verandering', en: 'intended/unintended change' },
  inputDescription: { nl: 'omschrijving investering', en: 'input description' },
  inputValue: { nl: 'waarde investering', en: 'input value' },
  outputs: { nl: 'prestaties (outputs)', en: 'outputs' },
  description: { nl: 'omschrijving uitkomst', en: 'outcome description' },
  indicator: { nl: 'indicator', en: 'indicator' },
  indicatorSource: { nl: 'bron indicator', en: 'indicator source' },
  quantity: { nl: 'aantal', en: 'quantity' },
  duration: { nl: 'duur', en: 'duration' },
  proxy: { nl: 'financiële proxy', en: 'financial proxy' },
  proxyValue: { nl: 'waarde proxy', en: 'proxy value' },
  proxySource: { nl: 'bron proxy', en: 'proxy source' },
  deadweight: { nl: 'deadweight', en: 'deadweight' },
  displacement: { nl: 'verdringing', en: 'displacement' },
  attribution: { nl: 'toerekening', en: 'attribution' },
  dropOff: { nl: 'afname (drop-off)', en: 'drop-off' },
  impact: { nl: 'impact', en: 'impact' },
};

/**
 * Maps a value map in the common Social Value UK layout (the "SROI Value Map" template accompanying "A Guide to
 * Social Return on Investment", 2012: stage 1 stakeholders and intended/unintended changes; stage 2 inputs, outputs
 * and outcome description; stage 3 indicator, source, quantity, duration, financial proxy, value, source; stage 4
 * deadweight, displacement, attribution, drop-off and impact; plus the "Calculating Social Return" block with the
 * discount rate) to a model object. Columns are found by their header text (English and Dutch, merged header cells
 * and blank rows allowed). Inputs count in year 0 (the template compares undiscounted inputs with benefits
 * discounted from year 1); the horizon is the longest duration. What the template does not hold (municipality,
 * period, coalition, price year) becomes a placeholder listed in `missing`; everything in the sheet that did not
 * map is in `unmapped`, with its cell. Pure; the result still has to pass `validateModel`.
 * @example const r = importSvukValueMap(sheets, { id: 'buurthuis', priceYear: 2024 }); r.unmapped.length
 */
export function importSvukValueMap(sheets: readonly SheetCells[], options: SvukImportOptions): SvukImport | { readonly error: LocalisedText } {
  const candidates = options.sheet === undefined ? sheets : sheets.filter((s) => s.name === options.sheet);
  if (candidates.length === 0)
    return {
      error: {
        nl: `Er is geen tabblad "${options.sheet}". De werkmap heeft: ${sheets.map((s) => s.name).join(', ')}. Kies er een met --sheet.`,
        en: `There is no sheet "${options.sheet}". The workbook has: ${sheets.map((s) => s.name).join(', ')}. Choose one with --sheet.`,
      },
    };
  let chosen: { sheet: SheetCells; rows: SheetValue[][]; header: HeaderMatch } | null = null;
  for (const sheet of candidates) {
    const rows = unmerge(sheet);
    const header = findHeader(rows);
    if (header && (!chosen || header.columns.size > chosen.header.columns.size)) chosen = { sheet, rows, header };
  }
  if (!chosen)
    return {
      error: {
        nl: `Geen waardekaart gevonden: geen rij met kolomkoppen als "Quantity"/"Aantal" en "Value"/"Waarde" (SVUK-waardekaart) in ${candidates.map((s) => `"${s.name}"`).join(', ')}. Controleer het tabblad (--sheet) of gebruik de indeling van de SVUK-waardekaart.`,
        en: `No value map found: no row with column headers such as "Quantity" and "Value" (SVUK value map) in ${candidates.map((s) => `"${s.name}"`).join(', ')}. Check the sheet (--sheet) or use the SVUK value map layout.`,
      },
    };
  const { sheet, rows, header } = chosen;
  const col = header.columns;
  const addr = (r: number, c: number): string => `${columnLetter(c + 1)}${r + 1}`;
  const unmapped: UnmappedCell[] = [];
  const missing: MissingField[] = [];
  const notes: MissingField[] = [];
  const currency = options.currency ?? 'EUR';
  const un = (r: number, c: number, value: SheetValue, reason: LocalisedText): void => {
    unmapped.push({ sheet: sheet.name, cell: addr(r, c), value, reason });
  };
  for (const c of header.unknown)
    un(header.row, c, text(rows[header.row]?.[c]), {
      nl: 'kolomkop niet herkend of dubbel; de kolom is niet ingelezen',
      en: 'column header not recognised or duplicated; the column was not read',
    });

  const stakeholders: { id: string; name: string }[] = [];
  const stakeholderId = (name: string): string => {
    const found = stakeholders.find((s) => s.name === name);
    if (found) return found.id;
    let id = slug(name, `belanghebbende-${stakeholders.length + 1}`);
    while (stakeholders.some((s) => s.id === id)) id = `${id}-${stakeholders.length + 1}`;
    stakeholders.push({ id, name });
    return id;
  };
  const outcomes: Record<string, unknown>[] = [];
  const inputs: Record<string, unknown>[] = [];
  const outcomeIds = new Set<string>();
  let lastStakeholder = '';
  let lastChange = '';
  let discount: { rate: number; cell: string } | null = null;

  // The discount rate of the "Calculating Social Return" block: the first number right of or below its label.
  for (let r = 0; r < rows.length && !discount; r++)
    for (let c = 0; c < (rows[r]?.length ?? 0) && !discount; c++) {
      if (!/discount rate|discontovoet|disconteringsvoet/i.test(text(rows[r]![c]))) continue;
      const cands: [number, number][] = [];
      for (let k = c + 1; k < (rows[r]?.length ?? 0); k++) cands.push([r, k]);
      cands.push([r + 1, c]);
      for (const [rr, cc] of cands) {
        const s = parseShare(rows[rr]?.[cc] ?? null);
        if (s) {
          discount = { rate: s.value, cell: addr(rr, cc) };
          break;
        }
      }
    }

  const get = (r: number, field: SvukField): SheetValue => {
    const c = col.get(field);
    return c === undefined ? null : (rows[r]?.[c] ?? null);
  };
  const at = (r: number, field: SvukField): string => addr(r, col.get(field) ?? 0);
  const mapped = new Set(col.values());

  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const first = row.slice(0, 3).map(text).join(' ');
    if (/calculating|social return|discount rate|discontovoet|\btota(a)?l\b|rendementsberekening/i.test(first)) break;
    if (row.every((v) => text(v) === '')) continue;
    const stakeholderText = text(get(r, 'stakeholder')) || lastStakeholder;
    lastStakeholder = stakeholderText;
    const changeText = text(get(r, 'change')) || (text(get(r, 'stakeholder')) ? '' : lastChange);
    lastChange = changeText;

    // Inputs: one per row that states an input value.
    const inputValueCell = get(r, 'inputValue');
    if (text(inputValueCell) !== '') {
      const amount = parseAmount(inputValueCell);
      if (amount === null || amount < 0)
        un(r, col.get('inputValue')!, inputValueCell, { nl: 'waarde investering is geen bedrag ≥ 0', en: 'input value is not an amount ≥ 0' });
      else if (amount > 0) {
        const funder = stakeholderId(stakeholderText || 'onbekend');
        const description = text(get(r, 'inputDescription'));
        let id = slug(`${description || 'investering'}`, `investering-${inputs.length + 1}`);
        while (inputs.some((i) => i['id'] === id)) id = `${id}-${inputs.length + 1}`;
        inputs.push({ id, funder, kind: 'money', years: [0], amount, ...(description ? { description } : {}) });
      }
    }

    const quantityCell = get(r, 'quantity');
    const proxyValueCell = get(r, 'proxyValue');
    if (text(quantityCell) === '' && text(proxyValueCell) === '') {
      for (let c = 0; c < row.length; c++)
        if (text(row[c]) !== '' && !mapped.has(c))
          un(r, c, row[c] ?? null, { nl: 'cel buiten de kolommen van de waardekaart', en: 'cell outside the value map columns' });
      const outputs = get(r, 'outputs');
      if (text(outputs) !== '') un(r, col.get('outputs')!, outputs, { nl: 'prestaties (outputs) horen niet in een model; niet overgenomen', en: 'outputs are not part of a model; not carried over' });
      continue;
    }
    const i = outcomes.length;
    const path = (...p: (string | number)[]): (string | number)[] => ['outcomes', i, ...p];
    const description = text(get(r, 'description')) || changeText || text(get(r, 'indicator'));
    let id = slug(description, `uitkomst-${i + 1}`);
    while (outcomeIds.has(id)) id = `${id}-${i + 1}`;
    outcomeIds.add(id);
    const stakeholder = stakeholderId(stakeholderText || 'onbekend');
    if (!stakeholderText) missing.push({ path: path('stakeholder'), note: { nl: `geen belanghebbende in rij ${r + 1}`, en: `no stakeholder in row ${r + 1}` } });
    if (!description) missing.push({ path: path('description'), note: { nl: `geen omschrijving in rij ${r + 1}`, en: `no description in row ${r + 1}` } });

    let quantity = parseAmount(quantityCell);
    if (quantity === null || quantity < 0) {
      if (text(quantityCell) !== '') un(r, col.get('quantity')!, quantityCell, { nl: 'aantal is geen getal ≥ 0', en: 'quantity is not a number ≥ 0' });
      missing.push({ path: path('quantity'), note: { nl: `aantal ontbreekt (cel ${at(r, 'quantity')}); 0 ingevuld`, en: `quantity missing (cell ${at(r, 'quantity')}); 0 filled in` } });
      quantity = 0;
    }
    let proxyValue = parseAmount(proxyValueCell);
    // A negative proxy is an unintended negative outcome, a cost to its stakeholder (SROI Guide 2012, stage 4):
    // the model states it as `sign: negative` with the proxy's size.
    const negative = proxyValue !== null && proxyValue < 0;
    if (negative) {
      notes.push({
        path: path('sign'),
        note: { nl: `negatieve proxy ${proxyValue} in ${sheet.name}!${at(r, 'proxyValue')}: overgenomen als negatieve uitkomst (sign: negative, proxy ${-proxyValue!})`, en: `negative proxy ${proxyValue} in ${sheet.name}!${at(r, 'proxyValue')}: taken as a negative outcome (sign: negative, proxy ${-proxyValue!})` },
      });
      proxyValue = -proxyValue!;
    }
    if (proxyValue === null) {
      if (text(proxyValueCell) !== '') un(r, col.get('proxyValue')!, proxyValueCell, { nl: 'waarde proxy is geen bedrag', en: 'proxy value is not an amount' });
      missing.push({ path: path('proxy', 'value'), note: { nl: `waarde proxy ontbreekt (cel ${at(r, 'proxyValue')}); 0 ingevuld`, en: `proxy value missing (cell ${at(r, 'proxyValue')}); 0 filled in` } });
      proxyValue = 0;
    }
    const proxyText = text(get(r, 'proxy'));
    const proxySource = text(get(r, 'proxySource'));
    if (!proxySource) missing.push({ path: path('proxy', 'source'), note: { nl: 'bron van de proxy ontbreekt', en: 'source of the proxy missing' } });

    const share = (field: 'deadweight' | 'displacement' | 'attribution' | 'dropOff', name: string): { value: number; reason: string } => {
      const cell = get(r, field);
      const c = col.get(field);
      const where = c === undefined ? `geen kolom ${name}` : `${sheet.name}!${at(r, field)}`;
      if (text(cell) === '') {
        if (c !== undefined || field !== 'dropOff')
          missing.push({ path: path(field, 'value'), note: { nl: `${FIELD_NAMES[field].nl} leeg (${where}); 0 % ingevuld`, en: `${FIELD_NAMES[field].en} empty (${where}); 0 % filled in` } });
        return { value: 0, reason: `SVUK value map: ${where} (leeg / empty)` };
      }
      const s = parseShare(cell);
      if (!s) {
        un(r, c!, cell, { nl: `${FIELD_NAMES[field].nl} is geen percentage tussen 0 en 100 %`, en: `${FIELD_NAMES[field].en} is not a percentage between 0 and 100 %` });
        missing.push({ path: path(field, 'value'), note: { nl: `${FIELD_NAMES[field].nl} onleesbaar; 0 % ingevuld`, en: `${FIELD_NAMES[field].en} unreadable; 0 % filled in` } });
        return { value: 0, reason: `SVUK value map: ${where} (onleesbaar / unreadable)` };
      }
      if (s.asPercent)
        notes.push({ path: path(field, 'value'), note: { nl: `${String(cell)} in ${where} gelezen als ${String(cell)} %`, en: `${String(cell)} in ${where} read as ${String(cell)} %` } });
      return { value: s.value, reason: `SVUK value map: ${where}` };
    };
    const deadweight = share('deadweight', 'deadweight');
    const displacement = share('displacement', 'displacement');
    const attribution = share('attribution', 'attribution');
    const dropOff = share('dropOff', 'drop-off');

    const durationCell = get(r, 'duration');
    let duration = parseAmount(durationCell);
    if (duration === null || duration < 1 || !Number.isInteger(duration)) {
      if (text(durationCell) !== '') un(r, col.get('duration')!, durationCell, { nl: 'duur is geen heel aantal jaren ≥ 1', en: 'duration is not a whole number of years ≥ 1' });
      missing.push({ path: path('duration'), note: { nl: 'duur ontbreekt of onleesbaar; 1 jaar ingevuld', en: 'duration missing or unreadable; 1 year filled in' } });
      duration = 1;
    }

    // The template's impact column is a formula; check it against the stage 4 arithmetic (SROI Guide 2012).
    const impactCell = get(r, 'impact');
    const impact = parseAmount(impactCell);
    const expected = (negative ? -1 : 1) * quantity * proxyValue * (1 - deadweight.value) * (1 - displacement.value) * (1 - attribution.value);
    if (impact !== null && Math.abs(impact - expected) > 1e-6 * Math.max(1, Math.abs(expected)))
      un(r, col.get('impact')!, impactCell, {
        nl: `impact ${impact} wijkt af van aantal × proxy × (1 − deadweight) × (1 − verdringing) × (1 − toerekening) = ${expected}; het model rekent met de laatste`,
        en: `impact ${impact} differs from quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution) = ${expected}; the model uses the latter`,
      });
    const indicator = text(get(r, 'indicator'));
    const indicatorSource = text(get(r, 'indicatorSource'));
    if (indicator || indicatorSource)
      notes.push({ path: path('quantity'), note: { nl: `indicator: ${indicator || '—'}; bron: ${indicatorSource || '—'}`, en: `indicator: ${indicator || '—'}; source: ${indicatorSource || '—'}` } });
    if (changeText && changeText !== description)
      notes.push({ path: path('description'), note: { nl: `beoogde/onbedoelde verandering: ${changeText}`, en: `intended/unintended change: ${changeText}` } });
    const outputs = get(r, 'outputs');
    if (text(outputs) !== '') un(r, col.get('outputs')!, outputs, { nl: 'prestaties (outputs) horen niet in een model; niet overgenomen', en: 'outputs are not part of a model; not carried over' });
    for (let c = 0; c < row.length; c++)
      if (text(row[c]) !== '' && !mapped.has(c)) un(r, c, row[c] ?? null, { nl: 'cel buiten de kolommen van de waardekaart', en: 'cell outside the value map columns' });

    outcomes.push({
      id,
      stakeholder,
      description: description || 'TODO',
      ...(negative ? { sign: 'negative' as const } : {}),
      quantity,
      proxy: {
        value: proxyValue,
        unit: `${currency} per ${indicator || 'eenheid / unit'}`,
        priceYear: options.priceYear,
        source: proxySource || 'TODO',
        ...(proxyText ? { description: proxyText } : {}),
      },
      deadweight,
      displacement,
      attribution,
      dropOff,
      duration,
    });
  }

  if (outcomes.length === 0) missing.push({ path: ['outcomes'], note: { nl: 'geen uitkomsten gevonden (rijen met aantal of waarde)', en: 'no outcomes found (rows with a quantity or value)' } });
  if (inputs.length === 0) {
    const funder = stakeholders[0]?.id ?? stakeholderId('onbekend');
    inputs.push({ id: 'investering', funder, kind: 'money', years: [0], amount: 0 });
    missing.push({ path: ['inputs', 0, 'amount'], note: { nl: 'geen investeringen in de waardekaart; vul ze in', en: 'no inputs in the value map; fill them in' } });
  }
  missing.push({ path: ['valuation', 'priceYear'], note: { nl: 'prijsjaar van proxy\'s en bedragen staat niet in de waardekaart; controleer het', en: 'the value map states no price year for proxies and amounts; check it' } });
  if (!discount) missing.push({ path: ['valuation', 'discount'], note: { nl: 'geen discontovoet in de waardekaart; nl-2021 (2,25 %) ingevuld', en: 'no discount rate in the value map; nl-2021 (2.25 %) filled in' } });
  const horizonYears = Math.max(1, ...outcomes.map((o) => o['duration'] as number));
  for (const [p, nl, en] of [
    [['municipality'], 'gemeentecode (GMxxxx) staat niet in de waardekaart', 'the municipality code (GMxxxx) is not in the value map'],
    [['period'], 'looptijd van het initiatief staat niet in de waardekaart', 'the period of the initiative is not in the value map'],
    [['coalition'], 'coalitie staat niet in de waardekaart', 'the coalition is not in the value map'],
    [['horizon'], 'het doel (stip aan de horizon) staat niet in de waardekaart', 'the goal (horizon) is not in the value map'],
  ] as const)
    missing.push({ path: p, note: { nl, en } });

  const model: Record<string, unknown> = {
    id: options.id,
    name: options.id,
    municipality: 'GM0000',
    horizon: 'TODO',
    period: { start: `${options.priceYear}-01-01`, end: `${options.priceYear + horizonYears - 1}-12-31` },
    coalition: { municipalityRole: 'facilitator', partners: [{ id: 'coalitie', name: 'TODO', type: 'formal' }] },
    stakeholders,
    valuation: {
      method: 'sroi',
      priceYear: options.priceYear,
      discount: discount ? { rate: discount.rate, source: `SVUK value map: ${sheet.name}!${discount.cell}` } : { preset: 'nl-2021' },
      horizonYears,
      discountFirstYear: true,
    },
    inputs,
    outcomes,
  };
  const columns: Partial<Record<SvukField, string>> = {};
  for (const [field, c] of col) columns[field] = columnLetter(c + 1);
  return { model, sheet: sheet.name, headerRow: header.row + 1, columns, unmapped, missing, notes };
}
