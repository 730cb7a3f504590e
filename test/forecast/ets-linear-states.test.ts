import { optimalLinearState } from '../../src/forecast/ets-linear-states';
import { etsFilter } from '../../src/forecast/ets-filter';
import { fitEts } from '../../src/forecast/ets-fit';
import { parseEtsCode, stateCount } from '../../src/forecast/ets-model';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import { loadFixtures } from './fixtures';

const sse = (lik: number, n: number): number => Math.exp(lik / n);

describe('least-squares initial states of linear ETS models', () => {
  test('simple exponential smoothing: l0 = Σ e_t (1−α)^t / Σ (1−α)^{2t} from a zero start', () => {
    // With l0 = 0 the errors are ē; raising l0 lowers e_t by (1−α)^t.
    const y = Float64Array.of(10, 12, 9, 11, 13, 12);
    const spec = parseEtsCode('ANN', 1)!;
    const p = { alpha: 0.3, beta: 0, gamma: 0, phi: 1 };
    const eBar = new Float64Array(y.length);
    etsFilter(y, spec, p, Float64Array.of(0), { residuals: eBar });
    let num = 0;
    let den = 0;
    for (let t = 0; t < y.length; t++) {
      num += eBar[t] * 0.7 ** t;
      den += 0.7 ** (2 * t);
    }
    const out = new Float64Array(1);
    const value = optimalLinearState(y, spec, p, Float64Array.of(0), out);
    expect(out[0]).toBeCloseTo(num / den, 10);
    expect(value).toBeCloseTo(sse(etsFilter(y, spec, p, out), y.length), 8);
  });

  test.each(['ANN', 'AAN', 'AAdN', 'ANA', 'AAA', 'AAdA'])(
    '%s: the returned state is a minimum of the SSE, and the SSE matches the filter',
    (code) => {
      const rnd = new SeededGenerator(3, 'test');
      const spec = parseEtsCode(code, 4)!;
      const n = 40;
      const y = Float64Array.from(
        { length: n },
        (_, t) => 100 + 0.5 * t + 8 * Math.sin((Math.PI * t) / 2) + 3 * rnd.nextNormal(),
      );
      const p = { alpha: 0.35, beta: 0.05, gamma: 0.2, phi: 0.9 };
      const base = new Float64Array(stateCount(spec));
      base[0] = 90;
      const out = new Float64Array(base.length);
      const value = optimalLinearState(y, spec, p, base, out);
      const at = sse(etsFilter(y, spec, p, out), n);
      expect(Math.abs(value - at) / at).toBeLessThan(1e-9);
      // Seasonal states still sum to zero.
      if (spec.season !== 'N')
        expect(out.subarray(spec.trend === 'N' ? 1 : 2).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
      // No perturbation of the free states (keeping the seasonal sum) lowers the SSE.
      const off = spec.trend === 'N' ? 1 : 2;
      for (let k = 0; k < 20; k++) {
        const trial = Float64Array.from(out);
        const i = Math.floor(rnd.nextOpen01() * (trial.length - (spec.season !== 'N' ? 1 : 0)));
        const d = 0.5 * rnd.nextNormal();
        trial[i] += d;
        if (spec.season !== 'N' && i >= off) trial[trial.length - 1] -= d;
        expect(sse(etsFilter(y, spec, p, trial), n)).toBeGreaterThanOrEqual(at * (1 - 1e-12));
      }
    },
  );

  test('weights: unit weights change nothing; other weights minimise the weighted SSE', () => {
    const spec = parseEtsCode('AAA', 4)!;
    const y = Float64Array.from({ length: 32 }, (_, t) => 50 + t + 6 * Math.cos((Math.PI * t) / 2) + Math.sin(3 * t));
    const p = { alpha: 0.4, beta: 0.1, gamma: 0.2, phi: 1 };
    const base = Float64Array.of(50, 1, 0, 0, 0, 0);
    const plain = new Float64Array(6);
    const unit = new Float64Array(6);
    const v0 = optimalLinearState(y, spec, p, base, plain);
    expect(optimalLinearState(y, spec, p, base, unit, new Float64Array(32).fill(1))).toBe(v0);
    expect(Array.from(unit)).toEqual(Array.from(plain));
    const w = Float64Array.from({ length: 32 }, (_, t) => 1 / (1 + t));
    const out = new Float64Array(6);
    const value = optimalLinearState(y, spec, p, base, out, w);
    const weighted = (x: Float64Array): number => {
      const e = new Float64Array(32);
      etsFilter(y, spec, p, x, { residuals: e });
      return e.reduce((s, v, t) => s + w[t] * v * v, 0);
    };
    expect(Math.abs(weighted(out) - value) / value).toBeLessThan(1e-9);
    for (let i = 0; i < 5; i++) {
      const trial = Float64Array.from(out);
      trial[i] += 0.3;
      if (i >= 2) trial[5] -= 0.3;
      expect(weighted(trial)).toBeGreaterThan(value);
    }
  });

  test('fitted linear models end at their least-squares states', () => {
    const fx = loadFixtures().find((f) => f.name === 'usaccdeaths')!;
    const y = Float64Array.from(fx.values);
    const spec = parseEtsCode('AAA', 12)!;
    const fit = fitEts(y, spec, {}, 'fast')!;
    const out = new Float64Array(fit.initialState.length);
    const best = optimalLinearState(y, spec, fit.params, fit.initialState, out);
    // R: ets(USAccDeaths, model = "AAA")$loglik (the fixture); the fast fit reaches at least that,
    // and no state change at its smoothing parameters lowers its SSE.
    expect(fit.logLik).toBeGreaterThanOrEqual(fx.ets.AAA.loglik - 0.01);
    expect(best).toBeGreaterThanOrEqual(fit.mse * y.length * (1 - 1e-9));
  });
});
