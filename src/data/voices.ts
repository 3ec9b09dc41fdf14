import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { checkVoices, observationIssue, rulesFromModel, type Model, type ObservationIssue, type ObservationRules, type Voice } from '../core/index.js';
import type { ObservationStore } from './store.js';
import { detectDelimiter } from './sniff-file.js';
import { decimalFor } from './read-observations.js';
import { ensureUploadReviews, recordUploadReview, uploadReviews, type UploadState } from './upload-reviews.js';
import { inOwnTransaction } from './commit-upload.js';

/** A stored voice with the batch it came in (its id shares the review steps of uploads). */
export interface StoredVoice extends Voice {
  readonly batchId: string;
}

export function createVoicesSql(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS voices (
  batch_id VARCHAR NOT NULL,
  initiative VARCHAR NOT NULL,
  "row" BIGINT NOT NULL,
  said_on DATE NOT NULL,
  text VARCHAR NOT NULL,
  consent BOOLEAN NOT NULL,
  indicator VARCHAR,
  answer VARCHAR,
  score DOUBLE,
  submitted_by VARCHAR NOT NULL,
  submitted_at TIMESTAMP NOT NULL
)`,
  ];
}

const ensured = new WeakSet<ObservationStore>();

/** Creates the voices table (and the review table) if missing; call before a transaction that writes voices. */
export async function ensureVoices(store: ObservationStore): Promise<void> {
  await ensureUploadReviews(store);
  if (ensured.has(store)) return;
  for (const sql of createVoicesSql()) await store.connection.run(sql);
  ensured.add(store);
}

/** The id of a batch of voices: the first 16 hex digits of sha256("voices", initiative, content). */
export function voiceBatchId(initiative: string, content: string): string {
  return createHash('sha256').update(`voices\n${initiative}\n${content}`).digest('hex').slice(0, 16);
}

/** What storing a batch of voices gave. */
export interface VoicesResult {
  readonly ok: boolean;
  readonly batchId: string | null;
  readonly rowsWritten: number;
  readonly issues: readonly ObservationIssue[];
}

/**
 * Checks and stores participants' voices from CSV text (all or nothing), under a batch id whose review state is
 * recorded like an upload's (`state`: the service's `submitted`, the CLI owner's `approved`). Runs inside the
 * caller's transaction when `inTransaction` is true (the form stores data and voices together).
 * @example await storeVoicesCsv(store, 'datum;tekst;toestemming\n2025-03-01;Fijn hier;ja\n', { rules, by: 'cli:ria', state: 'approved', now })
 */
export async function storeVoicesCsv(
  store: ObservationStore,
  text: string,
  o: { readonly rules: Omit<ObservationRules, 'decimal'>; readonly by: string; readonly state: UploadState; readonly now: Date; readonly batchId?: string; readonly inTransaction?: boolean },
): Promise<VoicesResult> {
  const body = text.replace(/^\ufeff/, '');
  const delimiter = detectDelimiter(body.split(/\r?\n|\r/, 1)[0] ?? '');
  if (delimiter === null) return { ok: false, batchId: null, rowsWritten: 0, issues: [observationIssue('data.single-column', 1, null, null)] };
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    return { ok: false, batchId: null, rowsWritten: 0, issues: [observationIssue('data.unclosed-quote', 1, null, null, { detail: e instanceof Error ? e.message : String(e) })] };
  }
  const { voices, issues } = checkVoices(records, { ...o.rules, decimal: decimalFor(delimiter) });
  if (issues.length > 0) return { ok: false, batchId: null, rowsWritten: 0, issues };
  return storeVoices(store, voices, { ...o, batchId: o.batchId ?? voiceBatchId(o.rules.initiative, body) });
}

/** Stores checked voices under `batchId` with a review step (in the caller's transaction when `inTransaction`). */
export async function storeVoices(
  store: ObservationStore,
  voices: readonly Voice[],
  o: { readonly rules: Pick<ObservationRules, 'initiative'>; readonly by: string; readonly state: UploadState; readonly now: Date; readonly batchId: string; readonly inTransaction?: boolean },
): Promise<VoicesResult> {
  await ensureVoices(store);
  const [dup] = await store.query('SELECT count(*) AS n FROM voices WHERE batch_id = $id', { id: o.batchId });
  if (Number(dup?.['n']) > 0) return { ok: true, batchId: o.batchId, rowsWritten: 0, issues: [observationIssue('data.duplicate-upload', 0, null, o.batchId)] };
  const c = store.connection;
  const at = o.now.toISOString().replace('T', ' ').replace('Z', '');
  const writes = async (): Promise<void> => {
    for (const v of voices)
      await c.run(
        `INSERT INTO voices VALUES ($batch, $initiative, $row, $date::DATE, $text, $consent, $indicator, $answer, $score, $by, $at::TIMESTAMP)`,
        { batch: o.batchId, initiative: o.rules.initiative, row: v.row, date: v.date, text: v.text, consent: v.consent, indicator: v.indicator, answer: v.answer, score: v.score, by: o.by, at },
      );
    await recordUploadReview(store, { uploadId: o.batchId, initiative: o.rules.initiative, state: o.state, reason: null, actor: o.by, at: o.now });
  };
  if (o.inTransaction) await writes();
  else await inOwnTransaction(store, writes);
  return { ok: true, batchId: o.batchId, rowsWritten: voices.length, issues: [] };
}

/** Whether a batch of voices exists for an initiative (so a review can name it). */
export async function voiceBatchExists(store: ObservationStore, initiative: string, batchId: string): Promise<boolean> {
  const [t] = await store.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'voices' AND table_schema = 'main'`);
  if (Number(t?.['n']) === 0) return false;
  const [r] = await store.query('SELECT count(*) AS n FROM voices WHERE batch_id = $id AND initiative = $initiative', { id: batchId, initiative });
  return Number(r?.['n']) > 0;
}

/**
 * The voices a report may show: consented only, from approved batches (or also submitted ones in a preview), newest
 * first, at most `limit`.
 * @example await voicesFor(store, 'buurthuis-moerwijk')
 */
export async function voicesFor(store: ObservationStore, initiative: string, options: { includeSubmitted?: boolean; limit?: number; to?: string } = {}): Promise<StoredVoice[]> {
  const [t] = await store.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'voices' AND table_schema = 'main'`);
  if (Number(t?.['n']) === 0) return [];
  const reviews = await uploadReviews(store, initiative);
  const rows = await store.query(
    `SELECT batch_id, "row", strftime(said_on, '%Y-%m-%d') AS said_on, text, consent, indicator, answer, score FROM voices
WHERE initiative = $initiative AND consent AND ($to IS NULL OR said_on <= $to::DATE) ORDER BY said_on DESC, batch_id, "row"`,
    { initiative, to: options.to ?? null },
  );
  return rows
    .filter((r) => {
      const state = reviews.get(String(r['batch_id']))?.state ?? 'approved';
      return state === 'approved' || (options.includeSubmitted === true && state === 'submitted');
    })
    .slice(0, options.limit ?? 20)
    .map((r) => ({
      batchId: String(r['batch_id']),
      row: Number(r['row']),
      date: String(r['said_on']),
      text: String(r['text']),
      consent: Boolean(r['consent']),
      indicator: (r['indicator'] as string | null) ?? null,
      answer: (r['answer'] as string | null) ?? null,
      score: r['score'] === null ? null : Number(r['score']),
    }));
}

/** The rules voices of an initiative are checked against: its indicators, and no date after `now` (UTC day). */
export function voiceRules(model: Model, now: Date): Omit<ObservationRules, 'decimal'> {
  const { decimal: _decimal, ...rules } = rulesFromModel(model, '.');
  return { ...rules, today: now.toISOString().slice(0, 10) };
}
