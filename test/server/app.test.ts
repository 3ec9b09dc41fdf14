import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ObservationStore, createToken, listAudit, revokeToken, type TokenRecord } from '../../src/index.js';
import { buildApp, loadModelCatalogue } from '../../src/server/index.js';
import { invalidCsv, modelsDir, tempDir, validCsv } from './fixtures.js';

let app: FastifyInstance;
let store: ObservationStore;
let cleanup: () => Promise<void>;
const logLines: string[] = [];
let validSha256 = '';
const t: Record<string, { token: string; record: TokenRecord }> = {};
const auth = (name: string) => ({ authorization: `Bearer ${t[name]!.token}` });
const csv = (name: string) => ({ ...auth(name), 'content-type': 'text/csv' });
const upload = (id: string, body: string, name = 'moerwijk', query = '') =>
  app.inject({ method: 'POST', url: `/api/initiatives/${id}/uploads${query}`, headers: csv(name), payload: body });

beforeAll(async () => {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  store = await ObservationStore.open(tmp.storePath);
  const { models } = await loadModelCatalogue(modelsDir);
  for (const [name, spec] of Object.entries({
    moerwijk: { role: 'coalition', initiative: 'buurthuis-moerwijk' },
    stompwijk: { role: 'coalition', initiative: 'dorpsbudget-stompwijk' },
    denhaag: { role: 'council', municipality: 'GM0518' },
    evaluator: { role: 'evaluator' },
    revoked: { role: 'coalition', initiative: 'buurthuis-moerwijk' },
  } as const))
    t[name] = await createToken(store, { ...spec, createdBy: 'test' });
  await revokeToken(store, t['revoked']!.record.id);
  app = await buildApp({ store, models, tmpDir: tmp.dir, limits: { bodyBytes: 64 * 1024, rows: 1000 }, log: (l) => {
      logLines.push(l);
      if (l.startsWith('error')) console.error(l);
    },
  });
});

afterAll(async () => {
  await app.close();
  store.close();
  await cleanup();
});

const errorOf = (r: { json(): unknown }) => (r.json() as { error: { code: string; message: { nl: string; en: string } } }).error;

describe('upload service handlers (app.inject, no port)', () => {
  it('401 without a token, with a malformed one, and with a revoked one — as JSON with nl/en, no stack', async () => {
    const none = await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/uploads' });
    expect(none.statusCode).toBe(401);
    expect(errorOf(none).code).toBe('auth.missing-token');
    expect(errorOf(none).message.nl).toMatch(/toegangstoken/);
    expect(none.body).not.toMatch(/at .*\.ts:\d+/);
    const bad = await app.inject({ url: '/api/me', headers: { authorization: 'Bearer rdm_000000000000_' + 'x'.repeat(43) } });
    expect(bad.statusCode).toBe(401);
    const revoked = await upload('buurthuis-moerwijk', validCsv, 'revoked');
    expect(revoked.statusCode).toBe(401);
    expect(errorOf(revoked).code).toBe('auth.invalid-token');
  });

  it("403 when a coalition writes another coalition's initiative or a council writes at all", async () => {
    const other = await upload('buurthuis-moerwijk', validCsv, 'stompwijk');
    expect(other.statusCode).toBe(403);
    expect(errorOf(other).code).toBe('access.forbidden');
    expect((await upload('buurthuis-moerwijk', validCsv, 'denhaag')).statusCode).toBe(403);
    const read = await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/uploads', headers: auth('stompwijk') });
    expect(read.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/evaluation', headers: auth('denhaag') })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/initiatives/dorpsbudget-stompwijk/evaluation', headers: auth('denhaag') })).statusCode).toBe(403);
  });

  it('lists the initiatives a token may read: a council its municipality, a coalition its own, an evaluator all', async () => {
    const list = async (name: string) => ((await app.inject({ url: '/api/initiatives', headers: auth(name) })).json() as { initiatives: { id: string; canWrite: boolean }[] }).initiatives;
    expect(await list('denhaag')).toEqual([expect.objectContaining({ id: 'buurthuis-moerwijk', canWrite: false })]);
    expect(await list('stompwijk')).toEqual([expect.objectContaining({ id: 'dorpsbudget-stompwijk', canWrite: true })]);
    expect((await list('evaluator')).map((i) => [i.id, i.canWrite])).toEqual([
      ['buurthuis-moerwijk', true],
      ['dorpsbudget-stompwijk', true],
    ]);
  });

  it('400 for malformed ids, including path traversal', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', 'Buurthuis', 'a_b', '.hidden', 'a%2Fb', '%2E%2E%2F', 'x'.repeat(64), 'a%00b']) {
      const r = await app.inject({ url: `/api/initiatives/${id}/uploads`, headers: auth('evaluator') });
      expect(r.statusCode, id).toBe(400);
      expect(errorOf(r).code).toBe('request.invalid-id');
    }
    expect((await app.inject({ url: '/api/initiatives/../../etc/passwd', headers: auth('evaluator') })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/initiatives/geen-initiatief/evaluation', headers: auth('evaluator') })).statusCode).toBe(404);
  });

  it('413 for an oversized body and for too many rows; 415 for a non-CSV body', async () => {
    const big = 'indicator;gebied;periode;waarde\n' + 'bezoekers-65plus;WK051836;2025-Q1;1\n'.repeat(3000);
    const r = await upload('buurthuis-moerwijk', big);
    expect(r.statusCode).toBe(413);
    expect(errorOf(r).code).toBe('upload.too-large');
    const rows = await upload('buurthuis-moerwijk', 'indicator;gebied;periode;waarde\n' + 'x\n'.repeat(1001));
    expect(rows.statusCode).toBe(413);
    expect(errorOf(rows).code).toBe('upload.too-many-rows');
    const json = await app.inject({ method: 'POST', url: '/api/initiatives/buurthuis-moerwijk/uploads', headers: { ...auth('moerwijk'), 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBe(415);
  });

  it('a dry-run validates and writes nothing', async () => {
    const before = await store.checksum();
    const auditBefore = (await listAudit(store)).length;
    const r = await upload('buurthuis-moerwijk', validCsv, 'moerwijk', '?dryRun=true');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, dryRun: true, uploadId: null, rowsWritten: 0, rowsRead: 3 });
    expect(await store.checksum()).toEqual(before);
    expect((await listAudit(store)).length).toBe(auditBefore);
  });

  it('an invalid file is refused with typed issues (row, column, value, message and fix in nl/en) and nothing written', async () => {
    const before = await store.checksum();
    const r = await upload('buurthuis-moerwijk', invalidCsv);
    expect(r.statusCode).toBe(422);
    const body = r.json() as { ok: boolean; error: { code: string }; issues: { code: string; row: number; column: string; value: string; message: { nl: string; en: string }; fix: { nl: string; en: string } }[] };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('upload.invalid');
    expect(body.issues.map((i) => [i.row, i.column, i.value])).toEqual(expect.arrayContaining([[3, 'waarde', 'veel']]));
    for (const i of body.issues) expect(i.fix.nl.length * i.fix.en.length * i.message.nl.length).toBeGreaterThan(0);
    expect(await store.checksum()).toEqual(before);
  });

  it('commits a valid file once (201, audited with sha256); an identical re-upload is reported as a duplicate', async () => {
    const first = await upload('buurthuis-moerwijk', validCsv, 'moerwijk', '?name=..%2Fkwartaal%201.csv');
    expect(first.statusCode).toBe(201);
    const a = first.json() as { uploadId: string; rowsWritten: number; sha256: string; fileName: string };
    expect(a.rowsWritten).toBe(3);
    expect(a.fileName).toBe('kwartaal 1.csv');
    validSha256 = a.sha256;
    const after = await store.checksum();
    const again = await upload('buurthuis-moerwijk', validCsv);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ ok: true, duplicateOf: a.uploadId, rowsWritten: 0 });
    expect(await store.checksum()).toEqual(after);
    const audit = await listAudit(store, { initiative: 'buurthuis-moerwijk' });
    expect(audit.map((e) => e.outcome).slice(0, 3)).toEqual(['duplicate', 'committed', 'rejected']);
    expect(audit[1]).toMatchObject({ actor: `token:${t['moerwijk']!.record.id}`, action: 'upload', sha256: a.sha256, uploadId: a.uploadId, rows: 3 });
    const list = await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/uploads', headers: auth('denhaag') });
    expect((list.json() as { uploads: { id: string; uploadedBy: string }[] }).uploads).toEqual([
      expect.objectContaining({ id: a.uploadId, uploadedBy: `token:${t['moerwijk']!.record.id}`, state: 'submitted' }),
    ]);
    // Issue 14: a service upload counts once a council or evaluator approves it; before that only in a preview.
    const waiting = await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/evaluation', headers: auth('moerwijk') });
    expect(waiting.json()).toMatchObject({ observations: { current: 0 } });
    const preview = await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/evaluation?includeSubmitted=true', headers: auth('moerwijk') });
    expect(preview.json()).toMatchObject({ observations: { current: 3 } });
    const approve = await app.inject({ method: 'POST', url: `/api/initiatives/buurthuis-moerwijk/uploads/${a.uploadId}/review`, headers: auth('denhaag'), payload: { decision: 'approve' } });
    expect(approve.statusCode, approve.body).toBe(200);
    const ev = await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/evaluation', headers: auth('moerwijk') });
    expect(ev.json()).toMatchObject({ initiative: { id: 'buurthuis-moerwijk' }, observations: { current: 3 }, uploads: { count: 1 }, error: null });
    const result = (ev.json() as { result: { valuation: { sroiRatio: number }; evaluation: { criteria: { id: string; status: string }[] } } }).result;
    expect(result.valuation.sroiRatio).toBeGreaterThan(0);
    expect(result.evaluation.criteria.map((c) => c.id)).toContain('bereik-ouderen');
  });

  it('passes the bytes through untouched: a BOM, CRLF line ends and Windows-1252 text arrive as in a file', async () => {
    const text = 'indicator;gebied;periode;waarde;opmerking\r\nvrijwilligers;WK051836;2025-Q3;30;café geopend\r\n';
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const cp1252 = Buffer.from(text.replace('2025-Q3', '2025-Q4'), 'latin1'); // é is 0xE9 in both Latin-1 and Windows-1252
    for (const [name, body] of [['bom.csv', bom], ['cp1252.csv', cp1252]] as const) {
      const r = await app.inject({ method: 'POST', url: `/api/initiatives/buurthuis-moerwijk/uploads?name=${name}`, headers: csv('moerwijk'), payload: body });
      expect(r.statusCode, r.body).toBe(201);
    }
    const notes = (await store.observations({ initiative: 'buurthuis-moerwijk', indicator: 'vrijwilligers', includeSubmitted: true })).map((o) => o.note);
    expect(notes.filter((n) => n === 'café geopend')).toHaveLength(2);
  });

  it('serves the JSON Schema, the HTML report (with the uploads as provenance), the page with a strict CSP, and security headers everywhere', async () => {
    const schema = await app.inject({ url: '/api/schema' });
    expect(schema.statusCode).toBe(200);
    expect(schema.json()).toMatchObject({ title: 'rendement initiative model' });
    const report = await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/report?lang=en&view=council', headers: auth('denhaag') });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    expect(report.body).toContain('Buurthuis De Zuidkant');
    expect(report.body).toContain(validSha256); // the upload is in the report's provenance
    expect(report.body).not.toMatch(/<script/i);
    expect(String(report.headers['content-security-policy'])).toMatch(/default-src 'none'.*frame-ancestors 'self'/);
    expect((await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/report?lang=de', headers: auth('moerwijk') })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/report?view=..%2Fx', headers: auth('moerwijk') })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/initiatives/buurthuis-moerwijk/report', headers: auth('stompwijk') })).statusCode).toBe(403);
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(page.body).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    for (const r of [page, report, schema]) {
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(String(schema.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
    const missing = await app.inject({ url: '/nergens' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('route.not-found');
  });

  it('evaluators can read the audit log and revoke a token, which then gets 401', async () => {
    expect((await app.inject({ url: '/api/audit', headers: auth('moerwijk') })).statusCode).toBe(403);
    const audit = await app.inject({ url: '/api/audit', headers: auth('evaluator') });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain(t['moerwijk']!.token.slice(17));
    expect((await app.inject({ url: '/api/me', headers: auth('stompwijk') })).statusCode).toBe(200);
    const r = await app.inject({ method: 'POST', url: `/api/tokens/${t['stompwijk']!.record.id}/revoke`, headers: auth('evaluator') });
    expect(r.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/me', headers: auth('stompwijk') })).statusCode).toBe(401);
  });

  it('evaluators create tokens while the service runs; the new token works at once; others may not', async () => {
    const body = { role: 'coalition', initiative: 'dorpsbudget-stompwijk', label: 'Dorpsraad' };
    expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: auth('moerwijk'), payload: body })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: auth('evaluator'), payload: { role: 'coalition' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: auth('evaluator'), payload: { role: 'root' } })).statusCode).toBe(400);
    const r = await app.inject({ method: 'POST', url: '/api/tokens', headers: auth('evaluator'), payload: body });
    expect(r.statusCode).toBe(201);
    const { token, record } = r.json() as { token: string; record: { id: string; scope: string } };
    expect(record.scope).toBe('dorpsbudget-stompwijk');
    const up = await app.inject({ method: 'POST', url: '/api/initiatives/dorpsbudget-stompwijk/uploads?dryRun=true', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, payload: 'x;y\n' });
    expect(up.statusCode).not.toBe(401);
    expect(up.statusCode).not.toBe(403);
    const audit = (await app.inject({ url: '/api/audit', headers: auth('evaluator') })).json() as { entries: { action: string; detail: string }[] };
    expect(audit.entries.filter((e) => e.action.startsWith('token.')).map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
    expect(JSON.stringify(audit)).not.toContain(token.slice(17));
  });

  it('logs every request with the token id only, never the token text', () => {
    expect(logLines.length).toBeGreaterThan(20);
    expect(logLines.some((l) => l.includes(`token=${t['moerwijk']!.record.id}`))).toBe(true);
    expect(logLines.filter((l) => l.includes('rdm_'))).toEqual([]);
    expect(logLines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});

describe('rate limiting', () => {
  it('429 with Retry-After once a token spends its burst', async () => {
    const tmp = await tempDir();
    const s = await ObservationStore.open(tmp.storePath);
    const { token } = await createToken(s, { role: 'evaluator', createdBy: 'test' });
    const { models } = await loadModelCatalogue(modelsDir);
    const a = await buildApp({ store: s, models, tmpDir: tmp.dir, limits: { rate: { burst: 3, perMinute: 1 } } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await a.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const last = await a.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
      expect(errorOf(last).code).toBe('rate.limited');
    } finally {
      await a.close();
      s.close();
      await tmp.cleanup();
    }
  });
});
