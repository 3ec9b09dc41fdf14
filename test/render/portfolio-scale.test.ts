import { describe, expect, it } from 'vitest';
import { portfolioChart, renderSvg, type PortfolioEntry } from '../../src/index.js';

// Issue 18: `rendement portfolio` over 1,000 initiatives stopped with "Maximum call stack size exceeded" inside
// vega-runtime: the chart sorted its rows by a list of 1,000 labels, which vega-lite compiles into one nested
// expression per label. Sorting by a rank field renders the same SVG (checked on the golden) at any size.
describe('portfolio chart at municipal scale', () => {
  it('renders 1,500 initiatives in their order', async () => {
    const entries: PortfolioEntry[] = Array.from({ length: 1500 }, (_, i) => ({ id: `init-${i}`, label: `Initiatief ${i}`, ratio: 0.5 + (i % 97) / 40, npv: i }));
    const chart = portfolioChart(entries, 'nl');
    const svg = await renderSvg(chart.spec, chart.id);
    const labels = [...svg.matchAll(/<text[^>]*>(Initiatief \d+)<\/text>/g)].map((m) => m[1]);
    // Highest ratio on top: i % 97 = 96 gives the largest ratio; of those the smallest id first (init-1066 < init-1163 < … by string).
    expect(labels).toHaveLength(1500);
    expect(labels[0]).toBe('Initiatief 1066');
  }, 300_000);
});
