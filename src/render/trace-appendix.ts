import type { Lang } from '../core/messages.js';
import { formatEuro, formatNumber, MINUS } from '../core/format.js';
import type { Valuation } from '../core/value-model.js';
import type { DataTable } from './chart.js';
import { humaniseId } from './humanise-id.js';
import { tell } from './report-text.js';
import { say } from './render-text.js';

/** One outcome's trace as a table with one row per year, each row a complete calculation. */
export interface TraceTable {
  readonly id: string;
  readonly title: string;
  readonly table: DataTable;
}

const num = (v: number, lang: Lang, digits: number): string => formatNumber(v, lang, digits);

/**
 * The calculation trace as tables: per outcome and year, quantity × proxy × (1 − DW) × (1 − DS) × (1 − AT) ×
 * drop-off factor × discount factor = present value, with every factor shown; then per input and year,
 * amount × discount factor = present value. The sums equal the totals of the report.
 */
export function traceTables(result: Valuation, lang: Lang): { outcomes: TraceTable[]; inputs: DataTable } {
  const cur = result.valuation.currency;
  const v = result.valuation;
  const outcomes = v.outcomes.map((o) => {
    const share = (name: string): number => o.trace.deflators.find((d) => d.name === name)?.value ?? 0;
    const rows = o.trace.years.map((y) => {
      // Each year's own deflators (a yearly profile); traces written before profiles carry them on the outcome only.
      const dw = y.deadweight ?? share('deadweight');
      const ds = y.displacement ?? share('displacement');
      const at = y.attribution ?? share('attribution');
      // A negative outcome: −1 × …, so the product is the (negative) value in the trace.
      const sign = o.negative ? `${MINUS}1 × ` : '';
      return [
        `${y.year} (${y.calendarYear})`,
        `${sign}${num(y.quantity, lang, 2)} × ${num(y.proxy, lang, 2)} × ${num(1 - dw, lang, 3)} × ${num(1 - ds, lang, 3)} × ${num(1 - at, lang, 3)} × ${num(y.dropOffFactor, lang, 4)} × ${num(y.discountFactor, lang, 4)} = ${formatEuro(y.presentValue, lang, 2, cur)}`,
        num(y.dropOffFactor, lang, 4),
        formatEuro(y.value, lang, 2, cur),
        num(y.discountFactor, lang, 4),
        formatEuro(y.presentValue, lang, 2, cur),
      ];
    });
    rows.push([tell(lang, 'appendix.sum'), '', '', formatEuro(o.trace.years.reduce((s, y) => s + y.value, 0), lang, 2, cur), '', formatEuro(o.presentValue, lang, 2, cur)]);
    const title = tell(lang, 'appendix.outcome', { id: o.id, description: o.description });
    return {
      id: o.id,
      title,
      table: {
        caption: title,
        columns: [
          { label: tell(lang, 'col.year'), numeric: false },
          { label: `${tell(lang, 'col.calc')}: Q × P × (1−DW) × (1−DS) × (1−AT) × ${tell(lang, 'col.dropoff-factor').toLowerCase()} × DF = ${tell(lang, 'col.pv').toLowerCase()}`, numeric: false },
          { label: tell(lang, 'col.dropoff-factor'), numeric: true },
          { label: tell(lang, 'col.year-value'), numeric: true },
          { label: tell(lang, 'col.df'), numeric: true },
          { label: tell(lang, 'col.pv'), numeric: true },
        ],
        rows,
      },
    };
  });
  const inputRows = v.inputs.flatMap((i) =>
    i.trace.years.map((y) => [
      `${i.description ?? humaniseId(i.id)} — ${y.year} (${y.calendarYear})`,
      `${formatEuro(y.amount, lang, 2, cur)} × ${num(y.discountFactor, lang, 4)} = ${formatEuro(y.presentValue, lang, 2, cur)}`,
      formatEuro(y.presentValue, lang, 2, cur),
    ]),
  );
  inputRows.push([tell(lang, 'appendix.sum'), '', formatEuro(v.presentValueInputs, lang, 2, cur)]);
  return {
    outcomes,
    inputs: {
      caption: tell(lang, 'appendix.inputs'),
      columns: [
        { label: tell(lang, 'col.input'), numeric: false },
        { label: `${tell(lang, 'col.calc')}: ${say(lang, 'common.amount').toLowerCase()} × DF = ${tell(lang, 'col.pv').toLowerCase()}`, numeric: false },
        { label: tell(lang, 'col.pv'), numeric: true },
      ],
      rows: inputRows,
    },
  };
}
