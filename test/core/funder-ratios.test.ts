import { describe, expect, it } from 'vitest';
import { formatMoney, validateModel, valueModel } from '../../src/core/index.js';
import { model, modelDoc } from './model-builder.js';

// Issue 13, points 3 and 4. Hand calculation, rate 0: benefits PV = 3240 (the builder's outcome: 2160 + 1080).
// Inputs: municipality 1000 money; housing corporation 300 money + 200 in kind; residents 40 h × 15 = 600 volunteer
// time. Total 2100.
const inputs = [
  { id: 'subsidie', funder: 'gemeente', kind: 'money', years: [0], amount: 1000 },
  { id: 'bijdrage', funder: 'corporatie', kind: 'money', years: [0], amount: 300 },
  { id: 'ruimte', funder: 'corporatie', kind: 'in-kind', years: [0], amount: 200 },
  { id: 'uren', funder: 'bewoners', kind: 'volunteer-hours', years: [1], hours: 40, shadowPrice: { value: 15, priceYear: 2024, source: 'test' } },
];
const stakeholders = [...(modelDoc()['stakeholders'] as unknown[]), { id: 'corporatie', name: 'Corporatie', actor: 'housing corporation' }];

describe('ratios per funder and leverage (issue 13, point 3)', () => {
  it('value per unit of each funder: total value over that funder’s inputs (hand calculation)', () => {
    const v = valueModel(model({ inputs, stakeholders })).valuation;
    expect(v.byFunder.map((f) => f.funder)).toEqual(['gemeente', 'corporatie', 'bewoners']);
    const [g, c, b] = v.byFunder;
    expect(g!.presentValueInputs).toBeCloseTo(1000, 9);
    expect(g!.valuePerUnit!).toBeCloseTo(3240 / 1000, 12); // 3.24
    expect(c!.byKind).toEqual({ money: 300, inKind: 200, volunteerTime: 0 });
    expect(c!.valuePerUnit!).toBeCloseTo(3240 / 500, 12); // 6.48
    expect(b!.byKind.volunteerTime).toBeCloseTo(600, 9);
    expect(b!.share).toBeCloseTo(600 / 2100, 12);
    expect(v.byFunder.reduce((s, f) => s + f.share, 0)).toBeCloseTo(1, 12);
  });

  it('leverage: others’ inputs per unit of the municipality’s, split by kind (hand calculation)', () => {
    const l = valueModel(model({ inputs, stakeholders })).valuation.leverage!;
    expect(l.municipality).toEqual(['gemeente']);
    expect(l.municipalityPresentValue).toBeCloseTo(1000, 9);
    // Others: 300 + 200 + 600 = 1100 → 1.10 per unit of the municipality; money 0.30, in kind 0.20, time 0.60.
    expect(l.total.total).toBeCloseTo(1100, 9);
    expect(l.total.perUnit!).toBeCloseTo(1.1, 12);
    expect(l.total.perUnitByKind!.money).toBeCloseTo(0.3, 12);
    expect(l.total.perUnitByKind!.inKind).toBeCloseTo(0.2, 12);
    expect(l.total.perUnitByKind!.volunteerTime).toBeCloseTo(0.6, 12);
    expect(l.others.map((r) => [r.funder, r.perUnit])).toEqual([
      ['corporatie', expect.closeTo(0.5, 12)],
      ['bewoners', expect.closeTo(0.6, 12)],
    ]);
  });

  it('the municipality is the stakeholder with actor municipality, else a government coalition partner; none gives null', () => {
    const plain = [{ id: 'gemeente', name: 'Gemeente' }, { id: 'bewoners', name: 'Bewoners' }, { id: 'corporatie', name: 'Corporatie' }];
    expect(valueModel(model({ inputs, stakeholders: plain })).valuation.leverage).toBeNull();
    const coalition = { municipalityRole: 'partner', partners: [{ id: 'gemeente', name: 'Gemeente', type: 'government' }] };
    expect(valueModel(model({ inputs, stakeholders: plain, coalition })).valuation.leverage!.total.perUnit!).toBeCloseTo(1.1, 12);
  });
});

describe('currency (issue 13, point 4)', () => {
  it('defaults to EUR, carries the stated ISO 4217 code, and is never converted', () => {
    expect(valueModel(model()).valuation.currency).toBe('EUR');
    const gbp = valueModel(model({ valuation: { priceYear: 2024, horizonYears: 3, discount: { preset: 'none' }, currency: 'GBP' } })).valuation;
    expect(gbp.currency).toBe('GBP');
    expect(gbp.presentValueBenefits).toBeCloseTo(3240, 9);
  });

  it('rejects an unknown code with a suggestion, and a malformed one', () => {
    const v = validateModel({ ...modelDoc(), valuation: { priceYear: 2024, horizonYears: 3, currency: 'GPB' } });
    expect(v.ok).toBe(false);
    const issue = v.issues.find((i) => i.path === 'valuation.currency')!;
    expect(issue.code).toBe('model.unknown-currency');
    expect(issue.message.en).toBe('Unknown currency code "GPB".');
    expect(issue.fix.nl).toContain('ISO 4217');
    expect(validateModel({ ...modelDoc(), valuation: { priceYear: 2024, horizonYears: 3, currency: 'euro' } }).ok).toBe(false);
  });

  it('formats amounts with the currency’s own symbol, minus sign first (Intl, en-GB / nl-NL)', () => {
    expect(formatMoney(-1234, 'en', 'GBP')).toBe('\u2212£1,234');
    expect(formatMoney(1234.5, 'nl', 'USD', 2)).toBe('US$\u00a01.234,50');
    expect(formatMoney(1234, 'nl')).toBe('€\u00a01.234');
  });
});
