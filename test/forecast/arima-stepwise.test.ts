import type { ArimaOrder } from '../../src/forecast/arima-params';
import { stepwiseSearch } from '../../src/forecast/arima-stepwise';

const order = (p: number, q: number, P: number, Q: number): ArimaOrder => ({ p, d: 1, q, P, D: 0, Q, m: 1 });

/**
 * A search without a constant on `n` values of period `m` (seasonal differencing `D`), each model
 * scored `ic()`: the models it visits, as "pqPQ", and its results.
 */
function searchWithoutConstant(
  problem: { n: number; m: number; D: number; limits: { maxp: number; maxq: number; maxP: number; maxQ: number } },
  ic: () => number,
) {
  const { n, m, D, limits } = problem;
  const seen: string[] = [];
  const { results } = stepwiseSearch({
    n,
    m,
    limits,
    constant: false,
    allowConstant: false,
    order: (p, q, P, Q) => ({ p, d: 0, q, P, D, Q, m }),
    fit: (o) => {
      seen.push(`${o.p}${o.q}${o.P}${o.Q}`);
      return { ic: ic(), checked: true };
    },
  });
  return { seen, results };
}

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
    let k = 0;
    const { seen, results } = searchWithoutConstant(
      { n: 100, m: 12, D: 1, limits: { maxp: 5, maxq: 5, maxP: 2, maxQ: 2 } },
      () => -k++, // every new model is better
    );
    expect(seen.slice(0, 5)).toEqual(['2211', '0000', '1010', '0101', '0100']);
    expect(results.length).toBeLessThanOrEqual(94);
  });

  test('short series start from (1,d,1)(0,D,0) at most', () => {
    const { seen } = searchWithoutConstant(
      { n: 9, m: 4, D: 0, limits: { maxp: 3, maxq: 3, maxP: 0, maxQ: 0 } },
      () => 1,
    );
    expect(seen[0]).toBe('1100');
  });
});
