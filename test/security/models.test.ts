import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFile, parseModelText } from '../../src/index.js';
import { loadModelCatalogue } from '../../src/server/index.js';
import { rendement } from '../cli/run-cli.js';
import { modelsDir, tempDir } from '../server/fixtures.js';

let dir: string;
let cleanup: () => Promise<void>;
let moerwijk = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('rendement-sec-models-'));
  moerwijk = await readFile(join(modelsDir, 'buurthuis-moerwijk.yaml'), 'utf8');
});
afterAll(async () => cleanup());

/** The fixture model with one more indicator, derived by `expression`. */
const withDerived = (expression: string): string =>
  moerwijk.replace(
    /^criteria:/m,
    `  - { id: bezoekers-per-vrijwilliger, name: Bezoekers per vrijwilliger, unit: personen, kind: amount, expression: "${expression}" }\ncriteria:`,
  );

/** A "billion laughs" document: each level repeats the previous one 10 times (10^levels scalars when expanded). */
function laughs(levels: number): string {
  const lines = ['a0: &a0 "lol"'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('YAML aliases in model files (issue 15)', () => {
  it('a model that uses one alias 150 times is read (no exception); its issues are about its fields', () => {
    // Issue 15: `serve` refused to start when one model used a YAML alias ≥ 100 times (yaml's default limit threw).
    const anchored = `${moerwijk.replace(/^id: buurthuis-moerwijk$/m, 'id: &src buurthuis-moerwijk')}extra: [${Array(150).fill('*src').join(', ')}]\n`;
    const r = parseModelText(anchored, 'aliases.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(['model.unknown-field']);
  });

  it('a billion-laughs model gives one clear issue (NL/EN), not an exception', () => {
    const r = parseModelText(laughs(9), 'laughs.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.code).toBe('model.too-many-aliases');
      expect(r.issues[0]!.message.nl).toMatch(/alias/);
      expect(r.issues[0]!.message.en).toMatch(/alias/);
    }
  });

  it('serve still starts: the catalogue skips that model with the reason and keeps the others', async () => {
    const models = join(dir, 'models-laughs');
    await mkdir(models);
    await writeFile(join(models, 'buurthuis-moerwijk.yaml'), moerwijk);
    await writeFile(join(models, 'laughs.yaml'), laughs(9));
    const catalogue = await loadModelCatalogue(models);
    expect([...catalogue.models.keys()]).toEqual(['buurthuis-moerwijk']);
    expect(catalogue.skipped).toEqual([{ file: 'laughs.yaml', reason: expect.stringMatching(/alias/) }]);
  });
});

describe('size of model files and of their issue lists (issue 15)', () => {
  it('a model file over 1 MB is refused with one issue before it is parsed', async () => {
    // Issue 15: a 100 MB model was accepted after 92 s and 3.5 GB of memory.
    const big = join(dir, 'big.yaml');
    await writeFile(big, `${moerwijk}# ${'x'.repeat(1024 * 1024)}\n`);
    const r = await loadModelFile(big);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual(['model.too-large']);
      expect(r.issues[0]!.message.en).toMatch(/1 MB/);
    }
  });

  it('5,000 unknown fields: at most 100 are listed, then one issue saying how many more', () => {
    // Issue 15: validation was quadratic in unknown fields (a 1.1 MB model took 88 s).
    const text = `${moerwijk}${Array.from({ length: 5000 }, (_, i) => `onbekend${i}: 1`).join('\n')}\n`;
    const r = parseModelText(text, 'many.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(101);
      expect(r.issues[100]!.code).toBe('model.too-many-issues');
      expect(r.issues[100]!.message.en).toMatch(/4,?900 more/);
    }
  });
});

describe('derived expressions are checked by validate (issue 15)', () => {
  it('round(x, 0.5) is refused by `rendement validate` (exit 1, NL/EN message with the path), not at evaluate (exit 3)', async () => {
    // Issue 15: `round(x, 0.5)` passed validate, then evaluate exited 3 and the server answered 500.
    const file = join(dir, 'round.yaml');
    await writeFile(file, withDerived('round(bezoekers_65plus / vrijwilligers, 0.5)'));
    for (const lang of ['nl', 'en']) {
      const r = rendement(['validate', file, '--lang', lang]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/indicators\[4\]\.expression/);
      expect(r.stderr).toMatch(lang === 'nl' ? /geheel getal/ : /whole number/);
    }
  });

  it('a well-formed derived expression still validates', async () => {
    const file = join(dir, 'ok.yaml');
    await writeFile(file, withDerived('round(bezoekers_65plus / vrijwilligers, 1)'));
    const r = await loadModelFile(file);
    expect(r.ok, JSON.stringify(r.ok ? [] : r.issues)).toBe(true);
  });

  it('wrong argument counts are refused too: sqrt(a, b), log(), min()', async () => {
    for (const e of ['sqrt(bezoekers_65plus, 2)', 'abs()', 'min()']) {
      const r = await loadModelFile(await (async () => {
        const f = join(dir, 'args.yaml');
        await writeFile(f, withDerived(e));
        return f;
      })());
      expect(r.ok, e).toBe(false);
    }
  });
});
