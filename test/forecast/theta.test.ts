import { thetaForecast } from '../../src/forecast/theta';
import { loadFixtures, maxRelDiff } from './fixtures';

const Z95 = 1.959963984540054;

describe('Theta against R thetaf()', () => {
  test.each(loadFixtures().map((f) => [f.name, f]))('%s', (_n, fx) => {
    // R: thetaf(y, h, level = c(80, 95)) — ses() inside is estimated by each optimiser, so the
    // comparison allows for the tiny difference of two maximum-likelihood searches.
    const th = thetaForecast(Float64Array.from(fx.values), fx.frequency, fx.horizon)!;
    expect(maxRelDiff(th.mean, fx.thetaf.mean)).toBeLessThan(2e-3);
    expect(
      maxRelDiff(
        Array.from(th.mean, (v, i) => v + Z95 * th.se[i]),
        fx.thetaf.hi95,
      ),
    ).toBeLessThan(2e-3);
  });

  test('too short gives undefined; a straight line is continued', () => {
    expect(thetaForecast(Float64Array.of(1, 2, 3), 1, 2)).toBeUndefined();
    const line = Float64Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const th = thetaForecast(line, 1, 3)!;
    // Theta halves the slope but SES (alpha → 1) carries the last value: forecasts rise from 68.
    expect(th.mean[0]).toBeGreaterThan(68);
    expect(th.mean[2]).toBeGreaterThan(th.mean[0]);
  });
});
