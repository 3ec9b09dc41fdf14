import { describe, expect, it } from 'vitest';
import { ObservationStore, createToken } from '../../src/index.js';
import { buildApp, loadModelCatalogue } from '../../src/server/index.js';
import { modelsDir, tempDir, uploadCsv } from './fixtures.js';

// The in-process counterpart of `npm run bench:load`: many uploads at once through one app, each lands exactly once.
describe('concurrent uploads', () => {
  it('each land exactly once, whole, through the serialised writer', async () => {
    const tmp = await tempDir();
    const store = await ObservationStore.open(tmp.storePath);
    try {
      const { models } = await loadModelCatalogue(modelsDir);
      const { token } = await createToken(store, { role: 'evaluator', createdBy: 'test' });
      const app = await buildApp({ store, models, tmpDir: tmp.dir });
      const N = 16;
      const replies = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          app.inject({
            method: 'POST',
            url: `/api/initiatives/buurthuis-moerwijk/uploads?name=u${i}.csv`,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
            // Every other upload repeats an earlier one exactly: it must be reported as a duplicate, not stored twice.
            payload: uploadCsv(i - (i % 2), (i - (i % 2)) * 10, 5),
          }),
        ),
      );
      await app.close();
      const codes = replies.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(N / 2);
      expect(codes.filter((c) => c === 200)).toHaveLength(N / 2);
      const acked = replies.filter((r) => r.statusCode === 201).map((r) => (r.json() as { uploadId: string }).uploadId);
      const [row] = await store.query('SELECT count(*) AS n, count(DISTINCT (upload_id, "row")) AS d FROM observations');
      expect(Number(row!['n'])).toBe((N / 2) * 20);
      expect(Number(row!['d'])).toBe((N / 2) * 20);
      expect((await store.listUploads()).map((u) => u.id).sort()).toEqual([...acked].sort());
    } finally {
      store.close();
      await tmp.cleanup();
    }
  });
});
