import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { chartFontFiles } from './fonts.js';

/** Advance widths of a TrueType font, in em, by code point. */
export interface FontWidths {
  readonly widths: ReadonlyMap<number, number>;
  readonly fallback: number;
}

/**
 * Reads the advance widths of a TrueType font from its `cmap` (format 4) and `hmtx` tables (Apple TrueType
 * Reference Manual / OpenType spec, tables head, hhea, hmtx, cmap). Kerning is ignored: labels are short.
 */
export function readFontWidths(bytes: Uint8Array): FontWidths {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + i * 8;
    if (view.getUint16(at) === 3 && view.getUint16(at + 2) === 1) sub = cmap + view.getUint32(at + 4);
  }
  if (sub < 0 || view.getUint16(sub) !== 4) throw new Error('font has no Unicode BMP cmap (format 4)');
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  const widths = new Map<number, number>();
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getInt16(deltas + 2 * s);
    const rangeOffset = view.getUint16(offsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = offsets + 2 * s + rangeOffset + 2 * (c - start);
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) widths.set(c, advance(glyph));
    }
  }
  return { widths, fallback: widths.get(0x6f) ?? 0.55 };
}

/** Width in pixels of a text at a font size. */
export function textWidth(font: FontWidths, text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += font.widths.get(ch.codePointAt(0)!) ?? font.fallback;
  return em * fontSize;
}

let installed: { regular: FontWidths; bold: FontWidths } | undefined;

/**
 * Makes vega measure text with the real widths of the chart font instead of its rough estimate (0.8 em per
 * character), so axis space and label truncation match what the SVG shows. Idempotent.
 */
export function useChartFontMetrics(): void {
  if (installed) return;
  const [regular, bold] = chartFontFiles().map((f) => readFontWidths(readFileSync(f)));
  installed = { regular: regular!, bold: bold! };
  const fonts = installed;
  // vega exports textMetrics at runtime (from vega-scenegraph) but its typings do not declare it.
  const { textMetrics } = vega as unknown as { textMetrics: { width: (item: object, text?: unknown) => number } };
  textMetrics.width = (item: { fontSize?: number; fontWeight?: string | number; text?: unknown }, text?: unknown): number => {
    const value = text === undefined || text === null ? '' : String(text).trim();
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const weight = item.fontWeight;
    const isBold = weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === '700' || weight === 'bolder';
    return textWidth(isBold ? fonts.bold : fonts.regular, value, size);
  };
}
