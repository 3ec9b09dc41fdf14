import type { UploadRecord } from '../data/store.js';
import type { TokenRecord } from '../data/tokens.js';
import { uploaderLabel } from '../data/uploader-label.js';
import type { ProvenanceEntry } from '../render/report-input.js';

/** Where data behind an evaluation came from: one upload, in the one shape every route and report uses. */
export type Provenance = ProvenanceEntry;

/**
 * The uploads behind an evaluation as provenance entries, in the order given: the dataset (initiative id or public
 * dataset) as source, the file, the rows still current, when it was received, its sha256, and the upload id with
 * who sent it as note — an uploading token by its label (else its role), never by its id.
 * @example provenanceOf(await store.listUploads('buurthuis-moerwijk'), [])[0].checksum // 'sha256:…'
 */
export function provenanceOf(uploads: readonly UploadRecord[], tokens: readonly TokenRecord[]): Provenance[] {
  return uploads.map((u) => ({
    source: u.initiative,
    file: u.fileName,
    rows: u.currentRows,
    received: u.uploadedAt,
    checksum: `sha256:${u.sha256}`,
    note: `${u.id} · ${u.sourceKind} · ${uploaderLabel(u.uploadedBy, tokens)}`,
  }));
}
