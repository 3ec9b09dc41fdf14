import { describe, expect, it } from 'vitest';
import { portfolioSummaryCsv, type PortfolioRow } from '../../src/index.js';

const row = (id: string, name: string, ratio: number | null): PortfolioRow => ({
  id,
  name,
  entry: { id, label: name, ratio, npv: -1234.5, p5: 0.5, p95: 2.25 },
  method: 'sroi',
  horizonYears: 5,
  discount: { preset: 'nl-2021', source: 'Werkgroep discontovoet 2020', rates: [] },
  priceYear: 2024,
  mkbaBalance: null,
  illustrative: false,
  hasMonteCarlo: true,
  cells: [],
  criteria: { met: 2, 'partly-met': 1, 'not-met': 0, 'not-due': 0, 'not-measurable': 1 },
  criteriaDeclared: 4,
});

describe('portfolio summary CSV', () => {
  it('neutralises names a spreadsheet would run as a formula (OWASP CSV injection) and quotes by RFC 4180', () => {
    const csv = portfolioSummaryCsv([row('a', '=HYPERLINK("http://evil.example","klik")', 1.5), row('b', '@SUM(A1:A9)', null), row('c', 'Buurthuis, "Moerwijk"', 2)]);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`a,"'=HYPERLINK(""http://evil.example"",""klik"")",sroi,1.5,0.5,2.25,-1234.5,,5,nl-2021,2024,4,2,1,0,0,1,false`);
    expect(lines[2]).toBe(`b,'@SUM(A1:A9),sroi,,0.5,2.25,-1234.5,,5,nl-2021,2024,4,2,1,0,0,1,false`);
    expect(lines[3]).toBe(`c,"Buurthuis, ""Moerwijk""",sroi,2,0.5,2.25,-1234.5,,5,nl-2021,2024,4,2,1,0,0,1,false`);
    expect(lines[4]).toBe('');
  });
});
