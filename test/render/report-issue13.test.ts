import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildReport } from '../../src/render/build-report.js';
import { reportCharts } from '../../src/render/report-charts.js';
import { valueWaterfall } from '../../src/render/value-waterfall.js';
import { validateModel, valueModel, type Model } from '../../src/core/index.js';

// Issue 13 in the reports: the example that shows the new features (models/leeskamer-rijswijk.yaml: a negative
// outcome with a yearly profile, a tapering yearly budget, two funders besides the municipality), once as is (EUR)
// and once labelled in another currency (GBP: labelled, never converted).
function leeskamer(currency?: string): Model {
  const doc = parse(readFileSync(new URL('../../models/leeskamer-rijswijk.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
  const valuation = { ...(doc['valuation'] as Record<string, unknown>), ...(currency ? { currency } : {}) };
  // The monitoring-data quantity becomes a plain number so no store is needed.
  const outcomes = (doc['outcomes'] as Record<string, unknown>[]).map((o) => (typeof o['quantity'] === 'object' && !Array.isArray(o['quantity']) ? { ...o, quantity: 120 } : o));
  const v = validateModel({ ...doc, valuation, outcomes });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.model;
}

async function council(m: Model, lang: 'nl' | 'en'): Promise<string> {
  const { files } = await buildReport({ model: m, valuation: valueModel(m) }, { lang, generatedAt: '2026-01-01T00:00:00.000Z' }, ['html']);
  return files.find((f) => f.path === 'council.html')!.content as string;
}

describe('issue 13 in the council report', () => {
  it('shows the negative outcome as a cost to its stakeholder, its yearly quantities, and the leverage table', async () => {
    const html = await council(leeskamer(), 'en');
    expect(html).toContain('Drukte, fietsen en geluid bij de ingang op drukke middagen (negative: a cost to the stakeholder)');
    expect(html).toContain('6; 10; 12');
    expect(html).toContain('of which negative outcomes');
    // −(6 + 10 + 12)·150 discounted at 2.25 %: 900/1.0225 + 1500/1.0225² + 1800/1.0225³ = 3998.7.
    expect(html).toContain('\u2212€3,999');
    expect(html).toContain('Inputs per funder and leverage');
    expect(html).toContain('€6,000; €5,000; €4,000');
    expect(html).toMatch(/All others<\/th>.*<td class="num">4\.\d\d<\/td><\/tr>/);
    const nl = await council(leeskamer(), 'nl');
    expect(nl).toContain('(negatief: kosten voor de belanghebbende)');
    expect(nl).toContain('Inzet per financier en hefboom');
  });

  it('the waterfall has a step for negative outcomes and still adds up to the present value', () => {
    const v = valueModel(leeskamer()).valuation;
    const steps = valueWaterfall(v);
    const negative = steps.find((s) => s.step === 'negative-outcomes')!;
    expect(negative.amount).toBeCloseTo(v.presentValueNegativeOutcomes, 9);
    expect(negative.amount).toBeCloseTo(-(900 / 1.0225 + 1500 / 1.0225 ** 2 + 1800 / 1.0225 ** 3), 6);
    expect(steps.at(-1)!.amount).toBeCloseTo(v.presentValueBenefits, 6);
  });

  it('labels every amount with the model currency, in tables, chart axis formats and titles', async () => {
    const m = leeskamer('GBP');
    const html = await council(m, 'en');
    // The only euro left is the one the model's own description writes ("markthuur € 800 per maand").
    expect(html.replaceAll('markthuur € 800', '')).not.toMatch(/€\s?\d/);
    expect(html).toContain('£');
    expect(html).toContain('each GBP invested yields an estimated');
    const charts = reportCharts({ model: m, valuation: valueModel(m) }, 'en');
    const spec = JSON.stringify(charts.stakeholders.spec);
    expect(spec).toContain('Present value in GBP');
    expect(spec).toContain('"currency":["£",""]');
    expect(JSON.stringify(charts.waterfall.spec)).toContain('GBP (price level 2024)');
    const eur = JSON.stringify(reportCharts({ model: leeskamer(), valuation: valueModel(leeskamer()) }, 'nl').stakeholders.spec);
    expect(eur).toContain('Contante waarde in euro');
    // The stakeholder who bears the negative outcome gets a bar left of 0, in the cost colour.
    expect(eur).toContain('datum.presentValue < 0');
  });
});
