import { extent } from '../../src/stats/extent';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('extent', () => {
  test('the smallest and the largest value', () => {
    expect(extent(Float64Array.of(3, -1, 2))).toEqual([-1, 3]);
    expect(extent(Float64Array.of(5))).toEqual([5, 5]);
    expect(extent(Float64Array.of(-Number.MAX_VALUE, Number.MAX_VALUE))).toEqual([-Number.MAX_VALUE, Number.MAX_VALUE]);
  });
  test('empty, NaN skipped, infinities kept', () => {
    expect(extent(new Float64Array(0))).toEqual([Infinity, -Infinity]);
    expect(extent(Float64Array.of(NaN))).toEqual([Infinity, -Infinity]);
    expect(extent(Float64Array.of(NaN, 2, NaN, 1))).toEqual([1, 2]);
    expect(extent(Float64Array.of(-Infinity, 0, Infinity))).toEqual([-Infinity, Infinity]);
  });
  test('agrees with Math.min and Math.max (seeded property test)', () => {
    const g = new SeededGenerator(11, 'test:extent');
    for (let t = 0; t < 20; t++) {
      const x = Float64Array.from({ length: 1 + g.nextBelow(500) }, () => g.nextNormal() * 1e6);
      expect(extent(x)).toEqual([Math.min(...x), Math.max(...x)]);
    }
  });
});
