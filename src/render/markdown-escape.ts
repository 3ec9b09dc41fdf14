/**
 * Text from a model or a file, made inert in Markdown: `<` and `>` become entities, so no HTML tag survives
 * (CommonMark 0.31 §6.6, raw HTML); `\ ` * _ [ ]` are escaped with a backslash (§2.4), so no link, image or
 * emphasis can be formed; line breaks become spaces, so the text cannot start a heading, list or block of its own.
 * @example markdownText('<b>[klik](javascript:x)</b>') // '&lt;b&gt;\\[klik\\](javascript:x)&lt;/b&gt;'
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}
