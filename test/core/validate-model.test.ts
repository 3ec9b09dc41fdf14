import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseModelText } from '../../src/data/index.js';

const fiveMistakes = new URL('../fixtures/models/five-mistakes.yaml', import.meta.url);

describe('model validation', () => {
  it('reports all five mistakes of one file in one run, each with path, line, message and fix in NL and EN', () => {
    const r = parseModelText(readFileSync(fiveMistakes, 'utf8'), 'five-mistakes.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.issues.map((i) => [i.code, i.path]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['model.unknown-field', 'outcomes[0].deadwieght'],
        ['model.too-big', 'outcomes[1].deadweight.value'],
        ['model.too-small', 'outcomes[2].quantity'],
        ['model.missing-field', 'outcomes[3].proxy.source'],
        ['model.unknown-reference', 'outcomes[4].stakeholder'],
      ]),
    );
    expect(r.issues).toHaveLength(5);
    for (const i of r.issues) {
      expect(i.file).toBe('five-mistakes.yaml');
      expect(i.line).toBeGreaterThan(0);
      expect(i.message.nl.length).toBeGreaterThan(5);
      expect(i.message.en.length).toBeGreaterThan(5);
      expect(i.fix.nl).not.toBe(i.fix.en);
    }
    const misspelt = r.issues.find((i) => i.code === 'model.unknown-field')!;
    expect(misspelt.fix.en).toContain('"deadweight"');
    expect(misspelt.line).toBe(24); // line of "deadwieght:" in the fixture
    const unknown = r.issues.find((i) => i.code === 'model.unknown-reference')!;
    expect(unknown.fix.en).toContain('"bewoners"');
  });

  it('accepts JSON model files too, and reports YAML syntax errors with a line', () => {
    const text = readFileSync(new URL('../../models/buurthuis-moerwijk.yaml', import.meta.url), 'utf8');
    const { parse } = JSON;
    const yamlModel = parseModelText(text, 'm.yaml');
    expect(yamlModel.ok).toBe(true);
    if (!yamlModel.ok) return;
    const asJson = parseModelText(JSON.stringify(yamlModel.model), 'm.json');
    expect(asJson.ok).toBe(true);
    expect(parse(JSON.stringify(asJson.ok && asJson.model))).toEqual(parse(JSON.stringify(yamlModel.model)));
    const broken = parseModelText('id: x\nname: [unclosed\n', 'broken.yaml');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0]!.code).toBe('model.parse-error');
  });

  it('checks price-index coverage, horizons and criteria directions', () => {
    const text = readFileSync(new URL('../../models/buurthuis-moerwijk.yaml', import.meta.url), 'utf8')
      .replace(', "2024": 0.033', '') // the 2024 proxy of minder-huisartsbezoek needs the 2023 and 2024 rates to reach 2022
      .replace('years: [0], amount: 85000', 'years: [9], amount: 85000')
      .replace('baseline: 40, target: 120, direction: increase', 'baseline: 40, target: 20, direction: increase');
    const r = parseModelText(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const codes = r.issues.map((i) => `${i.code} ${i.path}`);
    expect(codes).toContain('model.price-index-missing-year outcomes[3].proxy.priceYear');
    expect(codes).toContain('model.year-beyond-horizon inputs[1].years[0]');
    expect(codes).toContain('model.criterion-direction-mismatch criteria[0].direction');
  });
});
