import {
  RendementError,
  buildReport,
  modelUncertainty,
  reportInputFrom,
  type InitiativeEvaluation,
  type Lang,
  type Model,
  type ProvenanceEntry,
  type ReportInput,
  type UploadRecord,
} from '../index.js';

/** The two HTML views of a report: for the council, and in plain language for the neighbourhood. */
export const reportViews = ['council', 'neighbourhood'] as const;
export type ReportView = (typeof reportViews)[number];

/** Where the data behind a report came from: every upload, with who, when, how many rows and its sha256. */
export function uploadProvenance(uploads: readonly UploadRecord[]): ProvenanceEntry[] {
  return uploads.map((u) => ({
    source: `upload ${u.id} (${u.uploadedBy})`,
    file: u.fileName,
    rows: u.rowCount,
    received: u.uploadedAt,
    checksum: `sha256:${u.sha256}`,
  }));
}

/**
 * The report input of an initiative from its evaluation (`evaluateInitiative`): the valuation with quantities
 * from the store, the criteria scorecard and indicator series, uncertainty (the evaluation's own, or run here
 * when the model allows it) and the uploads as provenance.
 */
export function reportInputFor(model: Model, result: InitiativeEvaluation, uploads: readonly UploadRecord[], lang: Lang): ReportInput {
  const provenance = uploadProvenance(uploads);
  try {
    // The same quantities and derived deadweights as the valuation.
    const uncertainty = result.uncertainty ?? modelUncertainty(model, result.valueOptions);
    return reportInputFrom(model, { ...result, uncertainty }, lang, provenance);
  } catch (e) {
    if (!(e instanceof RendementError)) throw e;
    return reportInputFrom(model, result, lang, provenance);
  }
}

/**
 * Builds the HTML views of reports and keeps the latest few: a report is rebuilt only when the initiative's
 * uploads change (the cache key holds the upload ids), since building one takes about half a second of CPU.
 */
export class ReportCache {
  private readonly entries = new Map<string, Promise<Record<ReportView, string>>>();
  constructor(private readonly size = 32) {}

  get(
    model: Model,
    result: InitiativeEvaluation,
    uploads: readonly UploadRecord[],
    lang: Lang,
    view: ReportView,
    now: () => Date,
  ): Promise<string> {
    const key = `${model.id}|${result.evaluation.asOf}|${lang}|${uploads.map((u) => u.id).join(',')}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = (async () => {
        const input = reportInputFor(model, result, uploads, lang);
        const bundle = await buildReport(input, { lang, generatedAt: now().toISOString() }, ['html']);
        const file = (name: string): string => String(bundle.files.find((f) => f.path === name)?.content ?? '');
        return { council: file('council.html'), neighbourhood: file('neighbourhood.html') };
      })();
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return entry.then((views) => views[view]);
  }
}
