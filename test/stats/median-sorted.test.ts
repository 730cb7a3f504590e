import { medianSorted } from '../../src/stats/median-sorted';
import { quantileSorted } from '../../src/stats/quantile-sorted';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('medianSorted', () => {
  test('middle value, mean of the middle pair, NaN when empty', () => {
    expect(medianSorted([1, 2, 3, 10])).toBe(2.5);
    expect(medianSorted(Float64Array.of(1, 2, 30))).toBe(2);
    expect(medianSorted([-4])).toBe(-4);
    expect(medianSorted([])).toBeNaN();
  });
  test('is the type-7 quantile at ½ (seeded property test)', () => {
    const g = new SeededGenerator(3, 'test:median');
    for (let t = 0; t < 200; t++) {
      const sorted = Float64Array.from({ length: 1 + g.nextBelow(40) }, () => g.nextBelow(1000) / 8).sort();
      // Dyadic values: both forms are exact, so they agree to the bit.
      expect(medianSorted(sorted)).toBe(quantileSorted(sorted, 0.5));
    }
  });
  test('overflowing pair', () => {
    expect(medianSorted([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
  });
});
