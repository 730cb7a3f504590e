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
  test('orders values that share their high word by the low word: short runs, long runs, negatives', () => {
    // Values within 1e-6 of each other share the high 32 bits: the high passes leave them in trial
    // order, and the low words must put them right (by insertion in short runs; a long run out of
    // order is sorted on all 64 bits).
    const r = new SeededGenerator(3, 'near-ties');
    const comparison = (x: Float64Array) => Array.from(x.keys()).sort((a, b) => x[a] - x[b] || a - b);
    for (const run of [2, 5, 64, 65, 3000]) {
      for (const sign of [1, -1]) {
        const x = new Float64Array(4000).map((_, i) =>
          i % 4000 < run ? sign * (1e6 + r.nextOpen01() * 1e-4) : sign * r.nextOpen01() * 1e7,
        );
        expect(Array.from(argsort(x))).toEqual(comparison(x));
      }
    }
    // A long run already in order by its low words (and exact ties) stays on the short path's answer.
    const ordered = Float64Array.from({ length: 500 }, (_, i) => (i < 300 ? 1e6 + i * 1e-6 : i % 7));
    expect(Array.from(argsort(ordered))).toEqual(comparison(ordered));
    const ties = Float64Array.from({ length: 500 }, (_, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? -0 : 2));
    // −0 before +0 (its bits say so), each tie in trial order.
    const indices = (rest: number) => Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 3 === rest);
    expect(Array.from(argsort(ties))).toEqual([...indices(1), ...indices(0), ...indices(2)]);
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

describe('argsort skips the digits every value shares', () => {
  /** A stable comparison argsort: what the radix sort must give. */
  const byComparison = (x: Float64Array) => Array.from(x.keys()).sort((a, b) => x[a] - x[b] || a - b);
  const r = new SeededGenerator(31, 'test:argsort:digits');
  const cases: Record<string, Float64Array> = {
    // One sign and exponent: the top digit is the same for every value.
    'one binade': Float64Array.from({ length: 3000 }, () => 1 + r.nextOpen01()),
    // Also the middle digit: values within 2^-9 of each other relative.
    'a narrow range': Float64Array.from({ length: 3000 }, () => 1000 + r.nextOpen01() * 1e-3),
    'all equal': new Float64Array(700).fill(-2.5),
    'two values': Float64Array.from({ length: 999 }, (_, i) => (i % 2 ? 3 : -3)),
    'money amounts across binades (a block of cash)': Float64Array.from({ length: 20_000 }, () =>
      Math.round(6e5 + 9e5 * r.nextNormal()),
    ),
  };
  test.each(Object.keys(cases))('%s: as a stable comparison sort', (name) => {
    expect(Array.from(argsort(cases[name]))).toEqual(byComparison(cases[name]));
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
