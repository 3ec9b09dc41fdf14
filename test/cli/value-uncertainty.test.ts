import { describe, expect, it } from 'vitest';
import { rendement } from './run-cli.js';

const fixture = 'test/fixtures/uncertainty/buurthuis-onzeker.yaml';

describe('rendement value --draws --seed (issue 5)', () => {
  it('adds uncertainty.{tornado, switchingValues, scenarios, monteCarlo} to the JSON, reproducibly', () => {
    const a = rendement(['value', fixture, '--json', '--draws', '12000', '--seed', '99']);
    expect(a.code).toBe(0);
    const j = JSON.parse(a.stdout);
    expect(Object.keys(j.uncertainty)).toEqual(expect.arrayContaining(['tornado', 'switchingValues', 'scenarios', 'monteCarlo']));
    expect(j.uncertainty.monteCarlo.draws).toBe(12000);
    expect(j.uncertainty.monteCarlo.seed).toBe(99);
    expect(j.uncertainty.scenarios.map((s: { id: string }) => s.id)).toEqual(['low', 'central', 'high']);
    expect(j.uncertainty.scenarios[1].npv).toBeCloseTo(j.valuation.npv, 6);
    const b = rendement(['value', fixture, '--json', '--draws', '12000', '--seed', '99']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('gives a model without an uncertainty block its switching values but no Monte Carlo (the same on every route, issue 12), and rejects a bad --draws with exit code 2', () => {
    const plain = JSON.parse(rendement(['value', 'test/core/evaluation/fixtures/buurthuis-moerwijk-2024.yaml', '--json']).stdout);
    // Nothing declared: no tornado bars, no Monte Carlo; switching values of every parameter (7 per outcome, 1 per input, the rate).
    expect(plain.uncertainty.monteCarlo).toBeNull();
    expect(plain.uncertainty.tornado).toEqual([]);
    expect(plain.uncertainty.switchingValues).toHaveLength(7 * plain.valuation.outcomes.length + plain.valuation.inputs.length + 1);
    const bad = rendement(['value', fixture, '--draws', 'many', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--draws');
  });

  it('prints a readable uncertainty section in Dutch', () => {
    const r = rendement(['value', fixture, '--lang', 'nl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Omslagwaarden (ratio = 1)');
    expect(r.stdout).toContain('Monte Carlo (20.000 trekkingen, zaad 2024)');
  });
});
