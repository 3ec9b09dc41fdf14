// Criteria stated per period ("120 visitors per year") on data reported per quarter or month: observations are
// rolled up with the indicator's aggregation before judging (METHODS §5: counts summed, ratios Σnum/Σden), and a
// period the data cover only in part is never judged as complete. Hand calculations beside each expectation.
import { describe, expect, test } from 'vitest';
import { criterionSchema } from '../../../src/core/schema/criterion.js';
import { evaluateCriterion, toEvaluationJson, evaluateOutcomes, type EvaluationObservation } from '../../../src/core/evaluation/index.js';

const A = 'WK051836';
const criterion = (over: Record<string, unknown> = {}) =>
  criterionSchema.parse({
    id: 'bezoek',
    category: 'social',
    description: '120 bezoekers per jaar',
    indicator: 'bezoek',
    area: A,
    baseline: 0,
    target: 120,
    direction: 'increase',
    deadline: '2025-12-31',
    source: 'Raadsbesluit (illustratief)',
    ...over,
  });
const count = { id: 'bezoek', kind: 'count' as const };
const quarters = (values: number[], year = 2025): EvaluationObservation[] => values.map((value, i) => ({ indicator: 'bezoek', area: A, period: `${year}-Q${i + 1}`, value }));
const options = { asOf: '2025-12-31', start: '2025-01-01' };

describe('criterion per period', () => {
  test('"120 per year" with four quarters of 30: per year 30 + 30 + 30 + 30 = 120 → met; per quarter it was not met', () => {
    const rows = quarters([30, 30, 30, 30]);
    const yearly = evaluateCriterion(criterion({ per: 'year' }), count, rows, options);
    expect(yearly).toMatchObject({ status: 'met', value: 120, period: '2025', per: 'year', coverage: 1, achievement: 1 });
    // Without `per` the latest quarter (30) is set against 120: a = (30 − 0)/(120 − 0) = 0.25 < threshold 0.5.
    const quarterly = evaluateCriterion(criterion(), count, rows, options);
    expect(quarterly).toMatchObject({ status: 'not-met', value: 30, period: '2025-Q4', per: null, coverage: null });
    expect(quarterly.achievement).toBeCloseTo(0.25, 15);
  });

  test('a year with 2 of 4 quarters is not judged: coverage 181/365 = 49.6 %, not measurable, with a note', () => {
    // Q1 + Q2 2025 = 90 + 91 = 181 days of 365. Summed they give 60, which would read as "half the target".
    const r = evaluateCriterion(criterion({ per: 'year' }), count, quarters([30, 30]), options);
    expect(r).toMatchObject({ status: 'not-measurable', notMeasurable: 'period-incomplete', value: null, achievement: null });
    expect(r.reason.en).toBe('Not measurable: no fully covered period of "bezoek" between 2025-01-01 and 2025-12-31; incomplete: 2025 (50 %).');
    const note = r.notes.find((n) => n.code === 'evaluation.period-incomplete')!;
    expect(note.message.en).toBe('2025 of "bezoek" is not judged: the periods supplied cover 50 % of it, and the target is per year.');
    expect(note.message.nl).toContain('dekken er 50 % van');
  });

  test('the running year never enters as a partial sum (not due, no data yet)', () => {
    const r = evaluateCriterion(criterion({ per: 'year' }), count, quarters([30, 30]), { asOf: '2025-06-30', start: '2025-01-01' });
    expect(r).toMatchObject({ status: 'not-due', value: null });
  });

  test('per quarter from months: 10 + 12 + 8 = 30 → met against 30 per quarter; a lone month of Q2 is not judged', () => {
    const months: EvaluationObservation[] = [10, 12, 8, 11].map((value, i) => ({ indicator: 'bezoek', area: A, period: `2025-0${i + 1}`, value }));
    const r = evaluateCriterion(criterion({ per: 'quarter', target: 30 }), count, months, options);
    expect(r).toMatchObject({ status: 'met', value: 30, period: '2025-Q1', per: 'quarter' });
    // April alone covers 30 of the 91 days of Q2 = 33 %.
    expect(r.notes.find((n) => n.code === 'evaluation.period-incomplete')!.message.en).toBe(
      '2025-Q2 of "bezoek" is not judged: the periods supplied cover 33 % of it, and the target is per quarter.',
    );
  });

  test('a ratio per year is Σ numerator / Σ denominator, not the mean of the quarters', () => {
    // Quarters 30/100, 10/20, 45/150, 15/30: Σ = 100/300 = 0.3333; the mean of the four ratios would be 0.4.
    const ratio = { id: 'bezetting', kind: 'ratio' as const };
    const parts: [number, number][] = [[30, 100], [10, 20], [45, 150], [15, 30]];
    const rows: EvaluationObservation[] = parts.map(([num, den], i) => ({ indicator: 'bezetting', area: A, period: `2025-Q${i + 1}`, value: num / den, numerator: num, denominator: den }));
    const r = evaluateCriterion(criterion({ indicator: 'bezetting', per: 'year', baseline: 0.2, target: 0.3 }), ratio, rows, options);
    expect(r.value).toBeCloseTo(100 / 300, 15);
    expect(r.status).toBe('met');
  });

  test('a year figure cannot be split over quarters: not measurable, with a note', () => {
    const rows: EvaluationObservation[] = [{ indicator: 'bezoek', area: A, period: '2025', value: 120 }];
    const r = evaluateCriterion(criterion({ per: 'quarter', target: 30 }), count, rows, options);
    expect(r).toMatchObject({ status: 'not-measurable', notMeasurable: 'period-not-covered' });
    expect(r.notes.map((n) => n.code)).toEqual(['evaluation.period-too-coarse']);
  });

  test('per and coverage reach the JSON', () => {
    const e = evaluateOutcomes({ id: 'x', areas: [A], period: { start: '2025-01-01', end: '2025-12-31' }, criteria: [criterion({ per: 'year' })], indicators: [{ ...count, name: 'Bezoek', unit: 'personen' }] }, quarters([30, 30, 30, 30]), options);
    expect(toEvaluationJson(e).criteria[0]).toMatchObject({ per: 'year', coverage: 1, status: 'met', value: 120 });
  });
});
