import type { Lang } from '../core/messages.js';
import { formatEuro, formatNumber, formatPercent } from '../core/format.js';
import type { Model } from '../core/schema/model.js';
import type { UncertaintyResult } from '../core/uncertainty/evaluate-uncertainty.js';
import type { ParameterTarget } from '../core/uncertainty/parameter-target.js';
import type { ReportSwitchingValue, ReportUncertainty } from './report-input.js';
import { tell, type ReportTextKey } from './report-text.js';
import { humaniseId } from './humanise-id.js';

/** A parameter of the uncertainty analysis as a reader names it: "Proxy — Oudere bezoekers voelen zich minder eenzaam". */
export function parameterLabel(target: ParameterTarget, model: Pick<Model, 'outcomes' | 'inputs'>, lang: Lang): string {
  const name = tell(lang, `parameter.${target.parameter}` as ReportTextKey);
  if (target.kind === 'outcome') return `${name} — ${model.outcomes.find((o) => o.id === target.outcome)?.description ?? target.outcome}`;
  if (target.kind === 'input') return `${name} — ${model.inputs.find((i) => i.id === target.input)?.description ?? humaniseId(target.input)}`;
  return name;
}

/** A parameter value in its own terms: shares and rates as percentages, proxies and amounts in euro. */
export function parameterValue(target: ParameterTarget, value: number, lang: Lang): string {
  const p = target.parameter;
  if (p === 'discountRate') return formatPercent(value, lang, 2);
  if (p === 'deadweight' || p === 'displacement' || p === 'attribution' || p === 'dropOff') return formatPercent(value, lang, 1);
  if (p === 'proxy' || p === 'amount') return formatEuro(value, lang, value < 100 ? 2 : 0);
  if (p === 'duration') return tell(lang, 'summary.years', { n: formatNumber(value, lang, 1) });
  return formatNumber(value, lang, 2);
}

/**
 * Maps the uncertainty room's result (tornado, switching values, Monte Carlo summary) onto the report's chart
 * inputs. Rows whose ratio is undefined are left out of the tornado; the histogram is used only when it is of
 * the ratio. Nothing is computed here beyond relabelling.
 */
export function reportUncertainty(result: UncertaintyResult, model: Pick<Model, 'outcomes' | 'inputs'>, lang: Lang): ReportUncertainty {
  const out: { -readonly [K in keyof ReportUncertainty]: ReportUncertainty[K] } = {};
  const baseRatio = result.base.ratio;
  const bars = result.tornado
    .filter((r) => r.atLow.ratio !== null && r.atHigh.ratio !== null)
    .map((r) => ({
      parameter: r.key,
      label: parameterLabel(r.target, model, lang),
      lowValue: parameterValue(r.target, r.low, lang),
      highValue: parameterValue(r.target, r.high, lang),
      ratioAtLow: r.atLow.ratio!,
      ratioAtHigh: r.atHigh.ratio!,
    }));
  if (baseRatio !== null && bars.length) out.tornado = { baseRatio, bars };
  const mc = result.monteCarlo;
  if (mc && mc.ratio && mc.histogram.of === 'ratio') {
    const e = mc.histogram.edges;
    out.monteCarlo = {
      draws: mc.draws,
      seed: mc.seed,
      bins: mc.histogram.counts.map((count, i) => ({ start: e[i]!, end: e[i + 1]!, count })),
      probabilityAtLeastOne: mc.probRatioAtLeast1,
      p5: mc.ratio.p05,
      p50: mc.ratio.p50,
      p95: mc.ratio.p95,
      mean: mc.ratio.mean,
    };
  }
  const switching: ReportSwitchingValue[] = result.switchingValues.map((s) => ({
    parameter: s.key,
    label: parameterLabel(s.target, model, lang),
    base: parameterValue(s.target, s.base, lang),
    switchesAt:
      s.status === 'switches'
        ? parameterValue(s.target, s.value, lang)
        : tell(lang, s.status === 'stays-above' ? 'switching.stays-above' : 'switching.stays-below'),
  }));
  if (switching.length) out.switchingValues = switching;
  return out;
}
