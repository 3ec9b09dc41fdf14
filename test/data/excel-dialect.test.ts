import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelSerialDate, namedColumns, type Model } from '../../src/core/index.js';
import { ingestFile, ObservationStore } from '../../src/data/index.js';
import { monitoringModel, tempDir } from './helpers.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('excelSerialDate (ECMA-376 Part 1 §18.17.4)', () => {
  // Hand-checked against the standard's table of the 1900 system: serial 1 = 1900-01-01, serial 59 = 1900-02-28,
  // serial 60 = the non-existent 1900-02-29, serial 61 = 1900-03-01; and 2025-01-01 = 1899-12-30 + 45658 days
  // (45658 = 125 years × 365 + 31 leap days (1900 not one, 1904…2024) + 2 for the 30 and 31 Dec 1899 offset).
  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [45658, false, '2025-01-01'],
    [45747.75, false, '2025-03-31'],
    [0, true, '1904-01-01'],
    [45658 - 1462, true, '2025-01-01'],
  ])('serial %d (1904: %s) is %s', (serial, d1904, iso) => {
    expect(excelSerialDate(serial, d1904)).toBe(iso);
  });
  it('has no day for serial 60 in the 1900 system, nor for 0', () => {
    expect(excelSerialDate(60, false)).toBeNull();
    expect(excelSerialDate(0, false)).toBeNull();
  });
});

describe('namedColumns', () => {
  it('drops empty trailing header cells and their empty cells, and reports a value under an unnamed header', () => {
    const n = namedColumns(['indicator', 'gebied', 'periode', 'waarde', '', '', ''])!;
    expect(n.header).toEqual(['indicator', 'gebied', 'periode', 'waarde']);
    expect(n.row(['a', 'b', 'c', 'd', '', '', ''], 2)).toEqual({ cells: ['a', 'b', 'c', 'd'], issue: null });
    const bad = n.row(['a', 'b', 'c', 'd', '', 'x', ''], 3);
    expect(bad.issue).toMatchObject({ code: 'data.unnamed-column-value', row: 3, column: 'F', value: 'x' });
    expect(namedColumns(['a', 'b'])).toBeNull();
  });
});

async function workbook(path: string, build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = new Date('2026-01-01T00:00:00Z');
  const ws = wb.addWorksheet('Monitoring');
  build(ws, wb);
  await wb.xlsx.writeFile(path);
}

describe('Excel exports on every ingest path', () => {
  let model: Model;
  let store: ObservationStore;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    model = await monitoringModel();
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    store = await ObservationStore.open(join(dir, 'store.duckdb'));
  });
  afterAll(async () => {
    store.close();
    await cleanup();
  });
  const ingest = (path: string, extra: Record<string, unknown> = {}) =>
    ingestFile(store, path, { initiative: model.id, model, uploadedBy: 'test', now: NOW, dryRun: true, ...extra });

  for (const bulk of [false, true])
    it(`reads a CSV with trailing separators (indicator;gebied;periode;waarde;;;) (${bulk ? 'bulk' : 'row'} path)`, async () => {
      const p = join(dir, `trailing-${bulk}.csv`);
      writeFileSync(p, 'indicator;gebied;periode;waarde;;;\r\nbezoekers-65plus;WK051836;2025-Q1;118;;;\r\nvrijwilligers;WK051836;2025-Q1;31;;;\r\n');
      const r = await ingest(p, { bulk });
      expect(r.issues).toEqual([]);
      expect(r.rowsRead).toBe(2);
    });

  it('refuses a value under an unnamed header cell, with its row and column letter', async () => {
    const p = join(dir, 'unnamed-value.csv');
    writeFileSync(p, 'indicator;gebied;periode;waarde;\nbezoekers-65plus;WK051836;2025-Q1;118;\nvrijwilligers;WK051836;2025-Q1;31;let op\n');
    const r = await ingest(p);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'data.unnamed-column-value', row: 3, column: 'E', value: 'let op' });
    expect(r.issues[0]!.message.nl).toContain('kolom E'.replace('k', 'K'));
  });

  const unicodeText = 'indicator\tgebied\tperiode\twaarde\r\nbezoekers-65plus\tWK051836\t2025-Q1\t118\r\ntevredenheid\tWK051836\t2025-Q1\t7.9\r\n';
  it.each([
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unicodeText, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(unicodeText, 'utf16le').swap16()])],
  ])('reads Excel "Unicode text" in %s (tab-separated), not as a binary file', async (name, bytes) => {
    const p = join(dir, `unicode-${name}.txt`);
    writeFileSync(p, bytes);
    const r = await ingest(p, { dryRun: false });
    expect(r.issues).toEqual([]);
    expect(r.rowsWritten).toBe(2);
    const stored = await store.observations({ initiative: model.id, indicator: 'tevredenheid' });
    expect(stored.map((o) => o.value)).toContain(7.9);
  });

  it('reports a bad cell of a UTF-16 file with its row and decoded value', async () => {
    const p = join(dir, 'unicode-bad.txt');
    const text = 'indicator\tgebied\tperiode\twaarde\r\nvrijwilligers\tWK051836\t2025-Q2\tvéél\r\n';
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await ingest(p);
    expect(r.issues[0]).toMatchObject({ code: 'data.not-a-number', row: 2, column: 'waarde', value: 'véél' });
  });

  it('reads an .xlsx: merged title above the header, merged header cell, formulas, date serials, empty trailing column', async () => {
    const p = join(dir, 'monitoring.xlsx');
    await workbook(p, (ws) => {
      ws.getCell('A1').value = 'Monitoring buurthuis 2025';
      ws.mergeCells('A1:F1');
      ws.getRow(2).values = ['indicator', 'gebied', 'periode', 'waarde'];
      // The header "waarde" merged over D2:E2: column E has no name of its own and stays empty.
      ws.mergeCells('D2:E2');
      ws.getCell('F2').value = '';
      ws.getRow(3).values = ['bezoekers-65plus', 'WK051836', '2025-Q1', 118];
      // 2025-03-31 as Excel stores it: serial 45747 with a date format (45658 = 2025-01-01, + 89 days).
      ws.getRow(4).values = ['bezoekers-65plus', 'WK051836', 45747, 40];
      ws.getCell('C4').numFmt = 'dd-mm-yyyy';
      // A formula with its cached result, as Excel saves it.
      ws.getRow(5).values = ['vrijwilligers', 'WK051836', '2025-Q1', { formula: 'SUM(10,21)', result: 31 } as ExcelJS.CellFormulaValue];
      ws.getRow(6).values = ['tevredenheid', 'WK051836', '2025-Q1', 7.9];
    });
    const r = await ingest(p, { dryRun: false });
    expect(r.issues).toEqual([]);
    expect(r.rowsWritten).toBe(4);
    const stored = await store.observations({ initiative: model.id, from: '2025-03-31', to: '2025-03-31' });
    expect(stored.map((o) => [o.indicator, o.period, o.value, o.row])).toEqual([['bezoekers-65plus', '2025-03-31', 40, 4]]);
    const sums = await store.observations({ initiative: model.id, indicator: 'vrijwilligers' });
    expect(sums.find((o) => o.period === '2025-Q1')?.value).toBe(31);
  });

  it('gives issues in an .xlsx the sheet row numbers (header at row 2) and reads the 1904 date system', async () => {
    const p = join(dir, 'issues-1904.xlsx');
    await workbook(p, (ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell('A1').value = 'Titel';
      ws.getRow(2).values = ['indicator', 'gebied', 'periode', 'waarde', ''];
      // 1904 serial 44196 = 2025-01-01 (1904-01-01 + 44196 days).
      ws.getRow(3).values = ['bezoekers-65plus', 'WK051836', 44196, 5];
      ws.getCell('C3').numFmt = 'd-m-yyyy';
      // Row 4 left empty; row 5 has text in a number column; row 6 a formula that was never calculated.
      ws.getRow(5).values = ['vrijwilligers', 'WK051836', '2025-Q2', 'veel'];
      ws.getRow(6).values = ['bezoekers-65plus', 'WK051836', '2025-Q2', { formula: 'A1*2' } as ExcelJS.CellFormulaValue];
    });
    const r = await ingest(p);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ['data.not-a-number', 5, 'waarde', 'veel'],
      ['data.not-a-number', 6, 'waarde', '=A1*2'],
    ]);
    const good = join(dir, 'good-1904.xlsx');
    await workbook(good, (ws, wb) => {
      wb.properties.date1904 = true;
      ws.getRow(1).values = ['indicator', 'gebied', 'periode', 'waarde'];
      ws.getRow(2).values = ['bezoekers-65plus', 'WK051836', 44196, 5];
      ws.getCell('C2').numFmt = 'd-m-yyyy';
    });
    const ok = await ingest(good, { dryRun: false });
    expect(ok.issues).toEqual([]);
    const [o] = await store.observations({ initiative: model.id, from: '2025-01-01', to: '2025-01-01' });
    expect(o?.period).toBe('2025-01-01');
  });

  it('reads the sheet named with --sheet and names the sheets when it is missing', async () => {
    const p = join(dir, 'two-sheets.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Uitleg').getRow(1).values = ['Lees mij'];
    const ws = wb.addWorksheet('Data');
    ws.getRow(1).values = ['indicator', 'gebied', 'periode', 'waarde'];
    ws.getRow(2).values = ['bezoekers-65plus', 'WK051836', '2025-Q3', 12];
    await wb.xlsx.writeFile(p);
    const r = await ingest(p, { sheet: 'Data' });
    expect(r.issues).toEqual([]);
    expect(r.rowsRead).toBe(1);
    const missing = await ingest(p, { sheet: 'Blad9' });
    expect(missing.issues[0]).toMatchObject({ code: 'data.sheet-not-found', value: 'Blad9' });
    expect(missing.issues[0]!.fix.en).toContain('Uitleg, Data');
  });

  it('stops a sheet beyond the row limit', async () => {
    const p = join(dir, 'long.xlsx');
    await workbook(p, (ws) => {
      ws.getRow(1).values = ['indicator', 'gebied', 'periode', 'waarde'];
      for (let i = 0; i < 20; i++) ws.getRow(i + 2).values = ['bezoekers-65plus', 'WK051836', `2025-01-${String(i + 1).padStart(2, '0')}`, i];
    });
    const r = await ingest(p, { maxRows: 10 });
    expect(r.issues[0]).toMatchObject({ code: 'data.too-many-rows', value: '10' });
  });

  it('calls a ZIP that is no workbook unreadable, with what to do', async () => {
    const p = join(dir, 'broken.xlsx');
    writeFileSync(p, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]));
    const r = await ingest(p);
    expect(r.issues[0]!.code).toBe('data.xlsx-unreadable');
    expect(r.issues[0]!.fix.nl).toContain('xlsx');
  });

  for (const bulk of [false, true])
    it(`refuses a row dated after the upload day, naming the date (${bulk ? 'bulk' : 'row'} path)`, async () => {
      const p = join(dir, `future-${bulk}.csv`);
      writeFileSync(p, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2026-02-28;10\nbezoekers-65plus;WK051836;2026-03-02;11\n');
      const r = await ingest(p, { bulk });
      expect(r.ok).toBe(false);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'data.future-period', row: 3, column: 'periode', value: '2026-03-02' });
      expect(r.issues[0]!.message.en).toContain('2026-03-01');
      // The quarter that has begun on the upload day is not in the future.
      const q = join(dir, `current-quarter-${bulk}.csv`);
      writeFileSync(q, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2026-Q1;10\n');
      expect((await ingest(q, { bulk })).issues).toEqual([]);
    });
});
