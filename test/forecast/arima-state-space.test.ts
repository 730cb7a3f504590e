import {
  createArimaStateSpace,
  differencingCoefficients,
  forecastState,
  fullInitialState,
  prepareArimaState,
} from '../../src/forecast/arima-state-space';

describe("ARIMA state space (R's makeARIMA)", () => {
  test('dimensions and the diffuse start: Pn = diag(Q₀, κI)', () => {
    const ss = createArimaStateSpace(2, 1, differencingCoefficients(1, 0, 1));
    expect([ss.r, ss.K, ss.rd]).toEqual([2, 1, 3]);
    ss.phi.set([0.5, -0.2]);
    ss.theta.set([0.3]);
    expect(prepareArimaState(ss)).toBe(true);
    fullInitialState(ss);
    expect(ss.Pn[2 + 2 * 3]).toBe(1e6);
    expect(ss.Pn[0]).toBeCloseTo(ss.gamma[0], 14);
    expect(ss.Pn[2]).toBe(0);
  });

  test('AAᵀ of the pre-sample values: Δ = (1, 0, 0, 1, −1) for (1 − B)(1 − B⁴)', () => {
    const delta = differencingCoefficients(1, 1, 4);
    expect(Array.from(delta, (v) => v + 0)).toEqual([1, 0, 0, 1, -1]);
    const ss = createArimaStateSpace(0, 0, delta);
    // Row t of A holds Δ_{t+1..K}: (AAᵀ)[0][0] = Σ Δ² = 3, (AAᵀ)[4][4] = Δ₅² = 1, (AAᵀ)[0][1] = Σ Δⱼ Δⱼ₊₁ = −1.
    expect(ss.AAt[0]).toBe(3);
    expect(ss.AAt[24]).toBe(1);
    expect(ss.AAt[1]).toBe(-1);
  });

  test('a non-stationary AR part cannot be prepared; the forecast state is a copy', () => {
    const ss = createArimaStateSpace(1, 0, new Float64Array(0));
    ss.phi[0] = 1.01;
    expect(prepareArimaState(ss)).toBe(false);
    ss.phi[0] = 0.5;
    expect(prepareArimaState(ss)).toBe(true);
    expect(ss.Q[0]).toBeCloseTo(1 / 0.75, 15);
    const copy = forecastState(ss);
    ss.a[0] = 42;
    expect(copy.a[0]).toBe(0);
    expect(copy.phi[0]).toBe(0.5);
  });
});
