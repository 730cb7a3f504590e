import { seasonlessNote } from '../../src/forecast/seasonless-note';
import { rollingForecast } from '../../src/forecast/rolling-forecast';

/** 36 months with a clear season the lag-12 detection misses under the trend (issue 20). */
const y = Array.from({ length: 36 }, (_, t) => 100 + 3 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7) % 5));

describe('seasonlessNote', () => {
  it('says what ran, why, and how to give the season', () => {
    expect(seasonlessNote('hw', 'AAN instead of AAA', 0, 12)).toBe(
      'hw is a seasonal method, but no season was detected: it ran as AAN instead of AAA, without a season, so the forecast has no seasonal pattern. If the data repeat every 12 periods, give seasonality 12.',
    );
    expect(seasonlessNote('hw', 'AAN', 1, 12)).toBe(
      'hw is a seasonal method, but seasonality 1 (none) was given: it ran as AAN.',
    );
    expect(seasonlessNote('theta', 'Theta', 12, 12, 'the data are negative')).not.toMatch(/give seasonality/);
  });
});

describe('seasonal methods without a season (rollingForecast)', () => {
  it('hw and hw-mult say they ran without a season when detection misses it, and use an explicit one', () => {
    for (const method of ['hw', 'hw-mult', 'MAM']) {
      const missed = rollingForecast({ values: y, horizon: 12, method });
      expect(missed.seasonPeriod).toBe(1);
      expect(missed.notes.join(' ')).toMatch(
        new RegExp(`^.*${method} is a seasonal method, but no season was detected`),
      );
      const given = rollingForecast({ values: y, horizon: 12, method, seasonality: 12 });
      expect(given.seasonPeriod).toBe(12);
      expect(given.notes.join(' ')).not.toMatch(/seasonal method/);
    }
  });
  it('theta says so too, and honours seasonality 12 where its own test finds none', () => {
    const missed = rollingForecast({ values: y, horizon: 12, method: 'theta' });
    expect(missed.seasonPeriod).toBe(1);
    expect(missed.notes.join(' ')).toMatch(/theta is a seasonal method, but thetaf's seasonality test .* found none/);
    const given = rollingForecast({ values: y, horizon: 12, method: 'theta', seasonality: 12 });
    expect(given.seasonPeriod).toBe(12);
    // The forecast follows the season: the sine peaks in month 4 of each year and dips in month 10.
    expect(given.mean[3] - given.mean[9]).toBeGreaterThan(30);
    expect(Math.abs(missed.mean[3] - missed.mean[9])).toBeLessThan(25);
  });
  it('says why theta could not use a given season', () => {
    const short = rollingForecast({ values: y.slice(0, 20), horizon: 6, method: 'theta', seasonality: 12 });
    expect(short.notes.join(' ')).toMatch(/its seasonal adjustment needs two seasons of history \(20 < 24\)/);
    const negative = y.map((v) => -v);
    expect(rollingForecast({ values: negative, horizon: 6, method: 'theta', seasonality: 12 }).notes.join(' ')).toMatch(
      /multiplicative and needs data of zero or more/,
    );
  });
  it('says nothing for a method that chooses its own season', () => {
    expect(rollingForecast({ values: y, horizon: 12, method: 'ets' }).notes.join(' ')).not.toMatch(/seasonal method/);
  });
});
