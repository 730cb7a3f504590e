import { mad, median, noiseScale } from '../../src/anomaly/robust-scale';
import { normals } from './helpers';

describe('median and mad', () => {
  it('match R', () => {
    // R: median(c(3, 1, 2)) = 2; median(c(4, 1, 3, 2)) = 2.5; mad(c(1, 2, 3, 4, 100)) = 1.4826
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 10);
  });
  it('skip NaN and give NaN on empty input', () => {
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('noiseScale', () => {
  it('ignores a level shift', () => {
    const z = normals(11, 40);
    const shifted = z.map((v, i) => (i >= 20 ? v + 10 : v));
    expect(noiseScale(shifted, 0) / noiseScale(z, 0)).toBeLessThan(1.3);
    expect(mad(shifted) / mad(z)).toBeGreaterThan(3);
    expect(noiseScale(z, 0)).toBeGreaterThan(0.7);
    expect(noiseScale(z, 0)).toBeLessThan(1.4);
  });
  it('is never below the floor, also for one value or none', () => {
    expect(noiseScale([5, 5, 5, 5], 0.01)).toBe(0.01);
    expect(noiseScale([5], 0.01)).toBe(0.01);
    expect(noiseScale([], 0.01)).toBe(0.01);
  });
  it('handles huge magnitudes', () => {
    expect(noiseScale([1e300, 2e300, 0.5e300, 1.7e300, 0.2e300], 0)).toBeGreaterThan(0);
  });
});
