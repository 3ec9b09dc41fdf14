import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ObservationStore } from '../../src/data/index.js';
import type { Model } from '../../src/core/index.js';
import { monitoringModel, tempDir } from './helpers.js';

// The bulk path (DuckDB's reader, checks in SQL) must store exactly what the row path stores, with the same
// guarantees: dry run writes nothing, the same file again is a no-op, a correction supersedes and keeps history.
describe('bulk path: the same store as the row path, and row numbers that follow the file', () => {
  let model: Model;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    model = await monitoringModel();
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
  });
  afterAll(async () => {
    await cleanup();
  });

  it('dry run, upload, duplicate and correction give the same observations and history on both paths', async () => {
    const q1 = join(dir, 'q1.csv');
    writeFileSync(q1, '\ufeffindicator;gebied;periode;waarde;eenheid\r\nbezoekers-65plus;WK051836;2025-q1;1.234;\r\nbezoekers-65plus; WK051836 ;2025-Q2;n.v.t.;\r\nvrijwilligers;WK051836;01-03-2025;12;\r\n');
    const fix = join(dir, 'q1-correctie.csv');
    writeFileSync(fix, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;1.240\nvrijwilligers;WK051836;2025-03-01;38\n');
    const results: { observations: unknown[]; uploads: unknown[] }[] = [];
    for (const bulk of [false, true]) {
      const store = await ObservationStore.open(join(dir, `store-${bulk}.duckdb`));
      const opts = (at: string, extra: object = {}) => ({ initiative: model.id, model, uploadedBy: 'coalitie', now: new Date(at), bulk, ...extra });
      const before = await store.checksum();
      const dry = await ingestFile(store, q1, opts('2025-07-01T12:00:00Z', { dryRun: true }));
      expect(dry).toMatchObject({ ok: true, dryRun: true, rowsWritten: 0, rowsRead: 3, uploadId: null });
      expect(await store.checksum()).toEqual(before);
      const first = await ingestFile(store, q1, opts('2025-07-01T12:00:00Z'));
      expect(first).toMatchObject({ ok: true, rowsWritten: 3, rowsRead: 3 });
      const afterFirst = await store.checksum();
      const again = await ingestFile(store, q1, opts('2025-07-01T13:00:00Z'));
      expect(again).toMatchObject({ ok: true, duplicateOf: first.uploadId, rowsWritten: 0 });
      expect(await store.checksum()).toEqual(afterFirst);
      const correction = await ingestFile(store, fix, opts('2025-07-02T09:00:00Z'));
      expect(correction).toMatchObject({ ok: true, rowsWritten: 2 });
      const history = await store.observations({ initiative: model.id, history: true });
      expect(history.filter((o) => o.supersededBy === correction.uploadId).map((o) => [o.indicator, o.period, o.value])).toEqual([
        ['bezoekers-65plus', '2025-Q1', 1234],
        ['vrijwilligers', '2025-03-01', 12],
      ]);
      const uploads = (await store.listUploads(model.id)).map(({ sourceKind: _kind, ...u }) => u);
      results.push({ observations: history, uploads });
      store.close();
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('finds a key written two ways as a duplicate, and a value out of range on another row, on both paths', async () => {
    // Rows 2 and 4 are one key: " WK051836 " is WK051836 trimmed and "2025-q1" is 2025-Q1 (the row path's normalisation).
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;10\nbezoekers-65plus;WK051836;2025-Q2;11\nbezoekers-65plus; WK051836 ;2025-q1;12\n');
    // A negative count of visitors is outside the indicator's range (min 0): row 3.
    const range = join(dir, 'range.csv');
    writeFileSync(range, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;10\nbezoekers-65plus;WK051836;2025-Q2;-4\n');
    for (const bulk of [false, true]) {
      const store = await ObservationStore.open(join(dir, `store-dup-${bulk}.duckdb`));
      const before = await store.checksum();
      const d = await ingestFile(store, dup, { initiative: model.id, model, bulk });
      expect(d.ok).toBe(false);
      expect(d.issues.map((i) => [i.code, i.row, i.column])).toEqual([['data.duplicate-key', 4, 'indicator']]);
      const r = await ingestFile(store, range, { initiative: model.id, model, bulk });
      expect(r.issues.map((i) => [i.code, i.row, i.column])).toEqual([['data.out-of-range', 3, 'waarde']]);
      expect(await store.checksum()).toEqual(before);
      store.close();
    }
  });

  it('counts empty lines as rows, as a spreadsheet shows them, on both paths', async () => {
    // Lines: 1 header, 2 data, 3 empty, 4 data, 5 empty (CRLF), 6 data with "veel" as its value. A spreadsheet opens
    // this as rows 1–6, so the fault is in row 6 and the stored rows are 2 and 4 once it is fixed.
    const bad = join(dir, 'blank-bad.csv');
    writeFileSync(bad, 'indicator;gebied;periode;waarde\r\nbezoekers-65plus;WK051836;2025-Q1;10\r\n\r\nbezoekers-65plus;WK051836;2025-Q2;11\r\n\r\nbezoekers-65plus;WK051836;2025-Q3;veel\r\n');
    const good = join(dir, 'blank-good.csv');
    writeFileSync(good, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;10\n\nbezoekers-65plus;WK051836;2025-Q2;11\n\n');
    for (const bulk of [false, true]) {
      const store = await ObservationStore.open(join(dir, `store-blank-${bulk}.duckdb`));
      const r = await ingestFile(store, bad, { initiative: model.id, model, bulk });
      expect(r.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([['data.not-a-number', 6, 'waarde', 'veel']]);
      const g = await ingestFile(store, good, { initiative: model.id, model, bulk });
      expect(g).toMatchObject({ ok: true, rowsRead: 2, rowsWritten: 2 });
      expect((await store.observations({ initiative: model.id })).map((o) => o.row)).toEqual([2, 4]);
      store.close();
    }
  });

  it('reads a line of only spaces or tabs as a blank row, and a short line as one issue, on both paths', async () => {
    // Line 3 holds three spaces, line 5 a tab: blank rows. Line 4 has two of four fields: one ragged-row issue.
    const ws = join(dir, 'whitespace.csv');
    writeFileSync(ws, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;1\n   \nbezoekers-65plus;WK051836;2025-Q2;2\n\t\n');
    const short = join(dir, 'short.csv');
    writeFileSync(short, 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;1\nbezoekers-65plus;WK051836\n');
    const seen: unknown[] = [];
    for (const bulk of [false, true]) {
      const store = await ObservationStore.open(join(dir, `store-ws-${bulk}.duckdb`));
      const w = await ingestFile(store, ws, { initiative: model.id, model, bulk });
      expect(w).toMatchObject({ ok: true, rowsRead: 2, rowsWritten: 2 });
      expect((await store.observations({ initiative: model.id })).map((o) => o.row)).toEqual([2, 4]);
      const s = await ingestFile(store, short, { initiative: model.id, model, bulk });
      expect(s.issues.map((i) => [i.code, i.row])).toEqual([['data.ragged-row', 3]]);
      seen.push(s.rowsRead);
      store.close();
    }
    expect(seen).toEqual([2, 2]);
  });

  it('stores Windows-1252 text as the row path does: € and – (bytes 0x80 and 0x96) too', async () => {
    // Windows-1252 code points by hand: € 0x80, – 0x96, é 0xE9. Latin-1, DuckDB's nearest encoding, has no 0x80–0x9F.
    const cp1252 = (text: string): Buffer => Buffer.from(text.replace(/€/g, '\x80').replace(/–/g, '\x96'), 'latin1');
    const euro = join(dir, 'euro-1252.csv');
    writeFileSync(euro, cp1252('indicator;gebied;periode;waarde;opmerking\nbezoekers-65plus;WK051836;2025-Q1;10;kosten € 5 – café\n'));
    const plain = join(dir, 'plain-1252.csv');
    writeFileSync(plain, cp1252('indicator;gebied;periode;waarde;opmerking\nbezoekers-65plus;WK051836;2025-Q1;10;café in de wijk\n'));
    for (const [file, note, kind] of [
      [euro, 'kosten € 5 – café', 'csv'],
      [plain, 'café in de wijk', 'csv-bulk'],
    ] as const) {
      const store = await ObservationStore.open(join(dir, `store-${kind}-1252.duckdb`));
      const r = await ingestFile(store, file, { initiative: model.id, model, bulk: true });
      expect(r.ok).toBe(true);
      expect((await store.observations({ initiative: model.id })).map((o) => o.note)).toEqual([note]);
      // The file with € went through the row path; the other through DuckDB's reader.
      expect((await store.listUploads(model.id)).map((u) => u.sourceKind)).toEqual([kind]);
      store.close();
    }
  });

  it('reads a line longer than DuckDB\'s reader takes (2 MB) as the row path does, instead of calling it an unclosed quote', async () => {
    const long = join(dir, 'long-line.csv');
    writeFileSync(long, `indicator;gebied;periode;waarde;opmerking\nbezoekers-65plus;WK051836;2025-Q1;10;${'x'.repeat(3_000_000)}\n`);
    for (const bulk of [false, true]) {
      const store = await ObservationStore.open(join(dir, `store-long-${bulk}.duckdb`));
      const r = await ingestFile(store, long, { initiative: model.id, model, bulk });
      expect(r).toMatchObject({ ok: true, rowsWritten: 1, issues: [] });
      expect((await store.observations({ initiative: model.id })).map((o) => o.note?.length)).toEqual([3_000_000]);
      store.close();
    }
  });

  it('numbers rows as the file does, also when DuckDB reads it on several threads', async () => {
    const rows = 1_000_000;
    const path = join(dir, 'large.csv');
    const out = createWriteStream(path);
    let chunk = 'indicator,area,period,value\n';
    // The value of each line is its spreadsheet row number (header = 1); keys are unique per line.
    for (let i = 0; i < rows; i++) {
      chunk += `indicator-${i % 10},BU0518${String(Math.floor(i / 10) % 1000).padStart(4, '0')},2024-${String(1 + (Math.floor(i / 10_000) % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 120_000) % 28)).padStart(2, '0')},${i + 2}\n`;
      if (chunk.length > 1 << 20) {
        out.write(chunk);
        chunk = '';
      }
    }
    out.write(chunk);
    await new Promise<void>((r) => out.end(() => r()));
    const store = await ObservationStore.open(join(dir, 'threads.duckdb'), { threads: 4 });
    const r = await ingestFile(store, path, { initiative: 'rijen', bulk: true, uploadedBy: 'test', now: new Date('2025-01-01T00:00:00Z') });
    expect(r).toMatchObject({ ok: true, rowsWritten: rows });
    const [check] = await store.query('SELECT count(*) AS n, count(*) FILTER (WHERE value <> "row") AS wrong FROM observations');
    expect(check).toEqual({ n: BigInt(rows), wrong: 0n });
    store.close();
  }, 60_000);
});
