import type { LocalisedText, MessageCode } from './messages.js';
import { cutText } from './cut-text.js';
import { describe, type Params } from './messages.js';

/** Path of a value inside a document, as keys and array indexes. */
export type PathSegment = string | number;

/**
 * A problem found in a model file: what is wrong, where, and how to fix it, in Dutch and English.
 * `file` and `line` are added by the loader that read the file.
 */
export interface ModelIssue {
  readonly code: MessageCode;
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly value?: unknown;
  readonly message: LocalisedText;
  readonly fix: LocalisedText;
  readonly file?: string;
  readonly line?: number;
}

/** Renders `['outcomes', 2, 'proxy']` as `outcomes[2].proxy`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out === '' ? '(root)' : out;
}

/** Builds a model issue from a catalogue code. */
export function modelIssue(
  code: MessageCode,
  segments: readonly PathSegment[],
  params: Params = {},
  value?: unknown,
): ModelIssue {
  const text = describe(code, params);
  const base = { code, path: formatPath(segments), segments: [...segments], message: text.message, fix: text.fix };
  return value === undefined ? base : { ...base, value: typeof value === 'string' ? cutText(value) : value };
}
