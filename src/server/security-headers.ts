import { createHash } from 'node:crypto';

/** Headers on every response: no sniffing, no referrer, never framed, same-origin only. */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/** CSP for JSON and errors: nothing may load, nothing may frame it. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * CSP for the web page: only its own inline script (by hash) runs; no external source of any kind; data goes
 * to the same origin only. Inline styles are allowed so that the embedded report (a sandboxed srcdoc frame,
 * which inherits this policy) keeps its styling; the frame is sandboxed without scripts.
 */
export function pageCsp(script: string): string {
  return [
    "default-src 'none'",
    `script-src ${hash(script)}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** CSP for a served report: its own inline styles and data images, no scripts, never framed elsewhere. */
export const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
