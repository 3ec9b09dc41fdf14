import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalCriteria, canonicalJson, criteriaHash, criteriaLockStatus, diffCriteria, lockCriteria, sha256Hex } from '../../../src/core/evaluation/index.js';
import { criterionSchema } from '../../../src/core/schema/criterion.js';
import { criteria } from './fixture.js';

describe('SHA-256 (pure TypeScript)', () => {
  test('NIST FIPS 180-4 examples (csrc.nist.gov, "SHA256.pdf" and the SHAVS short-message vectors)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  test('agrees with node:crypto on non-ASCII text and on lengths around the 55/56/64-byte padding edges', () => {
    const texts = ['Eenzaamheid daalt van 45 % naar 30 % — €, ë, 😀', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000)];
    for (const t of texts) expect(sha256Hex(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
  });
});

describe('canonical form', () => {
  test('sorted keys, no whitespace, undefined left out, −0 as 0', () => {
    expect(canonicalJson({ b: 1, a: [true, null, -0], c: undefined, d: 'x"y' })).toBe('{"a":[true,null,0],"b":1,"d":"x\\"y"}');
  });

  test('criteria order and key order do not change the hash; an implicit default hashes like an explicit one', () => {
    const reversed = [...criteria].reverse().map((c) => Object.fromEntries(Object.entries(c).reverse()) as typeof c);
    expect(criteriaHash(reversed)).toBe(criteriaHash(criteria));
    const implicit = criterionSchema.parse({ ...criteria[1]!, threshold: undefined, weight: undefined });
    const explicit = criterionSchema.parse({ ...criteria[1]!, threshold: 0.5, weight: 1 });
    expect(canonicalCriteria([implicit])).toBe(canonicalCriteria([explicit]));
    expect(criteriaHash(criteria)).toMatch(/^[0-9a-f]{64}$/);
    expect(criteriaHash(criteria)).toBe(createHash('sha256').update(canonicalCriteria(criteria), 'utf8').digest('hex'));
  });

  test('an injected hash function is used', () => {
    expect(criteriaHash(criteria, () => 'x')).toBe('x');
  });
});

describe('lock and diff', () => {
  test('the lock record keeps sorted copies, its date and the hash; the input is not mutated', () => {
    const frozen = Object.freeze(criteria.map((c) => Object.freeze({ ...c })));
    const lock = lockCriteria(frozen, '2024-01-15');
    expect(lock.version).toBe(1);
    expect(lock.lockedAt).toBe('2024-01-15');
    expect(lock.sha256).toBe(criteriaHash(criteria));
    expect(lock.criteria.map((c) => c.id)).toEqual([...criteria.map((c) => c.id)].sort());
    expect(criteriaLockStatus(lock, criteria)).toMatchObject({ status: 'unchanged', changes: [] });
  });

  test('diff lists added, removed and changed criteria with both versions', () => {
    const current = criteria
      .filter((c) => c.id !== 'jongeren-bereik')
      .map((c) => (c.id === 'eenzaamheid-daalt' ? { ...c, target: 0.35, deadline: '2028-12-31' } : c))
      .concat([{ ...criteria[0]!, id: 'nieuw-criterium' }]);
    const diff = diffCriteria(criteria, current);
    expect(diff.map((d) => [d.id, d.kind])).toEqual([
      ['eenzaamheid-daalt', 'changed'],
      ['jongeren-bereik', 'removed'],
      ['nieuw-criterium', 'added'],
    ]);
    expect(diff[0]!.fields).toEqual(['deadline', 'target']);
    expect(diff[0]!.locked!.target).toBe(0.3);
    expect(diff[0]!.current!.target).toBe(0.35);
    expect(diff[1]!.current).toBeNull();
    const status = criteriaLockStatus(lockCriteria(criteria, '2024-01-15'), current);
    expect(status.status).toBe('changed');
    expect(status.lockedSha256).not.toBe(status.currentSha256);
  });

  test('unlocked', () => {
    expect(criteriaLockStatus(null, criteria)).toMatchObject({ status: 'unlocked', lockedAt: null, lockedSha256: null });
  });
});
