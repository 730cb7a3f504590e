import { stl } from '../../src/forecast/stl';
import { buildingBlocks } from './arima-fixtures';

describe('STL against R stats::stl(y, s.window = 11)', () => {
  const cases = buildingBlocks().differencing.filter((d) => d.stlSeasonal);
  test.each(cases.map((d) => [d.name, d] as const))('%s', (_n, d) => {
    const r = stl(d.values, d.frequency, { seasonalWindow: 11 });
    const scale = Math.max(...d.values.map(Math.abs));
    d.stlSeasonal!.forEach((v, i) => expect(Math.abs(r.seasonal[i] - v)).toBeLessThan(1e-11 * scale));
    d.stlTrend!.forEach((v, i) => expect(Math.abs(r.trend[i] - v)).toBeLessThan(1e-11 * scale));
    r.remainder.forEach((v, i) => expect(v).toBeCloseTo(d.values[i] - r.seasonal[i] - r.trend[i], 9));
  });

  test('a pure seasonal pattern is all season; the components add up to the data', () => {
    const pattern = [3, -1, 4, -6];
    const y = Array.from({ length: 24 }, (_, t) => 10 + pattern[t % 4]);
    const r = stl(y, 4, { seasonalWindow: 11 });
    for (let t = 0; t < 24; t++) {
      expect(r.trend[t]).toBeCloseTo(10, 6);
      expect(r.seasonal[t]).toBeCloseTo(pattern[t % 4], 6);
    }
  });
});
