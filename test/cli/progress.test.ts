import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createProgress } from '../../src/cli/progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 80;
  return { stream, chunks };
}

describe('progress', () => {
  it('draws a bar on a terminal and ends at 100 %', () => {
    const { stream, chunks } = sink(true);
    const p = createProgress(stream, 'ingest', 10);
    p.tick(5);
    p.done();
    expect(chunks.join('')).toContain(' 50%');
    expect(chunks.join('')).toContain('100%');
    expect(chunks.at(-1)).toBe('\n');
  });

  it('writes nothing when the stream is not a terminal, or when disabled (--quiet)', () => {
    const pipe = sink(false);
    const a = createProgress(pipe.stream, 'ingest', 10);
    a.tick(5);
    a.done();
    expect(pipe.chunks).toEqual([]);
    const tty = sink(true);
    const b = createProgress(tty.stream, 'ingest', 10, false);
    b.tick(5);
    b.done();
    expect(tty.chunks).toEqual([]);
  });
});
