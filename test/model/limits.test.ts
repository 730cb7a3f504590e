import {
  boundsText,
  hasFullSeasons,
  HORIZON,
  MIN_FULL_SEASONS,
  seasonalPeriod,
  TRIALS_PER_CELL,
  TRIALS_PER_RUN,
  withinBounds,
} from '../../src/model/limits';

describe('limits', () => {
  test('horizon is 1 to 1000 periods', () => {
    expect(withinBounds(1, HORIZON)).toBe(true);
    expect(withinBounds(1000, HORIZON)).toBe(true);
    expect(withinBounds(0, HORIZON)).toBe(false);
    expect(withinBounds(1001, HORIZON)).toBe(false);
    expect(withinBounds(12.5, HORIZON)).toBe(false);
    expect(withinBounds(Number.NaN, HORIZON)).toBe(false);
  });
  test('a cell runs fewer trials than a pane run, and both need at least two', () => {
    expect(TRIALS_PER_CELL.max).toBe(200_000);
    expect(TRIALS_PER_RUN.max).toBe(10_000_000);
    expect(TRIALS_PER_CELL.max).toBeLessThan(TRIALS_PER_RUN.max);
    expect(TRIALS_PER_CELL.min).toBe(2);
    expect(TRIALS_PER_RUN.min).toBe(2);
  });
  test('bounds are frozen', () => {
    expect(Object.isFrozen(HORIZON)).toBe(true);
    expect(Object.isFrozen(TRIALS_PER_RUN)).toBe(true);
  });
  test('bounds in words', () => {
    expect(boundsText(TRIALS_PER_RUN)).toBe('from 2 to 10,000,000');
  });
  test.each([
    ['en-US', 'from 2 to 10,000,000'],
    ['de-DE', 'from 2 to 10.000.000'],
    ['fr-FR', 'from 2 to 10\u202f000\u202f000'],
  ])('bounds in words in the pane’s number style (%s)', (locale, text) => {
    expect(boundsText(TRIALS_PER_RUN, { locale, minus: 'true' })).toBe(text);
  });
});

describe('two full seasons', () => {
  test('a seasonal model needs MIN_FULL_SEASONS whole seasons', () => {
    expect(MIN_FULL_SEASONS).toBe(2);
    expect(hasFullSeasons(24, 12)).toBe(true);
    expect(hasFullSeasons(23, 12)).toBe(false);
    expect(hasFullSeasons(8, 4)).toBe(true);
    expect(hasFullSeasons(7, 4)).toBe(false);
  });
  test('no season (period 1) never has full seasons', () => {
    expect(hasFullSeasons(1000, 1)).toBe(false);
    expect(hasFullSeasons(1000, 0)).toBe(false);
  });
  test('the period to model with falls back to 1 below two seasons', () => {
    expect(seasonalPeriod(24, 12)).toBe(12);
    expect(seasonalPeriod(23, 12)).toBe(1);
    expect(seasonalPeriod(0, 12)).toBe(1);
    expect(seasonalPeriod(50, 1)).toBe(1);
  });
  test('property: seasonalPeriod is the period exactly when length ≥ 2 × period', () => {
    for (let period = 1; period <= 13; period++) {
      for (let length = 0; length <= 40; length++) {
        const expected = period > 1 && length >= 2 * period ? period : 1;
        expect(seasonalPeriod(length, period)).toBe(expected);
      }
    }
  });
});
