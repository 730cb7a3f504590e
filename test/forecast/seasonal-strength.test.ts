import { nsdiffs, seasonalStrength } from '../../src/forecast/seasonal-strength';
import { SeededGenerator } from '../../src/stats';
import { buildingBlocks } from './arima-fixtures';

describe("seasonal strength and nsdiffs (forecast's seas.heuristic, nsdiffs(test = 'seas'))", () => {
  const cases = buildingBlocks().differencing.filter((d) => d.strength !== undefined);
  test.each(cases.map((d) => [d.name, d] as const))('%s', (_n, d) => {
    expect(seasonalStrength(d.values, d.frequency)).toBeCloseTo(d.strength!, 12);
    expect(nsdiffs(d.values, d.frequency)).toBe(d.nsdiffs);
  });

  test('noise has little seasonal strength; a constant or short series gets no seasonal difference', () => {
    const g = new SeededGenerator(5, 'strength');
    const noise = Float64Array.from({ length: 96 }, () => g.nextNormal());
    expect(seasonalStrength(noise, 12)).toBeLessThan(0.64);
    expect(nsdiffs(noise, 12)).toBe(0);
    expect(nsdiffs(new Float64Array(48).fill(3), 12)).toBe(0);
    expect(
      nsdiffs(
        Float64Array.from({ length: 24 }, (_, t) => t % 12),
        12,
      ),
    ).toBe(0);
  });
});
