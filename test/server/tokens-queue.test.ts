import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { ObservationStore, WriteQueue, createToken, findToken, listTokens, revokeToken, tokenIdOf, verifyToken } from '../../src/index.js';
import { RateLimiter } from '../../src/server/index.js';
import { tempDir } from './fixtures.js';

describe('access tokens', () => {
  it('are stored as salted scrypt hashes only, verify in constant time, and stop working when revoked', async () => {
    const tmp = await tempDir();
    const store = await ObservationStore.open(tmp.storePath);
    try {
      const a = await createToken(store, { role: 'coalition', initiative: 'buurthuis-moerwijk', label: 'Bewonersgroep', createdBy: 'test' });
      const b = await createToken(store, { role: 'council', municipality: 'GM0518', createdBy: 'test' });
      expect(a.token).toMatch(/^rdm_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      expect(tokenIdOf(a.token)).toBe(a.record.id);
      expect(a.record).toMatchObject({ role: 'coalition', scope: 'buurthuis-moerwijk', label: 'Bewonersgroep', revokedAt: null });
      const secretA = a.token.slice(17);
      const rows = await store.query('SELECT id, role, scope, label, hash, created_by FROM access_tokens ORDER BY created_at');
      expect(JSON.stringify(rows)).not.toContain(secretA);
      const hashes = rows.map((r) => String(r['hash']));
      expect(hashes.every((h) => /^scrypt:16384:8:1:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44}$/.test(h))).toBe(true);
      expect(hashes[0]!.split(':')[4]).not.toBe(hashes[1]!.split(':')[4]); // a salt per token
      expect(JSON.stringify(await listTokens(store))).not.toMatch(/scrypt|hash/);

      expect((await verifyToken(store, a.token))?.id).toBe(a.record.id);
      expect((await verifyToken(store, b.token))?.scope).toBe('GM0518');
      // The right id with another secret, a malformed text, an unknown id: all null, indistinguishable.
      const forged = `rdm_${a.record.id}_${'A'.repeat(43)}`;
      expect(await verifyToken(store, forged)).toBeNull();
      expect(await verifyToken(store, a.token + 'x')).toBeNull();
      expect(await verifyToken(store, `rdm_ffffffffffff_${secretA}`)).toBeNull();

      expect(await revokeToken(store, a.record.id)).toBe(true);
      expect(await revokeToken(store, a.record.id)).toBe(false);
      expect(await verifyToken(store, a.token)).toBeNull();
      expect((await findToken(store, a.record.id))?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    } finally {
      store.close();
    }
    try {
      // And not in the database file either.
      await expect(readFile(tmp.storePath, 'latin1')).resolves.not.toContain('rdm_');
    } finally {
      await tmp.cleanup();
    }
  });

  it('refuse a coalition token without a valid initiative and a council token without a municipality code', async () => {
    const store = await ObservationStore.open(':memory:');
    try {
      await expect(createToken(store, { role: 'coalition', createdBy: 't' })).rejects.toMatchObject({ code: 'token.invalid-initiative', exitCode: 2 });
      await expect(createToken(store, { role: 'coalition', initiative: '../etc', createdBy: 't' })).rejects.toMatchObject({ code: 'token.invalid-initiative' });
      await expect(createToken(store, { role: 'council', municipality: '0518', createdBy: 't' })).rejects.toMatchObject({ code: 'token.invalid-municipality' });
      expect((await createToken(store, { role: 'evaluator', createdBy: 't' })).record.scope).toBeNull();
    } finally {
      store.close();
    }
  });
});

describe('WriteQueue', () => {
  it('runs jobs one at a time in order, and a failing job does not stop the next', async () => {
    const q = new WriteQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string, ms: number, fail = false) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      running--;
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([q.run(job('a', 20)), q.run(job('b', 1, true)), q.run(job('c', 5))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    await q.drain();
    expect(q.depth).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill interval, per key', () => {
    let now = 0;
    const r = new RateLimiter({ burst: 2, perMinute: 6 }, () => now);
    expect([r.take('a'), r.take('a'), r.take('a')]).toEqual([0, 0, 10]);
    expect(r.take('b')).toBe(0);
    now += 9_000;
    expect(r.take('a')).toBeGreaterThan(0);
    now += 1_000;
    expect(r.take('a')).toBe(0);
  });
});
