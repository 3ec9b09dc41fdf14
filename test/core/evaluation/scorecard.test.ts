import { describe, expect, test } from 'vitest';
import {
  criterionAchievement,
  evaluateCriteria,
  evaluateCriterion,
  expectedAchievement,
  lockCriteria,
  type CriterionRow,
} from '../../../src/core/evaluation/index.js';
import { criteria, indicators, model, observations } from './fixture.js';

const start = model.period.start; // 2024-01-01
const final = evaluateCriteria(criteria, indicators, observations, { asOf: '2027-12-31', start, areas: model.areas });
const row = (id: string, rows: readonly CriterionRow[] = final.criteria): CriterionRow => rows.find((r) => r.id === id)!;

describe('achievement', () => {
  test('increase, decrease, maintain, range (by hand)', () => {
    expect(criterionAchievement({ baseline: 40, target: 120, direction: 'increase' }, 95)).toBeCloseTo(55 / 80, 15);
    expect(criterionAchievement({ baseline: 40, target: 120, direction: 'increase' }, 20)).toBe(0); // clipped
    expect(criterionAchievement({ baseline: 0.45, target: 0.3, direction: 'decrease' }, 0.36)).toBeCloseTo(0.6, 12); // −0.09/−0.15
    expect(criterionAchievement({ baseline: 0.45, target: 0.3, direction: 'decrease' }, 0.25)).toBe(1); // clipped
    expect(criterionAchievement({ baseline: 7.8, target: 7.8, direction: 'maintain', tolerance: 0.3 }, 8.1)).toBe(1);
    expect(criterionAchievement({ baseline: 7.8, target: 7.8, direction: 'maintain', tolerance: 0.3 }, 7.4)).toBe(0);
    expect(criterionAchievement({ baseline: 0.5, target: 0.7, direction: 'range', range: { min: 0.6, max: 0.85 } }, 0.9)).toBe(0);
  });

  test('straight path: 2024-01-01 → 2026-12-31 is 1095 days; by 2025-12-31, 730 days = 2/3', () => {
    expect(expectedAchievement('2024-01-01', '2026-12-31', '2025-12-31')).toBeCloseTo(730 / 1095, 15);
  });
});

describe('scorecard at the end (as of 2027-12-31): every status', () => {
  test('met — increase: 130 visitors in 2026 against 40 → 120', () => {
    const r = row('bereik-ouderen');
    expect(r).toMatchObject({ status: 'met', achievement: 1, value: 130, period: '2026' });
    expect(r.reason.en).toBe('Met: value 130 against target ≥ 120.');
    expect(r.reason.nl).toBe('Gehaald: waarde 130 tegen doel ≥ 120.');
  });

  test('partly met — 30 volunteers: a = (30 − 12)/(40 − 12) = 18/28 = 0.642857 ≥ threshold 0.5', () => {
    const r = row('vrijwilligers-actief');
    expect(r.status).toBe('partly-met');
    expect(r.achievement).toBeCloseTo(18 / 28, 15);
    expect(r.reason.en).toContain('64 % of the way');
  });

  test('not met — decrease: loneliness 0.40 in 2027, a = (0.40 − 0.45)/(0.30 − 0.45) = 1/3 < 0.5; wave test vs 2023', () => {
    const r = row('eenzaamheid-daalt');
    expect(r.status).toBe('not-met');
    expect(r.achievement).toBeCloseTo(1 / 3, 12);
    // 2023 wave 90/200 against 2027 wave 72/180: scipy chi2_contingency([[90,110],[72,108]], correction=False)
    // → chi² 0.9683995922528061 = z², p = 0.3250796405236654; z = −0.9840729608381702
    expect(r.evidence.method).toBe('two-proportion-z');
    expect(r.evidence.test!.statistic).toBeCloseTo(-0.9840729608381702, 12);
    expect(r.evidence.pValue).toBeCloseTo(0.3250796405236654, 11);
    // Wilson 72/180: scipy binomtest(72, 180).proportion_ci(method='wilson') = (0.33124263229026113, 0.4729364672940615)
    expect(r.evidence.ci!.lower).toBeCloseTo(0.33124263229026113, 10);
    expect(r.evidence.ci!.upper).toBeCloseTo(0.4729364672940615, 10);
    expect(r.evidence.n).toBe(180);
    // power: 163 per wave needed (Fleiss), min(200, 180) = 180 → adequate
    expect(r.evidence.power).toMatchObject({ required: 163, n: 180, adequate: true });
  });

  test('met — maintain: 7.6 within 7.8 ± 0.3, t interval 7.6 ± t(89)·1.2/√90', () => {
    const r = row('tevredenheid-blijft');
    expect(r.status).toBe('met');
    expect(r.reason.nl).toBe('Gehaald: waarde 7,6 tegen doel 7,5–8,1.');
    // scipy: t.ppf(0.975, 89) · 1.2/√90 = 0.25133513410716524
    expect(r.evidence.ci!.upper - 7.6).toBeCloseTo(0.25133513410716524, 10);
  });

  test('met — range on a ratio: (300 + 150)/(400 + 350) = 0.6, inside [0.6, 0.85]; averaging percentages would say 0.589', () => {
    const r = row('bezetting-zaal');
    expect(r.value).toBeCloseTo(0.6, 15);
    expect(r.status).toBe('met');
    expect((0.75 + 150 / 350) / 2).toBeLessThan(0.6);
  });

  test('not measurable — no data, too few observations, period not covered', () => {
    expect(row('buurtinitiatieven')).toMatchObject({ status: 'not-measurable', notMeasurable: 'no-data', achievement: null });
    expect(row('buurtinitiatieven').reason.en).toContain('no observations of indicator "initiatieven"');
    expect(row('draagvlak-buurt')).toMatchObject({ status: 'not-measurable', notMeasurable: 'too-few-observations' });
    expect(row('draagvlak-buurt').reason.nl).toContain('n = 8, minimaal 10');
    expect(row('jongeren-bereik')).toMatchObject({ status: 'not-measurable', notMeasurable: 'period-not-covered' });
    expect(row('jongeren-bereik').reason.en).toContain('(2023 to 2023) do not fall in the period 2024-01-01 to 2025-12-31');
  });

  test('not due — decrease, off track: 46 000 kWh in 2027, a = 4000/10000 = 0.4 < 1460/1826 = 0.7996', () => {
    const r = row('energie-daalt');
    expect(r).toMatchObject({ status: 'not-due', track: 'off-track' });
    expect(r.achievement).toBeCloseTo(0.4, 12);
    expect(r.expectedAchievement).toBeCloseTo(1460 / 1826, 12);
  });

  test('scores: missing data is excluded from the weights, never scored as 0', () => {
    // scored: bereik w2·1, vrijwilligers 1·9/14, eenzaamheid 1·1/3, tevredenheid 1·1, bezetting 1·1
    // overall = (2 + 9/14 + 1/3 + 1 + 1)/6 = (209/42)/6 = 209/252 = 0.8293650…
    const s = final.scores;
    expect(s.overall.score).toBeCloseTo(209 / 252, 14);
    expect(s.overall.weightScored).toBe(6);
    expect(s.overall.weightTotal).toBe(12); // + no-data w3, too-few 1, not covered 1, not due 1
    expect(s.overall.coverage).toBe(0.5);
    expect(s.overall.excluded.map((e) => e.id).sort()).toEqual(['buurtinitiatieven', 'draagvlak-buurt', 'energie-daalt', 'jongeren-bereik']);
    const cat = Object.fromEntries(s.categories.map((c) => [c.category, c.score]));
    expect(Object.keys(cat)).toEqual(['economic', 'social', 'support', 'spin-off', 'process', 'attitude']);
    expect(cat).toMatchObject({ economic: 1, social: 1, 'spin-off': null, process: 1 });
    expect(cat['support']).toBeCloseTo(9 / 14, 14);
    expect(cat['attitude']).toBeCloseTo(1 / 3, 14); // (0.40 − 0.45)/(0.30 − 0.45) in floating point
    expect(s.counts).toEqual({ met: 3, 'partly-met': 1, 'not-met': 1, 'not-measurable': 3, 'not-due': 1 });
    // if the no-data criterion were scored as 0 the overall score would drop to 209/42/9 = 0.553 — it must not
    expect(s.overall.score).not.toBeCloseTo(209 / 42 / 9, 3);
  });

  test('Holm correction over the criteria with a test', () => {
    const tested = final.criteria.filter((r) => r.evidence.pValue !== null);
    // one-sample t for tevredenheid (7.6 vs 7.8): t = −0.2/(1.2/√90) = −1.5811, two-proportion z for eenzaamheid,
    // one-proportion z for bezetting (0.6 vs 0.5, n 750); Holm multiplies the smallest by 3
    expect(tested.length).toBe(3);
    const min = tested.reduce((m, r) => (r.evidence.pValue! < m.evidence.pValue! ? r : m));
    expect(min.evidence.pValueAdjusted).toBeCloseTo(Math.min(1, 3 * min.evidence.pValue!), 14);
  });

  test('the model is unlocked: a note says so', () => {
    expect(final.lock.status).toBe('unlocked');
    expect(final.notes.some((n) => n.code === 'evaluation.unlocked')).toBe(true);
  });
});

describe('criteria changed after locking', () => {
  const locked = criteria.map((c) => (c.id === 'bereik-ouderen' ? { ...c, target: 150, description: 'Minstens 150 oudere bezoekers' } : c));
  const lock = lockCriteria(locked.filter((c) => c.id !== 'energie-daalt'), '2024-01-15');
  const result = evaluateCriteria(criteria, indicators, observations, { asOf: '2027-12-31', start, areas: model.areas, lock });

  test('the changed criterion shows both versions, the fields and the lock date', () => {
    const r = row('bereik-ouderen', result.criteria);
    expect(r.changed).not.toBeNull();
    expect(r.changed!.kind).toBe('changed');
    expect(r.changed!.fields).toEqual(['description', 'target']);
    expect(r.changed!.locked!.target).toBe(150);
    expect(r.changed!.current!.target).toBe(120);
    expect(r.changed!.lockedAt).toBe('2024-01-15');
    expect(row('vrijwilligers-actief', result.criteria).changed).toBeNull();
    expect(result.lock.status).toBe('changed');
    const note = result.notes.find((n) => n.code === 'evaluation.criterion-changed')!;
    expect(note.message.en).toBe('Criterion "bereik-ouderen" was changed after it was locked on 2024-01-15: description, target.');
  });

  test('a criterion added after locking is reported as added', () => {
    expect(row('energie-daalt', result.criteria).changed).toMatchObject({ kind: 'added', locked: null });
  });

  test('an unchanged lock reports unchanged and marks nothing', () => {
    const same = evaluateCriteria(criteria, indicators, observations, { asOf: '2027-12-31', start, areas: model.areas, lock: lockCriteria(criteria, '2024-01-15') });
    expect(same.lock.status).toBe('unchanged');
    expect(same.criteria.every((r) => r.changed === null)).toBe(true);
    expect(same.notes.some((n) => n.code.startsWith('evaluation.criterion-') || n.code === 'evaluation.unlocked')).toBe(false);
  });
});

describe('single criterion edge cases', () => {
  test('not due without any data yet', () => {
    const r = evaluateCriterion(criteria[0]!, indicators[0]!, [], { asOf: '2024-06-30', start });
    expect(r).toMatchObject({ status: 'not-due', track: null, achievement: null });
    expect(r.reason.en).toBe('Not due yet (deadline 2026-12-31); no measurement yet up to 2024-06-30.');
  });
});
