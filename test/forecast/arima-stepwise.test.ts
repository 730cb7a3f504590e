import type { ArimaOrder } from '../../src/forecast/arima-params';
import { stepwiseSearch } from '../../src/forecast/arima-stepwise';

const order = (p: number, q: number, P: number, Q: number): ArimaOrder => ({ p, d: 1, q, P, D: 0, Q, m: 1 });

describe("stepwiseSearch: forecast's auto.arima(stepwise = TRUE) moves", () => {
  test("visits the models in R's order and stops at the best neighbour", () => {
    // ic = (p − 1)² + (q − 1)² + 0.5 without the constant: the optimum is (1, 1) with the constant.
    const seen: string[] = [];
    const { best, results } = stepwiseSearch({
      n: 100,
      m: 1,
      limits: { maxp: 2, maxq: 2, maxP: 0, maxQ: 0 },
      constant: true,
      allowConstant: true,
      order,
      fit: (o, c) => {
        seen.push(`${o.p}${o.q}${c ? 'c' : ''}`);
        return { ic: (o.p - 1) ** 2 + (o.q - 1) ** 2 + (c ? 0 : 0.5), checked: true };
      },
    });
    // Derived by hand from R's code: start (2,2), null, (1,0), (0,1), null without constant; then
    // from (1,0): p+1, q+1 (better); from (1,1): p+1, q+1, (p−1,q+1), the constant toggled.
    expect(seen).toEqual(['22c', '00c', '10c', '01c', '00', '20c', '11c', '21c', '12c', '02c', '11']);
    expect(best.ic).toBe(0);
    expect(results.length).toBe(11);
  });

  test('seasonal moves come first, and the search stops after 94 models', () => {
    const seen: string[] = [];
    let k = 0;
    const { results } = stepwiseSearch({
      n: 100,
      m: 12,
      limits: { maxp: 5, maxq: 5, maxP: 2, maxQ: 2 },
      constant: false,
      allowConstant: false,
      order: (p, q, P, Q) => ({ p, d: 0, q, P, D: 1, Q, m: 12 }),
      fit: (o) => {
        seen.push(`${o.p}${o.q}${o.P}${o.Q}`);
        return { ic: -k++, checked: true }; // every new model is better
      },
    });
    expect(seen.slice(0, 5)).toEqual(['2211', '0000', '1010', '0101', '0100']);
    expect(results.length).toBeLessThanOrEqual(94);
  });

  test('short series start from (1,d,1)(0,D,0) at most', () => {
    const seen: string[] = [];
    stepwiseSearch({
      n: 9,
      m: 4,
      limits: { maxp: 3, maxq: 3, maxP: 0, maxQ: 0 },
      constant: false,
      allowConstant: false,
      order: (p, q, P, Q) => ({ p, d: 0, q, P, D: 0, Q, m: 4 }),
      fit: (o) => {
        seen.push(`${o.p}${o.q}${o.P}${o.Q}`);
        return { ic: 1, checked: true };
      },
    });
    expect(seen[0]).toBe('1100');
  });
});
