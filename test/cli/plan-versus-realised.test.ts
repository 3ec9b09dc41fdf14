import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rendement } from './run-cli.js';

// Issue 13 point 5: `criteria lock` also locks the forecast valuation; `evaluate` compares against it.
describe('criteria lock with a forecast, and plan versus realised in evaluate --json (built binary)', () => {
  let dir = '';
  let store = '';
  const model = 'models/buurthuis-moerwijk.yaml';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rendement-plan-'));
    store = join(dir, 'store.duckdb');
    expect(rendement(['ingest', 'data/demo/buurthuis-moerwijk.csv', '--initiative', 'buurthuis-moerwijk', '--store', store]).code).toBe(0);
  }, 600_000);

  it('without data by the lock date and without a planned quantity, locks the criteria only and says what to do', () => {
    // minder-eenzaamheid takes the mean of bezoekers-65plus; no period has ended by 2019-01-01.
    const r = rendement(['criteria', 'lock', model, '--date', '2019-01-01', '--by', 'raadsbesluit', '--store', store, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('criteria of buurthuis-moerwijk locked on 2019-01-01');
    expect(r.stderr).toContain('No forecast locked: minder-eenzaamheid takes its quantity from monitoring data');
    expect(r.stderr).toContain('--quantity minder-eenzaamheid=');
    const e = JSON.parse(rendement(['evaluate', model, '--as-of', '2023-06-30', '--json', '--store', store]).stdout);
    expect(e.planVersusRealised).toBeUndefined();
    expect(rendement(['criteria', 'status', model, '--store', store, '--lang', 'nl']).stdout).toContain('Geen prognose vastgelegd.');
  }, 600_000);

  it('rejects a malformed planned quantity (2) and one for an outcome with a quantity in the model (1)', () => {
    const bad = rendement(['criteria', 'lock', model, '--quantity', 'minder-eenzaamheid=1,5', '--store', store, '--lang', 'nl']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--quantity "minder-eenzaamheid=1,5" is geen gepland aantal');
    const numeric = rendement(['criteria', 'lock', model, '--quantity', 'jongeren-overlast=10', '--store', store, '--lang', 'en']);
    expect(numeric.code).toBe(1);
    expect(numeric.stderr).toContain('Outcome "jongeren-overlast" already has a quantity in the model (40)');
  }, 600_000);

  it('with a planned quantity locks the forecast; evaluate splits the difference into the four effects', () => {
    const r = rendement(['criteria', 'lock', model, '--date', '2019-01-01', '--by', 'raadsbesluit', '--quantity', 'minder-eenzaamheid=100', '--store', store, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lock = JSON.parse(r.stdout);
    // The criteria were already locked (same criteria, same date kept); the forecast is new.
    expect(lock).toMatchObject({ created: false, lockedAt: '2019-01-01', unresolved: [], forecast: { created: true, lockedAt: '2019-01-01' } });
    expect(JSON.parse(rendement(['criteria', 'lock', model, '--quantity', 'minder-eenzaamheid=100', '--date', '2019-01-01', '--store', store, '--json']).stdout).forecast.created).toBe(false);

    const e = JSON.parse(rendement(['evaluate', model, '--as-of', '2023-06-30', '--json', '--store', store]).stdout);
    const p = e.planVersusRealised;
    expect(p).toMatchObject({ lockedAt: '2019-01-01', order: ['quantity', 'proxy', 'deflators', 'timing'], ruleChanges: [] });
    expect(p.history).toHaveLength(1);
    const lonely = p.outcomes.find((o: { id: string }) => o.id === 'minder-eenzaamheid');
    // Planned 100 a year; realised the mean of 69, 60, 88, 105 (data/demo, WK051836) = 80.5. PV is linear in the
    // quantity, so the realised PV is 0.805 × the forecast and the whole difference (−19.5 %) is the quantity effect.
    expect(lonely.forecastFactors.quantity).toBe(100);
    expect(lonely.realisedFactors.quantity).toBeCloseTo(80.5, 12);
    expect(lonely.realised).toBeCloseTo(0.805 * lonely.forecast, 6);
    expect(lonely.effects.quantity).toBeCloseTo(-0.195 * lonely.forecast, 6);
    expect([lonely.effects.proxy, lonely.effects.deflators, lonely.effects.timing]).toEqual([0, 0, 0]);
    // The other outcomes have their quantity in the model and are unchanged.
    for (const o of p.outcomes.filter((x: { id: string }) => x.id !== 'minder-eenzaamheid')) expect(o.difference).toBe(0);
    expect(p.totals.realised).toBeCloseTo(e.valuation.presentValueBenefits, 6);
    expect(p.totals.difference).toBeCloseTo(lonely.difference, 6);
    expect(p.npv.realised).toBeCloseTo(e.valuation.npv, 6);
    expect(p.inputs.difference).toBe(0);
    // The text output shows the same comparison per outcome, NL and EN: the lonely row carries its whole difference
    // as the quantity effect and nothing in the other three columns; the other outcomes differ by nothing.
    const digits = (cell: string): string => cell.replace(/\D/g, '');
    for (const lang of ['nl', 'en'] as const) {
      const text = rendement(['evaluate', model, '--as-of', '2023-06-30', '--store', store, '--lang', lang]).stdout;
      expect(text).toContain(lang === 'nl' ? 'Prognose (vastgelegd op 2019-01-01) tegen realisatie, contante waarde (EUR)' : 'Forecast (locked on 2019-01-01) against realised, present value (EUR)');
      const row = text.split('\n').find((l) => l.startsWith('minder-eenzaamheid '))!;
      const cells = row.split(/\s{2,}/).slice(1);
      expect(cells).toHaveLength(7);
      expect(digits(cells[0]!)).toBe(String(Math.round(lonely.forecast)));
      expect(digits(cells[1]!)).toBe(String(Math.round(lonely.realised)));
      expect(cells[2]).toMatch(/^[−-]/);
      expect(cells[3]).toBe(cells[2]);
      expect(cells.slice(4).map(digits)).toEqual(['0', '0', '0']);
      expect(text.split('\n').some((l) => l.startsWith(lang === 'nl' ? 'Totaal ' : 'Total '))).toBe(true);
    }
    // value --json keeps its contract (the comparison is part of evaluate's).
    expect(JSON.parse(rendement(['value', model, '--as-of', '2023-06-30', '--json', '--store', store]).stdout).planVersusRealised).toBeUndefined();
  }, 600_000);

  it('a proxy changed after the lock is reported as a change of rules, with its effect', () => {
    const changed = join(dir, 'buurthuis-moerwijk.yaml');
    writeFileSync(changed, readFileSync(model, 'utf8').replace('proxy: { value: 450, unit: EUR per avoided incident', 'proxy: { value: 900, unit: EUR per avoided incident'));
    const e = JSON.parse(rendement(['evaluate', changed, '--as-of', '2023-06-30', '--json', '--store', store]).stdout);
    const p = e.planVersusRealised;
    expect(p.ruleChanges.map((c: { kind: string; outcome?: string }) => [c.kind, c.outcome])).toEqual([['proxy', 'jongeren-overlast']]);
    expect(p.ruleChanges[0].message.nl).toContain('het proxy-effect is een verandering van de regels, geen resultaat');
    const youth = p.outcomes.find((o: { id: string }) => o.id === 'jongeren-overlast');
    // Doubling the proxy doubles the PV (METHODS §1: PV is linear in P): the proxy effect equals the forecast PV.
    expect(youth.effects.proxy).toBeCloseTo(youth.forecast, 6);
    expect(youth.effects.quantity).toBe(0);
    const status = JSON.parse(rendement(['criteria', 'status', changed, '--store', store, '--json']).stdout);
    expect(status.forecasts).toEqual([{ lockedAt: '2019-01-01', sha256: p.sha256 }]);
    expect(rendement(['criteria', 'status', changed, '--store', store, '--lang', 'en']).stdout).toContain(`Forecast locked on 2019-01-01 (sha256 ${p.sha256.slice(0, 12)}…)`);
  }, 600_000);
});
