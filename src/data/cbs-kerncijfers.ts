import { slugify, type CsvAdapter } from './csv-adapter.js';

/**
 * CBS "Kerncijfers wijken en buurten" (kwb) in long form, as CBS open data publishes it per variable
 * (`jaar, gwb_code, regio, gm_naam, recs, variabele, waarde`; CC BY 4.0). `gwb_code` is the GM/WK/BU code, `jaar`
 * the period and `variabele` the indicator (`a_inw` → `a-inw`); `regio`, `gm_naam` and `recs` (the level) follow
 * from the code and are dropped. CBS writes `.` for "unknown or secret": it is read as missing, never 0.
 */
export const cbsKerncijfersLongAdapter: CsvAdapter = {
  name: 'cbs-kerncijfers-long',
  header(name) {
    const map: Record<string, string | null> = { jaar: 'period', gwb_code: 'area', regio: null, gm_naam: null, recs: null, variabele: 'indicator', waarde: 'value' };
    return name in map ? map[name]! : name;
  },
  cell(field, value) {
    return field === 'indicator' ? slugify(value) : value;
  },
};

/**
 * CBS kwb in wide form (one row per area, one column per variable, the year only in the file name): `gwb_code` is
 * the area, the code variants and names are dropped, and `year` is added as the period of every row.
 */
export function cbsKerncijfersWideAdapter(year: number): CsvAdapter {
  return {
    name: `cbs-kerncijfers-wide-${year}`,
    header(name) {
      if (name === 'gwb_code') return 'area';
      if (['gwb_code_10', 'gwb_code_8', 'regio', 'gm_naam', 'recs'].includes(name)) return null;
      return slugify(name);
    },
    constants: { period: String(year) },
  };
}
