import { selectInPlace } from '../../src/stats/select-in-place';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('selectInPlace', () => {
  test('the JSDoc example, and the partition it leaves', () => {
    const a = Float64Array.of(5, 1, 4, 2, 3);
    expect(selectInPlace(a, 1)).toBe(2);
    expect(Math.max(a[0], a[1])).toBe(2);
    expect(Math.min(a[2], a[3], a[4])).toBeGreaterThanOrEqual(2);
  });
  test('one value, all equal', () => {
    expect(selectInPlace(Float64Array.of(7), 0)).toBe(7);
    expect(selectInPlace(Float64Array.of(3, 3, 3, 3), 2)).toBe(3);
  });
  test('agrees with a full sort on random data with many ties (seeded property test)', () => {
    const r = new SeededGenerator(4);
    for (let t = 0; t < 20; t++) {
      const n = 1 + r.nextBelow(500);
      const x = new Float64Array(n).map(() => Math.floor(r.nextOpen01() * 50));
      const sorted = Float64Array.from(x).sort();
      const k = r.nextBelow(n);
      expect(selectInPlace(Float64Array.from(x), k)).toBe(sorted[k]);
    }
  });
});
