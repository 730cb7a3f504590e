import { overshoot, scanCritical, scanTail, scanTailKnownScale } from '../../src/anomaly/scan-tail';
import { normals } from './helpers';

/** Largest |Σ z| / √length over the runs of two or more of `z`. */
function scanMax(z: number[]): number {
  let best = 0;
  for (let i = 0; i < z.length - 1; i += 1) {
    let sum = z[i];
    for (let j = i + 1; j < z.length; j += 1) {
      sum += z[j];
      best = Math.max(best, Math.abs(sum) / Math.sqrt(j - i + 1));
    }
  }
  return best;
}

describe('scan tail (Siegmund)', () => {
  it('has the overshoot correction of a random walk: 1 at 0, falling, e^(−0.583x) for small x', () => {
    expect(overshoot(0)).toBe(1);
    expect(overshoot(0.1)).toBeCloseTo(Math.exp(-0.583 * 0.1), 2);
    expect(overshoot(2)).toBeLessThan(overshoot(1));
    expect(overshoot(2)).toBeGreaterThan(0);
  });
  it('matches the simulated tail of the scan on seeded normal noise', () => {
    const m = 24;
    const maxima = Array.from({ length: 3000 }, (_, k) => scanMax(normals(1000 + k, m)));
    for (const alpha of [0.05, 0.01]) {
      const b = scanCritical(alpha, m, Infinity);
      const share = maxima.filter((v) => v > b).length / maxima.length;
      // The approximation is slightly anti-conservative (about 0.8α at these sizes).
      expect(share).toBeGreaterThan(0.6 * alpha);
      expect(share).toBeLessThan(1.6 * alpha);
    }
  });
  it('is far below the Bonferroni bound over the m(m − 1)/2 runs', () => {
    // Bonferroni at 1% on 36 periods (known scale): qnorm(1 − 0.01 / (2 · 630)) = 4.32
    expect(scanCritical(0.01, 36, Infinity)).toBeGreaterThan(3.85);
    expect(scanCritical(0.01, 36, Infinity)).toBeLessThan(4.0);
  });
  it('widens for an estimated scale and tends to the known-scale tail as df grows', () => {
    expect(scanTail(4, 36, 23)).toBeGreaterThan(scanTailKnownScale(4, 36));
    expect(scanTail(4, 36, 1e6)).toBeCloseTo(scanTailKnownScale(4, 36), 4);
    expect(scanCritical(0.01, 36, 70 / 3)).toBeGreaterThan(scanCritical(0.01, 36, Infinity));
  });
  it('falls as b grows, rises with m, and stays within [0, 1]', () => {
    expect(scanTail(3.5, 36, 23)).toBeGreaterThan(scanTail(4.5, 36, 23));
    expect(scanTailKnownScale(4, 48)).toBeGreaterThan(scanTailKnownScale(4, 12));
    expect(scanTailKnownScale(0.5, 36)).toBe(1);
    // Never below one run's own tail, never above Bonferroni over the three runs of three periods.
    expect(scanTailKnownScale(3, 3)).toBeGreaterThanOrEqual(0.0026);
    expect(scanTailKnownScale(3, 3)).toBeLessThanOrEqual(3 * 0.0027);
    expect(scanTailKnownScale(4, 1)).toBe(1);
    expect(scanTail(20, 36, 23)).toBeGreaterThanOrEqual(0);
  });
});
