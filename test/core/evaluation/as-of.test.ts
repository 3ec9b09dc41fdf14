// "As of" evaluation: a mid-term review sees only what was known then; the same inputs give the same JSON.
import { describe, expect, test } from 'vitest';
import { evaluateOutcomes, observationsAsOf, parseEvaluationPeriod, toEvaluationJson } from '../../../src/core/evaluation/index.js';
import { model, observations } from './fixture.js';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

describe('periods', () => {
  test('year, half, quarter, month, day', () => {
    expect(parseEvaluationPeriod('2024')).toMatchObject({ start: '2024-01-01', end: '2024-12-31', granularity: 'year' });
    expect(parseEvaluationPeriod('2024-H2')).toMatchObject({ start: '2024-07-01', end: '2024-12-31' });
    expect(parseEvaluationPeriod('2024-Q1')).toMatchObject({ start: '2024-01-01', end: '2024-03-31' });
    expect(parseEvaluationPeriod('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' }); // leap year
    expect(parseEvaluationPeriod('2023-02-28')).toMatchObject({ start: '2023-02-28', end: '2023-02-28' });
    expect(() => parseEvaluationPeriod('2023-02-30')).toThrow(RangeError);
    expect(() => parseEvaluationPeriod('Q1 2024')).toThrow(RangeError);
  });

  test('a period counts from the day it ends', () => {
    const rows = [{ indicator: 'x', area: 'WK051836', period: '2025', value: 1 }];
    expect(observationsAsOf(rows, '2025-12-30')).toHaveLength(0);
    expect(observationsAsOf(rows, '2025-12-31')).toHaveLength(1);
  });

  test('a row without a finite value is not measured: left out, never 0', () => {
    const rows = [
      { indicator: 'x', area: 'WK051836', period: '2025', value: Number.NaN },
      { indicator: 'x', area: 'WK051836', period: '2025', value: null as unknown as number },
    ];
    expect(observationsAsOf(rows, '2030-12-31')).toHaveLength(0);
  });
});

describe('mid-term view', () => {
  const frozen = deepFreeze(structuredClone(observations));
  const mid = evaluateOutcomes(deepFreeze(structuredClone(model)), frozen, { asOf: '2025-12-31' });
  const end = evaluateOutcomes(model, observations, { asOf: '2027-12-31' });
  const row = (e: typeof mid, id: string) => e.criteria.find((r) => r.id === id)!;

  test('as of 2025-12-31 the 2026 and 2027 data are not seen; criteria are not due, on or off track', () => {
    // visitors 95 in 2025: a = (95 − 40)/80 = 0.6875 ≥ 730/1095 = 0.6667 expected → on track
    expect(row(mid, 'bereik-ouderen')).toMatchObject({ status: 'not-due', track: 'on-track', value: 95, period: '2025' });
    expect(row(mid, 'bereik-ouderen').achievement).toBeCloseTo(55 / 80, 15);
    expect(row(mid, 'bereik-ouderen').expectedAchievement).toBeCloseTo(730 / 1095, 15);
    // volunteers 24: a = 12/28 = 0.4286 < 0.6667 → off track
    expect(row(mid, 'vrijwilligers-actief')).toMatchObject({ status: 'not-due', track: 'off-track', value: 24 });
    // loneliness 0.38: a = 0.07/0.15 = 0.4667 < 730/1460 = 0.5 → off track; n = min(200, 150) = 150 < 163 → underpowered
    const lonely = row(mid, 'eenzaamheid-daalt');
    expect(lonely).toMatchObject({ status: 'not-due', track: 'off-track', value: 0.38 });
    expect(lonely.evidence.power).toMatchObject({ required: 163, n: 150, adequate: false });
    expect(mid.notes.some((n) => n.code === 'evaluation.underpowered' && n.message.en.includes('n = 150'))).toBe(true);
    expect(lonely.reason.en).toBe('Not due yet (deadline 2027-12-31); off track: 47 % of the way achieved, 50 % expected by 2025-12-31.');
    // deadline 2025-12-31 has passed; its only observation (2023) predates the start
    expect(row(mid, 'jongeren-bereik')).toMatchObject({ status: 'not-measurable', notMeasurable: 'period-not-covered' });
    // nothing scored yet: the score is null, not 0
    expect(mid.scores.overall.score).toBeNull();
    expect(mid.scores.overall.coverage).toBe(0);
    // the end view differs
    expect(row(end, 'bereik-ouderen').status).toBe('met');
  });

  test('indicators as of the date: baseline, latest, change and trend only from data known then', () => {
    const visitors = mid.indicators.find((i) => i.id === 'bezoekers-65plus')!;
    expect(visitors.latest!.period).toBe('2025');
    expect(visitors.change).toBe(25); // 95 − 70: no measurement before the start, so the first period is the baseline
    // per mean year of 365.2425 days; the midpoints of 2024 (leap) and 2025 are (366 + 365)/2 = 365.5 days apart
    expect(visitors.trend!.slope).toBeCloseTo(25 * (365.2425 / 365.5), 10);
    const lonely = end.indicators.find((i) => i.id === 'eenzaamheid')!;
    expect(lonely.baseline!.period).toBe('2023'); // the last wave before the start on 2024-01-01
    expect(lonely.test!.method).toBe('two-proportion-z');
  });

  test('same inputs → identical JSON, byte for byte, whatever the order of the observations', () => {
    const a = JSON.stringify(evaluateOutcomes(model, observations, { asOf: '2025-12-31' }));
    const b = JSON.stringify(evaluateOutcomes(model, [...observations].reverse(), { asOf: '2025-12-31' }));
    expect(b).toBe(a);
    expect(JSON.stringify(mid)).toBe(a);
    expect(a).not.toBe(JSON.stringify(end));
  });

  test('the JSON contract of issue 4: criteria[] and indicators[] carry the agreed fields', () => {
    const json = toEvaluationJson(mid);
    const c = json.criteria.find((r) => r.id === 'eenzaamheid-daalt')!;
    for (const key of ['id', 'category', 'status', 'achievement', 'value', 'baseline', 'target', 'deadline', 'evidence', 'reason', 'changed'])
      expect(c).toHaveProperty(key);
    for (const key of ['n', 'ci', 'pValue', 'method']) expect(c.evidence).toHaveProperty(key);
    expect(c.evidence).toMatchObject({ n: 150, method: 'two-proportion-z' });
    const i = json.indicators.find((r) => r.id === 'eenzaamheid')!;
    for (const key of ['id', 'baseline', 'latest', 'change', 'trend', 'comparison']) expect(i).toHaveProperty(key);
    expect(i.baseline).toEqual({ period: '2023', value: 0.45 });
    expect(json.lock.status).toBe('unlocked');
    expect(JSON.stringify(toEvaluationJson(evaluateOutcomes(model, [...observations].reverse(), { asOf: '2025-12-31' })))).toBe(JSON.stringify(json));
  });
});
