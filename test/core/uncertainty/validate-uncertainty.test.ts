import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { validateModel } from '../../../src/core/index.js';

const text = readFileSync(new URL('../../fixtures/uncertainty/buurthuis-onzeker.yaml', import.meta.url), 'utf8');

function withUncertainty(uncertainty: unknown): unknown {
  const doc = YAML.parse(text) as Record<string, unknown>;
  return { ...doc, uncertainty };
}

describe('uncertainty declarations in model files', () => {
  it('accepts the fixture, fills defaults, and keeps models without uncertainty valid', () => {
    const v = validateModel(YAML.parse(text));
    expect(v.issues).toEqual([]);
    const noBlock = validateModel(withUncertainty(undefined));
    expect(noBlock.ok).toBe(true);
    const defaults = validateModel(withUncertainty({ parameters: [{ parameter: 'discountRate', low: 0, high: 0.04 }] }));
    expect(defaults.ok && defaults.model.uncertainty).toMatchObject({ draws: 10_000, seed: 1, scenarios: [] });
  });

  it('reports every mistake of one block in one run, each with path, NL/EN message and fix', () => {
    const v = validateModel(
      withUncertainty({
        parameters: [
          { outcome: 'minder-eenzaamheid', parameter: 'proxy', low: 2200, high: 1000 }, // 0: low > high
          { outcome: 'minder-eenzamheid', parameter: 'deadweight', low: 0.1, high: 0.3 }, // 1: unknown outcome (typo)
          { parameter: 'attribution', low: 0.1, high: 0.3 }, // 2: no outcome named
          { outcome: 'minder-overlast', parameter: 'dropOff' }, // 3: neither range nor distribution
          { outcome: 'minder-overlast', parameter: 'deadweight', distribution: { type: 'pert', min: 0.1, mode: 0.5, max: 0.4 } }, // 4: mode > max
          { outcome: 'minder-overlast', parameter: 'attribution', low: 0.1, high: 1.5 }, // 5: share above 1
          { outcome: 'minder-overlast', parameter: 'proxy', low: 500, high: 600 }, // 6: base 450 outside range
          { outcome: 'minder-eenzaamheid', parameter: 'proxy', distribution: { type: 'uniform', min: 1, max: 2 } }, // 7: duplicate
          { outcome: 'minder-overlast', parameter: 'quantity', distribution: { type: 'gamma', shape: 2 } }, // 8: unknown type
        ],
        scenarios: [{ id: 'laag', values: [{ input: 'subsidy', parameter: 'amount', value: 1 }] }], // unknown input
      }),
    );
    expect(v.ok).toBe(false);
    const found = v.issues.map((i) => [i.code, i.path]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['uncertainty.range-order', 'uncertainty.parameters[0].high'],
        ['model.unknown-reference', 'uncertainty.parameters[1].outcome'],
        ['uncertainty.target-mismatch', 'uncertainty.parameters[2].outcome'],
        ['uncertainty.nothing-declared', 'uncertainty.parameters[3]'],
        ['uncertainty.distribution-order', 'uncertainty.parameters[4].distribution'],
        ['uncertainty.outside-domain', 'uncertainty.parameters[5].high'],
        ['uncertainty.base-outside-range', 'uncertainty.parameters[6]'],
        ['uncertainty.duplicate-parameter', 'uncertainty.parameters[7].parameter'],
        ['model.unknown-reference', 'uncertainty.scenarios[0].values[0].input'],
      ]),
    );
    // An unknown distribution type names the valid ones; a missing field names what the type takes.
    const gamma = v.issues.find((i) => i.path === 'uncertainty.parameters[8].distribution.type')!;
    expect(gamma.code).toBe('model.invalid-option');
    expect(gamma.fix.en).toContain('uniform, triangular, pert, normal, lognormal, fixed');
    const missing = validateModel(
      withUncertainty({ parameters: [{ outcome: 'minder-overlast', parameter: 'deadweight', distribution: { type: 'pert', min: 0.1, max: 0.4, sd: 1 } }] }),
    ).issues.map((i) => [i.code, i.path]);
    expect(missing).toEqual([
      ['model.missing-field', 'uncertainty.parameters[0].distribution.mode'],
      ['model.unknown-field', 'uncertainty.parameters[0].distribution.sd'],
    ]);
    const typo = v.issues.find((i) => i.path === 'uncertainty.parameters[1].outcome')!;
    expect(typo.fix.en).toContain('"minder-eenzaamheid"');
    for (const i of v.issues) {
      expect(i.message.nl.length).toBeGreaterThan(5);
      expect(i.message.en.length).toBeGreaterThan(5);
      expect(i.fix.nl).not.toBe(i.fix.en);
    }
  });
});
