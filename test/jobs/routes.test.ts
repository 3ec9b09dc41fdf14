import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ObservationStore, createToken } from '../../src/index.js';
import { buildApp, loadModelCatalogue } from '../../src/server/index.js';
import { rendement, root } from '../cli/run-cli.js';
import { tempDir } from '../server/fixtures.js';

// Issue 12, "one path for the main job": `report` (one model and --all), `portfolio`, `demo` and the service
// evaluate through evaluateInitiative and build the report from initiativeReportInput, so for one model, store and
// as-of date their report.json must be byte for byte the same apart from the marked generation time; and `value`
// and `evaluate` must print the same numbers. The models are the four examples, with Moerwijk's comparison also
// deriving a deadweight (deadweightFor), so derived deadweights, store quantities, comparisons, uncertainty and
// provenance all take part.

const asOf = '2023-06-30';
const ids = ['buurthuis-moerwijk', 'dorpsbudget-stompwijk', 'leeskamer-rijswijk', 'openluchtbad-wassenaar'];
let dir: string;
let cleanup: () => Promise<void>;
let store: string;
let models: string;

const withoutTime = (text: string): unknown => {
  const doc = JSON.parse(text) as Record<string, unknown>;
  expect(doc['generatedAt']).toEqual(expect.any(String));
  delete doc['generatedAt'];
  return doc;
};

beforeAll(async () => {
  const tmp = await tempDir('rendement-routes-');
  dir = tmp.dir;
  cleanup = tmp.cleanup;
  store = tmp.storePath;
  models = join(dir, 'models');
  await mkdir(models);
  for (const id of ids) await copyFile(join(root, 'models', `${id}.yaml`), join(models, `${id}.yaml`));
  const moerwijk = join(models, 'buurthuis-moerwijk.yaml');
  const text = await readFile(moerwijk, 'utf8');
  const withDerived = text.replace('    preTrend: { from: 2014-01-01, to: 2018-12-31 }\n', '    preTrend: { from: 2014-01-01, to: 2018-12-31 }\n    direction: decrease\n    deadweightFor: [minder-huisartsbezoek]\n');
  expect(withDerived).not.toBe(text);
  await writeFile(moerwijk, withDerived);
  // demo ingests the bundled data into the store and writes its reports: the first route.
  const demo = rendement(['demo', '--models', models, '--data', join(root, 'data'), '--store', store, '--out', join(dir, 'demo'), '--as-of', asOf, '--quiet']);
  expect(demo.code, demo.stderr).toBe(0);
}, 600_000);

afterAll(async () => {
  await cleanup();
});

describe('one path for the main job (issue 12)', () => {
  it('gives byte-identical report.json from report, report --all, portfolio, demo and the service', async () => {
    const one = rendement(['report', join(models, 'buurthuis-moerwijk.yaml'), '--store', store, '--out', join(dir, 'one'), '--format', 'json', '--as-of', asOf, '--quiet']);
    expect(one.code, one.stderr).toBe(0);
    const all = rendement(['report', '--all', '--models', models, '--store', store, '--out', join(dir, 'all'), '--format', 'json', '--as-of', asOf, '--quiet']);
    expect(all.code, all.stderr).toBe(0);
    const portfolio = rendement(['portfolio', '--models', models, '--store', store, '--out', join(dir, 'portfolio'), '--as-of', asOf, '--quiet']);
    expect(portfolio.code, portfolio.stderr).toBe(0);

    const s = await ObservationStore.open(store);
    const service: Record<string, string> = {};
    try {
      const { models: catalogue } = await loadModelCatalogue(models);
      const evaluator = await createToken(s, { role: 'evaluator', createdBy: 'test' });
      const app = await buildApp({ store: s, models: catalogue, tmpDir: dir });
      try {
        for (const id of ids) {
          const r = await app.inject({ url: `/api/initiatives/${id}/report?view=json&lang=nl&asOf=${asOf}`, headers: { authorization: `Bearer ${evaluator.token}` } });
          expect(r.statusCode, r.body).toBe(200);
          service[id] = r.body;
        }
      } finally {
        await app.close();
      }
    } finally {
      s.close();
    }

    for (const id of ids) {
      const reference = withoutTime(await readFile(join(dir, 'demo', id, 'report.json'), 'utf8'));
      expect(withoutTime(await readFile(join(dir, 'all', id, 'report.json'), 'utf8')), `report --all, ${id}`).toEqual(reference);
      expect(withoutTime(await readFile(join(dir, 'portfolio', id, 'report.json'), 'utf8')), `portfolio, ${id}`).toEqual(reference);
      expect(withoutTime(service[id]!), `service, ${id}`).toEqual(reference);
      // Byte for byte, once the generation time line is blanked.
      const blank = (t: string): string => t.replace(/"generatedAt": "[^"]*"/, '"generatedAt": ""');
      expect(blank(service[id]!)).toBe(blank(await readFile(join(dir, 'demo', id, 'report.json'), 'utf8')));
    }
    expect(withoutTime(await readFile(join(dir, 'one', 'buurthuis-moerwijk', 'report.json'), 'utf8'))).toEqual(withoutTime(await readFile(join(dir, 'demo', 'buurthuis-moerwijk', 'report.json'), 'utf8')));

    // The report says where its numbers come from: Moerwijk's own upload and the ELAN panel its comparison reads.
    const moerwijk = JSON.parse(await readFile(join(dir, 'demo', 'buurthuis-moerwijk', 'report.json'), 'utf8')) as { provenance: { source: string }[] };
    expect(moerwijk.provenance.map((p) => p.source).sort()).toEqual(['buurthuis-moerwijk', 'elan-wijkprofielen']);
  }, 600_000);

  it('value and evaluate print the same valuation, uncertainty included', () => {
    for (const id of ids) {
      const args = [join(models, `${id}.yaml`), '--json', '--store', store, '--as-of', asOf, '--draws', '2000', '--seed', '5'];
      const value = rendement(['value', ...args]);
      const evaluate = rendement(['evaluate', ...args]);
      expect(value.code, value.stderr).toBe(0);
      expect(evaluate.code, evaluate.stderr).toBe(0);
      const v = JSON.parse(value.stdout) as Record<string, unknown>;
      const e = JSON.parse(evaluate.stdout) as Record<string, unknown>;
      for (const key of Object.keys(v)) expect(e[key], `${id}: ${key}`).toEqual(v[key]);
      expect(Object.keys(v).sort()).toEqual(['initiative', 'valuation', 'warnings', 'uncertainty', ...(v['mkba'] ? ['mkba'] : [])].sort());
    }
  }, 600_000);

  it('as of a date counts only what was known then: quantities, criteria and the criteria lock', () => {
    const outcome = (j: { valuation: { outcomes: { id: string; trace: { quantity: { value: number; source: { rows?: string[] } } } }[] } }) =>
      j.valuation.outcomes.find((o) => o.id === 'minder-eenzaamheid')!;
    // data/demo/buurthuis-moerwijk.csv, bezoekers-65plus in WK051836: 2019 → 69, 2020 → 60, 2021 → 88, 2022 → 105;
    // the model's quantity is their mean over 2019–2022. As of 2020-12-31 only 2019 and 2020 have ended:
    // (69 + 60) / 2 = 64.5 (by hand); as of 2023-06-30 all four: (69 + 60 + 88 + 105) / 4 = 80.5.
    const lock = rendement(['criteria', 'lock', join(models, 'buurthuis-moerwijk.yaml'), '--date', '2021-06-01', '--by', 'raadsbesluit', '--store', store, '--json']);
    expect(lock.code, lock.stderr).toBe(0);
    const early = JSON.parse(rendement(['evaluate', join(models, 'buurthuis-moerwijk.yaml'), '--json', '--store', store, '--as-of', '2020-12-31']).stdout);
    const late = JSON.parse(rendement(['evaluate', join(models, 'buurthuis-moerwijk.yaml'), '--json', '--store', store, '--as-of', asOf]).stdout);
    expect(outcome(early).trace.quantity.value).toBeCloseTo(64.5, 12);
    expect(outcome(early).trace.quantity.source.rows).toHaveLength(2);
    expect(outcome(late).trace.quantity.value).toBeCloseTo(80.5, 12);
    expect(early.valuation.npv).not.toBeCloseTo(late.valuation.npv, 0);
    // value agrees with evaluate as of the same date.
    const value = JSON.parse(rendement(['value', join(models, 'buurthuis-moerwijk.yaml'), '--json', '--store', store, '--as-of', '2020-12-31']).stdout);
    expect(value.valuation).toEqual(early.valuation);
    // The criteria were locked on 2021-06-01: not yet as of 2020-12-31, and so as of 2023-06-30.
    expect(early.evaluation.lock.status).toBe('unlocked');
    expect(late.evaluation.lock.status).toBe('unchanged');
    expect(late.evaluation.lockHistory.map((l: { lockedAt: string }) => l.lockedAt)).toEqual(['2021-06-01']);
  }, 600_000);

  it('reports do not contradict themselves (issue 12, point 7)', async () => {
    const page = (id: string, name = 'council.html'): Promise<string> => readFile(join(dir, 'demo', id, name), 'utf8');
    const text = (html: string): string => html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
    const moerwijk = text(await page('buurthuis-moerwijk'));
    // Quantities come from the upload, and the upload is listed: never "no monitoring data linked".
    expect(moerwijk).toContain('Aangeleverde bestanden');
    expect(moerwijk).not.toContain('geen monitoringdata aan dit rapport gekoppeld');
    // The criteria were not locked by the as-of date (2023-06-30): the council page says so.
    expect(moerwijk).toContain('De succescriteria waren per 30 juni 2023 niet vastgelegd');
    // Horizon (6 years) explained against the 4-year period.
    expect(moerwijk).toContain('effecten tellen 6 jaar mee, ook na de uitvoeringsperiode van 4 jaar (2019–2022)');
    // P(ratio ≥ 1) = 0,9995 in Moerwijk's Monte Carlo (report.json): shown as "> 99,9%", never "100%".
    const report = JSON.parse(await page('buurthuis-moerwijk', 'report.json')) as { uncertainty: { monteCarlo: { probabilityAtLeastOne: number } } };
    if (report.uncertainty.monteCarlo.probabilityAtLeastOne < 1 && report.uncertainty.monteCarlo.probabilityAtLeastOne > 0.999) {
      expect(moerwijk).toContain('de ratio in > 99,9% van de gevallen 1 of hoger');
      expect(moerwijk).not.toContain('de ratio in 100% van de gevallen');
    }
    // Dorpsbudget: € per m² criteria with two decimals (baseline 1,90, target 1,60), negatives as −€.
    const dorp = text(await page('dorpsbudget-stompwijk'));
    expect(dorp).toContain('1,90 EUR/m2');
    expect(dorp).toContain('1,60 EUR/m2');
    expect(dorp).not.toMatch(/€\s?-\d/);
    expect(dorp).toContain('−€ 480.109');
    // An MKBA-only report shows the MKBA's distribution (B/C, P(balance > 0)), never the SROI ratio's interval.
    const dorpJson = JSON.parse(await page('dorpsbudget-stompwijk', 'report.json')) as { uncertainty: { monteCarlo: { measure?: string }; tornado?: { measure?: string } } };
    expect(dorpJson.uncertainty.monteCarlo.measure).toBe('mkba');
    expect(dorp).toContain('het MKBA-saldo in');
    expect(dorp).not.toContain('de ratio in');
  }, 600_000);

  it('a forecast locked with the criteria: evaluate, report and the service show the same plan versus realised (issue 13 point 5)', async () => {
    // The lock test above locked Moerwijk on 2021-06-01; its forecast took minder-eenzaamheid's quantity from the data
    // ended by then: (69 + 60) / 2 = 64.5 (data/demo, by hand); as of 2023-06-30 it is 80.5.
    const model = join(models, 'buurthuis-moerwijk.yaml');
    const e = JSON.parse(rendement(['evaluate', model, '--json', '--store', store, '--as-of', asOf]).stdout);
    const p = e.planVersusRealised;
    expect(p.lockedAt).toBe('2021-06-01');
    const lonely = p.outcomes.find((o: { id: string }) => o.id === 'minder-eenzaamheid');
    expect(lonely.forecastFactors.quantity).toBeCloseTo(64.5, 12);
    // PV is linear in the quantity: the quantity effect is (80.5 / 64.5 − 1) × the forecast PV, and nothing else moved.
    expect(lonely.effects.quantity).toBeCloseTo((80.5 / 64.5 - 1) * lonely.forecast, 6);
    expect(lonely.effects.proxy + lonely.effects.deflators + lonely.effects.timing).toBe(0);
    // minder-huisartsbezoek's deadweight is asked to be derived from the comparison areas: when derived it moves the
    // deflator effect (a result, not a change of rules); when refused the stated 0.40 stays and the effect is 0.
    const gp = p.outcomes.find((o: { id: string }) => o.id === 'minder-huisartsbezoek');
    const derived = e.evaluation.derivedDeadweights.find((d: { outcome: string }) => d.outcome === 'minder-huisartsbezoek');
    expect(gp.effects.deflators !== 0).toBe(derived.status === 'derived' && derived.value !== 0.4);
    expect(p.ruleChanges).toEqual([]);
    const sum = (x: { quantity: number; proxy: number; deflators: number; timing: number }): number => x.quantity + x.proxy + x.deflators + x.timing;
    expect(Math.abs(sum(p.totals.effects) - (e.valuation.presentValueBenefits - p.totals.forecast))).toBeLessThan(1e-6);

    const out = join(dir, 'plan');
    const one = rendement(['report', model, '--store', store, '--out', out, '--format', 'json,html', '--as-of', asOf, '--quiet']);
    expect(one.code, one.stderr).toBe(0);
    const fromReport = JSON.parse(await readFile(join(out, 'buurthuis-moerwijk', 'report.json'), 'utf8')).planVersusRealised;
    expect(fromReport).toEqual(p);
    expect(await readFile(join(out, 'buurthuis-moerwijk', 'council.html'), 'utf8')).toContain('<section id="plan"');
    const s = await ObservationStore.open(store);
    try {
      const { models: catalogue } = await loadModelCatalogue(models);
      const evaluator = await createToken(s, { role: 'evaluator', createdBy: 'test' });
      const app = await buildApp({ store: s, models: catalogue, tmpDir: dir });
      try {
        const r = await app.inject({ url: `/api/initiatives/buurthuis-moerwijk/report?view=json&lang=nl&asOf=${asOf}`, headers: { authorization: `Bearer ${evaluator.token}` } });
        expect(r.statusCode, r.body).toBe(200);
        expect(JSON.parse(r.body).planVersusRealised).toEqual(p);
      } finally {
        await app.close();
      }
    } finally {
      s.close();
    }
  }, 600_000);
});
