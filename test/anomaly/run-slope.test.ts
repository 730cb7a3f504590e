import { DRIFT_Z, runSlope } from '../../src/anomaly/run-slope';

describe('runSlope', () => {
  it('is the least-squares slope and its z under the line noise', () => {
    const s = runSlope({ residual: [0.1, 0.2, 0.3, 0.4], sigma: 0.05 }, { from: 0, to: 3, sign: 1 });
    expect(s.slope).toBeCloseTo(0.1, 12);
    // se = σ / √Σ(t − t̄)² = 0.05 / √5
    expect(s.z).toBeCloseTo(0.1 / (0.05 / Math.sqrt(5)), 12);
  });
  it('is positive when the run moves away from plan on its own side', () => {
    const under = runSlope({ residual: [-0.1, -0.2, -0.3], sigma: 0.05 }, { from: 0, to: 2, sign: -1 });
    expect(under.slope).toBeCloseTo(-0.1, 12);
    expect(under.z).toBeGreaterThan(0);
  });
  it('is 0 for a single period', () => {
    expect(runSlope({ residual: [0.1], sigma: 0.05 }, { from: 0, to: 0, sign: 1 })).toEqual({ slope: 0, z: 0 });
  });
  it('calls a drift at the two-sided 5% normal quantile (R: qnorm(0.975) = 1.959963984540054)', () => {
    expect(DRIFT_Z).toBeCloseTo(1.959963984540054, 12);
  });
});
