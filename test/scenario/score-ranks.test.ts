import { ranksOf, pearson } from '../../src/scenario/ranks';
import { Scratch } from '../../src/scenario/scratch';
import { scoreRanks } from '../../src/scenario/score-ranks';
import { normalQuantile } from '../../src/stats/normal-quantile';
import { SeededGenerator } from '../../src/stats/seeded-generator';

const normals = (n: number, seed: number): Float64Array => {
  const rng = new SeededGenerator(seed, 'score-ranks');
  return Float64Array.from({ length: n }, () => normalQuantile(rng.nextOpen01()));
};

describe('scoreRanks', () => {
  test('the documented example', () => {
    expect(Array.from(scoreRanks(Float64Array.of(0.3, -1, 2), new Uint32Array(3)))).toEqual([1, 0, 2]);
  });

  test('empty, one value, a constant column (ties keep trial order)', () => {
    expect(scoreRanks(new Float64Array(0), new Uint32Array(0))).toHaveLength(0);
    expect(Array.from(scoreRanks(Float64Array.of(5), new Uint32Array(1)))).toEqual([0]);
    expect(Array.from(scoreRanks(new Float64Array(5).fill(-2), new Uint32Array(5)))).toEqual([0, 1, 2, 3, 4]);
  });

  test('huge magnitudes: the quantisation is relative to the range', () => {
    const v = Float64Array.of(1e300, -1e300, 0, 5e299, -Number.MAX_VALUE / 2);
    expect(Array.from(scoreRanks(v, new Uint32Array(5)))).toEqual(Array.from(ranksOf(v)));
  });

  test.each([1, 2, 3])(
    'a 25,000-trial normal column (seed %i): a permutation, within a few places of exact',
    (seed) => {
      const v = normals(25000, seed);
      const fast = scoreRanks(v, new Uint32Array(v.length), new Scratch());
      const exact = ranksOf(v);
      expect(new Set(fast).size).toBe(v.length);
      let moved = 0;
      let most = 0;
      for (let i = 0; i < v.length; i++) {
        const d = Math.abs(fast[i] - exact[i]);
        most = Math.max(most, d);
        moved += d;
      }
      // Values sharing one of the 4,194,304 levels keep trial order: a few places at most.
      expect(most).toBeLessThanOrEqual(3);
      // Near-ties are rare, and swapping two neighbours changes a Spearman coefficient by < 1e-9.
      expect(moved / v.length).toBeLessThan(0.01);
      const other = normals(25000, seed + 100);
      const rho = (r: Uint32Array): number => pearson(Float64Array.from(r), Float64Array.from(ranksOf(other)));
      expect(Math.abs(rho(fast) - rho(exact))).toBeLessThan(1e-6);
    },
  );

  test('the same bits with a reused scratch as with fresh arrays', () => {
    const scratch = new Scratch();
    const a = normals(3000, 9);
    scoreRanks(normals(3000, 10), new Uint32Array(3000), scratch);
    expect(Array.from(scoreRanks(a, new Uint32Array(3000), scratch))).toEqual(
      Array.from(scoreRanks(a, new Uint32Array(3000))),
    );
  });
});
