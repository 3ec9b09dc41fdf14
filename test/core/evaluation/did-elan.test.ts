// Difference-in-differences of two real Den Haag wijken in the ELAN wijkprofielen panel (ELAN/CBS microdata
// aggregates, github elan-dcc/wijkprofielen @aeba9c9, MIT): the two wijken's rows of df_count_ver_3.csv, cut unchanged
// into test/fixtures/data/elan-welfare-moerwijk-laakkwartier.csv.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { deriveDeadweights, differenceInDifferences, type EvaluationObservation } from '../../../src/core/evaluation/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const csvPath = resolve(repoRoot, 'test/fixtures/data/elan-welfare-moerwijk-laakkwartier.csv');

const COLUMN = '%_Welfare_benefit_user';
const TARGET = 'WK051836'; // Wijk 36 Moerwijk
const COMPARISON = 'WK051838'; // Wijk 38 Laakkwartier en Spoorwijk

/** Reads the two wijken's welfare-benefit share; n = Total_Population, so numerator = share · population. */
function readPanel(): EvaluationObservation[] {
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`column ${name} missing`);
    return i;
  };
  const [iW, iY, iP, iV] = [col('WKC'), col('YEAR'), col('Total_Population'), col(COLUMN)];
  const out: EvaluationObservation[] = [];
  for (const line of lines.slice(1)) {
    const c = line.split(','); // the file has no quoted fields (checked: no `"` in it)
    const area = c[iW]!;
    const year = Number(c[iY]);
    // 2009 and 2010 are 0.0 in this panel for this column: not measured, not zero — left out.
    if ((area !== TARGET && area !== COMPARISON) || year < 2011) continue;
    const n = Number(c[iP]);
    const value = Number(c[iV]);
    out.push({ indicator: 'bijstand', area, period: String(year), value, n, numerator: Math.round(value * n), denominator: n });
  }
  return out;
}

describe('difference-in-differences on the ELAN panel (welfare-benefit share)', () => {
  const rows = Object.freeze(readPanel().map((r) => Object.freeze(r)));
  const options = {
    asOf: '2022-12-31',
    pre: { from: '2015-01-01', to: '2015-12-31' },
    post: { from: '2017-01-01', to: '2017-12-31' },
    preTrend: { from: '2011-01-01', to: '2015-12-31' },
  } as const;
  const result = differenceInDifferences({ id: 'bijstand', kind: 'share' }, rows, [TARGET], [COMPARISON], options);

  test('matches the hand calculation from the four source rows', () => {
    // Source rows (df_count_ver_3.csv: WKC, YEAR, column %_Welfare_benefit_user, value; Total_Population):
    //   WK051836, 2015, %_Welfare_benefit_user, 0.1171021377672209   (population 21050 → 2465 persons)
    //   WK051836, 2017, %_Welfare_benefit_user, 0.11764705882352941  (population 21760 → 2560 persons)
    //   WK051838, 2015, %_Welfare_benefit_user, 0.06722090261282661  (population 42100 → 2830 persons)
    //   WK051838, 2017, %_Welfare_benefit_user, 0.06432681242807825  (population 43450 → 2795 persons)
    // Hand calculation:
    //   Moerwijk change      = 0.11764705882352941 − 0.1171021377672209  = +0.00054492105630851
    //   Laakkwartier change  = 0.06432681242807825 − 0.06722090261282661 = −0.00289409018474836
    //   DiD                  = 0.00054492105630851 − (−0.00289409018474836) = 0.00343901124105687
    //   i.e. Moerwijk's share of welfare recipients rose 0.34 percentage points relative to Laakkwartier.
    const handDid = 0.11764705882352941 - 0.1171021377672209 - (0.06432681242807825 - 0.06722090261282661);
    expect(handDid).toBeCloseTo(0.00343901124105687, 15);
    expect(result.target.pre!.value).toBe(0.1171021377672209);
    expect(result.target.post!.value).toBe(0.11764705882352941);
    expect(result.comparisons[0]!.pre!.value).toBe(0.06722090261282661);
    expect(result.comparisons[0]!.post!.value).toBe(0.06432681242807825);
    expect(result.target.change).toBeCloseTo(0.00054492105630851, 15);
    expect(result.comparisonChange).toBeCloseTo(-0.00289409018474836, 15);
    expect(result.did).toBeCloseTo(0.00343901124105687, 15);
    expect(result.comparisons[0]!.did).toBeCloseTo(0.00343901124105687, 15);
  });

  test('the interval comes from the spread of the Moerwijk − Laakkwartier gap over 2011–2015 (panel)', () => {
    // n is the wijk's population, not a sample: the standard error comes from the pre-period gaps
    // (Bertrand, Duflo & Mullainathan 2004). Gaps (source rows above and 2011–2014 of the same file):
    //   2011 0.10043668122270742 − 0.05728412928123493 = 0.043152551941472495
    //   2012 0.1042573778422835  − 0.05760038240917782 = 0.04665699543310568
    //   2013 0.11038647342995168 − 0.06015850144092219 = 0.05022797198902949
    //   2014 0.11289549376797699 − 0.06433867495814398 = 0.04855681880983301
    //   2015 0.1171021377672209  − 0.06722090261282661 = 0.0498812351543943
    // numpy var(ddof=1) = 8.412397672018069e-06; SE = √(s² · (1/1 + 1/1)) = 0.00410180391340641;
    // t(4, 0.975) = 2.7764451051977934 (scipy) → ci = [−0.007949422156801519, 0.01482744463891524]
    expect(result.inference).toMatchObject({ method: 'panel', comparisonAreas: 1, prePeriods: 1, postPeriods: 1, variancePeriods: 5, df: 4 });
    expect(result.inference.gapVariance).toBeCloseTo(8.412397672018069e-6, 18);
    expect(result.standardError).toBeCloseTo(0.00410180391340641, 14);
    expect(result.ci!.lower).toBeCloseTo(-0.007949422156801519, 12);
    expect(result.ci!.upper).toBeCloseTo(0.01482744463891524, 12);
  });

  test('asked for, the sampling interval uses the four binomial variances p(1 − p)/n (too narrow here: n is a population)', () => {
    // numpy: √(Σ p(1 − p)/n) over the four cells = 0.003543545997248871;
    // ci = did ± 1.959963984540054 · se = [−0.003506211291111996, 0.010384233773225717] (scipy norm.ppf)
    const sampled = differenceInDifferences({ id: 'bijstand', kind: 'share' }, rows, [TARGET], [COMPARISON], { ...options, standardError: 'sampling' });
    expect(sampled.standardError).toBeCloseTo(0.003543545997248871, 14);
    expect(sampled.ci!.lower).toBeCloseTo(-0.003506211291111996, 12);
    expect(sampled.ci!.upper).toBeCloseTo(0.010384233773225717, 12);
  });

  test('pre-period trends 2011–2015 side by side, and the not-parallel warning', () => {
    // scipy.stats.linregress over the period midpoints in decimal years (days since 1970 / 365.2425 + 1970):
    //   Moerwijk     slope 0.00419694370466798  se 0.0002835940176340449
    //   Laakkwartier slope 0.0026609218127278183 se 0.00039148348807714037
    //   difference 0.0015360218919401617, se √(se₁² + se₂²) = 0.0004834096485123807, t with 6 df → p = 0.019136898226143402
    const arm = result.comparisons[0]!;
    expect(arm.preTrends.target!.slope).toBeCloseTo(0.00419694370466798, 12);
    expect(arm.preTrends.target!.standardError).toBeCloseTo(0.0002835940176340449, 12);
    expect(arm.preTrends.comparison!.slope).toBeCloseTo(0.0026609218127278183, 12);
    expect(arm.preTrends.pValue).toBeCloseTo(0.019136898226143402, 9);
    expect(arm.preTrends.parallel).toBe(false);
    expect(result.parallel).toBe(false);
    const note = result.notes.find((n) => n.code === 'evaluation.not-parallel')!;
    expect(note.message.en).toContain('not parallel');
    expect(note.message.nl).toContain('niet parallel');
  });

  test('a generous tolerance alone does not hide a significant difference; with no test it decides', () => {
    const twoYears = differenceInDifferences({ id: 'bijstand', kind: 'share' }, rows, [TARGET], [COMPARISON], {
      ...options,
      preTrend: { from: '2014-01-01', to: '2015-12-31' },
      parallelTolerance: 0.01,
    });
    // two pre periods: slopes without standard errors, so only the tolerance judges
    expect(twoYears.comparisons[0]!.preTrends.pValue).toBeNull();
    expect(twoYears.comparisons[0]!.preTrends.parallel).toBe(true);
  });

  test('no derived deadweight: the pre-trends are not parallel (p = 0.019), so the model deadweight stays', () => {
    // Before issue 12 the deadweight was read as −0.00289409018474836 / 0.00054492105630851 = −5.31 → clipped to 0,
    // i.e. full credit, although Moerwijk's welfare share rose faster than Laakkwartier's before the start.
    const r = deriveDeadweights(
      { comparisons: [{ indicator: 'bijstand', areas: [COMPARISON], deadweightFor: ['minder-bijstand'] }], criteria: [{ indicator: 'bijstand', direction: 'decrease' }] },
      { indicators: [{ id: 'bijstand', comparison: result }] },
    );
    expect(r.deadweights).toEqual({});
    expect(r.list).toEqual([{ outcome: 'minder-bijstand', indicator: 'bijstand', status: 'refused', value: null, low: null, high: null, derivation: r.notes[0]!.message }]);
    expect(r.notes.map((n) => n.code)).toEqual(['evaluation.deadweight-not-parallel']);
    expect(r.notes[0]!.message.en).toContain('p = 0.01914');
    expect(r.notes[0]!.message.nl).toContain('blijft gelden');
  });

  test('with a tolerance that calls the trends parallel, the wrong direction still refuses it', () => {
    // Welfare use should fall (criterion direction decrease); Moerwijk rose +0.00054492105630851: no deadweight.
    const lenient = { ...result, parallel: true as const };
    const r = deriveDeadweights(
      { comparisons: [{ indicator: 'bijstand', areas: [COMPARISON], deadweightFor: ['minder-bijstand'] }], criteria: [{ indicator: 'bijstand', direction: 'decrease' }] },
      { indicators: [{ id: 'bijstand', comparison: lenient }] },
    );
    expect(r.notes.map((n) => n.code)).toEqual(['evaluation.deadweight-wrong-direction']);
  });

  test('as of mid-2017 the post year is not yet known', () => {
    const early = differenceInDifferences({ id: 'bijstand', kind: 'share' }, rows, [TARGET], [COMPARISON], { ...options, asOf: '2017-06-30' });
    expect(early.did).toBeNull();
    expect(early.notes.some((n) => n.code === 'evaluation.did-missing-cell')).toBe(true);
  });
});
