import type { Lang } from '../core/messages.js';
import { formatNumber, formatPercent } from '../core/format.js';
import type { Indicator } from '../core/schema/indicator.js';

/**
 * A criterion's baseline, target or measured value in the indicator's own terms: shares as percentages
 * ("45 %"), other values with their unit ("120 personen").
 */
export function criterionValue(value: number, indicator: Pick<Indicator, 'kind' | 'unit'> | undefined, lang: Lang): string {
  if (indicator?.kind === 'share') return formatPercent(value, lang);
  const n = formatNumber(value, lang, 2);
  return indicator?.unit ? `${n} ${indicator.unit}` : n;
}

/** A range of a criterion with the unit once: "7,5–10 score 1-10" or "40 %–60 %". */
export function criterionRange(min: number, max: number, indicator: Pick<Indicator, 'kind' | 'unit'> | undefined, lang: Lang): string {
  if (indicator?.kind === 'share') return `${formatPercent(min, lang)}–${formatPercent(max, lang)}`;
  const range = `${formatNumber(min, lang, 2)}–${formatNumber(max, lang, 2)}`;
  return indicator?.unit ? `${range} ${indicator.unit}` : range;
}
