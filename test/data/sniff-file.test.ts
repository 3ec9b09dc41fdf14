import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffFile, wholeUtf8Prefix } from '../../src/data/sniff-file.js';

const dir = await mkdtemp(join(tmpdir(), 'rendement-sniff-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A file of `size` bytes of ASCII with `insert` written at byte `at`. */
async function file(name: string, size: number, at: number, insert: Buffer): Promise<{ path: string; bytes: Buffer }> {
  const bytes = Buffer.alloc(size, 0x61);
  insert.copy(bytes, at);
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, bytes };
}

describe('sniffFile: one streaming pass gives hash and encoding', () => {
  it('cuts a chunk before a sequence the next chunk completes', () => {
    // "é" is C3 A9, "€" E2 82 AC, "😀" F0 9F 98 80 (Unicode 15, UTF-8 encodings by hand from the code points).
    expect(wholeUtf8Prefix(Buffer.from('abc'))).toBe(3);
    expect(wholeUtf8Prefix(Buffer.from([0x61, 0xc3]))).toBe(1);
    expect(wholeUtf8Prefix(Buffer.from([0x61, 0xc3, 0xa9]))).toBe(3);
    expect(wholeUtf8Prefix(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(wholeUtf8Prefix(Buffer.from([0x61, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(wholeUtf8Prefix(Buffer.from([0x61, 0xf0, 0x9f, 0x98, 0x80]))).toBe(5);
  });

  it('reads UTF-8 split across the 1 MiB read chunks as UTF-8, and hashes every byte', async () => {
    // The stream reads 1 MiB (1,048,576-byte) chunks: each character below straddles that boundary at another byte.
    for (const [i, ch] of ['é', '€', '😀'].entries()) {
      const utf8 = Buffer.from(ch, 'utf8');
      for (let shift = 1; shift < utf8.length; shift++) {
        const { path, bytes } = await file(`split-${i}-${shift}.csv`, (1 << 20) + 100, (1 << 20) - shift, utf8);
        const s = await sniffFile(path);
        expect(s.encoding, `${ch} split after ${shift} byte(s)`).toBe('utf-8');
        expect(s.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(s.bytes).toBe(bytes.length);
      }
    }
  });

  it('falls back to Windows-1252 for one invalid byte far into the file, and for a sequence cut off by the end', async () => {
    const latin = await file('latin.csv', 3 << 20, (2 << 20) + 7, Buffer.from([0xe9])); // é in Windows-1252
    expect((await sniffFile(latin.path)).encoding).toBe('windows-1252');
    const cut = await file('cut.csv', 1000, 998, Buffer.from([0xe2, 0x82])); // € without its last byte
    expect((await sniffFile(cut.path)).encoding).toBe('windows-1252');
  });

  it('notices an empty line, also one whose two line ends fall in different read chunks', async () => {
    const none = await file('none.csv', (1 << 20) + 10, (1 << 20) - 1, Buffer.from('\r\na'));
    expect((await sniffFile(none.path)).blankLines).toBe(false);
    const split = await file('split.csv', (1 << 20) + 10, (1 << 20) - 2, Buffer.from('\r\n\r\n'));
    expect((await sniffFile(split.path)).blankLines).toBe(true);
    const lf = await file('lf.csv', 100, 50, Buffer.from('\n\n'));
    expect((await sniffFile(lf.path)).blankLines).toBe(true);
  });
});
