import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendement } from './run-cli.js';

const examples = readdirSync(new URL('../../models/', import.meta.url)).filter((f) => f.endsWith('.yaml'));

describe('rendement validate', () => {
  it('accepts every example model', () => {
    const r = rendement(['validate', ...examples.map((f) => `models/${f}`)]);
    expect(r.code).toBe(0);
    for (const f of examples) expect(r.stdout).toContain(`✓ models/${f}`);
  });

  it('reports all five mistakes of a model in one run with exit code 1, in Dutch and in English', () => {
    const nl = rendement(['validate', 'test/fixtures/models/five-mistakes.yaml']);
    expect(nl.code).toBe(1);
    expect(nl.stderr).toContain('5 problemen');
    for (const path of ['outcomes[0].deadwieght', 'outcomes[1].deadweight.value', 'outcomes[2].quantity', 'outcomes[3].proxy.source', 'outcomes[4].stakeholder'])
      expect(nl.stderr).toContain(path);
    expect(nl.stderr).toContain('Oplossing:');
    const en = rendement(['validate', 'test/fixtures/models/five-mistakes.yaml', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('5 problems');
    expect(en.stderr).toContain('Fix: Remove the field or correct its spelling → "deadweight".');
    const json = rendement(['validate', 'test/fixtures/models/five-mistakes.yaml', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).issues).toHaveLength(5);
  });

  it('says which file is missing, exit code 1; no argument is a usage error, exit code 2', () => {
    const missing = rendement(['validate', 'models/bestaat-niet.yaml', '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('models/bestaat-niet.yaml: file not found');
    expect(rendement(['validate']).code).toBe(2);
  });
});

describe('rendement value', () => {
  // A store holding the example monitoring data, for the outcomes whose quantity comes from it.
  let store = '';
  beforeAll(() => {
    store = join(mkdtempSync(join(tmpdir(), 'rendement-value-')), 'store.duckdb');
    for (const id of ['buurthuis-moerwijk', 'leeskamer-rijswijk'])
      expect(rendement(['ingest', `data/demo/${id}.csv`, '--initiative', id, '--store', store]).code).toBe(0);
  });

  it('prints the documented JSON contract for an MKBA example, its quantities traced to observation rows', () => {
    const r = rendement(['value', 'models/buurthuis-moerwijk.yaml', '--json', '--store', store]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.initiative).toMatchObject({ id: 'buurthuis-moerwijk', illustrative: true });
    const v = out.valuation;
    for (const k of ['presentValueBenefits', 'presentValueInputs', 'npv', 'sroiRatio', 'netSroiRatio', 'paybackMonths'])
      expect(typeof v[k]).toBe('number');
    expect(v.npv).toBeCloseTo(v.presentValueBenefits - v.presentValueInputs, 6);
    expect(v.discount).toMatchObject({ preset: 'nl-2021', rates: [{ fromYear: 1, rate: 0.0225 }] });
    expect(v.byStakeholder.length).toBeGreaterThan(0);
    expect(v.years.length).toBeGreaterThan(0);
    for (const o of v.outcomes) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['id', 'stakeholder', 'impactYear1', 'presentValue', 'trace']));
      expect(o.trace.years.length).toBeGreaterThan(0);
    }
    // data/demo/buurthuis-moerwijk.csv rows 2–5: visitors 69, 60, 88, 105 in 2019–2022; mean = 322 / 4 = 80.5.
    const lonely = v.outcomes.find((o: { id: string }) => o.id === 'minder-eenzaamheid');
    expect(lonely.trace.quantity.value).toBeCloseTo(80.5, 12);
    expect(lonely.trace.quantity.source.rows).toHaveLength(4);
    expect(typeof out.mkba.balance).toBe('number');
    expect(typeof out.mkba.benefitCostRatio).toBe('number');
    expect(out.mkba.distribution.length).toBeGreaterThan(0);
    expect(out.mkba.pmItems.length).toBe(2);
  });

  it('refuses a model whose quantities need monitoring data when the store lacks it (1)', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'rendement-value-')), 'none.duckdb');
    const r = rendement(['value', 'models/buurthuis-moerwijk.yaml', '--store', empty, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Outcome "minder-eenzaamheid" takes its quantity from monitoring data');
  });

  it('prints a readable table in Dutch by default and in English with --lang en', () => {
    const nl = rendement(['value', 'models/leeskamer-rijswijk.yaml', '--store', store]);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('SROI-ratio');
    expect(nl.stdout).toContain('Contante waarde baten');
    const en = rendement(['value', 'models/dorpsbudget-stompwijk.yaml', '--lang', 'en']);
    expect(en.stdout).toContain('Present value of benefits');
  });

  it('rejects an invalid model (1), an unknown option (2) and an unknown language (2)', () => {
    expect(rendement(['value', 'test/fixtures/models/five-mistakes.yaml']).code).toBe(1);
    expect(rendement(['value', 'models/dorpsbudget-stompwijk.yaml', '--bogus']).code).toBe(2);
    expect(rendement(['value', 'models/dorpsbudget-stompwijk.yaml', '--lang', 'fr']).code).toBe(2);
  });
});

describe('rendement demo, schema and help', () => {
  it('values every example model and prints one summary row each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rendement-demo-'));
    const r = rendement(['demo', '--lang', 'en', '--store', join(dir, 'store.duckdb'), '--out', join(dir, 'reports')]);
    expect(r.code).toBe(0);
    for (const name of ['Buurthuis De Zuidkant', 'Openluchtbad De Duinplas', 'Dorpsbudget Stompwijk', 'Leeskamer Te Werve']) expect(r.stdout).toContain(name);
  });

  it('prints the JSON Schema and help with examples for every command', () => {
    const schema = rendement(['schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).title).toBe('rendement initiative model');
    for (const c of ['validate', 'value', 'demo', 'schema']) {
      const h = rendement([c, '--help', '--lang', 'en']);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain('Example');
    }
    expect(rendement(['--help']).code).toBe(0);
    expect(rendement([]).code).toBe(2);
    expect(rendement(['bogus']).code).toBe(2);
  });
});
