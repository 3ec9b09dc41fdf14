import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { modelUncertainty, validateModel, type Model } from '../../src/core/index.js';
import { runPortfolioUncertainty } from '../../src/data/monte-carlo-workers.js';

// Workers run JavaScript: they load the built module (npm test builds before testing).
const built = new URL('../../dist/data/monte-carlo-workers.js', import.meta.url);

function model(id: string, seed: number): Model {
  const doc = YAML.parse(readFileSync(new URL('../fixtures/uncertainty/buurthuis-onzeker.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
  const v = validateModel({ ...doc, id, uncertainty: { ...(doc['uncertainty'] as object), seed, draws: 10_000 } });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.model;
}

describe('portfolio Monte Carlo on worker threads', () => {
  const jobs = [model('een', 1), model('twee', 2), model('drie', 3)].map((m) => ({ model: m }));

  it('gives, in order, exactly the numbers of an in-thread run, whatever the number of workers', async () => {
    const inThread = await runPortfolioUncertainty(jobs, { workers: 0 });
    expect(inThread.map((r) => r.id)).toEqual(['een', 'twee', 'drie']);
    expect(inThread[0]).toEqual({ id: 'een', ok: true, uncertainty: modelUncertainty(jobs[0]!.model) });
    if (!existsSync(built)) return; // not built: the in-thread path above still ran
    for (const workers of [1, 2]) {
      const threaded = await runPortfolioUncertainty(jobs, { workers, workerUrl: built });
      expect(JSON.stringify(threaded)).toBe(JSON.stringify(inThread));
    }
  });

  it('reports an initiative that cannot be valued and still runs the others', async () => {
    const broken = { model: { ...jobs[0]!.model, id: 'kapot', uncertainty: { ...jobs[0]!.model.uncertainty!, parameters: [{ outcome: 'bestaat-niet', parameter: 'proxy' as const, low: 1, high: 2 }] } } };
    const r = await runPortfolioUncertainty([broken, jobs[1]!], existsSync(built) ? { workers: 2, workerUrl: built } : { workers: 0 });
    expect(r[0]!.ok).toBe(false);
    expect(r[0]!.ok === false && r[0]!.error.code).toBe('uncertainty.unknown-target');
    expect(r[1]!.ok).toBe(true);
  });
});
