import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Text encodings rendement reads: UTF-8 (with or without BOM), Windows-1252 (older Dutch Excel "CSV") and UTF-16
 * little- or big-endian with its BOM (Excel's "Unicode text", tab-separated).
 */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** What one pass over a file found: its hash, size, encoding, whether it is binary, and its first line. */
export interface FileSniff {
  readonly sha256: string;
  readonly bytes: number;
  readonly encoding: TextEncoding;
  readonly bom: boolean;
  readonly binary: boolean;
  /** The file starts with a ZIP signature (PK\x03\x04): an Excel workbook (.xlsx) or another ZIP container. */
  readonly zip: boolean;
  /** Whether the file has an empty line (or what looks like one inside a quoted field): DuckDB's reader skips them. */
  readonly blankLines: boolean;
  /** The first line, decoded, without BOM and line ending (at most 64 KiB). */
  readonly firstLine: string;
}

const HEAD = 64 * 1024;

/** How many bytes of `b` end on a whole UTF-8 sequence (the rest is a sequence the next chunk completes). */
export function wholeUtf8Prefix(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const x = b[n - back]!;
    if ((x & 0xc0) === 0x80) continue;
    const length = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return length > back ? n - back : n;
  }
  return n;
}

/**
 * Reads a file once, streaming (bounded memory): sha256 of the bytes, UTF-8 validity (invalid UTF-8 falls back
 * to Windows-1252, the encoding of Excel's "CSV" on Dutch Windows), NUL bytes (binary: a spreadsheet, not a CSV).
 * @example const s = await sniffFile('uploads/bezoekers.csv'); s.sha256
 */
export async function sniffFile(path: string): Promise<FileSniff> {
  const hash = createHash('sha256');
  let validUtf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  let binary = false;
  let blankLines = false;
  let tail = Buffer.alloc(0);
  let bytes = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (headBytes < HEAD) {
      head.push(chunk.subarray(0, HEAD - headBytes));
      headBytes += Math.min(chunk.length, HEAD - headBytes);
    }
    if (!binary && chunk.includes(0)) binary = true;
    if (!blankLines) {
      // An empty line is two line ends in a row (\n\n, \r\n\r\n or \r\r), also across a chunk boundary.
      const look = Buffer.concat([tail, chunk.subarray(0, 3)]);
      blankLines = [chunk, look].some((b) => b.includes('\n\n') || b.includes('\n\r\n') || b.includes('\r\r'));
      tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 3)));
    }
    if (validUtf8) {
      // A sequence split between chunks is checked whole, with the next chunk.
      const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const whole = wholeUtf8Prefix(joined);
      validUtf8 = isUtf8(joined.subarray(0, whole));
      carry = Buffer.from(joined.subarray(whole));
    }
  }
  if (carry.length > 0) validUtf8 = false;
  const headBuf = Buffer.concat(head);
  const zip = headBuf.length >= 4 && headBuf.readUInt32BE(0) === 0x504b0304;
  // UTF-16 is recognised by its BOM only (Excel always writes one): its ASCII characters have NUL bytes, so without
  // the BOM check the file would pass for binary.
  const utf16: TextEncoding | null = headBuf[0] === 0xff && headBuf[1] === 0xfe ? 'utf-16le' : headBuf[0] === 0xfe && headBuf[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    // A whole code unit per byte pair; the decoder drops the BOM. Empty lines are looked for in the decoded text.
    const text = new TextDecoder(utf16).decode(headBuf.subarray(0, headBuf.length - (headBuf.length % 2)));
    const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
    return { sha256: hash.digest('hex'), bytes, encoding: utf16, bom: true, binary: false, zip: false, blankLines: true, firstLine };
  }
  const bom = headBuf[0] === 0xef && headBuf[1] === 0xbb && headBuf[2] === 0xbf;
  const encoding: TextEncoding = validUtf8 ? 'utf-8' : 'windows-1252';
  const text = new TextDecoder(encoding).decode(bom ? headBuf.subarray(3) : headBuf);
  const firstLine = text.split(/\r?\n|\r/, 1)[0] ?? '';
  return { sha256: hash.digest('hex'), bytes, encoding, bom, binary, zip, blankLines, firstLine };
}

/**
 * Whether a file has a byte from 0x80 to 0x9F: in Windows-1252 these are € ‚ „ … – — and the like, which Latin-1
 * (the nearest encoding DuckDB's CSV reader has) does not define, so DuckDB refuses such a file. Streaming.
 * @example await hasWindows1252Specials('export.csv') // true when the file holds a "€" written by Excel
 */
export async function hasWindows1252Specials(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (/[\x80-\x9f]/.test(chunk.toString('latin1'))) return true;
  }
  return false;
}

/**
 * The delimiter of a CSV header line: `;` (Dutch Excel), `,` or tab, whichever occurs most outside quotes;
 * null when none occurs (one column).
 * @example detectDelimiter('indicator;gebied;periode;waarde') // ';'
 */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' | null {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [';' | ',' | '\t', number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? null : best[0];
}
