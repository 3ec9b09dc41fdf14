import { copyFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObservationStore, createToken } from '../../src/index.js';
import { buildReport } from '../../src/render/build-report.js';
import { buildApp, loadModelCatalogue, startServer } from '../../src/server/index.js';
import { fullInput } from '../render/report-fixtures.js';
import { startServeProcess } from '../server/serve-process.js';
import { modelsDir, tempDir, validCsv } from '../server/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('rendement-sec-reports-'));
});
afterAll(async () => cleanup());

describe('summary.md escapes model text (issue 15)', () => {
  it('HTML and Markdown links in model text come out as text, not markup', async () => {
    // Issue 15: `summary.md` carried model text as raw HTML.
    // Without an evaluation the summary lists the criteria as written in the model.
    const { evaluation: _evaluation, ...input } = fullInput();
    const model = {
      ...input.model,
      name: 'Buurthuis <img src=x onerror=alert(1)>',
      horizon: 'Minder eenzaamheid <script>alert(1)</script>',
      criteria: input.model.criteria.map((c, i) =>
        i === 0 ? { ...c, description: '<iframe src="http://evil.example"></iframe>' } : i === 1 ? { ...c, description: 'Zie [hier](javascript:alert(1)) en ![x](http://evil.example/p.png)' } : c,
      ),
    };
    const { files } = await buildReport({ ...input, model }, { lang: 'nl', generatedAt: '2026-01-01T00:00:00.000Z' }, ['md']);
    const md = String(files.find((f) => f.path === 'summary.md')!.content);
    expect(md).not.toMatch(/<(img|script|iframe)/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toMatch(/!\[x\]\(http/);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toMatch(/\\\[hier\\\]/);
  });
});

describe('council reports do not print token ids (issue 15)', () => {
  it('the served report names the uploader by the token label, never by its id', async () => {
    // Issue 15: token ids are printed in council reports (the uploader was "token:<id>"); with an id an attacker
    // could aim failed logins at one token.
    const tmp = join(dir, 'ids.duckdb');
    const store = await ObservationStore.open(tmp);
    try {
      const coalition = await createToken(store, { role: 'coalition', initiative: 'buurthuis-moerwijk', label: 'Coalitie Zuidkant', createdBy: 'test' });
      const council = await createToken(store, { role: 'council', municipality: 'GM0518', createdBy: 'test' });
      const { models } = await loadModelCatalogue(modelsDir);
      const app = await buildApp({ store, models, tmpDir: dir });
      try {
        const up = await app.inject({ method: 'POST', url: '/api/initiatives/buurthuis-moerwijk/uploads', headers: { authorization: `Bearer ${coalition.token}`, 'content-type': 'text/csv' }, payload: validCsv });
        expect(up.statusCode).toBe(201);
        const uploadId = (up.json() as { uploadId: string }).uploadId;
        const approved = await app.inject({ method: 'POST', url: `/api/initiatives/buurthuis-moerwijk/uploads/${uploadId}/review`, headers: { authorization: `Bearer ${council.token}` }, payload: { decision: 'approve' } });
        expect(approved.statusCode).toBe(200);
        for (const view of ['council', 'neighbourhood']) {
          const report = await app.inject({ url: `/api/initiatives/buurthuis-moerwijk/report?view=${view}`, headers: { authorization: `Bearer ${council.token}` } });
          expect(report.statusCode).toBe(200);
          expect(report.body).not.toContain(coalition.record.id);
          if (view === 'council') expect(report.body).toContain('Coalitie Zuidkant');
        }
      } finally {
        await app.close();
      }
    } finally {
      store.close();
    }
  });
});

describe('serve refuses a damaged store (issue 15)', () => {
  it('a truncated store: startServer fails with the damaged-store message instead of serving 500s', async () => {
    // Issue 15: `serve` started on a truncated store and then answered 500.
    const good = join(dir, 'good.duckdb');
    const store = await ObservationStore.open(good);
    await createToken(store, { role: 'evaluator', createdBy: 'test' });
    for (let i = 0; i < 50; i++) await createToken(store, { role: 'coalition', initiative: 'buurthuis-moerwijk', label: `t${i}`, createdBy: 'test' });
    store.close();
    const cut = join(dir, 'cut.duckdb');
    await copyFile(good, cut);
    // Half of it: DuckDB keeps free blocks at the end of a file, so a few kilobytes less may lose nothing.
    await truncate(cut, Math.floor((await stat(good)).size / 2));
    await expect(startServer({ port: 0, storePath: cut, modelsDir })).rejects.toMatchObject({ code: 'store.damaged' });
  });

  it('the running service keeps its store and write-ahead log readable by its owner only', async () => {
    const storePath = join(dir, 'serve', 'rendement.duckdb');
    const s = await ObservationStore.open(storePath);
    const admin = await createToken(s, { role: 'evaluator', createdBy: 'test' });
    s.close();
    const server = await startServeProcess(['--store', storePath, '--models', modelsDir]);
    try {
      const r = await fetch(`${server.url}/api/tokens`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: '{"role":"evaluator"}' });
      expect(r.status).toBe(201);
      expect((await stat(storePath)).mode & 0o777).toBe(0o600);
      expect((await stat(`${storePath}.wal`)).mode & 0o777).toBe(0o600);
    } finally {
      await server.stop();
    }
  });
});
