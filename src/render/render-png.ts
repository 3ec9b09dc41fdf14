import { Resvg } from '@resvg/resvg-js';
import { chartFont, chartFontFiles } from './fonts.js';

/**
 * Rasterises an SVG to PNG with resvg, loading only the bundled fonts (no system fonts) so the same SVG gives
 * the same pixels on every machine. `scale` 2 gives sharp images for print and high-density screens.
 */
export function renderPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: chartFont, sansSerifFamily: chartFont },
  });
  return resvg.render().asPng();
}
