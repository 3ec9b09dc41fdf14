import type { Chart } from './chart.js';
import { councilView, viewFiles } from './council-view.js';
import { neighbourhoodView } from './neighbourhood-view.js';
import { specJson } from './normalise-spec.js';
import { renderPng } from './render-png.js';
import { renderSvg } from './render-svg.js';
import { chartList, reportCharts, type ReportCharts } from './report-charts.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { reportMarkdown } from './report-markdown.js';
import { keyFigures } from './key-figures.js';

/** Output formats of a report. */
export type ReportFormat = 'html' | 'md' | 'json' | 'svg' | 'png';

/** Every format, in the order the CLI lists them. */
export const reportFormats: readonly ReportFormat[] = ['html', 'md', 'json', 'svg', 'png'];

/** One output file: a path relative to the report folder, and its content. */
export interface ReportFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** A rendered report of one initiative: its files, and the charts with their SVG (none when only md or json was asked for). */
export interface ReportBundle {
  readonly id: string;
  readonly files: readonly ReportFile[];
  readonly charts: ReportCharts;
  readonly svgs: ReadonlyMap<string, string>;
}

/** The machine-readable report: the results it was drawn from, the key figures as shown, and every chart's data. */
export function reportJson(input: ReportInput, charts: readonly Chart[], options: ReportOptions): string {
  const doc = {
    generatedAt: options.generatedAt,
    lang: options.lang,
    initiative: input.valuation.initiative,
    keyFigures: keyFigures(input.valuation, options.lang),
    valuation: input.valuation.valuation,
    mkba: input.valuation.mkba ?? null,
    warnings: input.valuation.warnings,
    evaluation: input.evaluation ?? null,
    uncertainty: input.uncertainty ?? null,
    provenance: input.provenance ?? [],
    ...(input.planVersusRealised ? { planVersusRealised: input.planVersusRealised } : {}),
    charts: charts.map((c) => ({ id: c.id, title: c.title, description: c.description, table: c.table })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Renders the report of one initiative: council and neighbourhood HTML views, Markdown summary, JSON, and per
 * chart an SVG and/or PNG with its `.vl.json` spec beside it — only the formats asked for. Pure apart from
 * reading the bundled fonts; the generation time comes from `options`.
 * @example const bundle = await buildReport({ model, valuation: valueModel(model) }, { lang: 'nl', generatedAt: new Date().toISOString() });
 */
export async function buildReport(input: ReportInput, options: ReportOptions, formats: readonly ReportFormat[] = reportFormats): Promise<ReportBundle> {
  const charts = reportCharts(input, options.lang);
  const list = chartList(charts);
  const svgs = new Map<string, string>();
  // Markdown and JSON carry the charts' data, not their pictures: render SVG only for formats that show it.
  if (formats.some((f) => f === 'html' || f === 'svg' || f === 'png')) for (const c of list) svgs.set(c.id, await renderSvg(c.spec, c.id));
  const files: ReportFile[] = [];
  if (formats.includes('html')) {
    files.push({ path: viewFiles.council, content: councilView(input, charts, svgs, options) });
    files.push({ path: viewFiles.neighbourhood, content: neighbourhoodView(input, charts, svgs, options) });
  }
  if (formats.includes('md')) files.push({ path: 'summary.md', content: reportMarkdown(input, charts, options) });
  if (formats.includes('json')) files.push({ path: 'report.json', content: reportJson(input, list, options) });
  if (formats.includes('svg') || formats.includes('png')) {
    for (const c of list) {
      files.push({ path: `charts/${c.id}.vl.json`, content: specJson(c.spec) });
      if (formats.includes('svg')) files.push({ path: `charts/${c.id}.svg`, content: svgs.get(c.id)! });
      if (formats.includes('png')) files.push({ path: `charts/${c.id}.png`, content: renderPng(svgs.get(c.id)!) });
    }
  }
  return { id: input.model.id, files, charts, svgs };
}
