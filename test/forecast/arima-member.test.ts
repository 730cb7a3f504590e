import {
  arimaCoefficientNames,
  arimaLabel,
  arimaMember,
  arimaNotes,
  arimaSeason,
  autoArimaFit,
} from '../../src/forecast/arima-member';
import { fitArima } from '../../src/forecast/arima-fit';
import { isFpaError } from '../../src/errors';
import { fixedOrderFits } from './arima-fixtures';

const usa = Float64Array.from(fixedOrderFits().find((f) => f.name === 'usaccdeaths-011-011')!.values);

describe('ARIMA as a forecast member', () => {
  test("labels and coefficient names as forecast's arima.string", () => {
    const y = Float64Array.from(fixedOrderFits().find((f) => f.name === 'wwwusage-310')!.values);
    const o = { p: 1, d: 1, q: 1, P: 0, D: 0, Q: 0, m: 12 };
    const drift = fitArima(y, o, { regressor: 'drift' })!;
    expect(arimaLabel(drift)).toBe('ARIMA(1,1,1) with drift');
    expect(arimaCoefficientNames(drift)).toEqual(['ar1', 'ma1', 'drift']);
    const lh = Float64Array.from(fixedOrderFits().find((f) => f.name === 'lh-100-mean')!.values);
    const mean = fitArima(lh, { ...o, d: 0 }, { regressor: 'mean' })!;
    expect(arimaLabel(mean)).toBe('ARIMA(1,0,1) with non-zero mean');
    const zero = fitArima(lh, { ...o, d: 0 })!;
    expect(arimaLabel(zero)).toBe('ARIMA(1,0,1) with zero mean');
    const seasonal = fitArima(usa, { p: 0, d: 1, q: 1, P: 1, D: 1, Q: 1, m: 12 })!;
    expect(arimaLabel(seasonal)).toBe('ARIMA(0,1,1)(1,1,1)[12]');
    expect(arimaCoefficientNames(seasonal)).toEqual(['ma1', 'sar1', 'sma1']);
  });

  // Each row: the seasonality asked for (0: not told), the nominal frequency, the season used.
  test.each([
    [0, 12, 12],
    [0, 4, 4],
    [1, 12, 1],
    [6, 12, 6],
  ])('season: the nominal frequency unless told otherwise (%d, %d → %d)', (seasonality, frequency, season) => {
    expect(arimaSeason(seasonality, frequency)).toBe(season);
  });

  test('member: mean inside its bounds; notes say how the model was chosen', () => {
    const f = arimaMember(usa, 12, 6, [80, 95]);
    expect(f.name).toBe('ARIMA(0,1,1)(0,1,1)[12]');
    for (let k = 0; k < 6; k++) {
      expect(f.lower[1][k]).toBeLessThan(f.lower[0][k]);
      expect(f.lower[0][k]).toBeLessThan(f.mean[k]);
      expect(f.upper[1][k]).toBeGreaterThan(f.upper[0][k]);
    }
    const notes = arimaNotes(autoArimaFit(usa, 12), usa.length);
    expect(notes[0]).toMatch(/^Seasonal strength 0\.94 > 0\.64/);
    expect(notes.join(' ')).toMatch(/chosen by AICc among \d+ model/);
  });

  test('constant history: its value, no uncertainty; too short: FORECAST_TOO_SHORT', () => {
    const flat = arimaMember(new Float64Array(10).fill(4), 12, 3, [95]);
    expect(Array.from(flat.mean)).toEqual([4, 4, 4]);
    expect(Array.from(flat.upper[0])).toEqual([4, 4, 4]);
    try {
      autoArimaFit(Float64Array.of(1, 2, 3), 12);
      throw new Error('no error');
    } catch (e) {
      expect(isFpaError(e) && e.code).toBe('FORECAST_TOO_SHORT');
    }
  });
});
