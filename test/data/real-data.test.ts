import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cbsKerncijfersLongAdapter,
  elanIndicatorId,
  elanWijkPanelAdapter,
  exportObservations,
  ingestFile,
  ObservationStore,
} from '../../src/data/index.js';
import { tempDir } from './helpers.js';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const ELAN = join(DATA, 'elan-wijkprofielen', 'df_numeric_ver_6.csv');
const CBS = join(DATA, 'cbs-kwb-utrecht', 'kwb_utrecht_2023_2024_long.csv');

describe('real data: ELAN wijk panel and CBS kerncijfers', () => {
  let store: ObservationStore;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    store = await ObservationStore.open(join(dir, 'store.duckdb'));
  });
  afterAll(async () => {
    store.close();
    await cleanup();
  });

  it('round-trips the ELAN wijk panel CSV → store → CSV and Parquet export with every value identical', async () => {
    const r = await ingestFile(store, ELAN, { initiative: 'elan-wijkprofielen', adapter: elanWijkPanelAdapter, uploadedBy: 'test', now: new Date('2025-01-01T00:00:00Z') });
    expect(r.issues).toEqual([]);
    // 2,674 wijk-years (df_numeric_ver_6.csv has 2,675 lines incl. header) × 11 indicator columns = 29,414 cells.
    expect(r.rowsRead).toBe(2674);
    expect(r.rowsWritten).toBe(2674 * 11);

    const original = parse(readFileSync(ELAN, 'utf8'), { columns: false }) as string[][];
    const header = original[0]!;
    const indicatorCols = header.map((h, i) => ({ h, i })).filter(({ h }) => !['WKC', 'gem_name', 'WKN', 'YEAR'].includes(h));
    expect(indicatorCols.length).toBe(11);

    const csvOut = join(dir, 'elan-export.csv');
    expect(await exportObservations(store, csvOut, 'csv', { initiative: 'elan-wijkprofielen' })).toBe(29414);
    const exported = parse(readFileSync(csvOut, 'utf8'), { columns: true }) as Record<string, string>[];
    const byKey = new Map(exported.map((e) => [`${e['area']}|${e['period']}|${e['indicator']}`, e['value']!]));

    const pq = join(dir, 'elan-export.parquet');
    expect(await exportObservations(store, pq, 'parquet', { initiative: 'elan-wijkprofielen' })).toBe(29414);
    const pqRows = await store.query('SELECT area, period, indicator, value FROM read_parquet($path)', { path: pq });
    const pqByKey = new Map(pqRows.map((e) => [`${e['area']}|${e['period']}|${e['indicator']}`, e['value'] as number | null]));

    let compared = 0;
    let missing = 0;
    for (const row of original.slice(1)) {
      for (const { h, i } of indicatorCols) {
        const key = `${row[0]}|${row[3]}|${elanIndicatorId(h)}`;
        const text = row[i]!;
        expect(byKey.has(key)).toBe(true);
        if (text === '') {
          // Missing stays missing: an empty export cell and a NULL in Parquet, never 0.
          expect(byKey.get(key)).toBe('');
          expect(pqByKey.get(key)).toBeNull();
          missing++;
        } else {
          expect(Number(byKey.get(key))).toBe(Number(text));
          expect(pqByKey.get(key)).toBe(Number(text));
        }
        compared++;
      }
    }
    expect(compared).toBe(29414);
    // Income_MEAN is empty for 2009 and 2010 in every wijk: 2 of the 14 years → 2,674 empty cells (counted in the source file).
    expect(missing).toBe(2674);
    // First data row of the source file: WK178304,Westland,'s-Gravenzande,2009,38.6253443657389,…
    expect(byKey.get('WK178304|2009|age-mean')).toBe('38.6253443657389');
  });

  it('reads the CBS kerncijfers long file with "." and empty cells as missing', async () => {
    const r = await ingestFile(store, CBS, { initiative: 'cbs-kwb-utrecht', adapter: cbsKerncijfersLongAdapter, uploadedBy: 'test', now: new Date('2025-01-01T00:00:00Z') });
    expect(r.issues).toEqual([]);
    // 28,061 lines incl. header.
    expect(r.rowsWritten).toBe(28060);
    // Line 3 of the file: 2023,GM0344,Utrecht,Utrecht,Gemeente,a_inw,367947
    const inw = await store.observations({ initiative: 'cbs-kwb-utrecht', indicator: 'a-inw', area: 'GM0344' });
    expect(inw.map((o) => [o.period, o.value])).toEqual([
      ['2023', 367947],
      ['2024', 374238],
    ]);
    const all = await store.observations({ initiative: 'cbs-kwb-utrecht' });
    // 15,984 rows have an empty waarde in the source (counted with a csv reader): all missing, none 0 by accident.
    expect(all.filter((o) => o.value === null).length).toBe(15984);
  });
});
