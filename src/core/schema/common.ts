import { z } from 'zod';

/** Lower-case slug used for every id in a model file (no path separators, safe in URLs and file names). */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'slug')
  .describe('Lower-case id: letters, digits and hyphens, starting with a letter or digit (max 63).');

/** A share between 0 and 1, with the reason it was chosen (SROI Guide 2012, stage 4). */
export const reasonedShareSchema = z.strictObject({
  value: z.number().min(0).max(1).describe('Share between 0 and 1 (0.25 = 25 %).'),
  reason: z.string().min(1).describe('Why this value: evidence or assumption, with its source.'),
});

/** A calendar year as used for price levels ("prijspeil"). */
export const yearSchema = z.number().int().min(1900).max(2200);

/** ISO date `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date')
  .describe('Date as YYYY-MM-DD.');

/** CBS area codes: gemeente GM####, wijk WK######, buurt BU########. */
export const municipalityCodeSchema = z.string().regex(/^GM\d{4}$/, 'gm-code').describe('CBS gemeente code, e.g. GM0344.');
export const areaCodeSchema = z
  .string()
  .regex(/^(GM\d{4}|WK\d{6}|BU\d{8})$/, 'area-code')
  .describe('CBS area code: GM#### (gemeente), WK###### (wijk) or BU######## (buurt).');
