import { fileURLToPath } from 'node:url';

/** Font family of every chart; Liberation Sans has the metrics of Arial, so browsers without it fall back cleanly. */
export const chartFont = 'Liberation Sans';

/** CSS font stack matching {@link chartFont}. */
export const fontStack = "'Liberation Sans', Arial, Helvetica, sans-serif";

/**
 * The font files PNG rendering loads explicitly, so text renders the same on every machine. They ship in
 * src/render/fonts and are copied next to the compiled files by the build.
 */
export function chartFontFiles(): string[] {
  return ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) => fileURLToPath(new URL(`../../src/render/fonts/${f}`, import.meta.url)));
}
