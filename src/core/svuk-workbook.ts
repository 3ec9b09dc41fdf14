import { discountPeriods } from './discount.js';
import { computeSroi } from './sroi.js';
import { mkbaSetupOf, toValueMap, type ValueModelOptions } from './value-model.js';
import type { Lang } from './messages.js';
import type { Model } from './schema/model.js';
import type { ValueMapInput } from './value-map.js';

/** How a workbook cell shows its number. */
export type WorkbookFormat = 'money' | 'share' | 'factor' | 'ratio' | 'number' | 'integer';

/**
 * One cell of a planned workbook: a plain value (an input an evaluator may change), or a formula with the result
 * the engine computed for it, so viewers that do not recalculate still show numbers.
 */
export interface WorkbookCell {
  readonly value?: string | number;
  readonly formula?: string;
  readonly result?: number;
  /** Where the number comes from (shown as a cell comment). */
  readonly note?: string;
  readonly format?: WorkbookFormat;
  /** True for the cells an evaluator is meant to change (proxies, quantities, shares, rates). */
  readonly input?: boolean;
}

/** One sheet: a header row, then data rows (row 2 onwards), in A1 order. */
export interface WorkbookSheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly widths: readonly number[];
  readonly rows: readonly (readonly (WorkbookCell | null)[])[];
}

/** A workbook to write: sheets, the currency amounts are labelled with, and where the key results are. */
export interface WorkbookPlan {
  readonly sheets: readonly WorkbookSheet[];
  readonly currency: string;
  /** Addresses (`'Sheet'!B2`) of the summary cells, for tests and tools that read the workbook back. */
  readonly cells: {
    readonly presentValueBenefits: string;
    readonly presentValueInputs: string;
    readonly npv: string;
    readonly sroiRatio: string;
    readonly mkbaBalance?: string;
    readonly mkbaBenefitCostRatio?: string;
  };
}

/** Column of the outcome's sign on the outcomes sheet: +1, or −1 for a negative outcome (a cost to its stakeholder). */
const SIGN_COLUMN = 21;

const T = {
  settings: { nl: 'Instellingen', en: 'Settings' },
  discount: { nl: 'Discontering', en: 'Discounting' },
  inputs: { nl: 'Investeringen', en: 'Inputs' },
  inputYears: { nl: 'Investeringen per jaar', en: 'Inputs by year' },
  outcomes: { nl: 'Uitkomsten', en: 'Outcomes' },
  outcomeYears: { nl: 'Uitkomsten per jaar', en: 'Outcomes by year' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
} as const;

/** Column number (1 = A) to letters. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const ref = (sheet: string, col: number, row: number): string => `'${sheet.replace(/'/g, "''")}'!${columnLetter(col)}${row}`;
const local = (col: number, row: number): string => `${columnLetter(col)}${row}`;
const num = (value: number, format: WorkbookFormat, note?: string): WorkbookCell => ({ value, format, input: true, ...(note === undefined ? {} : { note }) });
const text = (value: string): WorkbookCell => ({ value });
const f = (formula: string, result: number, format: WorkbookFormat): WorkbookCell => ({ formula, result, format });

/**
 * Plans the value map of a model as a workbook with live formulas (SROI Guide 2012, stages 4–5; METHODS §1–§3):
 * settings and discount factors, inputs, one row per outcome with its quantity, proxy, deadweight, displacement,
 * attribution, drop-off, duration and cohorts as input cells, one row per outcome and year whose cells are formulas
 * on those inputs (impact, drop-off factor, discount factor, present value), and a summary with PV of benefits and
 * inputs, NPV and SROI ratio, plus the MKBA balance and B/C ratio for MKBA models. Each outcome-year row has its own
 * quantity, proxy, deadweight, displacement and attribution cells, referring to the outcome row, or an input cell of
 * its own where a yearly profile gives that year another number. A negative outcome has sign −1 on its outcome row
 * (SROI Guide 2012: a cost to its stakeholder), and every value formula multiplies by it; a late drop-off
 * (`dropOff.fromYear`) sets the exponents of the drop-off formula. Every formula
 * carries the result computed here, equal to `valueModel` for the same options. Pure.
 * @example const plan = valueMapWorkbook(model, {}, 'nl'); plan.cells.sroiRatio // "'Samenvatting'!B5"
 */
export function valueMapWorkbook(model: Model, options: ValueModelOptions, lang: Lang): WorkbookPlan {
  const map = toValueMap(model, options);
  const sroi = computeSroi(map);
  const setup = mkbaSetupOf(model, map);
  const nl = lang === 'nl';
  const currency = (model.valuation as { currency?: string }).currency ?? 'EUR';
  const name = {
    settings: T.settings[lang],
    discount: T.discount[lang],
    inputs: T.inputs[lang],
    inputYears: T.inputYears[lang],
    outcomes: T.outcomes[lang],
    outcomeYears: T.outcomeYears[lang],
    summary: T.summary[lang],
  };

  // Settings: discount steps and optimism bias as input cells.
  const settingsRows: (WorkbookCell | null)[][] = [
    [text(nl ? 'Initiatief' : 'Initiative'), text(`${model.name} (${model.id})`), null],
    [text(nl ? 'Methode' : 'Method'), text(model.valuation.method), null],
    [text(nl ? 'Prijspeil' : 'Price level'), { value: map.priceYear, format: 'integer' }, null],
    [text(nl ? 'Basisjaar (jaar 0)' : 'Base year (year 0)'), { value: map.baseYear, format: 'integer' }, null],
    [text(nl ? 'Looptijd (jaren)' : 'Horizon (years)'), { value: map.horizonYears, format: 'integer' }, null],
    [
      text(nl ? 'Jaar 1 verdisconteerd' : 'Year 1 discounted'),
      text(map.discountFirstYear ? (nl ? 'ja' : 'yes') : nl ? 'nee' : 'no'),
      text(nl ? 'ja: een bedrag in jaar t telt t perioden; nee: t − 1' : 'yes: an amount in year t is discounted t periods; no: t − 1'),
    ],
    [text(nl ? 'Valuta' : 'Currency'), text(currency), null],
  ];
  const obRow = settingsRows.length + 2;
  const ob = setup?.optimismBias ?? { rate: 0, source: 'none' };
  settingsRows.push([text(nl ? 'Optimism bias (opslag op kosten)' : 'Optimism bias (mark-up on costs)'), num(ob.rate, 'share', ob.source), text(ob.source)]);
  const stepRow: number[] = [];
  for (const step of map.schedule.steps) {
    stepRow.push(settingsRows.length + 2);
    settingsRows.push([text(nl ? `Discontovoet vanaf jaar ${step.fromYear}` : `Discount rate from year ${step.fromYear}`), num(step.rate, 'share', map.schedule.source), text(map.schedule.source)]);
  }

  // Discount factors per period, chained: DF(p) = DF(p − 1) / (1 + r_p) (METHODS §3).
  const lastYear = Math.max(
    map.horizonYears,
    ...map.inputs.flatMap((i) => i.years),
    ...(setup ? setup.referenceCosts.flatMap((i) => i.years) : []),
  );
  const lastPeriod = discountPeriods(lastYear, map.discountFirstYear);
  const discountRows: (WorkbookCell | null)[][] = [[{ value: 0, format: 'integer' }, null, { value: 1, format: 'factor' }]];
  const df = [1];
  for (let p = 1; p <= lastPeriod; p++) {
    let k = 0;
    map.schedule.steps.forEach((s, i) => {
      if (s.fromYear <= p) k = i;
    });
    const rate = map.schedule.steps[k]!.rate;
    df.push(df[p - 1]! / (1 + rate));
    discountRows.push([{ value: p, format: 'integer' }, f(ref(name.settings, 2, stepRow[k]!), rate, 'share'), f(`${local(3, p + 1)}/(1+${local(2, p + 2)})`, df[p]!, 'factor')]);
  }
  const dfRef = (year: number): { ref: string; value: number } => {
    const p = discountPeriods(year, map.discountFirstYear);
    return { ref: ref(name.discount, 3, p + 2), value: df[p]! };
  };

  // Inputs: one row each (amount per year an input cell, or hours × shadow price), then one row per input and year.
  const inputRows: (WorkbookCell | null)[][] = [];
  const inputYearRows: (WorkbookCell | null)[][] = [];
  const projectLabel = nl ? 'project' : 'project';
  const referenceLabel = nl ? 'nulalternatief' : 'reference';
  const addInputs = (list: readonly ValueMapInput[], alternative: string): void => {
    for (const input of list) {
      const row = inputRows.length + 2;
      const c = input.computation;
      const firstYearRow = inputYearRows.length + 2;
      let pv = 0;
      // A yearly profile (`amounts`) gives a year its own amount: then an input cell of its own on the year row.
      const yearly = input.years.map((year, k) => ({ year, amount: input.amounts?.[k] ?? input.amountPerYear })).sort((a, b) => a.year - b.year);
      for (const { year, amount } of yearly) {
        const d = dfRef(year);
        const yr = inputYearRows.length + 2;
        pv += amount * d.value;
        inputYearRows.push([
          text(input.id),
          text(alternative),
          { value: year, format: 'integer' },
          { value: map.baseYear + year, format: 'integer' },
          amount === input.amountPerYear ? f(ref(name.inputs, 8, row), amount, 'money') : num(amount, 'money'),
          f(d.ref, d.value, 'factor'),
          f(`${local(5, yr)}*${local(6, yr)}`, amount * d.value, 'money'),
        ]);
      }
      const lastYearRow = inputYearRows.length + 1;
      const indexed = c.indexation.factor !== 1;
      const source =
        c.kind === 'hours'
          ? `${c.source}${c.indexation.factor !== 1 ? ` (${nl ? 'geïndexeerd' : 'indexed'} × ${c.indexation.factor})` : ''}`
          : indexed
            ? `${nl ? 'bedrag' : 'amount'} ${c.amount} × ${c.indexation.factor} (${nl ? 'indexatie naar prijspeil' : 'indexed to price level'} ${map.priceYear})`
            : '';
      inputRows.push([
        text(input.id),
        text(alternative),
        text(input.funder),
        text(input.kind),
        text(input.description ?? ''),
        c.kind === 'hours' ? num(c.hours, 'number') : null,
        c.kind === 'hours' ? num(c.shadowPrice, 'money', c.source) : null,
        c.kind === 'hours' ? f(`${local(6, row)}*${local(7, row)}`, input.amountPerYear, 'money') : num(input.amountPerYear, 'money', source || undefined),
        text(input.years.join(', ')),
        f(`SUM(${ref(name.inputYears, 7, firstYearRow)}:${columnLetter(7)}${lastYearRow})`, pv, 'money'),
        text(source),
      ]);
    }
  };
  addInputs(map.inputs, projectLabel);
  const projectInputYearEnd = inputYearRows.length + 1;
  const referenceStart = inputYearRows.length + 2;
  if (setup) addInputs(setup.referenceCosts, referenceLabel);
  const referenceEnd = inputYearRows.length + 1;

  // Outcomes: the value map, one row each; shares are input cells with their reason as a comment.
  const outcomeRows: (WorkbookCell | null)[][] = [];
  const yearRows: (WorkbookCell | null)[][] = [];
  const year1Value: { ref: string; value: number }[] = [];
  sroi.outcomes.forEach((ov, i) => {
    const o = map.outcomes[i]!;
    const row = i + 2;
    const O = (col: number): string => ref(name.outcomes, col, row);
    const firstYearRow = yearRows.length + 2;
    const quantitySource =
      o.quantitySource.kind === 'model'
        ? nl
          ? 'model'
          : 'model'
        : `${o.quantitySource.aggregate} ${o.quantitySource.indicator}${o.quantitySource.from ? ` ${o.quantitySource.from}` : ''}${o.quantitySource.to ? ` – ${o.quantitySource.to}` : ''} (${o.quantitySource.rows.length} ${nl ? 'rijen' : 'rows'})`;
    const proxySource = `${o.proxy.source}; ${o.proxy.unit}; ${nl ? 'prijsjaar' : 'price year'} ${o.proxy.priceYear}${o.proxy.indexation.factor !== 1 ? `; ${o.proxy.originalValue} × ${o.proxy.indexation.factor}` : ''}`;
    let pvMkba = 0;
    const referenceQuantity = o.referenceQuantity?.quantity;
    const sign = ov.trace.sign;
    for (const y of ov.trace.years) {
      const r = yearRows.length + 2;
      const L = (col: number): string => local(col, r);
      const d = dfRef(y.year);
      // Exponent of (1 − DO) per active cohort: its age, or with a late drop-off (`fromYear`) the years since the
      // decline began, max(0, t − max(start + c, fromYear − 1)) (as dropOffFactor in sroi.ts).
      const ages: number[] = [];
      for (let c = 0; c < o.cohorts; c++) {
        const age = y.year - o.start - c;
        if (age >= 0 && age < o.duration) ages.push(o.dropOff.fromYear === undefined ? age : Math.max(0, y.year - Math.max(o.start + c, o.dropOff.fromYear - 1)));
      }
      const dropFormula = ages.map((a) => `(1-${O(10)})^${a}`).join('+');
      const dropFromFormula = ages.reduce((sum, a) => sum + (1 - o.dropOff.value) ** a, 0);
      // A year's own share (a yearly profile in the trace) becomes its own input cell; otherwise it refers to the outcome row.
      const yearShare = (key: 'deadweight' | 'displacement' | 'attribution', col: number): { cell: WorkbookCell; value: number } => {
        const own = (y as unknown as Record<string, unknown>)[key];
        const base = o[key].value;
        return typeof own === 'number' && own !== base ? { cell: num(own, 'share'), value: own } : { cell: f(O(col), base, 'share'), value: base };
      };
      const dw = yearShare('deadweight', 7);
      const ds = yearShare('displacement', 8);
      const at = yearShare('attribution', 9);
      // The drop-off factor as a formula on the outcome's drop-off; the engine's own factor when its rule differs.
      const dropCell = Math.abs(dropFromFormula - y.dropOffFactor) <= 1e-12 * Math.max(1, Math.abs(y.dropOffFactor)) ? f(dropFormula, dropFromFormula, 'factor') : num(y.dropOffFactor, 'factor');
      const drop = dropCell.formula === undefined ? y.dropOffFactor : dropFromFormula;
      const value = sign * y.quantity * y.proxy * (1 - dw.value) * (1 - ds.value) * (1 - at.value) * drop;
      const cells: (WorkbookCell | null)[] = [
        text(o.id),
        { value: y.year, format: 'integer' },
        { value: y.calendarYear, format: 'integer' },
        // Per-year quantity and proxy: their own cells, referring to the outcome row unless the trace differs.
        y.quantity === o.quantity ? f(O(4), y.quantity, 'number') : num(y.quantity, 'number'),
        y.proxy === o.proxy.value ? f(O(5), y.proxy, 'money') : num(y.proxy, 'money'),
        dw.cell,
        ds.cell,
        at.cell,
        { value: y.activeCohorts, format: 'integer' },
        dropCell,
        f(`${O(SIGN_COLUMN)}*${L(4)}*${L(5)}*(1-${L(6)})*(1-${L(7)})*(1-${L(8)})*${L(10)}`, value, 'money'),
        f(d.ref, d.value, 'factor'),
        f(`${L(11)}*${L(12)}`, value * d.value, 'money'),
      ];
      if (y.year === 1) year1Value.push({ ref: ref(name.outcomeYears, 11, r), value });
      if (setup) {
        const qRef = referenceQuantity ?? y.quantity * dw.value;
        const benefit = sign * (y.quantity - qRef) * y.proxy * (1 - ds.value) * (1 - at.value) * drop;
        pvMkba += benefit * d.value;
        cells.push(
          referenceQuantity === undefined ? f(`${L(4)}*${L(6)}`, qRef, 'number') : f(O(14), qRef, 'number'),
          f(`${O(SIGN_COLUMN)}*(${L(4)}-${L(14)})*${L(5)}*(1-${L(7)})*(1-${L(8)})*${L(10)}`, benefit, 'money'),
          f(`${L(15)}*${L(12)}`, benefit * d.value, 'money'),
        );
      }
      yearRows.push(cells);
    }
    const lastYearRow = yearRows.length + 1;
    const pvFormula = ov.trace.years.length === 0 ? f('0', 0, 'money') : f(`SUM(${ref(name.outcomeYears, 13, firstYearRow)}:${columnLetter(13)}${lastYearRow})`, ov.presentValue, 'money');
    const cells: (WorkbookCell | null)[] = [
      text(o.id),
      text(o.stakeholder),
      text(o.description),
      num(o.quantity, 'number', quantitySource),
      num(o.proxy.value, 'money', proxySource),
      text(o.proxy.unit),
      num(o.deadweight.value, 'share', o.deadweight.reason),
      num(o.displacement.value, 'share', o.displacement.reason),
      num(o.attribution.value, 'share', o.attribution.reason),
      num(o.dropOff.value, 'share', o.dropOff.reason),
      { value: o.duration, format: 'integer' },
      { value: o.start, format: 'integer' },
      { value: o.cohorts, format: 'integer' },
      referenceQuantity === undefined ? null : num(referenceQuantity, 'number', o.referenceQuantity!.reason),
      f(`${local(SIGN_COLUMN, row)}*${local(4, row)}*${local(5, row)}*(1-${local(7, row)})*(1-${local(8, row)})*(1-${local(9, row)})`, ov.impactYear1, 'money'),
      pvFormula,
      setup
        ? ov.trace.years.length === 0
          ? f('0', 0, 'money')
          : f(`SUM(${ref(name.outcomeYears, 16, firstYearRow)}:${columnLetter(16)}${lastYearRow})`, pvMkba, 'money')
        : null,
      text(quantitySource),
      text(proxySource),
      text(
        [
          `${nl ? 'deadweight' : 'deadweight'}: ${o.deadweight.reason}`,
          `${nl ? 'verdringing' : 'displacement'}: ${o.displacement.reason}`,
          `${nl ? 'toerekening' : 'attribution'}: ${o.attribution.reason}`,
          `${nl ? 'afname' : 'drop-off'}: ${o.dropOff.reason}${o.dropOff.fromYear === undefined ? '' : nl ? ` (vanaf jaar ${o.dropOff.fromYear})` : ` (from year ${o.dropOff.fromYear})`}`,
        ].join(' · '),
      ),
      num(sign, 'integer', nl ? '−1: een negatieve uitkomst, een kost voor de belanghebbende' : '−1: a negative outcome, a cost to the stakeholder'),
    ];
    outcomeRows.push(cells);
  });

  // Summary.
  const S = name.summary;
  const pvb = sroi.presentValueBenefits;
  const pvi = sroi.presentValueInputs;
  const nYear = yearRows.length + 1;
  const summaryRows: (WorkbookCell | null)[][] = [
    [
      text(nl ? 'Contante waarde baten' : 'Present value of benefits'),
      yearRows.length === 0 ? f('0', 0, 'money') : f(`SUM(${ref(name.outcomeYears, 13, 2)}:${columnLetter(13)}${nYear})`, pvb, 'money'),
      text(nl ? 'Σ contante waarde per uitkomst en jaar' : 'Σ present value per outcome and year'),
    ],
    [
      text(nl ? 'Contante waarde investering' : 'Present value of inputs'),
      projectInputYearEnd < 2 ? f('0', 0, 'money') : f(`SUM(${ref(name.inputYears, 7, 2)}:${columnLetter(7)}${projectInputYearEnd})`, pvi, 'money'),
      text(nl ? 'jaar 0 wordt niet verdisconteerd' : 'year 0 is not discounted'),
    ],
    [text(nl ? 'Netto contante waarde' : 'Net present value'), f('B2-B3', sroi.npv, 'money'), null],
    [text(nl ? 'SROI-ratio' : 'SROI ratio'), pvi === 0 ? text('—') : f('B2/B3', pvb / pvi, 'ratio'), text(nl ? 'baten / investering' : 'benefits / inputs')],
    [text(nl ? 'Netto SROI-ratio' : 'Net SROI ratio'), pvi === 0 ? text('—') : f('B4/B3', sroi.npv / pvi, 'ratio'), null],
  ];
  const v1 = year1Value.reduce((s, x) => s + x.value, 0);
  summaryRows.push([
    text(nl ? 'Terugverdientijd (maanden)' : 'Payback (months)'),
    year1Value.length === 0 || v1 === 0
      ? text('—')
      : f(`B3/((${year1Value.map((x) => x.ref).join('+')})/12)`, pvi / (v1 / 12), 'number'),
    text(nl ? 'investering / (waarde jaar 1 / 12)' : 'inputs / (value in year 1 / 12)'),
  ]);
  let mkbaCells: { balance: string; ratio: string } | undefined;
  if (setup) {
    const mkbaPv = outcomeRows.reduce((s, r) => s + ((r[16] as WorkbookCell | null)?.result ?? 0), 0);
    const avoided = setup.referenceCosts.length === 0 ? 0 : inputYearRows.slice(referenceStart - 2, referenceEnd - 1).reduce((s, r) => s + (r[6] as WorkbookCell).result!, 0);
    const costs = pvi * (1 + ob.rate);
    const start = summaryRows.length + 2;
    summaryRows.push(
      [
        text(nl ? 'MKBA: contante waarde effecten' : 'MKBA: present value of effects'),
        yearRows.length === 0 ? f('0', 0, 'money') : f(`SUM(${ref(name.outcomeYears, 16, 2)}:${columnLetter(16)}${nYear})`, mkbaPv, 'money'),
        text(nl ? '(Q − Q nulalternatief) · prijs · (1 − verdringing) · (1 − toerekening)' : '(Q − Q reference) · price · (1 − displacement) · (1 − attribution)'),
      ],
      [
        text(nl ? 'MKBA: vermeden kosten nulalternatief' : 'MKBA: avoided costs of the reference alternative'),
        referenceEnd < referenceStart ? f('0', 0, 'money') : f(`SUM(${ref(name.inputYears, 7, referenceStart)}:${columnLetter(7)}${referenceEnd})`, avoided, 'money'),
        null,
      ],
      [
        text(nl ? 'MKBA: kosten met optimism bias' : 'MKBA: costs with optimism bias'),
        f(`B3*(1+${ref(name.settings, 2, obRow)})`, costs, 'money'),
        text(nl ? 'overdrachten tellen voor de samenleving op tot 0' : 'transfers net to zero for society'),
      ],
      [text(nl ? 'MKBA: saldo (NCW)' : 'MKBA: balance (NPV)'), f(`B${start}+B${start + 1}-B${start + 2}`, mkbaPv + avoided - costs, 'money'), null],
      [
        text(nl ? 'MKBA: baten/kosten-verhouding' : 'MKBA: benefit/cost ratio'),
        costs === 0 ? text('—') : f(`(B${start}+B${start + 1})/B${start + 2}`, (mkbaPv + avoided) / costs, 'ratio'),
        null,
      ],
    );
    mkbaCells = { balance: ref(S, 2, start + 3), ratio: ref(S, 2, start + 4) };
  }

  const money = `(${currency})`;
  const sheets: WorkbookSheet[] = [
    { name: S, headers: [nl ? 'Kengetal' : 'Measure', `${nl ? 'Waarde' : 'Value'} ${money}`, nl ? 'Toelichting' : 'Note'], widths: [44, 18, 60], rows: summaryRows },
    { name: name.settings, headers: [nl ? 'Instelling' : 'Setting', nl ? 'Waarde' : 'Value', nl ? 'Bron' : 'Source'], widths: [36, 24, 80], rows: settingsRows },
    { name: name.discount, headers: [nl ? 'Periode' : 'Period', nl ? 'Discontovoet' : 'Discount rate', nl ? 'Disconteringsfactor' : 'Discount factor'], widths: [10, 14, 18], rows: discountRows },
    {
      name: name.inputs,
      headers: [
        'Id',
        nl ? 'Alternatief' : 'Alternative',
        nl ? 'Financier' : 'Funder',
        nl ? 'Soort' : 'Kind',
        nl ? 'Omschrijving' : 'Description',
        nl ? 'Uren per jaar' : 'Hours per year',
        `${nl ? 'Schaduwprijs' : 'Shadow price'} ${money}`,
        `${nl ? 'Bedrag per jaar' : 'Amount per year'} ${money}`,
        nl ? 'Jaren' : 'Years',
        `${nl ? 'Contante waarde' : 'Present value'} ${money}`,
        nl ? 'Bron' : 'Source',
      ],
      widths: [22, 14, 16, 16, 40, 12, 14, 16, 12, 16, 60],
      rows: inputRows,
    },
    {
      name: name.inputYears,
      headers: ['Id', nl ? 'Alternatief' : 'Alternative', nl ? 'Jaar' : 'Year', nl ? 'Kalenderjaar' : 'Calendar year', `${nl ? 'Bedrag' : 'Amount'} ${money}`, nl ? 'Disconteringsfactor' : 'Discount factor', `${nl ? 'Contante waarde' : 'Present value'} ${money}`],
      widths: [22, 14, 8, 12, 16, 16, 16],
      rows: inputYearRows,
    },
    {
      name: name.outcomes,
      headers: [
        'Id',
        nl ? 'Belanghebbende' : 'Stakeholder',
        nl ? 'Omschrijving' : 'Description',
        nl ? 'Aantal per jaar' : 'Quantity per year',
        `${nl ? 'Financiële proxy' : 'Financial proxy'} ${money}`,
        nl ? 'Eenheid' : 'Unit',
        'Deadweight',
        nl ? 'Verdringing' : 'Displacement',
        nl ? 'Toerekening' : 'Attribution',
        nl ? 'Afname (drop-off)' : 'Drop-off',
        nl ? 'Duur (jaren)' : 'Duration (years)',
        nl ? 'Startjaar' : 'Start year',
        nl ? 'Cohorten' : 'Cohorts',
        nl ? 'Aantal nulalternatief' : 'Reference quantity',
        `${nl ? 'Impact jaar 1' : 'Impact year 1'} ${money}`,
        `${nl ? 'Contante waarde' : 'Present value'} ${money}`,
        `${nl ? 'MKBA contante waarde' : 'MKBA present value'} ${money}`,
        nl ? 'Bron aantal' : 'Quantity source',
        nl ? 'Bron proxy' : 'Proxy source',
        nl ? 'Onderbouwing aandelen' : 'Reasons for the shares',
        nl ? 'Teken (+1 of −1)' : 'Sign (+1 or −1)',
      ],
      widths: [24, 16, 40, 12, 14, 18, 11, 11, 11, 11, 9, 9, 9, 12, 16, 16, 16, 30, 60, 80, 12],
      rows: outcomeRows,
    },
    {
      name: name.outcomeYears,
      headers: [
        'Id',
        nl ? 'Jaar' : 'Year',
        nl ? 'Kalenderjaar' : 'Calendar year',
        nl ? 'Aantal' : 'Quantity',
        `Proxy ${money}`,
        'Deadweight',
        nl ? 'Verdringing' : 'Displacement',
        nl ? 'Toerekening' : 'Attribution',
        nl ? 'Actieve cohorten' : 'Active cohorts',
        nl ? 'Afnamefactor' : 'Drop-off factor',
        `${nl ? 'Waarde' : 'Value'} ${money}`,
        nl ? 'Disconteringsfactor' : 'Discount factor',
        `${nl ? 'Contante waarde' : 'Present value'} ${money}`,
        ...(setup ? [nl ? 'Aantal nulalternatief' : 'Reference quantity', `${nl ? 'MKBA-baat' : 'MKBA benefit'} ${money}`, `${nl ? 'MKBA contante waarde' : 'MKBA present value'} ${money}`] : []),
      ],
      widths: [24, 6, 12, 10, 12, 11, 11, 11, 10, 12, 14, 14, 14, 14, 14, 14],
      rows: yearRows,
    },
  ];
  return {
    sheets,
    currency,
    cells: {
      presentValueBenefits: ref(S, 2, 2),
      presentValueInputs: ref(S, 2, 3),
      npv: ref(S, 2, 4),
      sroiRatio: ref(S, 2, 5),
      ...(mkbaCells ? { mkbaBalance: mkbaCells.balance, mkbaBenefitCostRatio: mkbaCells.ratio } : {}),
    },
  };
}
