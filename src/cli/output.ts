import type { Lang, ModelIssue } from '../index.js';
import { printable } from './printable.js';

/** Writes a line to a stream. */
export function line(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** A plain text table with right-aligned numeric columns; cells are made printable (no terminal control characters). */
export function table(headers: readonly string[], cells: readonly (readonly string[])[], rightAlign: readonly boolean[] = []): string {
  const rows = cells.map((r) => r.map(printable));
  // A reduce, not Math.max(...rows): a portfolio table may have more rows than a call takes arguments.
  const widths = headers.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
  const fmt = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/** Renders model issues for a person: file:line, path, what is wrong, how to fix it. */
export function formatIssues(issues: readonly ModelIssue[], lang: Lang): string {
  return issues
    .map((i) => {
      const where = `${i.file ?? ''}${i.line !== undefined ? `:${i.line}` : ''}`;
      const fixLabel = lang === 'nl' ? 'Oplossing' : 'Fix';
      return `✗ ${where} ${i.path}\n  ${i.message[lang]}\n  ${fixLabel}: ${i.fix[lang]}`;
    })
    .join('\n');
}

/** Stable JSON for machine output: two-space indent, trailing newline. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
