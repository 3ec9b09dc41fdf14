import { describe, expect, it } from 'vitest';
import { portfolioChart } from '../../src/render/portfolio-chart.js';

/** Issue 13 point 4: every output uses the model's currency, the portfolio overview too (it mixes initiatives). */
describe('portfolio overview in each initiative\'s currency', () => {
  it('shows the NPV of a GBP initiative in pounds beside a EUR one in euros', () => {
    const chart = portfolioChart(
      [
        { id: 'a', label: 'A', ratio: 2, npv: 1000 },
        { id: 'b', label: 'B', ratio: 1.5, npv: 2500, currency: 'GBP' },
      ],
      'en',
    );
    const cells = Object.fromEntries(chart.table!.rows.map((r) => [r[0], r[2]]));
    // Intl en-GB: "€1,000" and "£2,500" (hand: no decimals, thousands comma).
    expect(cells['A']).toMatch(/€\s?1,000/);
    expect(cells['B']).toMatch(/£\s?2,500/);
  });
});
