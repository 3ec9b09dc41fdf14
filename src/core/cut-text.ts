/** Most characters of a value repeated back in a message or issue: enough to recognise it, never a whole file. */
export const ECHO_LIMIT = 200;

/**
 * A value as it may be echoed to a person: at most {@link ECHO_LIMIT} characters, then "…" and how many more
 * there were. An error once echoed a whole 19 MB cell (issue 15).
 * @example cutText('x'.repeat(1000)) // 'xxx…x… (+800)'
 */
export function cutText(text: string, limit = ECHO_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (+${text.length - limit})`;
}
