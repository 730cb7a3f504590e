import {
  ar1SumVariance,
  autocorrelationInflation,
  bestSegment,
  autocorrelationEvidence,
  scanSegments,
} from '../../src/anomaly/scan-segments';
import { normals } from './helpers';

const noise = (seed: number, n = 36, sd = 0.02) => normals(seed, n).map((v) => sd * v);

describe('scanSegments', () => {
  it('finds a level shift with its onset and its end at the last period', () => {
    const r = noise(1).map((v, t) => (t >= 20 ? v + 0.1 : v));
    const [run] = scanSegments(r, 0.02, 0.01, 3);
    expect(run).toMatchObject({ to: 35, sign: 1 });
    expect(run.from).toBeGreaterThanOrEqual(19);
    expect(run.from).toBeLessThanOrEqual(21);
    expect(run.pValue).toBeLessThan(1e-6);
  });
  it('dates an episode from its start to its end', () => {
    const r = noise(2).map((v, t) => (t >= 10 && t <= 15 ? v - 0.1 : v));
    expect(scanSegments(r, 0.02, 0.01, 3)).toEqual([expect.objectContaining({ from: 10, to: 15, sign: -1 })]);
  });
  it('dates a slow drift from its start, not from where it became large', () => {
    const r = noise(3).map((v, t) => (t >= 24 ? v + 0.02 * (t - 23) : v));
    const [run] = scanSegments(r, 0.02, 0.01, 3);
    expect(run.from).toBeLessThanOrEqual(26);
    expect(run.to).toBe(35);
  });
  it('dates a trend change from its start by the hinge fit', () => {
    for (const seed of [5, 6, 7, 8]) {
      const r = noise(seed).map((v, t) => (t >= 12 ? v + 0.03 * (t - 11) : v));
      const [run] = scanSegments(r, 0.02, 0.01, 3);
      expect(Math.abs(run.from - 12)).toBeLessThanOrEqual(2);
      expect(run.to).toBe(35);
    }
  });
  it('does not let a spike before a step pull its onset back', () => {
    const r = noise(11).map((v, t) => (t >= 24 ? v + 0.2 : v));
    r[20] += 0.7;
    const [run] = scanSegments(r, 0.02, 0.01, 3);
    expect(run).toMatchObject({ to: 35, sign: 1 });
    expect(run.from).toBeGreaterThanOrEqual(23);
  });
  it('does not make a run of a single spike', () => {
    const r = noise(4);
    r[18] += 0.5;
    expect(scanSegments(r, 0.02, 0.01, 3)).toEqual([]);
  });
  it('raises at most about the false-alarm rate on pure noise', () => {
    let lines = 0;
    for (let seed = 1; seed <= 100; seed += 1) if (scanSegments(noise(seed), 0.02, 0.01, 3).length) lines += 1;
    expect(lines).toBeLessThanOrEqual(3);
  });
  it('finds nothing in fewer than four periods or a flat series', () => {
    expect(scanSegments([0.5, 0.5, 0.5], 0.01, 0.01, 3)).toEqual([]);
    expect(scanSegments([], 0.01, 0.01, 3)).toEqual([]);
    expect(scanSegments(new Array(24).fill(0), 0.01, 0.01, 3)).toEqual([]);
  });
});

describe('autocorrelationInflation', () => {
  it('is 1 for short or independent series and widens for autocorrelated noise', () => {
    expect(autocorrelationInflation([1, 2, 3])).toBe(1);
    const e = normals(9, 200);
    const ar = e.map((_, i) => e.slice(Math.max(0, i - 3), i + 1).reduce((a, b) => a + b, 0));
    expect(autocorrelationInflation(e)).toBeLessThan(1.2);
    expect(autocorrelationInflation(ar)).toBeGreaterThan(1.3);
    expect(autocorrelationInflation(ar)).toBeLessThanOrEqual(Math.sqrt(3));
  });
});

describe('bestSegment on one side', () => {
  it("is the first period of the excursion's best segment on its side, not the EWMA's last zero", () => {
    expect(bestSegment([0.5, 0.3, 0.4, -0.1, 3, 3.5, 3], 0, 6, 1).from).toBe(4);
    expect(bestSegment([-0.5, -0.3, -0.4, 0.1, -3, -3.5, -3], 0, 6, -1).from).toBe(4);
    expect(bestSegment([1, 1, 1, 1], 0, 3, 1).from).toBe(0);
    // Only inside [from, to].
    expect(bestSegment([5, 5, 0, 1, 1], 2, 4, 1).from).toBe(3);
  });
});

/** Stationary AR(1) noise of standard deviation `sd`, from the seeded normals. */
const ar1 = (seed: number, rho: number, n = 36, sd = 0.02) => {
  const e = normals(seed, n);
  const out: number[] = [];
  e.forEach((v, t) => out.push(t === 0 ? v : rho * out[t - 1] + Math.sqrt(1 - rho * rho) * v));
  return out.map((v) => sd * v);
};

describe('ar1SumVariance', () => {
  it('is the length for independent noise and adds the covariances of AR(1) noise', () => {
    expect(ar1SumVariance(4, 0)).toBe(4);
    expect(ar1SumVariance(1, 0.5)).toBe(1);
    expect(ar1SumVariance(2, 0.5)).toBeCloseTo(3, 12);
    // 3 + 2·(2·0.5 + 1·0.25)
    expect(ar1SumVariance(3, 0.5)).toBeCloseTo(5.5, 12);
  });
});

describe('autocorrelationEvidence', () => {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
  it('reads about 0, with a standard error near √(1/pairs), on independent noise', () => {
    const read = Array.from({ length: 300 }, (_, k) => autocorrelationEvidence(noise(k + 1), []));
    const estimates = read.map((e) => e?.estimate ?? NaN);
    expect(read.every((e) => e?.pairs === 35)).toBe(true);
    expect(Math.abs(mean(estimates))).toBeLessThan(0.04);
    // Bartlett: √(1/35) = 0.169
    expect(sd(estimates)).toBeGreaterThan(0.14);
    expect(sd(estimates)).toBeLessThan(0.2);
  });
  it('reads strong AR(1) noise about at its true rho (corrected for its small-sample bias)', () => {
    const estimates = Array.from(
      { length: 300 },
      (_, k) => autocorrelationEvidence(ar1(1000 + k, 0.6), [])?.estimate ?? NaN,
    );
    expect(mean(estimates)).toBeGreaterThan(0.55);
    expect(mean(estimates)).toBeLessThan(0.65);
  });
  it('does not read a level shift as autocorrelation once its run is left out', () => {
    const r = noise(21).map((v, t) => (t >= 20 ? v + 0.1 : v));
    const runs = scanSegments(r, 0.02, 0.01, 3);
    expect(runs).toEqual([expect.objectContaining({ to: 35 })]);
    expect(autocorrelationEvidence(r, [])?.estimate).toBeGreaterThan(0.3);
    expect(autocorrelationEvidence(r, runs)?.estimate).toBeLessThan(0.2);
    expect(autocorrelationEvidence(r, runs)?.pairs).toBeLessThan(35);
  });
  it('is null with too few periods outside the runs', () => {
    expect(autocorrelationEvidence(noise(22), [{ from: 0, to: 25 }])).toBeNull();
    expect(autocorrelationEvidence([0.1, 0.2, 0.3], [])).toBeNull();
  });
});

describe('scanSegments on AR(1) noise', () => {
  it("raises far fewer false runs when judged with the noise's rho", () => {
    let independent = 0;
    let correlated = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const r = ar1(2000 + seed, 0.5);
      if (scanSegments(r, 0.02 * Math.sqrt(0.5), 0.01, 3).length) independent += 1;
      if (scanSegments(r, 0.02 * Math.sqrt(0.5), 0.01, 3, 0.5).length) correlated += 1;
    }
    // the difference-based scale reads σ√(1 − ρ) on AR(1) noise, as given here
    expect(correlated).toBeLessThanOrEqual(8);
    expect(independent).toBeGreaterThan(4 * Math.max(1, correlated));
  });
  it('still finds a two-month step of many noise units with a rho', () => {
    const r = noise(23).map((v, t) => (t >= 34 ? v + 0.3 : v));
    expect(scanSegments(r, 0.02, 0.01, 3, 0.5)).toEqual([expect.objectContaining({ from: 34, to: 35, sign: 1 })]);
  });
});
