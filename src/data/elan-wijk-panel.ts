import { slugify, type CsvAdapter } from './csv-adapter.js';

/**
 * The ELAN "wijkprofielen" neighbourhood panel (Haaglanden and Leiden, 2009–2022; elan-dcc/wijkprofielen, MIT):
 * one row per wijk (`WKC`, a CBS wijk code) and year (`YEAR`), one column per indicator (`AGE_MEAN`, …). The
 * name columns `gem_name`, `Wijknaam`, `GMN` and `WKN` follow from the code and are dropped; indicator columns
 * become ids (`AGE_MEAN` → `age-mean`, see elanIndicatorId).
 */
export const elanWijkPanelAdapter: CsvAdapter = {
  name: 'elan-wijk-panel',
  header(name) {
    if (name === 'WKC' || name === 'GMC') return 'area';
    if (name === 'YEAR') return 'period';
    if (['gem_name', 'GMN', 'WKN', 'Wijknaam'].includes(name)) return null;
    return elanIndicatorId(name);
  },
};

/** The indicator id of an ELAN panel column (`ZVWKHUISARTS_MEAN` → `zvwkhuisarts-mean`). */
export function elanIndicatorId(column: string): string {
  return slugify(column);
}
