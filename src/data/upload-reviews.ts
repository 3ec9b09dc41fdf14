import type { ObservationStore } from './store.js';

/** Where an upload stands: sent in by a coalition, approved by a council or evaluator, or returned with a reason. */
export type UploadState = 'submitted' | 'approved' | 'returned';
export const uploadStates: readonly UploadState[] = ['submitted', 'approved', 'returned'];

/** One step of an upload's review, as stored (append-only: a later step overrides an earlier one). */
export interface UploadReview {
  readonly uploadId: string;
  readonly initiative: string;
  readonly state: UploadState;
  readonly reason: string | null;
  /** Who: `token:<id>` (with the token's label where known) or `cli:<user>`. */
  readonly actor: string;
  readonly at: string;
}

/** The longest reason a council can give when it returns an upload. */
export const REVIEW_REASON_MAX = 500;

export function createReviewsSql(): string[] {
  return [
    'CREATE SEQUENCE IF NOT EXISTS upload_review_seq START 1',
    `CREATE TABLE IF NOT EXISTS upload_reviews (
  seq BIGINT PRIMARY KEY DEFAULT nextval('upload_review_seq'),
  upload_id VARCHAR NOT NULL,
  initiative VARCHAR NOT NULL,
  state VARCHAR NOT NULL CHECK (state IN ('submitted', 'approved', 'returned')),
  reason VARCHAR,
  actor VARCHAR NOT NULL,
  reviewed_at TIMESTAMP NOT NULL
)`,
  ];
}

export function insertReviewSql(): string {
  return `INSERT INTO upload_reviews (upload_id, initiative, state, reason, actor, reviewed_at)
VALUES ($upload_id, $initiative, $state, $reason, $actor, $at::TIMESTAMP)`;
}

/** The latest step of every upload of an initiative (uploads without any step are not listed: they count as approved). */
export function latestReviewsSql(): string {
  return `SELECT upload_id, initiative, arg_max(state, seq) AS state, arg_max(reason, seq) AS reason, arg_max(actor, seq) AS actor,
  strftime(arg_max(reviewed_at, seq), '%Y-%m-%dT%H:%M:%S.%gZ') AS at, max(seq) AS seq
FROM upload_reviews
WHERE $initiative IS NULL OR initiative = $initiative
GROUP BY upload_id, initiative
ORDER BY upload_id`;
}

export function reviewsTableExistsSql(): string {
  return `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'upload_reviews' AND table_schema = 'main'`;
}

/**
 * The current observations that count, by approval: per key (initiative, indicator, area, period) the row of the
 * newest upload whose latest review step is approved (or, with $submitted, approved or submitted); an upload with
 * no review step (from before reviews, or a CLI ingest by the store's owner) counts as approved, a returned upload
 * never. So a submitted correction leaves the approved value in place until it is approved itself. Same columns,
 * filters and order as selectObservationsSql.
 */
export function selectReviewedObservationsSql(): string {
  return `WITH st AS (SELECT upload_id, arg_max(state, seq) AS state FROM upload_reviews GROUP BY upload_id),
c AS (
  SELECT o.*, u.key AS upload_key FROM observations o
  JOIN uploads u ON u.id = o.upload_id
  LEFT JOIN st ON st.upload_id = o.upload_id
  WHERE ($initiative IS NULL OR o.initiative = $initiative)
    AND (coalesce(st.state, 'approved') = 'approved' OR ($submitted AND st.state = 'submitted'))
    AND ($indicator IS NULL OR o.indicator = $indicator)
    AND ($area IS NULL OR o.area = $area)
    AND ($from IS NULL OR o.period_start >= $from::DATE)
    AND ($to IS NULL OR o.period_end <= $to::DATE)
  QUALIFY row_number() OVER (PARTITION BY o.initiative, o.indicator, o.area, o.period ORDER BY u.key DESC) = 1
)
SELECT upload_id || ':' || "row" AS row_id, upload_id, "row", initiative, indicator, area, period,
  strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
  value, unit, source, n, sd, note, NULL::VARCHAR AS superseded_by
FROM c
ORDER BY initiative, indicator, area, period_start, period, upload_id, "row"`;
}

const ensured = new WeakSet<ObservationStore>();

/** Creates the review table if it does not exist (idempotent; once per open store). Call before any upload transaction. */
export async function ensureUploadReviews(store: ObservationStore): Promise<void> {
  if (ensured.has(store)) return;
  for (const sql of createReviewsSql()) await store.connection.run(sql);
  ensured.add(store);
}

/** Whether the store has review steps at all (a store that never had one counts every upload as approved). */
export async function hasUploadReviews(store: ObservationStore): Promise<boolean> {
  if (ensured.has(store)) return true;
  const [r] = await store.query(reviewsTableExistsSql());
  const exists = Number(r?.['n']) > 0;
  // A table once made stays: no need to look again.
  if (exists) ensured.add(store);
  return exists;
}

/**
 * Appends one review step. Call it through the same serialised writer as other writes (inside an upload's
 * transaction for the `submitted` step, so the upload and its state are kept together or not at all).
 * @example await recordUploadReview(store, { uploadId, initiative, state: 'approved', reason: null, actor: 'token:3f9a0c21b7d4' })
 */
export async function recordUploadReview(store: ObservationStore, step: Omit<UploadReview, 'at'> & { readonly at?: Date }): Promise<void> {
  await ensureUploadReviews(store);
  await store.connection.run(insertReviewSql(), {
    upload_id: step.uploadId,
    initiative: step.initiative,
    state: step.state,
    reason: step.reason === null ? null : step.reason.slice(0, REVIEW_REASON_MAX),
    actor: step.actor,
    at: (step.at ?? new Date()).toISOString().replace('T', ' ').replace('Z', ''),
  });
}

/**
 * The current state of every reviewed upload of an initiative (or all), by upload id; an upload missing from the
 * map has no review step and counts as approved.
 * @example (await uploadReviews(store, 'buurthuis-moerwijk')).get(uploadId)?.state // 'submitted'
 */
export async function uploadReviews(store: ObservationStore, initiative?: string): Promise<Map<string, UploadReview & { readonly seq: number }>> {
  const out = new Map<string, UploadReview & { seq: number }>();
  if (!(await hasUploadReviews(store))) return out;
  for (const r of await store.query(latestReviewsSql(), { initiative: initiative ?? null }))
    out.set(String(r['upload_id']), {
      uploadId: String(r['upload_id']),
      initiative: String(r['initiative']),
      state: String(r['state']) as UploadState,
      reason: (r['reason'] as string | null) ?? null,
      actor: String(r['actor']),
      at: String(r['at']),
      seq: Number(r['seq']),
    });
  return out;
}
