// The example model buurthuis-moerwijk (a frozen 2024–2027 copy in fixtures/) evaluated on quarterly data (numbers made up), with and
// without rolling quarters up to calendar years.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { validateModel } from '../../../src/core/index.js';
import { evaluateOutcomes, type EvaluationObservation } from '../../../src/core/evaluation/index.js';

const file = fileURLToPath(new URL('./fixtures/buurthuis-moerwijk-2024.yaml', import.meta.url));
const validated = validateModel(parse(readFileSync(file, 'utf8')));
if (!validated.ok) throw new Error('fixtures/buurthuis-moerwijk-2024.yaml does not validate');
// Active volunteers are a stock: a year is its last quarter, not the sum of four (the model file does not say so).
const model = { ...validated.model, indicators: validated.model.indicators.map((i) => (i.id === 'vrijwilligers' ? { ...i, aggregation: 'last' as const } : i)) };

const q = (indicator: string, year: number, values: number[]): EvaluationObservation[] =>
  values.map((value, i) => ({ indicator, area: 'WK051836', period: `${year}-Q${i + 1}`, value }));
const rows: EvaluationObservation[] = [...q('bezoekers-65plus', 2025, [25, 30, 35, 40]), ...q('bezoekers-65plus', 2026, [50]), ...q('vrijwilligers', 2025, [20, 24, 28, 41])];

describe('buurthuis-moerwijk on quarterly data', () => {
  test('per year: 2025 visitors 25 + 30 + 35 + 40 = 130 ≥ 120 → on track; volunteers last quarter 41 ≥ 40', () => {
    const e = evaluateOutcomes(model, rows, { asOf: '2026-06-30', byYear: true });
    const bereik = e.criteria.find((r) => r.id === 'bereik-ouderen')!;
    expect(bereik).toMatchObject({ status: 'not-due', track: 'on-track', value: 130, period: '2025', achievement: 1 });
    const vrijwilligers = e.criteria.find((r) => r.id === 'vrijwilligers-actief')!;
    expect(vrijwilligers).toMatchObject({ status: 'not-due', track: 'on-track', value: 41 });
    expect(e.lock.status).toBe('unlocked');
  });

  test('per period: the latest quarter (2026-Q1: 50) is compared with the yearly target — a = 10/80, off track', () => {
    const e = evaluateOutcomes(model, rows, { asOf: '2026-06-30' });
    const bereik = e.criteria.find((r) => r.id === 'bereik-ouderen')!;
    // expected by 2026-03-31: 820 days of 2024-01-01 → 2026-12-31 (1095 days) = 0.7489
    expect(bereik).toMatchObject({ status: 'not-due', track: 'off-track', value: 50, period: '2026-Q1' });
    expect(bereik.achievement).toBeCloseTo(10 / 80, 15);
    expect(bereik.expectedAchievement).toBeCloseTo(820 / 1095, 15);
  });

  test('a finished year with only one quarter is not judged as a year: 90 of 365 days = 25 %, so 2025 (130) is judged', () => {
    // Issue 12: before, 2026 was summed from its one quarter (50) and judged "not met" against 120 per year.
    const e = evaluateOutcomes(model, rows, { asOf: '2027-12-31', byYear: true });
    const bereik = e.criteria.find((r) => r.id === 'bereik-ouderen')!;
    expect(bereik).toMatchObject({ status: 'met', value: 130, period: '2025', per: 'year', coverage: 1 });
    const note = bereik.notes.find((n) => n.code === 'evaluation.period-incomplete')!;
    expect(note.message.en).toBe('2026 of "bezoekers-65plus" is not judged: the periods supplied cover 25 % of it, and the target is per year.');
    expect(note.message.nl).toBe('2026 van "bezoekers-65plus" is niet beoordeeld: de aangeleverde perioden dekken er 25 % van, en het doel geldt per jaar.');
    // the two criteria without data are not measurable, and the overall score rests on the two with data only
    expect(e.criteria.filter((r) => r.status === 'not-due').map((r) => r.id)).toEqual([]);
    expect(e.criteria.find((r) => r.id === 'eenzaamheid-daalt')).toMatchObject({ status: 'not-measurable', notMeasurable: 'no-data' });
    // bereik (w2, 2025 value 130 → a 1) and vrijwilligers (w1, 2025 value 41 → a 1): (2·1 + 1)/3 = 1
    expect(e.scores.overall.score).toBeCloseTo(1, 14);
  });
});
