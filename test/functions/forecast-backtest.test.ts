/** FPA.FORECAST.BACKTEST and the model facts of FPA.FORECAST.MODEL through the adapter. */
import { forecastBacktest, forecastModel } from '../../functions/forecast';
import { column, expectExcelError } from './excel-range';

const monthly = Array.from({ length: 48 }, (_, t) => 200 + 3 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 7));

describe('FPA.FORECAST.BACKTEST', () => {
  it('spills one row per step plus "all", under a header', () => {
    const r = forecastBacktest(column(monthly), 3, 'snaive', 4) as unknown[][];
    expect(r[0]).toEqual(['step', 'MASE', 'sMAPE %', 'cover 80%', 'cover 95%', 'forecasts']);
    expect(r.map((row) => row[0])).toEqual(['step', 1, 2, 3, 'all']);
    expect(r[4][5]).toBe(12);
  });

  it('returns #VALUE! with a message for bad input, never throws', () => {
    expectExcelError(forecastBacktest(column([1, 2, 3]), 3, 'auto', 2), '#VALUE!', /needs at least/);
    expectExcelError(forecastBacktest(column(monthly), 0), '#VALUE!', /horizon/);
    expectExcelError(forecastBacktest(column(monthly), 3, 'magic'), '#VALUE!', /not known/);
  });
});

describe('FPA.FORECAST.MODEL facts', () => {
  it('lists the ETS model, its parameters, AICc and in-sample MASE', () => {
    const r = forecastModel(column(monthly), 12, 'hw') as unknown[][];
    const labels = r.map((row) => row[0]);
    expect(r).toContainEqual(['model', 'ETS(A,A,A)']);
    for (const l of ['alpha (level)', 'beta (trend)', 'gamma (season)', 'AICc', 'in-sample MASE']) expect(labels).toContain(l);
  });
});
