import { z } from 'zod';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  GroupCommit,
  INITIATIVE_ID,
  InvalidInputError,
  RendementError,
  WriteQueue,
  appendAudit,
  ensureAuditLog,
  ensureUploadReviews,
  recordUploadReview,
  uploadReviews,
  REVIEW_REASON_MAX,
  ensureVoices,
  storeVoicesCsv,
  voiceBatchExists,
  voiceRules,
  createToken,
  findToken,
  ingestBytes,
  listAudit,
  modelJsonSchema,
  revokeToken,
  tokenRoles,
  sha256Of,
  tokenIdOf,
  tokenForVerification,
  tokenSecretMatches,
  unusableTokenHash,
  type Model,
  type ObservationStore,
  type TokenRecord,
  type ObservationIssue,
} from '../index.js';
import { canRead, canReview, canWrite } from './access.js';
import { EvaluationCache } from './evaluation.js';
import { clientErrorHandler, frameworkErrors } from './framework-errors.js';
import { HttpError, errorBody } from './http-error.js';
import { serverText } from './messages.js';
import { pageHtml, pageScript } from './page.js';
import { LoginLimiter } from './login-limiter.js';
import { RateLimiter, type RateLimit } from './rate-limit.js';
import { ReportCache, reportViews, type ReportView } from './report.js';
import { apiCsp, baseSecurityHeaders, pageCsp, reportCsp } from './security-headers.js';
import { VerifiedTokens } from './verified-tokens.js';

/** Limits of the service; every one has a default. */
export interface ServerLimits {
  /** Largest request body in bytes (default 20 MB); larger → 413. */
  readonly bodyBytes: number;
  /** Most lines in an uploaded file, header included (default 200 000); more → 413. */
  readonly rows: number;
  /** Requests per token (default burst 120, 120 per minute); more → 429. */
  readonly rate: RateLimit;
  /** Failed logins per client address and, separately, per token id (default burst 20, 20 per minute); more → 429. */
  readonly failedLogins: RateLimit;
  /** Requests per client address to routes without a token, such as /api/schema (default burst 60, 60 per minute). */
  readonly publicRate: RateLimit;
  /** How long a verified token text skips the scrypt check after its last use (default 5 minutes). */
  readonly verifiedTtlMs: number;
  /** How long a refusal for too many failed logins is held back before it is sent (default 1 s). */
  readonly failedLoginDelayMs: number;
}

export const defaultLimits: ServerLimits = {
  bodyBytes: 20 * 1024 * 1024,
  rows: 200_000,
  rate: { burst: 120, perMinute: 120 },
  failedLogins: { burst: 20, perMinute: 20 },
  publicRate: { burst: 60, perMinute: 60 },
  verifiedTtlMs: 5 * 60_000,
  failedLoginDelayMs: 1000,
};

/** What the app needs: an open store, the initiatives' models, a private directory for upload files. */
export interface AppOptions {
  readonly store: ObservationStore;
  readonly models: ReadonlyMap<string, Model>;
  /** A private temporary directory: each upload is written there while it is ingested, then removed. */
  readonly tmpDir: string;
  /** The one serialised writer on the store (every store access goes through it). Default: a new one. */
  readonly queue?: WriteQueue;
  readonly limits?: Partial<ServerLimits>;
  /** Access log and internal errors, one line each (never a token secret). Default: silent. */
  readonly log?: (line: string) => void;
}

/** The body of `POST /api/initiatives/:id/entries`: one period and area, a value per indicator (as typed), and an optional quote. */
const entrySchema = z.strictObject({
  period: z.string().min(4).max(10),
  area: z.string().regex(/^(GM\d{4}|WK\d{6}|BU\d{8})$/),
  values: z.record(z.string().regex(INITIATIVE_ID), z.string().max(40)),
  voice: z
    .strictObject({ text: z.string().max(1000), date: z.string().max(10), consent: z.boolean(), indicator: z.string().regex(INITIATIVE_ID).optional() })
    .optional(),
});

/** The body of `POST /api/initiatives/:id/uploads/:uploadId/review`. */
const reviewSchema = z.strictObject({
  decision: z.enum(['approve', 'return']),
  reason: z.string().max(REVIEW_REASON_MAX).optional(),
});

/** The body of `POST /api/tokens`: what a new token may do. */
const newTokenSchema = z.strictObject({
  role: z.enum(tokenRoles),
  initiative: z.string().regex(INITIATIVE_ID).optional(),
  municipality: z.string().regex(/^GM\d{4}$/).optional(),
  label: z.string().max(120).optional(),
});

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Lines in a file, whatever ends them: \n, \r\n or a lone \r (the CSV reader takes each as a row end); a final line
 * without an ending counts.
 */
function lineCount(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) n++;
    else if (bytes[i] === 13 && bytes[i + 1] !== 10) n++;
  }
  const last = bytes[bytes.length - 1];
  return bytes.length > 0 && last !== 10 && last !== 13 ? n + 1 : n;
}

/** The file name recorded for an upload: the base name, printable characters only, at most 120. */
function cleanFileName(name: unknown): string {
  const base = typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '') : '';
  const clean = base.replace(/[^\p{L}\p{N} ._()+,-]/gu, '_').slice(0, 120).trim();
  return clean === '' || /^\.+$/.test(clean) ? 'upload.csv' : clean;
}

function bool(value: unknown, name: string): boolean {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === '' || value === 'true' || value === '1') return true;
  throw new HttpError(400, 'request.invalid-query', { value: name });
}

/**
 * Builds the upload service (routes, access checks, limits, security headers) without opening a port:
 * test it with `app.inject()`, serve it with `app.listen()`.
 *
 * Routes: `GET /` (the web page), `GET /api/schema`, `GET /api/me`, `GET /api/initiatives`,
 * `POST /api/initiatives/:id/uploads[?dryRun=true&name=file.csv]` (body text/csv), `GET /api/initiatives/:id/uploads`,
 * `GET /api/initiatives/:id/evaluation`, `GET /api/initiatives/:id/report[?lang=nl|en&view=council|neighbourhood]` (HTML), and for evaluators `GET /api/audit`,
 * `POST /api/tokens` (JSON `{ role, initiative?, municipality?, label? }`) and `POST /api/tokens/:tokenId/revoke`. Errors are `{ error: { code, message: { nl, en } } }`.
 * @example const app = await buildApp({ store, models, tmpDir }); const r = await app.inject({ url: '/api/schema' });
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...defaultLimits, ...options.limits };
  const { store, models, tmpDir } = options;
  const queue = options.queue ?? new WriteQueue();
  // Uploads that arrive while the writer is busy are committed together, each still whole and audited.
  const uploads = new GroupCommit(store, queue);
  const log = options.log ?? (() => {});
  const perToken = new RateLimiter(limits.rate);
  const logins = new LoginLimiter(limits.failedLogins);
  const publicRate = new RateLimiter(limits.publicRate);
  const tokens = new WeakMap<FastifyRequest, TokenRecord>();
  const verified = new VerifiedTokens(limits.verifiedTtlMs);
  const unusable = await unusableTokenHash();
  const csp = pageCsp(pageScript);
  const reports = new ReportCache();
  const evaluations = new EvaluationCache();
  // Created before any upload, so an audit entry written inside an upload's transaction never creates the table there.
  await ensureAuditLog(store);
  await ensureUploadReviews(store);
  await ensureVoices(store);

  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyBytes,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    requestTimeout: 120_000,
    frameworkErrors,
    clientErrorHandler,
  });

  app.addContentTypeParser(['text/csv', 'text/plain', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], { parseAs: 'buffer', bodyLimit: limits.bodyBytes }, (_req, body, done) =>
    done(null, body),
  );

  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(baseSecurityHeaders)) reply.header(k, v);
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', apiCsp);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const who = tokens.get(request)?.id ?? '-';
    log(`${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms token=${who}`);
  });

  app.setErrorHandler((error: FastifyError | RendementError, request, reply) => {
    if (error instanceof HttpError) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
      return reply.code(error.httpStatus).send(errorBody(error.code, error.text));
    }
    if (error instanceof RendementError) return reply.code(error.httpStatus).send(errorBody(error.code, error.text));
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) return reply.code(413).send(errorBody('upload.too-large', serverText('upload.too-large', { limit: mb(limits.bodyBytes) })));
    if (status === 415) return reply.code(415).send(errorBody('upload.unsupported-type', serverText('upload.unsupported-type')));
    if (status === 503) return reply.code(503).send(errorBody('server.unavailable', serverText('server.unavailable')));
    if (status >= 400 && status < 500) return reply.code(400).send(errorBody('request.bad', serverText('request.bad')));
    log(`error ${request.method} ${request.url.split('?')[0]}: ${error.name}: ${error.message}`);
    return reply.code(500).send(errorBody('server.internal', serverText('server.internal')));
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('route.not-found', serverText('route.not-found'))));

  /**
   * Who is asking: a valid, unrevoked token, or 401; rate-limited per token. A token text verified a moment ago
   * skips the slow check; any other well-formed text waits for its turn in the failed-login accounting (per address
   * and per token id, see login-limiter.ts) and costs exactly one scrypt check, also for an unknown or revoked id.
   */
  async function authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) throw new HttpError(401, 'auth.missing-token', {}, { 'www-authenticate': 'Bearer' });
    const text = m[1]!;
    const id = tokenIdOf(text);
    const invalid = (): HttpError => new HttpError(401, 'auth.invalid-token', {}, { 'www-authenticate': 'Bearer error="invalid_token"' });
    // Not a rendement token at all: refused without a store read or a hash, so it costs nothing and is not counted.
    if (id === null) throw invalid();
    const active = async (): Promise<TokenRecord | null> => {
      const record = await queue.run(() => findToken(store, id));
      return record && record.revokedAt === null ? record : null;
    };
    let token: TokenRecord | null;
    if (verified.get(text) === id) token = await active();
    else {
      const ticket = await logins.admit(request.ip, id);
      if ('wait' in ticket) {
        // Held back before it is answered: a client that keeps guessing as fast as it is answered is slowed to a few
        // requests a second, and its refusals stop taking the service's time from everyone else. A timer costs nothing.
        if (limits.failedLoginDelayMs > 0) await new Promise((r) => setTimeout(r, limits.failedLoginDelayMs));
        throw new HttpError(429, 'rate.limited', { seconds: ticket.wait }, { 'retry-after': String(ticket.wait) });
      }
      let matched = false;
      try {
        // Queued behind a check of this same text that matched: done, no second hash.
        if (verified.get(text) === id) token = await active();
        else {
          // The store read goes through the writer; the slow hash runs outside it, so it never holds up uploads.
          const found = await queue.run(() => tokenForVerification(store, text));
          const ok = await tokenSecretMatches(text, found?.hash ?? unusable);
          token = found && ok ? found.record : null;
          if (token) verified.set(text, id);
        }
        matched = token !== null;
      } finally {
        ticket.done(matched);
      }
    }
    if (!token) throw invalid();
    const slow = perToken.take(token.id);
    if (slow > 0) throw new HttpError(429, 'rate.limited', { seconds: slow }, { 'retry-after': String(slow) });
    tokens.set(request, token);
  }

  const who = (request: FastifyRequest): TokenRecord => tokens.get(request)!;

  /** The initiative of `:id`: a strict slug (400), readable (403) or writable (403), known (404). */
  function initiativeFor(request: FastifyRequest, mode: 'read' | 'write'): Model {
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || !INITIATIVE_ID.test(id)) throw new HttpError(400, 'request.invalid-id', { value: String(id).slice(0, 80) });
    const token = who(request);
    if (mode === 'write' && !canWrite(token, id)) throw new HttpError(403, 'access.forbidden');
    const model = models.get(id);
    // A reader outside its scope learns nothing about which initiatives exist: 403 before 404.
    if (mode === 'read' && token.role !== 'evaluator' && (!model || !canRead(token, model))) throw new HttpError(403, 'access.forbidden');
    if (!model) throw new HttpError(404, 'initiative.not-found', { value: id });
    return model;
  }

  const evaluatorOnly = (request: FastifyRequest): void => {
    if (who(request).role !== 'evaluator') throw new HttpError(403, 'access.evaluator-only');
  };

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', csp).send(pageHtml));
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.get('/api/health', async () => ({ ok: true }));
  const schemaText = JSON.stringify(modelJsonSchema());
  app.get('/api/schema', {
    // No token needed, so limited per address instead.
    onRequest: async (request) => {
      const wait = publicRate.take(request.ip);
      if (wait > 0) throw new HttpError(429, 'rate.limited', { seconds: wait }, { 'retry-after': String(wait) });
    },
    handler: async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(schemaText),
  });

  app.register(async (api) => {
    api.addHook('onRequest', authenticate);

    api.get('/api/me', async (request) => {
      const { id, role, scope, label, createdAt } = who(request);
      return { token: { id, role, scope, label, createdAt } };
    });

    api.get('/api/initiatives', async (request) => {
      const token = who(request);
      const list = [...models.values()]
        .filter((m) => canRead(token, m))
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((m) => ({ id: m.id, name: m.name, municipality: m.municipality, illustrative: m.illustrative, canWrite: canWrite(token, m.id) }));
      return { initiatives: list };
    });

    api.post('/api/initiatives/:id/uploads', {
      // Access is checked before the body is read, so a foreign or malformed id never costs a 20 MB read.
      onRequest: async (request) => {
        initiativeFor(request, 'write');
      },
      handler: async (request, reply) => {
        const model = initiativeFor(request, 'write');
        const query = request.query as Record<string, unknown>;
        const dryRun = bool(query['dryRun'], 'dryRun');
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        if (body !== undefined && !Buffer.isBuffer(body)) throw new HttpError(415, 'upload.unsupported-type');
        // A workbook is compressed: its rows are counted while the sheet is read (maxRows below), not from its bytes.
        const workbook = bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
        if (!workbook && lineCount(bytes) > limits.rows) throw new HttpError(413, 'upload.too-many-rows', { limit: limits.rows });
        const token = who(request);
        const sha256 = sha256Of(bytes);
        const fileName = cleanFileName(query['name']);
        const audit = { actor: `token:${token.id}`, action: 'upload', initiative: model.id, sha256, detail: fileName } as const;
        const result = await uploads.submit(async (inGroup) => {
          let r;
          // A committed upload's audit entry is written in the upload's own transaction: both are kept, or neither.
          // So is its review state: a service upload waits for a council or evaluator to approve it.
          const inTransaction = async (uploadId: string, rows: number): Promise<void> => {
            await appendAudit(store, { ...audit, outcome: 'committed', uploadId, rows });
            await recordUploadReview(store, { uploadId, initiative: model.id, state: 'submitted', reason: null, actor: `token:${token.id}` });
          };
          try {
            r = await ingestBytes(store, bytes, tmpDir, { initiative: model.id, model, dryRun, fileName, uploadedBy: `token:${token.id}`, inTransaction, inGroup, maxRows: limits.rows });
          } catch (e) {
            // The ingest rolled back; the attempt is still a write request and is audited as such.
            if (!dryRun) await appendAudit(store, { ...audit, outcome: 'failed' }).catch(() => {});
            throw e;
          }
          // Duplicates and rejected files wrote nothing but are audited too, before the reply.
          if (!dryRun && !(r.ok && !r.duplicateOf))
            await appendAudit(store, { ...audit, outcome: r.duplicateOf ? 'duplicate' : 'rejected', uploadId: r.uploadId, rows: r.rowsWritten });
          return r;
        });
        const out = { ...result, sha256, fileName };
        if (!result.ok) return reply.code(422).send({ ...out, ...errorBody('upload.invalid', serverText('upload.invalid', { count: result.issues.length })) });
        return reply.code(!dryRun && !result.duplicateOf ? 201 : 200).send(out);
      },
    });

    // The data-entry form (for coalitions without a spreadsheet): the model's indicators with unit and limits.
    api.get('/api/initiatives/:id/form', async (request) => {
      const model = initiativeFor(request, 'write');
      return {
        initiative: model.id,
        areas: model.areas,
        period: model.period,
        indicators: model.indicators
          .filter((i) => i.expression === undefined)
          .map((i) => ({ id: i.id, name: i.name, unit: i.unit, min: i.min ?? (i.kind === 'share' ? 0 : null), max: i.max ?? (i.kind === 'share' ? 1 : null), kind: i.kind })),
      };
    });

    // A filled-in form: turned into the CSV a spreadsheet would give and sent through exactly the upload path (same
    // checks, issues, audit and approval); a quote given with it is stored under the same upload id, so one approval
    // covers both.
    api.post('/api/initiatives/:id/entries', async (request, reply) => {
      const model = initiativeFor(request, 'write');
      const parsed = entrySchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'request.bad');
      const e = parsed.data;
      const q = (v: string): string => `"${v.replace(/"/g, '""')}"`;
      const lines = ['indicator,gebied,periode,waarde', ...Object.entries(e.values).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, e.area, e.period, v.trim()].map(q).join(','))];
      const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
      const token = who(request);
      const actor = `token:${token.id}`;
      const now = new Date();
      const sha256 = sha256Of(bytes);
      const fileName = `formulier ${e.period}`;
      const audit = { actor, action: 'upload', initiative: model.id, sha256, detail: fileName } as const;
      let voiceIssues: readonly ObservationIssue[] = [];
      const voice = e.voice && e.voice.text.trim() !== '' ? e.voice : null;
      const result = await uploads.submit(async (inGroup) => {
        const inTransaction = async (uploadId: string, rows: number): Promise<void> => {
          await appendAudit(store, { ...audit, outcome: 'committed', uploadId, rows });
          await recordUploadReview(store, { uploadId, initiative: model.id, state: 'submitted', reason: null, actor });
          if (voice) {
            const csv = `datum,tekst,toestemming,indicator\n${[voice.date, voice.text, voice.consent ? 'ja' : 'nee', voice.indicator ?? ''].map(q).join(',')}\n`;
            const v = await storeVoicesCsv(store, csv, { rules: voiceRules(model, now), by: actor, state: 'submitted', now, batchId: uploadId, inTransaction: true });
            // A bad quote stops the whole entry: the transaction rolls back and the issues are sent.
            if (!v.ok) {
              voiceIssues = v.issues;
              throw new Error('voice refused');
            }
          }
        };
        try {
          const r = await ingestBytes(store, bytes, tmpDir, { initiative: model.id, model, fileName, uploadedBy: actor, inTransaction, inGroup, now });
          if (!r.ok || r.duplicateOf) await appendAudit(store, { ...audit, outcome: r.duplicateOf ? 'duplicate' : 'rejected', uploadId: r.uploadId, rows: r.rowsWritten });
          return r;
        } catch (err) {
          // In a group the group must roll back (it runs this job again alone); alone, the upload rolled back itself.
          if (inGroup || voiceIssues.length === 0) throw err;
          await appendAudit(store, { ...audit, outcome: 'rejected' });
          return { ok: false, uploadId: null, rowsWritten: 0, rowsRead: 0, dryRun: false, issues: voiceIssues };
        }
      });
      const out = { ...result, sha256, fileName };
      if (!result.ok) return reply.code(422).send({ ...out, ...errorBody('upload.invalid', serverText('upload.invalid', { count: result.issues.length })) });
      return reply.code(result.duplicateOf ? 200 : 201).send(out);
    });

    // Participants' voices as CSV (datum;tekst;toestemming[;indicator;antwoord;score]): checked like a data file,
    // stored whole or not at all, submitted for approval and audited; only consented ones ever reach a report.
    api.post('/api/initiatives/:id/voices', async (request, reply) => {
      const model = initiativeFor(request, 'write');
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new HttpError(415, 'upload.unsupported-type');
      if (lineCount(body) > limits.rows) throw new HttpError(413, 'upload.too-many-rows', { limit: limits.rows });
      const token = who(request);
      const actor = `token:${token.id}`;
      const now = new Date();
      const rules = voiceRules(model, now);
      const result = await queue.run(async () => {
        const r = await storeVoicesCsv(store, new TextDecoder('utf-8').decode(body), { rules, by: actor, state: 'submitted', now });
        await appendAudit(store, {
          actor,
          action: 'voices',
          initiative: model.id,
          sha256: sha256Of(body),
          outcome: !r.ok ? 'rejected' : r.rowsWritten === 0 ? 'duplicate' : 'committed',
          uploadId: r.batchId,
          rows: r.rowsWritten,
        });
        return r;
      });
      if (!result.ok) return reply.code(422).send({ ...result, ...errorBody('upload.invalid', serverText('upload.invalid', { count: result.issues.length })) });
      return reply.code(result.rowsWritten > 0 ? 201 : 200).send(result);
    });

    api.get('/api/initiatives/:id/uploads', async (request) => {
      const model = initiativeFor(request, 'read');
      const [list, reviews] = await queue.run(async () => [await store.listUploads(model.id), await uploadReviews(store, model.id)] as const);
      // An upload without a review step is from before reviews or from the store's owner (CLI): approved.
      const uploads = list.map((u) => {
        const r = reviews.get(u.id);
        return { ...u, state: r?.state ?? 'approved', reviewReason: r?.reason ?? null, reviewedBy: r && r.state !== 'submitted' ? r.actor : null, reviewedAt: r && r.state !== 'submitted' ? r.at : null };
      });
      return { initiative: model.id, uploads };
    });

    api.post('/api/initiatives/:id/uploads/:uploadId/review', async (request) => {
      const model = initiativeFor(request, 'read');
      const token = who(request);
      if (!canReview(token, model)) throw new HttpError(403, 'access.reviewer-only');
      const uploadId = (request.params as { uploadId: string }).uploadId;
      if (!/^[0-9a-f]{16}$/.test(uploadId)) throw new HttpError(400, 'request.invalid-id', { value: uploadId.slice(0, 80) });
      const parsed = reviewSchema.safeParse(request.body);
      if (!parsed.success || (parsed.data.decision === 'return' && !parsed.data.reason?.trim())) throw new HttpError(400, 'review.invalid', { limit: REVIEW_REASON_MAX });
      const decision = parsed.data.decision;
      const reason = parsed.data.reason?.trim() || null;
      const state = decision === 'approve' ? 'approved' : 'returned';
      const actor = `token:${token.id}`;
      const done = await queue.run(async () => {
        const exists = (await store.listUploads(model.id)).some((u) => u.id === uploadId) || (await voiceBatchExists(store, model.id, uploadId));
        if (!exists) return false;
        await store.connection.run('BEGIN TRANSACTION');
        try {
          await recordUploadReview(store, { uploadId, initiative: model.id, state, reason, actor });
          await appendAudit(store, { actor, action: `upload.${decision}`, initiative: model.id, sha256: sha256Of({ uploadId, state, reason: reason ?? '' }), outcome: 'ok', uploadId, detail: reason });
          await store.connection.run('COMMIT');
        } catch (e) {
          await store.connection.run('ROLLBACK');
          throw e;
        }
        return true;
      });
      if (!done) throw new HttpError(404, 'upload.not-found', { value: uploadId });
      return { uploadId, state, reason };
    });

    /** The as-of date of a request: `?asOf=YYYY-MM-DD`, default today. */
    const asOfOf = (request: FastifyRequest): string => {
      const asOf = (request.query as Record<string, unknown>)['asOf'];
      if (asOf === undefined) return new Date().toISOString().slice(0, 10);
      if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))
        throw new HttpError(400, 'request.invalid-query', { value: 'asOf' });
      return asOf;
    };

    /** `?includeSubmitted=true`: count uploads still waiting for approval too (a preview). */
    const submittedOf = (request: FastifyRequest): boolean => bool((request.query as Record<string, unknown>)['includeSubmitted'], 'includeSubmitted');

    api.get('/api/initiatives/:id/evaluation', async (request) => {
      const model = initiativeFor(request, 'read');
      const asOf = asOfOf(request);
      const includeSubmitted = submittedOf(request);
      return queue.run(() => evaluations.get(store, model, asOf, includeSubmitted));
    });

    api.get('/api/initiatives/:id/report', async (request, reply) => {
      const model = initiativeFor(request, 'read');
      const query = request.query as Record<string, unknown>;
      const lang = query['lang'] ?? 'nl';
      const view = query['view'] ?? 'council';
      if (lang !== 'nl' && lang !== 'en') throw new HttpError(400, 'request.invalid-query', { value: 'lang' });
      if (!reportViews.includes(view as ReportView)) throw new HttpError(400, 'request.invalid-query', { value: 'view' });
      const asOf = asOfOf(request);
      const includeSubmitted = submittedOf(request);
      const evaluation = await queue.run(() => evaluations.get(store, model, asOf, includeSubmitted));
      // No report without a valuation (e.g. monitoring data the model needs is missing): say why, as for /evaluation.
      if (!evaluation.result) throw new InvalidInputError(evaluation.error!.code, evaluation.error!.message);
      const uploadIds = [
        ...evaluation.result.provenance.map((p) => `${p.note ?? ''}:${p.rows ?? ''}`),
        `submitted:${includeSubmitted}`,
        ...(evaluation.result.voices ?? []).map((v) => `voice:${v.batchId}:${v.row}`),
      ];
      const body = await reports.get(model, evaluation.result, uploadIds, lang, view as ReportView, () => new Date());
      if (view === 'json') return reply.type('application/json; charset=utf-8').send(body);
      return reply.type('text/html; charset=utf-8').header('content-security-policy', reportCsp).send(body);
    });

    api.get('/api/audit', async (request) => {
      evaluatorOnly(request);
      const query = request.query as Record<string, unknown>;
      const initiative = query['initiative'];
      if (initiative !== undefined && (typeof initiative !== 'string' || !INITIATIVE_ID.test(initiative)))
        throw new HttpError(400, 'request.invalid-id', { value: String(initiative).slice(0, 80) });
      return { entries: await queue.run(() => listAudit(store, initiative === undefined ? { limit: 500 } : { initiative, limit: 500 })) };
    });

    // Tokens can be made and revoked while the service runs (the CLI cannot open a store the service holds).
    api.post('/api/tokens', async (request, reply) => {
      evaluatorOnly(request);
      const parsed = newTokenSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'request.bad');
      const spec = parsed.data;
      const actor = `token:${who(request).id}`;
      const created = await queue.run(async () => {
        const c = await createToken(store, {
          role: spec.role,
          ...(spec.initiative !== undefined ? { initiative: spec.initiative } : {}),
          ...(spec.municipality !== undefined ? { municipality: spec.municipality } : {}),
          ...(spec.label !== undefined ? { label: spec.label } : {}),
          createdBy: actor,
        });
        await appendAudit(store, {
          actor,
          action: 'token.create',
          initiative: c.record.role === 'coalition' ? c.record.scope : null,
          sha256: sha256Of({ id: c.record.id, role: c.record.role, scope: c.record.scope }),
          outcome: 'ok',
          detail: c.record.id,
        });
        return c;
      });
      // The only time the token text is sent; it is not logged.
      return reply.code(201).send({ token: created.token, record: created.record });
    });

    api.post('/api/tokens/:tokenId/revoke', async (request) => {
      evaluatorOnly(request);
      const id = (request.params as { tokenId: string }).tokenId;
      if (!/^[0-9a-f]{12}$/.test(id)) throw new HttpError(400, 'request.invalid-id', { value: id.slice(0, 80) });
      const actor = `token:${who(request).id}`;
      const done = await queue.run(async () => {
        const ok = await revokeToken(store, id);
        if (ok) await appendAudit(store, { actor, action: 'token.revoke', initiative: null, sha256: sha256Of({ id, action: 'revoke' }), outcome: 'ok', detail: id });
        return ok;
      });
      if (!done) throw new HttpError(404, 'token.not-found', { value: id });
      return { revoked: id };
    });
  });

  return app;
}
