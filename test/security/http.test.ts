import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ObservationStore, createToken } from '../../src/index.js';
import { buildApp, loadModelCatalogue } from '../../src/server/index.js';
import { modelsDir, tempDir } from '../server/fixtures.js';

let app: FastifyInstance;
let store: ObservationStore;
let cleanup: () => Promise<void>;
let token = '';
const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'text/csv' });

beforeAll(async () => {
  const tmp = await tempDir('rendement-http-');
  cleanup = tmp.cleanup;
  store = await ObservationStore.open(tmp.storePath);
  token = (await createToken(store, { role: 'coalition', initiative: 'buurthuis-moerwijk', createdBy: 'test' })).token;
  const { models } = await loadModelCatalogue(modelsDir);
  app = await buildApp({ store, models, tmpDir: tmp.dir, limits: { rows: 1000, bodyBytes: 4 * 1024 * 1024, rate: { burst: 1000, perMinute: 1000 } } });
});

afterAll(async () => {
  await app.close();
  store.close();
  await cleanup();
});

describe('upload row limit on every line ending (issue 15)', () => {
  // Issue 15: the limit counted only "\n"; a 20 MB file with "\r" line ends was read as 5,000,000 rows.
  const rows = (n: number, eol: string) => ['indicator;gebied;periode;waarde', ...Array.from({ length: n }, (_, i) => `bezoekers-65plus;WK051836;2025-01-${String((i % 28) + 1).padStart(2, '0')};${i}`)].join(eol) + eol;

  for (const [name, eol] of [['\\r (classic Mac)', '\r'], ['\\r\\n (Windows)', '\r\n'], ['\\n (Unix)', '\n']] as const) {
    it(`1,500 data rows ended by ${name} are refused with 413 before they are read (limit 1,000 lines)`, async () => {
      const r = await app.inject({ method: 'POST', url: '/api/initiatives/buurthuis-moerwijk/uploads?dryRun=true', headers: headers(), payload: rows(1500, eol) });
      expect(r.statusCode).toBe(413);
      expect(r.json().error.code).toBe('upload.too-many-rows');
    });
  }

  it('a file of 999 lines ended by \\r\\n is not counted twice (hand count: 1 header + 998 rows = 999 ≤ 1,000)', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/initiatives/buurthuis-moerwijk/uploads?dryRun=true', headers: headers(), payload: rows(998, '\r\n') });
    expect(r.statusCode).not.toBe(413);
  });
});

describe('echoed values are cut (issue 15)', () => {
  it('a 1 MB cell in a numeric column comes back as at most a few hundred characters', async () => {
    // Issue 15: an error echoed a whole 19 MB cell.
    const big = '9'.repeat(10) + 'x'.repeat(1024 * 1024);
    const r = await app.inject({ method: 'POST', url: '/api/initiatives/buurthuis-moerwijk/uploads?dryRun=true', headers: headers(), payload: `indicator;gebied;periode;waarde\nbezoekers-65plus;WK051836;2025-Q1;${big}\n` });
    expect(r.statusCode).toBe(422);
    expect(r.body.length).toBeLessThan(5000);
    const issue = r.json().issues[0];
    expect(issue.value.length).toBeLessThanOrEqual(300);
    expect(issue.value.startsWith('9999999999xxx')).toBe(true);
  });
});

describe("Fastify's own errors carry the security headers and do not echo the URL (issue 15)", () => {
  const security = ['x-content-type-options', 'content-security-policy', 'x-frame-options', 'referrer-policy', 'cache-control'];

  it('a malformed URL (bad percent-encoding) → 400 with headers, no echo', async () => {
    const r = await app.inject({ url: '/api/initiatives/%E0%A4%A/uploads?q=<script>marker</script>' });
    expect(r.statusCode).toBe(400);
    for (const h of security) expect(r.headers[h], h).toBeDefined();
    expect(r.body).not.toContain('marker');
    expect(r.body).not.toContain('%E0');
    expect(r.json().error.code).toBe('request.bad');
  });

  it('a too long path parameter → 414 with headers, no echo', async () => {
    const r = await app.inject({ url: `/api/initiatives/${'a'.repeat(300)}marker/uploads`, headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(414);
    for (const h of security) expect(r.headers[h], h).toBeDefined();
    expect(r.body).not.toContain('marker');
    expect(r.body).not.toContain('aaaa');
  });

  it('headers over Node\'s limit (431, answered by Node on the socket) carry the headers too', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const answer = await new Promise<string>((resolve, reject) => {
      let out = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'m'.repeat(20_000)}marker\r\n\r\n`));
      socket.on('data', (d) => (out += d.toString()));
      socket.on('close', () => resolve(out));
      socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    for (const h of security) expect(answer.toLowerCase()).toContain(`${h}:`);
    expect(answer).not.toContain('marker');
  });

  it('a body that is not valid JSON → 400 with headers, no echo of the body', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/tokens', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"marker<script>' });
    expect([400, 403]).toContain(r.statusCode);
    for (const h of security) expect(r.headers[h], h).toBeDefined();
    expect(r.body).not.toContain('marker');
  });
});

describe('/api/schema is rate limited per address (issue 15)', () => {
  it('200 requests from one address: the first 60 are answered, later ones get 429 with Retry-After; another address is unaffected', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 200; i++) codes.push((await app.inject({ url: '/api/schema', remoteAddress: '10.9.9.9' })).statusCode);
    expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(100);
    const other = await app.inject({ url: '/api/schema', remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(200);
  });
});
