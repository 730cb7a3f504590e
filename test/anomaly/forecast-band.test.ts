import { forecastBandReason, forecastInterval, MIN_FORECAST_HISTORY } from '../../src/anomaly/forecast-band';
import { seasonalLine } from './helpers';

describe('forecastInterval', () => {
  const actual = seasonalLine('x', 5, 0.03).actual;

  it('needs MIN_FORECAST_HISTORY booked actuals before the period', () => {
    expect(forecastInterval(actual, MIN_FORECAST_HISTORY - 1, 12)).toBeNull();
    const f = forecastInterval(actual, MIN_FORECAST_HISTORY, 12, 3)!;
    expect(f.mean).toHaveLength(3);
    f.mean.forEach((m, h) => {
      expect(f.lower[h]).toBeLessThan(m);
      expect(f.upper[h]).toBeGreaterThan(m);
    });
  });

  it('gives null, not an error, when the forecast engine refuses the history', () => {
    // An infinite actual counts as booked, and the engine refuses it (FORECAST_NOT_FINITE).
    const broken = [...actual.slice(0, 29), Infinity, 1];
    expect(forecastInterval(broken, 30, 12)).toBeNull();
  });
});

describe('forecastBandReason', () => {
  it('corroborates a value far outside the one-step interval, with evidence in noise units', () => {
    const line = seasonalLine('y', 9, 0.02, (t) => (t === 30 ? 0.5 : 0));
    const reason = forecastBandReason(line.actual, 30, 12)!;
    expect(reason.kind).toBe('overspend');
    expect(reason.evidence).toBeGreaterThan(5);
    expect(reason.text).toMatch(/above the rolling forecast's 95% range/);
    expect(forecastBandReason(line.actual, 29, 12)).toBeNull(); // an ordinary month lies inside
    expect(forecastBandReason(line.actual, 10, 12)).toBeNull(); // too little history to judge
  });
});
