import { confirmCandidate, fitCandidate, smallestArmaRoot } from '../../src/forecast/arima-candidate';
import { smallestRootModulus } from '../../src/forecast/polynomial-roots';
import { fixedOrderFits, orderOf } from './arima-fixtures';

describe("fitCandidate: forecast's myarima", () => {
  const usa = fixedOrderFits().find((f) => f.name === 'usaccdeaths-011-011')!;
  const y = Float64Array.from(usa.values);

  test('scores by AICc (AIC, BIC on request), with the variance check pending until confirmed', () => {
    const o = orderOf(usa);
    const c = fitCandidate(y, o, false, 'aicc', false, 0);
    expect(c.fit!.aicc).toBeCloseTo(usa.aicc, 2);
    expect(c.ic).toBe(c.fit!.aicc);
    expect(c.checked).toBe(false);
    const done = confirmCandidate(c);
    expect(done.checked).toBe(true);
    expect(done.ic).toBe(c.ic);
    expect(done.fit!.variance!.length).toBe(4);
    expect(fitCandidate(y, o, false, 'bic', false, 0).ic).toBeCloseTo(c.fit!.bic, 10);
    expect(fitCandidate(y, o, false, 'aic', false, 0).ic).toBeCloseTo(c.fit!.aic, 10);
  });

  test('a constant means drift for d + D = 1, nothing for d + D = 2', () => {
    const drift = fitCandidate(y, { p: 0, d: 0, q: 1, P: 0, D: 1, Q: 1, m: 12 }, true, 'aicc', false, 0);
    expect(drift.fit!.regressor).toBe('drift');
    const none = fitCandidate(y, orderOf(usa), true, 'aicc', false, 0);
    expect(none.fit!.regressor).toBe('none');
  });

  test('approximation: CSS fit, AIC = offset + n* log σ² + 2k', () => {
    const c = fitCandidate(y, orderOf(usa), false, 'aic', true, 100);
    const nstar = y.length - 13;
    expect(c.fit!.method).toBe('CSS');
    expect(c.ic).toBeCloseTo(100 + nstar * Math.log(c.fit!.sigma2Estimate) + 2 * 3, 10);
  });

  test('roots within 1.01 of the unit circle are rejected', () => {
    const o = (p: number, q: number, P: number, Q: number) => ({ p, d: 0, q, P, D: 0, Q, m: 12 });
    expect(smallestArmaRoot([0.5], o(1, 0, 0, 0))).toBeCloseTo(2, 12);
    expect(smallestArmaRoot([-0.995], o(0, 1, 0, 0))).toBeCloseTo(1 / 0.995, 12);
    expect(smallestArmaRoot([1e-9], o(1, 0, 0, 0))).toBe(2);
    // A seasonal MA root: 1 − 0.8937 z¹² has roots of modulus 0.8937^(−1/12) = 1.0094 < 1.01
    // (R rejects ARIMA(0,0,0)(0,1,1)[12] with sma1 = −0.8937 in auto.arima).
    expect(smallestArmaRoot([-0.8937], o(0, 0, 0, 1))).toBeCloseTo(0.8937 ** (-1 / 12), 12);
    // The factors agree with the expanded polynomial (1 − 0.5z)(1 − 0.7z¹²).
    const expanded = [1, -0.5, ...new Array(10).fill(0), -0.7, 0.35];
    expect(smallestArmaRoot([0.5, 0.7], o(1, 0, 1, 0))).toBeCloseTo(smallestRootModulus(expanded), 10);
    // A series that is a unit-root MA process by construction: y_t = e_t − e_{t−1}.
    const e = Array.from({ length: 80 }, (_, t) => Math.sin(1.3 * t) + Math.cos(0.7 * t * t));
    const ma = Float64Array.from(e.slice(1), (v, t) => v - e[t]);
    const c = fitCandidate(ma, { p: 0, d: 1, q: 1, P: 0, D: 0, Q: 0, m: 1 }, false, 'aicc', false, 0);
    expect(c.ic).toBe(Infinity);
  });
});
