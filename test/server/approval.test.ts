import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ObservationStore, createToken, listAudit, type TokenRecord } from '../../src/index.js';
import { buildApp, loadModelCatalogue } from '../../src/server/index.js';
import { modelsDir, tempDir } from './fixtures.js';

let app: FastifyInstance;
let store: ObservationStore;
let cleanup: () => Promise<void>;
const t: Record<string, { token: string; record: TokenRecord }> = {};
const auth = (name: string) => ({ authorization: `Bearer ${t[name]!.token}` });
const ID = 'buurthuis-moerwijk';

beforeAll(async () => {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  store = await ObservationStore.open(tmp.storePath);
  const { models } = await loadModelCatalogue(modelsDir);
  for (const [name, spec] of Object.entries({
    coalition: { role: 'coalition', initiative: ID },
    council: { role: 'council', municipality: 'GM0518' },
    otherCouncil: { role: 'council', municipality: 'GM0363' },
    evaluator: { role: 'evaluator' },
  } as const))
    t[name] = await createToken(store, { ...spec, label: name, createdBy: 'test' });
  app = await buildApp({ store, models, tmpDir: tmp.dir });
});
afterAll(async () => {
  await app.close();
  store.close();
  await cleanup();
});

const upload = async (csv: string): Promise<string> => {
  const r = await app.inject({ method: 'POST', url: `/api/initiatives/${ID}/uploads`, headers: { ...auth('coalition'), 'content-type': 'text/csv' }, payload: csv });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { uploadId: string }).uploadId;
};
const review = (who: string, uploadId: string, body: unknown) =>
  app.inject({ method: 'POST', url: `/api/initiatives/${ID}/uploads/${uploadId}/review`, headers: auth(who), payload: body as Record<string, unknown> });
const state = async (uploadId: string) =>
  ((await app.inject({ url: `/api/initiatives/${ID}/uploads`, headers: auth('coalition') })).json() as { uploads: { id: string; state: string; reviewReason: string | null }[] }).uploads.find(
    (u) => u.id === uploadId,
  );
const visitors = async (includeSubmitted = false) =>
  (await store.observations({ initiative: ID, indicator: 'bezoekers-65plus', includeSubmitted })).map((o) => [o.period, o.value]);

describe('approval of uploads (issue 14)', () => {
  it('a coalition cannot approve its own upload, nor can a council of another municipality; the state stays submitted', async () => {
    const id = await upload('indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;85\n');
    const own = await review('coalition', id, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect((own.json() as { error: { code: string } }).error.code).toBe('access.reviewer-only');
    expect((await review('otherCouncil', id, { decision: 'approve' })).statusCode).toBe(403);
    expect((await state(id))?.state).toBe('submitted');
    expect(await visitors()).toEqual([]);
    expect(await visitors(true)).toEqual([['2025-Q1', 85]]);
    // The council of the initiative's municipality approves: now it counts, and the audit log has the step.
    const ok = await review('council', id, { decision: 'approve' });
    expect(ok.statusCode).toBe(200);
    expect((await state(id))?.state).toBe('approved');
    expect(await visitors()).toEqual([['2025-Q1', 85]]);
    const audit = await listAudit(store, { initiative: ID });
    expect(audit[0]).toMatchObject({ action: 'upload.approve', uploadId: id, actor: `token:${t['council']!.record.id}`, outcome: 'ok' });
  });

  it('a correction waits for approval; returned with a reason, the approved value stays and the reason is shown', async () => {
    const id = await upload('indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;58\n');
    expect(await visitors()).toEqual([['2025-Q1', 85]]);
    expect(await visitors(true)).toEqual([['2025-Q1', 58]]);
    const noReason = await review('evaluator', id, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as { error: { code: string } }).error.code).toBe('review.invalid');
    const back = await review('evaluator', id, { decision: 'return', reason: 'Q1 telde 85, niet 58: tikfout?' });
    expect(back.statusCode).toBe(200);
    expect(await state(id)).toMatchObject({ state: 'returned', reviewReason: 'Q1 telde 85, niet 58: tikfout?' });
    expect(await visitors(true)).toEqual([['2025-Q1', 85]]);
    const audit = await listAudit(store, { initiative: ID });
    expect(audit[0]).toMatchObject({ action: 'upload.return', uploadId: id, detail: 'Q1 telde 85, niet 58: tikfout?' });
  });

  it('404 for an upload of another initiative or none; 400 for a malformed id or body', async () => {
    expect((await review('council', '0123456789abcdef', { decision: 'approve' })).statusCode).toBe(404);
    expect((await review('council', 'x', { decision: 'approve' })).statusCode).toBe(400);
    const id = await upload('indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q2;90\n');
    expect((await review('council', id, { decision: 'maybe' })).statusCode).toBe(400);
    expect((await review('council', id, { decision: 'approve', extra: 1 })).statusCode).toBe(400);
  });

  it("voices: submitted, then shown in the neighbourhood report once approved — consented only, escaped", async () => {
    const csv = 'datum;tekst;toestemming;indicator\n2025-03-01;Ik kom hier elke week <b>graag</b>;ja;bezoekers-65plus\n2025-03-02;Niet citeren aub;nee;\n';
    const r = await app.inject({ method: 'POST', url: `/api/initiatives/${ID}/voices`, headers: { ...auth('coalition'), 'content-type': 'text/csv' }, payload: csv });
    expect(r.statusCode, r.body).toBe(201);
    const batch = (r.json() as { batchId: string }).batchId;
    const report = async () => (await app.inject({ url: `/api/initiatives/${ID}/report?view=neighbourhood`, headers: auth('council') })).body;
    expect(await report()).not.toContain('elke week');
    expect((await review('coalition', batch, { decision: 'approve' })).statusCode).toBe(403);
    expect((await review('council', batch, { decision: 'approve' })).statusCode).toBe(200);
    const html = await report();
    expect(html).toContain('Ik kom hier elke week &lt;b&gt;graag&lt;/b&gt;');
    expect(html).not.toContain('Niet citeren');
    const bad = await app.inject({ method: 'POST', url: `/api/initiatives/${ID}/voices`, headers: { ...auth('coalition'), 'content-type': 'text/csv' }, payload: 'datum;tekst;toestemming\n2099-01-01;Later;misschien\n' });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { issues: { code: string; row: number }[] }).issues.map((i) => [i.code, i.row])).toEqual([
      ['data.future-period', 2],
      ['voice.invalid-consent', 2],
    ]);
  });
});
