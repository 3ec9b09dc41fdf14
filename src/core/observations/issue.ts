import { cutText } from '../cut-text.js';
import { describe, type LocalisedText, type MessageCode, type Params } from '../messages.js';

/**
 * A problem found in a monitoring data file: what is wrong, where (row as numbered in a spreadsheet,
 * header = row 1; column by its header name), the offending text, and how to fix it, in Dutch and English.
 * File-level problems have `row` 1 (the header) or 0 (no content) and may have `column: null`.
 */
export interface ObservationIssue {
  readonly code: MessageCode;
  readonly row: number;
  readonly column: string | null;
  readonly value: string | null;
  readonly message: LocalisedText;
  readonly fix: LocalisedText;
}

/**
 * Builds an observation issue from a catalogue code (DESIGN convention 5: issues are collected, not thrown).
 * @example observationIssue('data.not-a-number', 4, 'waarde', 'veel', { column: 'waarde', value: 'veel' })
 */
export function observationIssue(
  code: MessageCode,
  row: number,
  column: string | null,
  value: string | null,
  params: Params = {},
): ObservationIssue {
  const text = describe(code, { column: column ?? undefined, value: value ?? undefined, ...params });
  return { code, row, column, value: value === null ? null : cutText(value), message: text.message, fix: text.fix };
}
