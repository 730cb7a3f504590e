import { arimaFilter } from '../../src/forecast/arima-diffuse-filter';
import type { FilterSums } from '../../src/forecast/arima-kalman';
import { filterAtRCoefficients, fixedOrderFits } from './arima-fixtures';

describe('two-phase filter = R filter (diffuse start by one K × K solve, then the ARMA filter)', () => {
  test.each(fixedOrderFits().map((f) => [f.name, f]))('%s', (_n, f) => {
    const { ss, sums: full, residuals: fullResid, y } = filterAtRCoefficients(f);
    const a = Float64Array.from(ss.a);
    const P = Float64Array.from(ss.P);
    const sums: FilterSums = { ssq: 0, sumlog: 0, nu: 0 };
    const residuals = new Float64Array(y.length);
    arimaFilter(y, ss, sums, residuals, true);
    expect(sums.nu).toBe(full.nu);
    expect(Math.abs(sums.ssq - full.ssq) / full.ssq).toBeLessThan(1e-9);
    expect(Math.abs(sums.sumlog - full.sumlog)).toBeLessThan(1e-8 * Math.max(1, Math.abs(full.sumlog)));
    for (let t = 0; t < y.length; t++)
      expect(Math.abs(residuals[t] - fullResid[t])).toBeLessThan(1e-7 * (1 + Math.abs(fullResid[t])));
    // The filtered state forecasts start from: the same up to rounding.
    const scale = Math.max(...Array.from(a, Math.abs), 1);
    for (let i = 0; i < a.length; i++) expect(Math.abs(ss.a[i] - a[i])).toBeLessThan(1e-8 * scale);
    for (let i = 0; i < P.length; i++) expect(Math.abs(ss.P[i] - P[i])).toBeLessThan(1e-7);
  });
});
