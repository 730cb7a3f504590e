import { histogram } from '../../src/stats/histogram';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('histogram', () => {
  test('the JSDoc examples: equal-width bins from min to max; all equal gives one bin', () => {
    expect(histogram(Float64Array.of(0, 1, 2, 3), 2)).toEqual({ edges: [0, 1.5, 3], counts: [2, 2] });
    expect(histogram([7, 7], 5)).toEqual({ edges: [7, 7], counts: [2] });
  });
  test('the maximum falls in the last bin; empty input gives no bins', () => {
    expect(histogram([0, 10], 10).counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(histogram([], 4)).toEqual({ edges: [], counts: [] });
    expect(histogram([3], 4)).toEqual({ edges: [3, 3], counts: [1] });
  });
  test('huge magnitudes keep finite edges', () => {
    const h = histogram([-1e307, 1e307], 2);
    expect(h.edges).toEqual([-1e307, 0, 1e307]);
    expect(h.counts).toEqual([1, 1]);
  });
  test('counts add up and each value lies in its bin (seeded property test)', () => {
    const g = new SeededGenerator(5, 'test:histogram');
    for (let t = 0; t < 20; t++) {
      const x = Float64Array.from({ length: 1 + g.nextBelow(3000) }, () => g.nextNormal() * 100);
      const bins = 1 + g.nextBelow(40);
      const h = histogram(x, bins);
      expect(h.counts.reduce((a, b) => a + b, 0)).toBe(x.length);
      expect(h.edges[0]).toBe(Math.min(...x));
      expect(h.edges[h.edges.length - 1]).toBe(Math.max(...x));
    }
  });
});
