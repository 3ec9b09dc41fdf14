import { afterAll, describe, expect, it } from 'vitest';
import { rendement } from '../cli/run-cli.js';
import { modelsDir, tempDir } from './fixtures.js';
import { startServeProcess } from './serve-process.js';

const tmp = await tempDir('rendement-cli-');
afterAll(() => tmp.cleanup());

describe('rendement tokens and serve (built binary)', () => {
  it('creates a token shown once, lists only ids, revokes, and refuses bad input with exit code 2', () => {
    const created = rendement(['tokens', 'create', '--role', 'coalition', '--initiative', 'buurthuis-moerwijk', '--store', tmp.storePath, '--lang', 'en']);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^rdm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const id = token.slice(4, 16);
    expect(created.stderr).toContain(`Token ${id} created`);
    expect(created.stderr).not.toContain(token.slice(17));

    const council = rendement(['tokens', 'create', '--role', 'council', '--initiative', 'buurthuis-moerwijk', '--models', modelsDir, '--store', tmp.storePath, '--json']);
    expect(council.code).toBe(0);
    expect(JSON.parse(council.stdout)).toMatchObject({ role: 'council', scope: 'GM0518' });

    const list = rendement(['tokens', 'list', '--store', tmp.storePath, '--json']);
    expect(list.code).toBe(0);
    const records = JSON.parse(list.stdout) as { id: string; revokedAt: string | null }[];
    expect(records.map((r) => r.id)).toContain(id);
    expect(list.stdout).not.toContain(token.slice(17));

    expect(rendement(['tokens', 'revoke', id, '--store', tmp.storePath]).code).toBe(0);
    expect(rendement(['tokens', 'revoke', id, '--store', tmp.storePath]).code).toBe(1);
    expect((JSON.parse(rendement(['tokens', 'list', '--store', tmp.storePath, '--json']).stdout) as { id: string; revokedAt: string | null }[]).find((r) => r.id === id)?.revokedAt).toBeTruthy();

    expect(rendement(['tokens', 'create', '--role', 'coalition', '--store', tmp.storePath]).code).toBe(2);
    expect(rendement(['tokens', 'create', '--role', 'admin', '--store', tmp.storePath]).code).toBe(2);
    expect(rendement(['tokens', 'frobnicate']).code).toBe(2);
    expect(rendement(['serve', '--port', 'abc']).code).toBe(2);
    expect(rendement(['serve', '--help']).stdout).toMatch(/127\.0\.0\.1/);
  });

  it('serve answers on loopback, and tokens says plainly that the store is in use while it runs', async () => {
    const server = await startServeProcess(['--store', tmp.storePath]);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const busy = rendement(['tokens', 'list', '--store', tmp.storePath, '--lang', 'en']);
      expect(busy.code).toBe(3);
      expect(busy.stderr).toMatch(/in use by another process/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
