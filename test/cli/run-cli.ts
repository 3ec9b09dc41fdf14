import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Runs the built `rendement` binary (npm test builds it first) and returns exit code and output. */
export function rendement(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  if (!existsSync(bin)) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does this)');
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', RENDEMENT_LANG: '', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
