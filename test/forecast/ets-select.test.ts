import { candidateSpecs, etsModelKey, fitEtsCandidates, selectEts } from '../../src/forecast/ets-select';
import { fitEts } from '../../src/forecast/ets-fit';
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
});

describe('candidates started from earlier fits', () => {
  // Starting each candidate at a better optimum than its own scouting reaches (the full-effort fit of
  // the same model) must end at least as well: the polish never returns a worse point than its start.
  test.each(loadFixtures().map((f) => [f.name, f] as const))(
    '%s: every candidate ends at least as well as the fit it started from',
    (_, f) => {
      const y = Float64Array.from(f.values);
      const specs = candidateSpecs(y, f.frequency).slice(0, 4);
      const starts = new Map(
        specs.flatMap((s) => {
          const fit = fitEts(y, s, {}, 'full');
          return fit ? [[etsModelKey(s), fit] as const] : [];
        }),
      );
      const warm = fitEtsCandidates(y, f.frequency, specs, starts);
      expect(warm.length).toBe(starts.size);
      for (const fit of warm) {
        // To 1e-6 relative: mapping a fit back to the optimiser's coordinates rounds.
        const from = starts.get(etsModelKey(fit.spec))!.logLik;
        expect(fit.logLik).toBeGreaterThanOrEqual(from - 1e-6 * Math.abs(from));
      }
    },
    60_000,
  );

  test('the key names the model and its season', () => {
    expect(etsModelKey({ error: 'M', trend: 'Ad', season: 'M', period: 12 })).toBe('MAdM12');
    expect(etsModelKey({ error: 'A', trend: 'N', season: 'N', period: 1 })).toBe('ANN1');
  });
});
