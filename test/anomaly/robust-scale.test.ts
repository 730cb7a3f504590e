import { noiseScale } from '../../src/anomaly/robust-scale';
import { mad } from '../../src/stats/mad';
import { normals } from './helpers';

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
