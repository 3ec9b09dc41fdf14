import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile, ObservationStore, resolveQuantities } from '../../src/data/index.js';
import { valueModel, type Model } from '../../src/core/index.js';
import { monitoringModel, tempDir } from './helpers.js';

describe('observation store: uploads, duplicates, corrections, dry-run, wiring into valuation', () => {
  let model: Model;
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: ObservationStore;
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const opts = (extra: object = {}) => ({ initiative: model.id, model, uploadedBy: 'coalitie', now: new Date('2025-07-01T12:00:00Z'), ...extra });
  beforeAll(async () => {
    model = await monitoringModel();
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    store = await ObservationStore.open(join(dir, 'sub', 'store.duckdb'));
  });
  afterAll(async () => {
    store.close();
    await cleanup();
  });

  it('dry-run validates without writing', async () => {
    const p = file('q1.csv', '\ufeffindicator;gebied;periode;waarde\r\nbezoekers-65plus;WK051836;2025-Q1;1.234\r\nbezoekers-65plus;WK051836;2025-Q2;n.v.t.\r\n');
    const before = await store.checksum();
    const r = await ingestFile(store, p, opts({ dryRun: true }));
    expect(r).toMatchObject({ ok: true, dryRun: true, rowsWritten: 0, rowsRead: 2, uploadId: null });
    expect(await store.checksum()).toEqual(before);
  });

  it('records the upload (file, sha256, rows, who, when); the same file again is a no-op reported as duplicate', async () => {
    const p = join(dir, 'q1.csv');
    const r = await ingestFile(store, p, opts());
    expect(r.ok).toBe(true);
    expect(r.rowsWritten).toBe(2);
    const uploads = await store.listUploads(model.id);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ id: r.uploadId, fileName: 'q1.csv', rowCount: 2, uploadedBy: 'coalitie', uploadedAt: '2025-07-01T12:00:00Z', currentRows: 2 });
    expect(uploads[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // "1.234" with a decimal comma file is 1234 (thousands separator); "n.v.t." is missing, not 0.
    const obs = await store.observations({ initiative: model.id });
    expect(obs.map((o) => [o.period, o.value])).toEqual([
      ['2025-Q1', 1234],
      ['2025-Q2', null],
    ]);
    const before = await store.checksum();
    const again = await ingestFile(store, p, opts());
    expect(again).toMatchObject({ ok: true, duplicateOf: r.uploadId, rowsWritten: 0 });
    expect(again.issues[0]!.code).toBe('data.duplicate-upload');
    expect(await store.checksum()).toEqual(before);
  });

  it('a correction supersedes earlier values and keeps them as history', async () => {
    const p = file('q1-correctie.csv', 'indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;1.240\nvrijwilligers;WK051836;2025-Q1;38\n');
    const r = await ingestFile(store, p, opts({ now: new Date('2025-07-02T09:00:00Z') }));
    expect(r.ok).toBe(true);
    const current = await store.observations({ initiative: model.id, indicator: 'bezoekers-65plus' });
    expect(current.map((o) => [o.period, o.value, o.uploadId])).toEqual([
      ['2025-Q1', 1240, r.uploadId],
      ['2025-Q2', null, current[1]!.uploadId],
    ]);
    const history = await store.observations({ initiative: model.id, indicator: 'bezoekers-65plus', history: true });
    const old = history.find((o) => o.value === 1234)!;
    expect(old.supersededBy).toBe(r.uploadId);
    const uploads = await store.listUploads(model.id);
    expect(uploads.map((u) => [u.fileName, u.currentRows])).toEqual([
      ['q1-correctie.csv', 2],
      ['q1.csv', 1],
    ]);
  });

  it('wide files (one column per indicator, as Excel exports them) are read too', async () => {
    const p = file('wide.csv', 'gebied,periode,respondenten-eenzaam,respondenten,vrijwilligersuren\nWK051836,2025-Q2,9,40,1600\nWK051836,2025-Q3,6,20,1500\n');
    // Asked for the bulk path, a wide file still takes the row path (the bulk reader is for long files).
    const r = await ingestFile(store, p, opts({ bulk: true }));
    expect(r.issues).toEqual([]);
    expect(r.rowsWritten).toBe(6);
  });

  it('resolves observation-referenced quantities for valueModel, with the rows behind them in the trace', async () => {
    const { quantities, unresolved } = await resolveQuantities(store, model);
    expect(unresolved).toEqual([]);
    // bezoekers-65plus in WK051836 during 2025, sum: 1240 (corrected Q1) + missing Q2 (skipped, not 0) = 1240.
    expect(quantities['minder-eenzaamheid']!.value).toBe(1240);
    expect(quantities['minder-eenzaamheid']!.source).toMatchObject({ kind: 'observations', indicator: 'bezoekers-65plus', aggregate: 'sum' });
    const corr = (await store.listUploads(model.id)).find((u) => u.fileName === 'q1-correctie.csv')!;
    expect((quantities['minder-eenzaamheid']!.source as unknown as { rows: string[] }).rows).toEqual([`${corr.id}:2`]);
    const v = valueModel(model, { quantities });
    const o = v.valuation.outcomes.find((x) => x.id === 'minder-eenzaamheid')!;
    expect(o.trace.quantity.value).toBe(1240);
    expect(o.trace.quantity.source).toEqual(quantities['minder-eenzaamheid']!.source);
  });

  it('ratio and derived indicators: sum of numerators over sum of denominators, not the mean of shares', async () => {
    const ratioModel: Model = {
      ...model,
      outcomes: [
        { ...model.outcomes[0]!, id: 'aandeel', quantity: { indicator: 'aandeel-eenzaam', area: 'WK051836', aggregate: 'sum' } },
        { ...model.outcomes[0]!, id: 'uren', quantity: { indicator: 'uren-per-vrijwilliger', aggregate: 'last' } },
      ],
    };
    const { quantities } = await resolveQuantities(store, ratioModel);
    // Hand calculation: (9 + 6) / (40 + 20) = 15 / 60 = 0.25; the mean of the shares would be (0.225 + 0.3) / 2 = 0.2625.
    expect(quantities['aandeel']!.value).toBeCloseTo(0.25, 12);
    expect((quantities['aandeel']!.source as unknown as { rows: string[] }).rows).toHaveLength(4);
    // uren-per-vrijwilliger = vrijwilligersuren / vrijwilligers; only 2025-Q1 has vrijwilligers (38) but no hours,
    // Q2/Q3 have hours but no vrijwilligers: no period has both inputs, so no derived value (missing, never 0).
    expect(quantities['uren']).toBeUndefined();
  });
});
