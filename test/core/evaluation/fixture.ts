// An illustrative initiative (numbers made up, area codes real CBS codes) for the scorecard tests: one criterion
// per situation the scorecard must handle. Hand calculations are in scorecard.test.ts.
import { criterionSchema, type Criterion } from '../../../src/core/schema/criterion.js';
import { indicatorSchema } from '../../../src/core/schema/indicator.js';
import type { EvaluationObservation } from '../../../src/core/evaluation/index.js';

const A = 'WK051836'; // Moerwijk
const B = 'WK051838'; // Laakkwartier en Spoorwijk
const src = 'Raadsbesluit (illustratief)';

export const criteria: Criterion[] = [
  { id: 'bereik-ouderen', category: 'social', description: 'Minstens 120 oudere bezoekers', indicator: 'bezoekers-65plus', area: A, baseline: 40, target: 120, direction: 'increase', deadline: '2026-12-31', weight: 2, source: src },
  { id: 'vrijwilligers-actief', category: 'support', description: 'Minstens 40 vrijwilligers', indicator: 'vrijwilligers', area: A, baseline: 12, target: 40, direction: 'increase', deadline: '2026-12-31', source: src },
  { id: 'eenzaamheid-daalt', category: 'attitude', description: 'Eenzaamheid van 45 % naar 30 %', indicator: 'eenzaamheid', area: A, baseline: 0.45, target: 0.3, direction: 'decrease', deadline: '2027-12-31', source: src },
  { id: 'tevredenheid-blijft', category: 'process', description: 'Tevredenheid blijft 7,8 ± 0,3', indicator: 'tevredenheid', area: A, baseline: 7.8, target: 7.8, direction: 'maintain', tolerance: 0.3, deadline: '2027-12-31', source: src },
  { id: 'bezetting-zaal', category: 'economic', description: 'Zaalbezetting tussen 60 % en 85 %', indicator: 'bezetting', baseline: 0.5, target: 0.7, direction: 'range', range: { min: 0.6, max: 0.85 }, deadline: '2026-12-31', source: src },
  { id: 'buurtinitiatieven', category: 'spin-off', description: 'Vijf nieuwe buurtinitiatieven', indicator: 'initiatieven', area: A, baseline: 0, target: 5, direction: 'increase', deadline: '2026-12-31', weight: 3, source: src },
  { id: 'draagvlak-buurt', category: 'support', description: 'Draagvlak in de buurt van 50 % naar 60 %', indicator: 'draagvlak', area: A, baseline: 0.5, target: 0.6, direction: 'increase', deadline: '2026-12-31', source: src },
  { id: 'jongeren-bereik', category: 'social', description: 'Vijftig jongeren per jaar', indicator: 'jongeren', area: A, baseline: 10, target: 50, direction: 'increase', deadline: '2025-12-31', source: src },
  { id: 'energie-daalt', category: 'economic', description: 'Energieverbruik van 50.000 naar 40.000 kWh', indicator: 'energie', area: A, baseline: 50000, target: 40000, direction: 'decrease', deadline: '2028-12-31', source: src },
].map((c) => criterionSchema.parse(c));

export const indicators = [
  { id: 'bezoekers-65plus', name: 'Bezoekers 65+', unit: 'personen', kind: 'count' },
  { id: 'vrijwilligers', name: 'Vrijwilligers', unit: 'personen', kind: 'count', aggregation: 'last' },
  { id: 'eenzaamheid', name: 'Aandeel eenzaam', unit: 'aandeel', kind: 'share' },
  { id: 'tevredenheid', name: 'Tevredenheid', unit: 'score 1-10', kind: 'score' },
  { id: 'bezetting', name: 'Zaalbezetting', unit: 'aandeel uren', kind: 'ratio', numerator: 'uren-geboekt', denominator: 'uren-beschikbaar' },
  { id: 'initiatieven', name: 'Nieuwe initiatieven', unit: 'aantal', kind: 'count' },
  { id: 'draagvlak', name: 'Draagvlak', unit: 'aandeel', kind: 'share' },
  { id: 'jongeren', name: 'Jongeren', unit: 'personen', kind: 'count' },
  { id: 'energie', name: 'Energieverbruik', unit: 'kWh', kind: 'amount' },
].map((i) => indicatorSchema.parse(i));

export const observations: EvaluationObservation[] = [
  { indicator: 'bezoekers-65plus', area: A, period: '2024', value: 70 },
  { indicator: 'bezoekers-65plus', area: A, period: '2025', value: 95 },
  { indicator: 'bezoekers-65plus', area: A, period: '2026', value: 130 },
  { indicator: 'vrijwilligers', area: A, period: '2024', value: 18 },
  { indicator: 'vrijwilligers', area: A, period: '2025', value: 24 },
  { indicator: 'vrijwilligers', area: A, period: '2026', value: 30 },
  { indicator: 'eenzaamheid', area: A, period: '2023', value: 0.45, n: 200 },
  { indicator: 'eenzaamheid', area: A, period: '2025', value: 0.38, n: 150 },
  { indicator: 'eenzaamheid', area: A, period: '2027', value: 0.4, n: 180 },
  { indicator: 'tevredenheid', area: A, period: '2027-Q4', value: 7.6, n: 90, sd: 1.2 },
  { indicator: 'bezetting', area: A, period: '2026', value: 0.75, numerator: 300, denominator: 400 },
  { indicator: 'bezetting', area: B, period: '2026', value: 150 / 350, numerator: 150, denominator: 350 },
  { indicator: 'draagvlak', area: A, period: '2026', value: 0.7, n: 8 },
  { indicator: 'jongeren', area: A, period: '2023', value: 12 },
  { indicator: 'energie', area: A, period: '2027', value: 46000 },
];

export const model = {
  id: 'buurthuis-test',
  areas: [A, B],
  period: { start: '2024-01-01', end: '2028-12-31' },
  criteria,
  indicators,
};
