import { autocorrelationInflation, bestSegment, scanSegments } from '../../src/anomaly/scan-segments';
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
