/** A progress indicator for long work: a bar on a terminal, silence otherwise (pipes, CI, --quiet). */
export interface Progress {
  tick(done: number, detail?: string): void;
  done(): void;
}

const silent: Progress = { tick() {}, done() {} };

/**
 * Creates a progress bar on `stream` when it is a terminal and `enabled`; otherwise a no-op, so machine output
 * and logs stay clean. Redraws at most every 100 ms.
 */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string, total: number, enabled = true): Progress {
  if (!enabled || !stream.isTTY || total <= 0) return silent;
  let last = 0;
  const draw = (done: number, detail = ''): void => {
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - label.length - 40));
    const share = Math.min(1, done / total);
    const filled = Math.round(share * width);
    stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${detail}`.slice(0, (stream.columns ?? 80) - 1).padEnd(Math.min(79, (stream.columns ?? 80) - 1)));
  };
  return {
    tick(done, detail) {
      const now = performance.now();
      if (done < total && now - last < 100) return;
      last = now;
      draw(done, detail);
    },
    done() {
      draw(total);
      stream.write('\n');
    },
  };
}
