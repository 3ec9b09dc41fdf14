import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** A `rendement serve` child process on a free loopback port. */
export interface ServerProcess {
  readonly url: string;
  readonly process: ChildProcess;
  /** Output so far (stderr), for failure messages. */
  stderr(): string;
  /** SIGTERM and wait for exit (SIGKILL after `ms`). */
  stop(ms?: number): Promise<number | null>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
}

/** Starts the built binary (`npm test` builds it) with `serve --port 0` on 127.0.0.1 and waits for its address. */
export async function startServeProcess(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<ServerProcess> {
  if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does this)');
  const child = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--quiet', ...args], {
    cwd: options.cwd ?? fileURLToPath(new URL('../../', import.meta.url)),
    env: { ...process.env, TZ: 'UTC', RENDEMENT_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${err}`)), options.timeoutMs ?? 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${err}`));
    });
  });
  return {
    url,
    process: child,
    stderr: () => err,
    async stop(ms = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), ms);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
