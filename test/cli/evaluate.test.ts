import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendement } from './run-cli.js';

describe('rendement evaluate and criteria lock (built binary)', () => {
  let dir = '';
  let store = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rendement-evaluate-'));
    store = join(dir, 'store.duckdb');
    expect(rendement(['ingest', 'data/demo/buurthuis-moerwijk.csv', '--initiative', 'buurthuis-moerwijk', '--store', store]).code).toBe(0);
  });

  it('gives the mid-term view as of a date, byte-identical when repeated', () => {
    const args = ['evaluate', 'models/buurthuis-moerwijk.yaml', '--as-of', '2020-12-31', '--json', '--store', store, '--draws', '2000', '--seed', '7'];
    const a = rendement(args);
    const b = rendement(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const e = JSON.parse(a.stdout).evaluation;
    expect(e.asOf).toBe('2020-12-31');
    const reach = e.criteria.find((c: { id: string }) => c.id === 'bereik-ouderen');
    // Deadline 2021-12-31 is after the as-of date: not due; 2020's 60 visitors (data/demo row 3) is the latest value.
    expect(reach.status).toBe('not-due');
    expect(reach.value).toBe(60);
    const final = JSON.parse(rendement(['evaluate', 'models/buurthuis-moerwijk.yaml', '--as-of', '2023-06-30', '--json', '--store', store]).stdout).evaluation;
    // As of mid-2023 the deadline has passed; the value is 2021's 88 (row 4): a = (88 − 40)/(120 − 40) = 0.6 ≥ 0.5.
    const reachFinal = final.criteria.find((c: { id: string }) => c.id === 'bereik-ouderen');
    expect(reachFinal.status).toBe('partly-met');
    expect(reachFinal.achievement).toBeCloseTo(0.6, 12);
    expect(final.criteria.find((c: { id: string }) => c.id === 'spin-off').status).toBe('not-measurable');
    expect(final.lock.status).toBe('unlocked');
  });

  it('locks the criteria, then shows a criterion changed afterwards with both versions', () => {
    const lock = rendement(['criteria', 'lock', 'models/buurthuis-moerwijk.yaml', '--date', '2019-01-01', '--by', 'raadsbesluit', '--store', store, '--json']);
    expect(lock.code).toBe(0);
    expect(JSON.parse(lock.stdout)).toMatchObject({ created: true, lockedAt: '2019-01-01', criteria: 5 });
    const again = rendement(['criteria', 'lock', 'models/buurthuis-moerwijk.yaml', '--store', store, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: false, lockedAt: '2019-01-01' });
    const changed = join(dir, 'buurthuis-moerwijk.yaml');
    writeFileSync(changed, readFileSync('models/buurthuis-moerwijk.yaml', 'utf8').replace('baseline: 40, target: 120', 'baseline: 40, target: 90'));
    const r = rendement(['evaluate', changed, '--as-of', '2023-06-30', '--json', '--store', store]);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout).evaluation;
    expect(e.lock.status).toBe('changed');
    const c = e.criteria.find((x: { id: string }) => x.id === 'bereik-ouderen');
    expect(c.changed).toMatchObject({ kind: 'changed', lockedAt: '2019-01-01', fields: ['target'] });
    expect(c.changed.locked.target).toBe(120);
    expect(c.changed.current.target).toBe(90);
    const status = rendement(['criteria', 'status', changed, '--store', store, '--lang', 'en']);
    expect(status.stdout).toContain('changed bereik-ouderen: target');
  });

  it('rejects a malformed --as-of (2) and a missing model (1)', () => {
    expect(rendement(['evaluate', 'models/buurthuis-moerwijk.yaml', '--as-of', '31-12-2020']).code).toBe(2);
    expect(rendement(['evaluate', 'models/nope.yaml']).code).toBe(1);
    expect(rendement(['criteria', 'unlock', 'models/buurthuis-moerwijk.yaml']).code).toBe(2);
  });
});
