import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fv, irr, mirr, npv, pmt, pv, xirr, xnpv } from '../../src/core/index.js';

// Vectors from the test suites of numpy-financial and formulajs, recomputed (numpy-financial tests/test_financial.py @f47e8af, formulajs test/financial.js @af0f0b4).
const { vectors } = JSON.parse(readFileSync(new URL('../fixtures/financial-vectors.json', import.meta.url), 'utf8')) as {
  vectors: Record<string, any>[];
};

function close(actual: number, v: Record<string, any>): void {
  if (v['tolerance_abs'] !== undefined) expect(Math.abs(actual - v['expected'])).toBeLessThanOrEqual(v['tolerance_abs']);
  else if (v['tolerance_rel'] !== undefined) expect(Math.abs(actual - v['expected'])).toBeLessThanOrEqual(v['tolerance_rel'] * Math.abs(v['expected']));
  else expect(actual).toBeCloseTo(v['expected'], 9);
}

describe('financial vectors (numpy-financial and formulajs test suites)', () => {
  for (const v of vectors) {
    const name = `${v['fn']} ${v['source']} ${JSON.stringify(v['values'] ?? [v['rate'], v['nper']])}`;
    it(name, () => {
      switch (String(v['fn']).toLowerCase()) {
        case 'npv': {
          // numpy-financial puts the first flow at t = 0; Excel/formulajs at t = 1.
          const first = String(v['convention']).includes('t=0') ? 't0' : 't1';
          close(npv(v['rate'], v['values'], first), v);
          break;
        }
        case 'irr':
          if (v['expected'] === null) expect(irr(v['values'])).toBeNaN();
          else close(irr(v['values']), v);
          break;
        case 'mirr':
          close(mirr(v['values'], v['finance_rate'], v['reinvest_rate']), v);
          break;
        case 'pv':
          close(pv(v['rate'], v['nper'], v['pmt'], v['fv'] ?? 0, v['when'] === 'begin' || v['type'] === 1 ? 1 : 0), v);
          break;
        case 'fv':
          close(fv(v['rate'], v['nper'], v['pmt'], v['pv'] ?? 0, v['when'] === 'begin' || v['type'] === 1 ? 1 : 0), v);
          break;
        case 'pmt':
          close(pmt(v['rate'], v['nper'], v['pv']), v);
          break;
        case 'xnpv':
          close(xnpv(v['rate'], v['values'], v['dates']), v);
          break;
        case 'xirr':
          close(xirr(v['values'], v['dates']), v);
          break;
        default:
          throw new Error(`unhandled vector ${v['fn']}`);
      }
    });
  }

  it('npv in both first-flow conventions differs by exactly one period of discounting', () => {
    // Hand check: npv_t1 = npv_t0 / (1 + r) for the same flows.
    const flows = [-15000, 1500, 2500, 3500, 4500, 6000];
    expect(npv(0.05, flows, 't1')).toBeCloseTo(npv(0.05, flows, 't0') / 1.05, 9);
  });
});
