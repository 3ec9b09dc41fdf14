import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ObservationStore, createToken } from '../../src/index.js';
import { buildApp, loadModelCatalogue } from '../../src/server/index.js';
import { modelsDir, root, tempDir } from './fixtures.js';

let app: FastifyInstance;
let store: ObservationStore;
let cleanup: () => Promise<void>;
let token = '';
const malformed = join(root, 'test/fixtures/data/malformed');

beforeAll(async () => {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  store = await ObservationStore.open(tmp.storePath);
  const { models } = await loadModelCatalogue(modelsDir);
  token = (await createToken(store, { role: 'coalition', initiative: 'buurthuis-moerwijk', createdBy: 'test' })).token;
  app = await buildApp({ store, models, tmpDir: tmp.dir, limits: { bodyBytes: 64 * 1024, rows: 1000 } });
});
afterAll(async () => {
  await app.close();
  store.close();
  await cleanup();
});

const post = (body: Buffer, type: string, name: string) =>
  app.inject({
    method: 'POST',
    url: `/api/initiatives/buurthuis-moerwijk/uploads?dryRun=true&name=${name}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    payload: body,
  });

describe('Excel files through the upload service (same checks and row numbers as the CLI)', () => {
  it('reports the bad cell of an .xlsx with its sheet row (header in row 2 under a merged title)', async () => {
    const r = await post(readFileSync(join(malformed, '34-not-a-number.xlsx')), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'm.xlsx');
    expect(r.statusCode).toBe(422);
    const issue = (r.json() as { issues: { code: string; row: number; column: string; value: string }[] }).issues[0]!;
    expect(issue).toMatchObject({ code: 'data.not-a-number', row: 4, column: 'waarde', value: 'veel' });
  });

  it('reads a UTF-16 "Unicode text" export instead of calling it binary', async () => {
    const r = await post(readFileSync(join(malformed, '32-not-a-number-utf-16le.txt')), 'text/plain', 'u.txt');
    expect(r.statusCode).toBe(422);
    expect((r.json() as { issues: { code: string; row: number; value: string }[] }).issues[0]).toMatchObject({ code: 'data.not-a-number', row: 3, value: 'véél' });
  });

  it('accepts a file with trailing separators', async () => {
    const r = await post(Buffer.from('indicator;gebied;periode;waarde;;;\nbezoekers-65plus;WK051836;2025-Q1;85;;;\n'), 'text/csv', 't.csv');
    expect(r.statusCode).toBe(200);
  });
});
