import { parse, View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileChart } from './compile-chart.js';
import { useChartFontMetrics } from './font-metrics.js';

/**
 * Renders a Vega-Lite spec to SVG text with vega headless (no browser, no canvas). Element ids that vega numbers
 * per process (clip paths, gradients) are renamed to `<idPrefix>-clip-1`, … so the SVG is the same every time
 * and several charts can sit in one HTML page without clashing ids.
 * @throws Error when the spec does not compile.
 */
export async function renderSvg(spec: TopLevelSpec, idPrefix = 'chart'): Promise<string> {
  useChartFontMetrics();
  const { vega } = compileChart(spec);
  const view = new View(parse(vega), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return stableIds(svg, idPrefix);
}

function stableIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}-d${ids.size + 1}`);
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${ids.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
    .replace(/href="#([^"]+)"/g, (whole, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : whole));
}
