import { buildReport, initiativeReportInput, type InitiativeEvaluation, type Lang, type Model } from '../index.js';

/** The views of a report: for the council, in plain language for the neighbourhood, and every number as JSON. */
export const reportViews = ['council', 'neighbourhood', 'json'] as const;
export type ReportView = (typeof reportViews)[number];

/**
 * Builds the views of reports and keeps the latest few: a report is rebuilt only when the initiative's uploads
 * change (the cache key holds the upload ids), since building one takes about half a second of CPU.
 */
export class ReportCache {
  private readonly entries = new Map<string, Promise<Record<ReportView, string>>>();
  constructor(private readonly size = 32) {}

  get(
    model: Model,
    result: InitiativeEvaluation,
    uploadIds: readonly string[],
    lang: Lang,
    view: ReportView,
    now: () => Date,
  ): Promise<string> {
    const key = `${model.id}|${result.evaluation.asOf}|${lang}|${uploadIds.join(',')}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = (async () => {
        // The same report input as `rendement report` and `portfolio` (initiativeReportInput).
        const bundle = await buildReport(initiativeReportInput(model, result, lang), { lang, generatedAt: now().toISOString() }, ['html', 'json']);
        const file = (name: string): string => String(bundle.files.find((f) => f.path === name)?.content ?? '');
        return { council: file('council.html'), neighbourhood: file('neighbourhood.html'), json: file('report.json') };
      })();
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return entry.then((views) => views[view]);
  }
}
