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
export function parameterValue(target: ParameterTarget, value: number, lang: Lang, cur = 'EUR'): string {
  const p = target.parameter;
  if (p === 'discountRate') return formatPercent(value, lang, 2);
  if (p === 'deadweight' || p === 'displacement' || p === 'attribution' || p === 'dropOff') return formatPercent(value, lang, 1);
  if (p === 'proxy' || p === 'amount') return formatEuro(value, lang, value < 100 ? 2 : 0, cur);
  if (p === 'duration') return tell(lang, 'summary.years', { n: formatNumber(value, lang, 1) });
  return formatNumber(value, lang, 2);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Switching values as a report lists them: parameter, its base value, where the measure switches (or that it never does). */
function switchingRows(values: UncertaintyResult['switchingValues'], model: Pick<Model, 'outcomes' | 'inputs'> & { readonly valuation?: { readonly currency?: string } }, lang: Lang, mkba: boolean): ReportSwitchingValue[] {
  return values.map((s) => ({
    parameter: s.key,
    label: parameterLabel(s.target, model, lang),
    base: parameterValue(s.target, s.base, lang, model.valuation?.currency),
    switchesAt:
      s.status === 'switches'
        ? parameterValue(s.target, s.value, lang, model.valuation?.currency)
        : tell(lang, s.status === 'stays-above' ? (mkba ? 'switching.stays-above-mkba' : 'switching.stays-above') : mkba ? 'switching.stays-below-mkba' : 'switching.stays-below'),
  }));
}

/** The SROI's tornado, Monte Carlo and switching values as chart inputs (ratio-based). */
function sroiParts(result: UncertaintyResult, model: Pick<Model, 'outcomes' | 'inputs'> & { readonly valuation?: { readonly currency?: string } }, lang: Lang): Mutable<Pick<ReportUncertainty, 'tornado' | 'monteCarlo' | 'switchingValues'>> {
  const out: Mutable<Pick<ReportUncertainty, 'tornado' | 'monteCarlo' | 'switchingValues'>> = {};
  const baseRatio = result.base.ratio;
  const bars = result.tornado
    .filter((r) => r.atLow.ratio !== null && r.atHigh.ratio !== null)
    .map((r) => ({
      parameter: r.key,
      label: parameterLabel(r.target, model, lang),
      lowValue: parameterValue(r.target, r.low, lang, model.valuation?.currency),
      highValue: parameterValue(r.target, r.high, lang, model.valuation?.currency),
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
  const switching = switchingRows(result.switchingValues, model, lang, false);
  if (switching.length) out.switchingValues = switching;
  return out;
}

/** The MKBA's tornado (B/C at low and high, sorted by the swing in the balance), Monte Carlo of B/C and switching values of the balance. */
function mkbaParts(result: UncertaintyResult, model: Pick<Model, 'outcomes' | 'inputs'> & { readonly valuation?: { readonly currency?: string } }, lang: Lang): Mutable<Pick<ReportUncertainty, 'tornado' | 'monteCarlo' | 'switchingValues'>> {
  const out: Mutable<Pick<ReportUncertainty, 'tornado' | 'monteCarlo' | 'switchingValues'>> = {};
  const m = result.mkba;
  if (!m) return out;
  const baseRatio = m.base.benefitCostRatio;
  const bars = m.tornado
    .filter((r) => r.atLow.mkba?.benefitCostRatio != null && r.atHigh.mkba?.benefitCostRatio != null)
    .map((r) => ({
      parameter: r.key,
      label: parameterLabel(r.target, model, lang),
      lowValue: parameterValue(r.target, r.low, lang, model.valuation?.currency),
      highValue: parameterValue(r.target, r.high, lang, model.valuation?.currency),
      ratioAtLow: r.atLow.mkba!.benefitCostRatio!,
      ratioAtHigh: r.atHigh.mkba!.benefitCostRatio!,
    }));
  if (baseRatio !== null && bars.length) out.tornado = { baseRatio, bars, measure: 'mkba' };
  const mc = m.monteCarlo;
  if (mc && mc.benefitCostRatio && mc.histogram.of === 'benefit-cost-ratio') {
    const e = mc.histogram.edges;
    out.monteCarlo = {
      draws: result.monteCarlo?.draws ?? 0,
      ...(result.monteCarlo ? { seed: result.monteCarlo.seed } : {}),
      bins: mc.histogram.counts.map((count, i) => ({ start: e[i]!, end: e[i + 1]!, count })),
      probabilityAtLeastOne: mc.probBalancePositive,
      p5: mc.benefitCostRatio.p05,
      p50: mc.benefitCostRatio.p50,
      p95: mc.benefitCostRatio.p95,
      mean: mc.benefitCostRatio.mean,
      measure: 'mkba',
    };
  }
  const switching = switchingRows(m.switchingValues, model, lang, true);
  if (switching.length) out.switchingValues = switching;
  return out;
}

/**
 * Maps the uncertainty room's result (tornado, switching values, Monte Carlo summary) onto the report's chart
 * inputs, on the measure the valuation method reports (issue 12): the SROI ratio for `sroi`; the MKBA's B/C ratio,
 * balance and P(balance > 0) for `mkba`; both for `both` (the MKBA's under `mkba`). A B/C ratio is never shown with
 * the SROI ratio's interval. Rows whose ratio is undefined are left out of the tornado. Nothing is computed here
 * beyond relabelling.
 */
export function reportUncertainty(result: UncertaintyResult, model: Pick<Model, 'outcomes' | 'inputs' | 'valuation'>, lang: Lang): ReportUncertainty {
  const method = model.valuation.method;
  if (method === 'mkba' && result.mkba) return mkbaParts(result, model, lang);
  const sroi = sroiParts(result, model, lang);
  if (method === 'both' && result.mkba) {
    const mkba = mkbaParts(result, model, lang);
    return Object.keys(mkba).length ? { ...sroi, mkba } : sroi;
  }
  return sroi;
}
