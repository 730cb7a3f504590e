import { makeDistribution } from '../../src/scenario/distributions/catalogue';
import { combineColumns, imanConoverRanks, spearmanToPearson } from '../../src/scenario/iman-conover';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import { midRanksOfSorted, pearson } from '../../src/scenario/ranks';
import { sortedSample } from '../../src/scenario/sampling';

const target = [
  [1, 0.7, -0.4],
  [0.7, 1, 0],
  [-0.4, 0, 1],
];

function induce(n: number, seed: number) {
  const dists = [
    makeDistribution('a', 'lognormal', { mean: 10, sd: 5 }),
    makeDistribution('b', 'discrete', {
      values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      probabilities: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
    }),
    makeDistribution('c', 'pert', { min: 0, mode: 1, max: 5 }),
  ];
  const sorted = dists.map((d, i) => sortedSample(d, new SeededGenerator(seed, `s${i}`), n, 'lhs'));
  const ranks = imanConoverRanks(
    n,
    spearmanToPearson(target),
    dists.map((_, i) => new SeededGenerator(seed, `ic${i}`)),
  );
  const columns = sorted.map((s, i) => Float64Array.from(ranks[i], (r) => s[r]));
  const rankColumns = sorted.map((s, i) => {
    const mid = midRanksOfSorted(s);
    return Float64Array.from(ranks[i], (r) => mid[r]);
  });
  return { sorted, ranks, columns, rankColumns };
}

describe('Iman–Conover', () => {
  test('reaches the Spearman target within 0.02 at n = 20000 (with a discrete marginal)', () => {
    const { rankColumns } = induce(20000, 11);
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) {
        // Ties in the discrete column cap its attainable rank correlation; allow for that with b.
        const tolerance = i === 1 || j === 1 ? 0.03 : 0.02;
        expect(Math.abs(pearson(rankColumns[i], rankColumns[j]) - target[i][j])).toBeLessThan(tolerance);
      }
  });
  test('preserves every marginal exactly (the sample is only re-ordered)', () => {
    const { sorted, columns, ranks } = induce(2000, 3);
    columns.forEach((c, i) => {
      expect(Array.from(Float64Array.from(c).sort())).toEqual(Array.from(sorted[i]));
      expect(new Set(ranks[i]).size).toBe(2000);
    });
  });
  test('is deterministic for a seed', () => {
    expect(induce(500, 8).ranks).toEqual(induce(500, 8).ranks);
  });
  test('2·sin(π·ρ/6) adjustment: ρ = 0.5 → 0.5176', () => {
    // 2 * sin(pi * 0.5 / 6) = 0.5176380902050415
    expect(
      spearmanToPearson([
        [1, 0.5],
        [0.5, 1],
      ])[0][1],
    ).toBeCloseTo(0.5176380902050415, 12);
  });
  test('too few trials for the number of drivers is an input error', () => {
    expect(() =>
      imanConoverRanks(
        3,
        spearmanToPearson(target),
        [1, 2, 3].map((s) => new SeededGenerator(s)),
      ),
    ).toThrow(/at least 5 trials/);
  });
});

describe('combineColumns', () => {
  test('adds the weighted columns left to right as one loop per column would, to the bit', () => {
    const rng = new SeededGenerator(8, 'combine');
    const columns = Array.from({ length: 10 }, () => Float64Array.from({ length: 501 }, () => rng.nextOpen01() - 0.5));
    const weights = columns.map(() => (rng.nextOpen01() - 0.5) * 3);
    for (let count = 0; count <= 10; count++) {
      const expected = new Float64Array(501);
      for (let a = 0; a < count; a++) for (let i = 0; i < 501; i++) expected[i] += weights[a] * columns[a][i];
      const t = new Float64Array(501).fill(7);
      combineColumns(t, weights.slice(0, count), columns.slice(0, count));
      expect(t).toEqual(expected);
    }
  });
  test('a zero sum is +0, as 0 + (−0) is', () => {
    const t = new Float64Array(1);
    combineColumns(
      t,
      [1, 1, 1, 1],
      [Float64Array.of(-0), Float64Array.of(-0), Float64Array.of(-0), Float64Array.of(-0)],
    );
    expect(Object.is(t[0], 0)).toBe(true);
  });
});
