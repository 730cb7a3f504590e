import { clippedVarianceShare, CLIP_SCALES, noiseScale } from '../../src/anomaly/robust-scale';
import { mad } from '../../src/stats/mad';
import { normals } from './helpers';

/** The scale as first written: the MAD of the differences and their mirror images, then clipped RMS. */
function noiseScaleAsWritten(values: number[]): number {
  const diffs = values.slice(1).map((v, i) => v - values[i]);
  let s = mad(diffs.concat(diffs.map((v) => -v)));
  for (let k = 0; k < 3 && s > 0; k += 1) {
    const unit = s;
    const kept = diffs.filter((v) => Math.abs(v) <= CLIP_SCALES * unit);
    s =
      unit *
      Math.sqrt(kept.reduce((sum, v) => sum + (v / unit) ** 2, 0) / kept.length / clippedVarianceShare(CLIP_SCALES));
  }
  return s / Math.SQRT2;
}

describe('noiseScale', () => {
  it('equals, to the bit, the MAD of the mirrored differences it replaced (odd and even counts, ties, zeros)', () => {
    const cases = [
      ...[4, 5, 12, 13, 36, 37].map((n) => normals(n, n)),
      [1, 1, 1, 2, 2, 2, 1, 1],
      [0, 3, 0, 3, 0, 3, 0],
      [100, 101, 99, 250, 100, 100.5, 98],
      normals(7, 36).map((v) => Math.round(v * 2) / 2),
    ];
    for (const values of cases) expect(noiseScale(values, 0)).toBe(noiseScaleAsWritten(values));
  });

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
