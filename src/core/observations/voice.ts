import { observationIssue, type ObservationIssue } from './issue.js';
import { parsePeriod } from './period.js';
import { parseNumber } from './number.js';
import type { ObservationRules } from './rules.js';

/** The longest quote kept: a few sentences, as a report shows them. */
export const VOICE_TEXT_MAX = 1000;

/** A participant's words or survey answer: when, whether they agreed to be quoted, and what it is about. */
export interface Voice {
  readonly text: string;
  readonly date: string;
  readonly consent: boolean;
  readonly indicator: string | null;
  readonly answer: string | null;
  readonly score: number | null;
  readonly row: number;
}

const ALIASES = {
  date: ['datum', 'date'],
  text: ['tekst', 'text', 'citaat', 'quote', 'uitspraak'],
  consent: ['toestemming', 'consent'],
  indicator: ['indicator'],
  answer: ['antwoord', 'answer'],
  score: ['score', 'cijfer'],
} as const;

const YES = ['ja', 'yes', 'j', 'y', '1', 'true', 'waar'];
const NO = ['nee', 'no', 'n', '0', 'false', 'onwaar', ''];

/**
 * Checks participants' voices (header first, then one row per quote or answer): a date (not after the upload day, see
 * `rules.today`), a text of at most VOICE_TEXT_MAX characters, consent ja/nee (empty is no: without a yes a quote is
 * never shown), an optional indicator of the model, answer and score. Collects every issue, like the data checks.
 * @example checkVoices([['datum', 'tekst', 'toestemming'], ['2025-03-01', 'Fijn hier', 'ja']], rules).voices[0].consent // true
 */
export function checkVoices(records: readonly (readonly string[])[], rules: ObservationRules): { voices: Voice[]; issues: ObservationIssue[] } {
  const issues: ObservationIssue[] = [];
  const voices: Voice[] = [];
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const at: Partial<Record<keyof typeof ALIASES, number>> = {};
  for (const [field, names] of Object.entries(ALIASES) as [keyof typeof ALIASES, readonly string[]][]) {
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) at[field] = i;
  }
  for (const f of ['date', 'text', 'consent'] as const)
    if (at[f] === undefined) issues.push(observationIssue('data.missing-column', 1, f, null, { column: f, expected: ALIASES[f].join(', ') }));
  if (issues.length > 0) return { voices, issues };
  records.slice(1).forEach((cells, k) => {
    const row = k + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const get = (f: keyof typeof ALIASES): string => (at[f] === undefined ? '' : (cells[at[f]!] ?? '').trim());
    const col = (f: keyof typeof ALIASES): string => records[0]![at[f]!]!;
    const before = issues.length;
    const text = get('text');
    if (text === '') issues.push(observationIssue('voice.missing-text', row, col('text'), null));
    else if (text.length > VOICE_TEXT_MAX) issues.push(observationIssue('voice.text-too-long', row, col('text'), text, { limit: VOICE_TEXT_MAX }));
    const p = parsePeriod(get('date'));
    if (!p.ok || p.value.grain !== 'date') issues.push(observationIssue('data.invalid-date', row, col('date'), get('date') || null));
    else if (rules.today !== undefined && p.value.start > rules.today)
      issues.push(observationIssue('data.future-period', row, col('date'), get('date'), { start: p.value.start, today: rules.today }));
    const consentText = get('consent').toLowerCase();
    if (!YES.includes(consentText) && !NO.includes(consentText)) issues.push(observationIssue('voice.invalid-consent', row, col('consent'), get('consent')));
    const indicator = get('indicator') || null;
    if (indicator !== null && rules.indicators && !rules.indicators.has(indicator))
      issues.push(observationIssue('data.unknown-indicator', row, col('indicator'), indicator, { expected: [...rules.indicators.keys()].join(', '), suggestion: '' }));
    const scoreText = get('score');
    const score = scoreText === '' ? null : parseNumber(scoreText, rules.decimal);
    if (score !== null && score.kind !== 'number' && score.kind !== 'missing') issues.push(observationIssue('data.not-a-number', row, col('score'), scoreText));
    if (issues.length > before || !p.ok) return;
    voices.push({
      text,
      date: p.value.start,
      consent: YES.includes(consentText),
      indicator,
      answer: get('answer').slice(0, VOICE_TEXT_MAX) || null,
      score: score?.kind === 'number' ? score.value : null,
      row,
    });
  });
  if (issues.length === 0 && voices.length === 0) issues.push(observationIssue('data.no-data-rows', 1, null, null));
  return { voices, issues };
}
