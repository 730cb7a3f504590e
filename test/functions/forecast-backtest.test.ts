/** FPA.FORECAST.BACKTEST and the model facts of FPA.FORECAST.MODEL through the adapter. */
import { forecastBacktest, forecastModel, forecastRolling } from '../../functions/forecast';
import { backtest } from '../../src/forecast/backtest';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { column, expectExcelError } from './excel-range';

const monthly = Array.from(
  { length: 48 },
  (_, t) => 200 + 3 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 7),
);

describe('FPA.FORECAST.BACKTEST', () => {
  it('spills one row per step plus "all", under a header', async () => {
    const r = (await forecastBacktest(column(monthly), 3, 'snaive', 4)) as unknown[][];
    expect(r[0]).toEqual(['step', 'MASE', 'sMAPE %', 'cover 80%', 'cover 95%', 'forecasts']);
    expect(r.map((row) => row[0])).toEqual(['step', 1, 2, 3, 'all']);
    expect(r[4][5]).toBe(12);
  });

  it('returns #VALUE! with a message for bad input, never throws', async () => {
    expectExcelError(await forecastBacktest(column([1, 2, 3]), 3, 'auto', 2), '#VALUE!', /needs at least/);
    expectExcelError(await forecastBacktest(column(monthly), 0), '#VALUE!', /horizon/);
    expectExcelError(await forecastBacktest(column(monthly), 3, 'magic'), '#VALUE!', /not known/);
  });
});

describe('FPA.FORECAST.MODEL facts', () => {
  it('lists the ETS model, its parameters, AICc and in-sample MASE', async () => {
    const r = (await forecastModel(column(monthly), 12, 'hw')) as unknown[][];
    const labels = r.map((row) => row[0]);
    expect(r).toContainEqual(['model', 'ETS(A,A,A)']);
    for (const l of ['alpha (level)', 'beta (trend)', 'gamma (season)', 'AICc', 'in-sample MASE'])
      expect(labels).toContain(l);
  });
});

describe('options of MODEL and BACKTEST', () => {
  // A seasonal series with a one-off booking in month 30 (ten times its usual noise).
  const spiked = monthly.map((v, t) => (t === 30 ? v + 150 : v));

  it('outliers=adjust: ROLLING fits the adjusted history, MODEL says which values were replaced', async () => {
    const rolling = (await forecastRolling(column(spiked), 6, 12, 0.9, 'auto', [['outliers', 'adjust']])) as number[][];
    const core = rollingForecast({
      values: spiked,
      horizon: 6,
      seasonality: 12,
      levels: [90],
      method: 'auto',
      outliers: 'adjust',
    });
    expect(core.outliers.map((o) => o.index)).toEqual([30]);
    expect(rolling.map((row) => row[0])).toEqual(core.mean);
    const model = (await forecastModel(column(spiked), 12, 'auto', [['outliers=adjust']])) as unknown[][];
    expect(model).toContainEqual(['outliers replaced', 1]);
    expect(model.some((row) => row[0] === 'note' && /value 31/.test(String(row[1])))).toBe(true);
    const kept = (await forecastModel(column(spiked), 12, 'auto')) as unknown[][];
    expect(kept.some((row) => row[0] === 'outliers replaced' && row[1] !== 0)).toBe(false);
  });

  it('BACKTEST scores the accuracy-weighted combination when asked', async () => {
    const long = Array.from(
      { length: 72 },
      (_, t) => 500 + 4 * t + 60 * Math.sin((2 * Math.PI * t) / 12) + ((t * 53) % 23),
    );
    const r = (await forecastBacktest(column(long), 3, 'auto', 3, [['weights', 'accuracy']])) as unknown[][];
    const core = backtest({ values: long, horizon: 3, origins: 3, method: 'auto', combination: 'accuracy' });
    expect(r[4][1]).toBe(core.overall.mase);
    expect(core.overall.mase).not.toBe(backtest({ values: long, horizon: 3, origins: 3, method: 'auto' }).overall.mase);
    expectExcelError(
      await forecastBacktest(column(long), 3, 'auto', 3, [['weights', 'heavy']]),
      '#VALUE!',
      /equal, accuracy/,
    );
  });
});
