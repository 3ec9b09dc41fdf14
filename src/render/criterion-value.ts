import type { Lang } from '../core/messages.js';
import { formatNumber, formatPercent } from '../core/format.js';
import type { Indicator } from '../core/schema/indicator.js';

/**
 * A criterion's baseline, target or measured value in the indicator's own terms: shares as percentages
 * ("45 %"), other values with their unit ("120 personen").
 */
export function criterionValue(value: number, indicator: Pick<Indicator, 'kind' | 'unit'> | undefined, lang: Lang): string {
  if (indicator?.kind === 'share') return formatPercent(value, lang);
  // Amounts (e.g. € per m²) keep their cents: 1,90 and 1,60, not 1,9 or 2.
  const n = formatNumber(value, lang, 2, indicator?.kind === 'amount' ? 2 : 0);
  return indicator?.unit ? `${n} ${indicator.unit}` : n;
}

/** A range of a criterion with the unit once: "7,5–10 score 1-10" or "40 %–60 %". */
export function criterionRange(min: number, max: number, indicator: Pick<Indicator, 'kind' | 'unit'> | undefined, lang: Lang): string {
  if (indicator?.kind === 'share') return `${formatPercent(min, lang)}–${formatPercent(max, lang)}`;
  const cents = indicator?.kind === 'amount' ? 2 : 0;
  const range = `${formatNumber(min, lang, 2, cents)}–${formatNumber(max, lang, 2, cents)}`;
  return indicator?.unit ? `${range} ${indicator.unit}` : range;
}
