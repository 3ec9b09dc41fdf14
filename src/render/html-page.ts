import { escapeHtml } from './html-escape.js';
import { reportCss } from './report-css.js';

/** A self-contained HTML page: inline CSS, no script, no external URL; the one generation time is marked twice (meta and footer line) and nowhere else. */
export interface HtmlPageParts {
  readonly lang: 'nl' | 'en';
  readonly title: string;
  readonly generatedAt: string;
  readonly generatedLine: string;
  readonly skipLabel: string;
  readonly body: string;
}

/** Assembles a complete report page. */
export function htmlPage(p: HtmlPageParts): string {
  return `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rendement">
<meta name="generated" content="${escapeHtml(p.generatedAt)}">
<title>${escapeHtml(p.title)}</title>
<style>${reportCss}</style>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(p.skipLabel)}</a>
<main id="main" class="page">
${p.body}
<footer class="report-footer">
<p class="generated" data-generated>${escapeHtml(p.generatedLine)}</p>
</footer>
</main>
</body>
</html>
`;
}

/** The generation time as shown to readers, independent of the machine's time zone: "2026-11-25 20:15 UTC". */
export function generatedStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
