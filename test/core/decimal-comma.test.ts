import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../src/data/index.js';

const example = readFileSync(new URL('../../models/buurthuis-moerwijk.yaml', import.meta.url), 'utf8');
const line = '    deadweight: { value: 0.25, reason: "Illustratief: een deel van de bezoekers had ook zonder buurthuis contacten gevonden" }';

/** The deadweight of buurthuis-moerwijk written with a Dutch decimal comma, in the flow style the example uses or as a block. */
function withComma(style: 'flow' | 'block'): string {
  expect(example).toContain(line);
  return example.replace(line, style === 'flow' ? line.replace('0.25', '0,25') : '    deadweight:\n      value: 0,25\n      reason: Illustratief');
}

describe('a decimal comma in a model file (issue 17)', () => {
  for (const style of ['flow', 'block'] as const) {
    it(`${style} style: says "write 0.25" at the share, in NL and EN, instead of an unknown field or a type error`, () => {
      const r = parseModelText(withComma(style), 'm.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const comma = r.issues.filter((i) => i.code === 'model.decimal-comma');
      expect(comma).toHaveLength(1);
      expect(comma[0]!.path).toBe('outcomes[0].deadweight.value');
      expect(comma[0]!.message.nl).toContain('0,25');
      expect(comma[0]!.fix.nl).toBe('Schrijf een punt: 0.25.');
      expect(comma[0]!.fix.en).toBe('Write a point: 0.25.');
      expect(r.issues.map((i) => i.code)).not.toContain('model.unknown-field');
      expect(r.issues.map((i) => i.code)).not.toContain('model.wrong-type');
    });
  }

  it('a real unknown numeric field without a whole number beside it stays an unknown field', () => {
    const r = parseModelText(example.replace(line, '    deadweight: { reason: x, 25: 1 }'), 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).not.toContain('model.decimal-comma');
  });
});
