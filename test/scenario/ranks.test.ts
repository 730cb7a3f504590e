import { argsort } from '../../src/scenario/ranks-radix';
import { midRanks, pearson, ranksOf, spearman } from '../../src/scenario/ranks';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('argsort (radix on IEEE bits)', () => {
  test('orders negatives, zeros, subnormals, huge magnitudes and infinities', () => {
    const x = Float64Array.of(
      3,
      -1,
      0,
      -0,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      5e-324,
      -5e-324,
      Infinity,
      -Infinity,
      2.5,
    );
    const order = Array.from(argsort(x));
    const sorted = order.map((i) => x[i]);
    expect(sorted).toEqual([
      -Infinity,
      -Number.MAX_VALUE,
      -1,
      -5e-324,
      -0,
      0,
      5e-324,
      2.5,
      3,
      Number.MAX_VALUE,
      Infinity,
    ]);
  });
  test('is stable for ties and puts NaN last', () => {
    expect(Array.from(argsort(Float64Array.of(2, 1, 2, NaN, 1)))).toEqual([1, 4, 0, 2, 3]);
  });
  test('empty and one value', () => {
    expect(argsort(new Float64Array(0))).toHaveLength(0);
    expect(Array.from(argsort(Float64Array.of(7)))).toEqual([0]);
  });
  test('agrees with a comparison sort on random data; "high" precision only swaps near-ties (seeded)', () => {
    const r = new SeededGenerator(12);
    const x = new Float64Array(5000).map(() => (r.nextOpen01() - 0.5) * 10 ** Math.floor(r.nextOpen01() * 10));
    const expected = Array.from(x.keys()).sort((a, b) => x[a] - x[b] || a - b);
    expect(Array.from(argsort(x))).toEqual(expected);
    const high = argsort(x, 'high');
    for (let i = 1; i < high.length; i++) {
      const a = x[high[i - 1]];
      const b = x[high[i]];
      if (a > b) expect((a - b) / Math.abs(b)).toBeLessThan(2 ** -19);
    }
  });
});

describe('ranks and Spearman', () => {
  test('ranksOf gives positions; midRanks averages ties', () => {
    expect(Array.from(ranksOf(Float64Array.of(3, -1, 2)))).toEqual([2, 0, 1]);
    // R: rank(c(10, 20, 10, 30)) - 1 = 0.5, 2, 0.5, 3
    expect(Array.from(midRanks(Float64Array.of(10, 20, 10, 30)))).toEqual([0.5, 2, 0.5, 3]);
  });
  test('Spearman with ties matches R', () => {
    // R: cor(c(1, 2, 2, 3, 5), c(2, 1, 4, 4, 6), method = "spearman") = 0.76315789473684226
    expect(spearman(Float64Array.of(1, 2, 2, 3, 5), Float64Array.of(2, 1, 4, 4, 6))).toBeCloseTo(
      0.76315789473684226,
      12,
    );
  });
  test('Pearson of a constant column is 0, not NaN', () => {
    expect(pearson(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3))).toBe(0);
  });
});
