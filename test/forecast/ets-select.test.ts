import { candidateSpecs, selectEts } from '../../src/forecast/ets-select';
import { etsCode } from '../../src/forecast/ets-model';
import { loadFixtures } from './fixtures';

describe('automatic ETS against R ets(y)', () => {
  // R: fit <- ets(y); fit$aicc. Our search reaches an AICc at least as low (often lower: R's
  // optimiser stops earlier), so the chosen model may differ where AICc values are close.
  test.each(
    loadFixtures()
      .filter((f) => f.name !== 'airpassengers')
      .map((f) => [f.name, f]),
  )('%s: AICc ≤ R', (_n, fx) => {
    const fit = selectEts(Float64Array.from(fx.values), fx.frequency)!;
    expect(fit.aicc).toBeLessThanOrEqual(fx.auto.aicc + 0.01);
  });
});

describe('candidate models', () => {
  test('15 models for positive seasonal data, 6 additive ones with zeros, 6 non-seasonal', () => {
    const pos = Float64Array.from({ length: 48 }, (_, t) => 10 + (t % 12));
    expect(candidateSpecs(pos, 12).map(etsCode)).toHaveLength(15);
    const zero = pos.map((v, t) => (t === 5 ? 0 : v));
    const codes = candidateSpecs(zero, 12).map(etsCode);
    expect(codes).toEqual(['ANN', 'ANA', 'AAN', 'AAA', 'AAdN', 'AAdA']);
    expect(candidateSpecs(pos, 1).map(etsCode)).toEqual(['ANN', 'AAN', 'AAdN', 'MNN', 'MAN', 'MAdN']);
  });
  test('short series only get the models they can support', () => {
    const y = Float64Array.from({ length: 5 }, (_, t) => 1 + t);
    expect(candidateSpecs(y, 12).map(etsCode)).toEqual(['ANN', 'MNN']);
    expect(selectEts(Float64Array.of(1, 2), 1)).toBeUndefined();
  });
  test('with exactly 4 values no candidate has an AICc and the answer is the ETS(A,N,N) fit (as R ets() fits a simple model)', () => {
    const y = Float64Array.of(1005.55, 1123.86, 1168.11, 1188.17);
    const fit = selectEts(y, 12)!;
    expect(etsCode(fit.spec)).toBe('ANN');
    expect(fit.aicc).toBe(Infinity);
    expect(fit.params.alpha).toBeGreaterThan(0);
  });
});
