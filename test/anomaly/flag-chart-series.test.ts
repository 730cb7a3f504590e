import { flagChartSeries } from '../../src/anomaly/flag-chart-series';
import { forecastInterval, MIN_FORECAST_HISTORY, Z95 } from '../../src/anomaly/forecast-band';
import type { BudgetLine } from '../../src/anomaly/types';
import { seasonalLine } from './helpers';

/** 36 seasonal months with a +35% shift from month 30; booked through month 33. */
function shiftedLine(): BudgetLine {
  const line = seasonalLine('ads', 3, 0.02, (t) => (t >= 30 ? 0.35 : 0));
  return { ...line, actual: line.actual.map((v, t) => (t <= 33 ? v : null)) };
}

describe('flagChartSeries', () => {
  it('bands the flagged and later booked periods with the rolling forecast when the history allows', () => {
    const line = shiftedLine();
    const series = flagChartSeries(line, 30);
    expect(series.band).toBe('forecast');
    expect(series.upper.slice(0, 30).every((v) => v === null)).toBe(true);
    expect(series.upper.slice(30, 34).every((v) => v !== null)).toBe(true);
    expect(series.upper.slice(34)).toEqual([null, null]);
    expect(series.actual[30]!).toBeGreaterThan(series.upper[30]!); // the shift lies above what the history expected
    expect(series.lower[30]!).toBeLessThan(series.actual[29]! * 1.2);
  });

  it('draws at the flagged period the very interval the detector judged by', () => {
    const line = shiftedLine();
    const series = flagChartSeries(line, 30);
    const judged = forecastInterval(line.actual, 30, 12)!;
    expect(series.lower[30]).toBeCloseTo(judged.lower[0], 6);
    expect(series.upper[30]).toBeCloseTo(judged.upper[0], 6);
  });

  it('uses the detectors’ minimum history: 23 booked actuals give the plan band, 24 the forecast', () => {
    expect(MIN_FORECAST_HISTORY).toBe(24);
    const line = shiftedLine();
    expect(flagChartSeries(line, 23).band).toBe('plan');
    expect(flagChartSeries(line, 24).band).toBe('forecast');
    // Blanks do not count, and do not disqualify: 26 periods with two blanks are 24 booked actuals.
    const gappy = { ...line, actual: line.actual.map((v, t) => (t === 5 || t === 17 ? null : v)) };
    expect(flagChartSeries(gappy, 25).band).toBe('plan');
    expect(flagChartSeries(gappy, 26).band).toBe('forecast');
  });

  it('falls back to plan + median offset ± z₉₅ · MAD of the periods before the flag with a short history', () => {
    const series = flagChartSeries(
      { id: 'a', costCentre: '', account: '', owner: '', plan: [10, 10, 10, 10], actual: [10, 11, 9, 30] },
      3,
    );
    expect(series.band).toBe('plan');
    // Residuals before the flag 0, 1, −1: R median(c(0, 1, -1)) = 0, mad(c(0, 1, -1)) = 1.4826;
    // z₉₅ = sprintf('%.17g', qnorm(0.975)) = 1.9599639845400536. The flagged 20 is not its own yardstick.
    expect(Z95).toBe(1.9599639845400536);
    expect(series.upper[0]).toBeCloseTo(10 + 1.9599639845400536 * 1.4826, 12);
    expect(series.lower[0]).toBeCloseTo(10 - 1.9599639845400536 * 1.4826, 12);
  });

  it('a deviation that lasts most of the year is banded by the months before it, not by itself', () => {
    // 3 months on plan, then 9 months 30% under (the sample sheet's IT-LIC shape).
    const plan = Array.from({ length: 12 }, () => 8000);
    const actual = plan.map((p, t) => (t < 3 ? p * (1 + [0.002, -0.004, 0.003][t]) : p * (0.7 + 0.005 * (t % 2))));
    const series = flagChartSeries({ id: 'lic', costCentre: '', account: '', owner: '', plan, actual }, 3);
    expect(series.band).toBe('plan');
    // The band holds plan; the under-spend lies below it in every flagged month.
    expect(series.lower[0]!).toBeLessThan(8000);
    expect(series.upper[0]!).toBeGreaterThan(8000);
    for (let t = 3; t < 12; t++) expect(actual[t]).toBeLessThan(series.lower[t]!);
  });

  it('with fewer than two periods before the flag, every booked period bands it', () => {
    const series = flagChartSeries(
      { id: 'a', costCentre: '', account: '', owner: '', plan: [10, 10, 10, 10], actual: [10, 11, 9, 30] },
      1,
    );
    // Residuals 0, 1, −1, 20: R median(c(0, 1, -1, 20)) = 0.5, mad(c(0, 1, -1, 20)) = 1.4826.
    expect(series.upper[0]).toBeCloseTo(10.5 + 1.9599639845400536 * 1.4826, 12);
  });

  it('with nothing booked the band is the plan itself; blank plan periods stay blank', () => {
    const series = flagChartSeries(
      { id: 'a', costCentre: '', account: '', owner: '', plan: [10, null, 12], actual: [null, null, null] },
      0,
    );
    expect(series).toEqual({
      plan: [10, null, 12],
      actual: [null, null, null],
      lower: [10, null, 12],
      upper: [10, null, 12],
      band: 'plan',
    });
  });
});
