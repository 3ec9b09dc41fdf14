import type { TokenRecord } from './tokens.js';

/**
 * How a report names who uploaded: a service token by its label (else its role), never by its id — an id is half of
 * what a login needs and reports go to councils and neighbourhoods. Other uploaders (`cli:anna`) are kept.
 * @example uploaderLabel('token:3f9a0c21b7d4', tokens) // 'Bewonersgroep Zuidkant' (its label) or 'coalition token'
 */
export function uploaderLabel(uploadedBy: string, tokens: readonly TokenRecord[]): string {
  const m = /^token:([0-9a-f]{12})$/.exec(uploadedBy);
  if (!m) return uploadedBy;
  const token = tokens.find((t) => t.id === m[1]);
  if (!token) return 'token';
  return token.label ?? `${token.role} token`;
}
