import type { CriterionStatus } from '../core/evaluation/criterion-evaluation.js';

/**
 * Colours of every chart and report: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
 * stays distinguishable with the common forms of colour blindness. Status colours are always paired with a text
 * label or symbol, never used alone.
 */
export const palette = {
  blue: '#0072B2',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#767676',
  lightGrey: '#D9D9D9',
  ink: '#1A1A1A',
} as const;

/** Colours of the categorical series, in order. */
export const seriesColours: readonly string[] = [palette.blue, palette.orange, palette.green, palette.purple, palette.skyBlue, palette.vermillion, palette.yellow, palette.grey];

export type { CriterionStatus };

/** The order in which statuses are listed. */
export const criterionStatuses: readonly CriterionStatus[] = ['met', 'partly-met', 'not-met', 'not-due', 'not-measurable'];

/** Colour per criterion status. */
export const statusColours: Readonly<Record<CriterionStatus, string>> = {
  met: palette.green,
  'partly-met': palette.orange,
  'not-met': palette.vermillion,
  'not-due': palette.skyBlue,
  'not-measurable': palette.grey,
};
