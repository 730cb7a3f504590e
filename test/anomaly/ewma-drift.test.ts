import { ewmaExcursions, ewmaNullMaxima, ewmaRuns, ewmaSd, ewmaTail } from '../../src/anomaly/ewma-drift';
import { noiseScale } from '../../src/anomaly/robust-scale';
import { clipScores, noiseUnits } from '../../src/anomaly/scan-segments';
import { normals } from './helpers';

/** The engine's scores of a series of relative variances: noise units, clipped. */
const scores = (r: number[]) => clipScores(noiseUnits(r, noiseScale(r, 0)));

describe('ewmaSd', () => {
  it('is λ after one period and tends to √(λ/(2 − λ)) = 1/3 for λ = 0.2', () => {
    expect(ewmaSd(0)).toBeCloseTo(0.2, 12);
    expect(ewmaSd(200)).toBeCloseTo(1 / 3, 12);
  });
});

describe('ewmaExcursions', () => {
  it('follows each side from its last zero to its standardised peak', () => {
    // e = 0, 0, 0.4, 0.72, 0.976, 0.7808; sd at periods 3–5 = 0.2863, 0.3041, 0.3149: peak 0.976 / 0.3149
    const [x] = ewmaExcursions([0, 0, 2, 2, 2, 0]);
    expect(x).toMatchObject({ from: 2, to: 4, sign: 1 });
    expect(x.peak).toBeCloseTo(0.976 / Math.sqrt((1 - 0.8 ** 10) / 9), 10);
    expect(ewmaExcursions([0, 0, -2, -2, -2, 0])[0]).toMatchObject({ from: 2, to: 4, sign: -1 });
  });
  it('is empty on empty input and on a line at plan', () => {
    expect(ewmaExcursions([])).toEqual([]);
    expect(ewmaExcursions([0, 0, 0, 0])).toEqual([]);
  });
});

describe('ewmaTail', () => {
  it('falls from 1 as the peak grows and counts the observed line', () => {
    expect(ewmaTail(0, 36)).toBe(1);
    expect(ewmaTail(3, 36)).toBeGreaterThan(ewmaTail(4, 36));
    expect(ewmaTail(1e9, 36)).toBeCloseTo(1 / (ewmaNullMaxima(36).length + 1), 12);
  });
  it('is seeded: the same length gives the same null distribution', () => {
    expect(ewmaNullMaxima(24)[12345]).toBe(ewmaNullMaxima(24).slice()[12345]);
  });
});

describe('ewmaRuns', () => {
  it('finds a step of 2 noise units from period 24 of 36 on at least 19 of 20 seeded lines, covering it', () => {
    let found = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      const r = normals(seed, 36).map((z, i) => z + (i >= 24 ? 2 : 0));
      const run = ewmaRuns(scores(r), 0.005, 3).find((x) => x.sign > 0 && x.to >= 30);
      if (!run) continue;
      found += 1;
      expect(run.from).toBeLessThanOrEqual(26);
      expect(run.pValue).toBeLessThanOrEqual(0.005);
    }
    expect(found).toBeGreaterThanOrEqual(19);
  });
  it('finds a drift of 0.5 noise units a period from period 24 on every one of 20 seeded lines', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const r = normals(seed, 36).map((z, i) => -z - (i >= 24 ? 0.5 * (i - 23) : 0));
      expect(ewmaRuns(scores(r), 0.005, 3).some((x) => x.sign < 0 && x.to >= 30 && x.from <= 30)).toBe(true);
    }
  });
  it('stays silent on pure noise at its stated rate, on lines of 12, 24 and 36 periods', () => {
    // Binomial standard errors on 4,000 lines: 0.34 points at 5%, 0.16 at 1%, 0.11 at 0.5% (the EWMA's share of
    // the engine's alpha 1%); the bounds are about ±3 of them. The scores are in the engine's noise scale, as the
    // engine reads a line whose autocorrelation its sheet puts at (nearly) 0. With the null simulated on the plain
    // root mean square of differences instead of that scale, 0.5% gave 1.19%, 0.88% and 0.82% at 12, 24 and 36.
    for (const [m, alpha, lo, hi] of [
      [36, 0.05, 0.04, 0.06],
      [36, 0.01, 0.005, 0.015],
      [36, 0.005, 0.0017, 0.0083],
      [24, 0.005, 0.0017, 0.0083],
      [12, 0.005, 0.0017, 0.0083],
    ]) {
      let lines = 0;
      for (let s = 0; s < 4000; s += 1) {
        const r = normals(100000 + 10000 * (m + 1000 * alpha) + s, m);
        const sigma = noiseScale(r, 0);
        lines += ewmaRuns(clipScores(r.map((v) => v / sigma)), alpha, 0).length > 0 ? 1 : 0;
      }
      expect(lines / 4000).toBeGreaterThan(lo);
      expect(lines / 4000).toBeLessThan(hi);
    }
  });
  it('returns nothing for fewer than four periods, and clips huge magnitudes', () => {
    expect(ewmaRuns([5, 5, 5], 0.5, 0)).toEqual([]);
    const huge = normals(3, 36).map((z, i) => (i >= 30 ? Number.MAX_VALUE / 10 : z));
    expect(ewmaRuns(scores(huge), 0.01, 3).map((x) => x.sign)).toContain(1);
  });
});
