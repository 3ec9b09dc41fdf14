import { validateModel, type Model } from '../../src/core/index.js';

/** A small valid model document for tests; `over` replaces top-level fields. */
export function modelDoc(over: Record<string, unknown> = {}): Record<string, unknown> {
  const share = (value: number) => ({ value, reason: 'test' });
  return {
    id: 'test-model',
    name: 'Test',
    municipality: 'GM0518',
    horizon: 'Test',
    period: { start: '2024-01-01', end: '2026-12-31' },
    coalition: { municipalityRole: 'client', partners: [{ id: 'p', name: 'P', type: 'informal' }] },
    stakeholders: [
      { id: 'bewoners', name: 'Bewoners', actor: 'residents' },
      { id: 'gemeente', name: 'Gemeente', actor: 'municipality' },
    ],
    valuation: { priceYear: 2024, horizonYears: 3, discount: { preset: 'none' } },
    inputs: [{ id: 'subsidie', funder: 'gemeente', kind: 'money', years: [0], amount: 1000 }],
    outcomes: [
      {
        id: 'o1',
        stakeholder: 'bewoners',
        description: 'test',
        quantity: 100,
        proxy: { value: 50, unit: 'EUR', priceYear: 2024, source: 'test' },
        deadweight: share(0.4),
        displacement: share(0.1),
        attribution: share(0.2),
        dropOff: share(0.5),
        duration: 2,
      },
    ],
    ...over,
  };
}

/** Validates a test document, failing loudly when it is not valid. */
export function model(over: Record<string, unknown> = {}): Model {
  const v = validateModel(modelDoc(over));
  if (!v.ok) throw new Error(JSON.stringify(v.issues.map((i) => `${i.path}: ${i.message.en}`)));
  return v.model;
}
