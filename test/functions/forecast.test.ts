/**
 * FPA.FORECAST.ROLLING and FPA.FORECAST.MODEL through the adapter: spill shape, defaults, and every
 * kind of bad input returning the right Excel error with a message (nothing thrown).
 */
import { forecastModel, forecastRolling } from '../../functions/forecast';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { column, errorCell, expectExcelError, rangeValues, callWithoutThrowing } from './excel-range';

const monthly = Array.from({ length: 48 }, (_, t) => 200 + 3 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 7));

describe('FPA.FORECAST.ROLLING', () => {
  it('spills horizon rows × (forecast, lower, upper) matching the core', async () => {
    const values = await rangeValues(column(monthly));
    const result = callWithoutThrowing(() => forecastRolling(values, 18, 12, 0.8, 'hw')) as number[][];
    const core = rollingForecast({ values: monthly, horizon: 18, seasonality: 12, levels: [80], method: 'hw' });
    expect(result).toHaveLength(18);
    result.forEach((row, h) => {
      expect(row).toEqual([core.mean[h], core.intervals[0].lower[h], core.intervals[0].upper[h]]);
      expect(row[1]).toBeLessThanOrEqual(row[0]);
      expect(row[2]).toBeGreaterThanOrEqual(row[0]);
    });
  });

  it('defaults to 12 periods at 95% with automatic method and seasonality', () => {
    const result = callWithoutThrowing(() => forecastRolling(column(monthly))) as number[][];
    expect(result).toHaveLength(12);
    const core = rollingForecast({ values: monthly, horizon: 12, seasonality: 0, levels: [95], method: 'auto' });
    expect(result.map((r) => r[0])).toEqual(core.mean);
  });

  it('accepts a row as well as a column', () => {
    expect(callWithoutThrowing(() => forecastRolling([monthly], 3, 12, 0.95, 'snaive'))).toEqual(callWithoutThrowing(() => forecastRolling(column(monthly), 3, 12, 0.95, 'snaive')));
  });

  it('interpolates blanks inside the history instead of zeroing them', async () => {
    const withGap = [...monthly];
    withGap[20] = null as unknown as number;
    const values = await rangeValues(column(withGap));
    const model = callWithoutThrowing(() => forecastModel(values, 12, 'hw')) as unknown[][];
    expect(model).toContainEqual(['blanks interpolated', 1]);
    expect(Array.isArray(callWithoutThrowing(() => forecastRolling(values, 6, 12, 0.95, 'hw')))).toBe(true);
  });

  it.each([
    ['text in the range', () => forecastRolling(column([1, 2, 'abc', 4]), 3), /row 3 holds the text "abc"/],
    ['an error cell', () => forecastRolling(column([1, 2, errorCell('#DIV/0!'), 4]), 3), /row 3 holds the error #DIV\/0!/],
    ['an empty range', () => forecastRolling(column([null, null]), 3), /values is empty/],
    ['a 2-D range', () => forecastRolling([[1, 2], [3, 4]], 3), /single row or column/],
    ['horizon 0', () => forecastRolling(column(monthly), 0), /horizon must be a whole number from 1 to 120; got 0/],
    ['horizon 1000', () => forecastRolling(column(monthly), 1000), /horizon .* got 1000/],
    ['horizon 2.5', () => forecastRolling(column(monthly), 2.5), /horizon must be a whole number.*got 2.5/],
    ['confidence 1.2', () => forecastRolling(column(monthly), 12, 0, 1.2), /confidence must be a number strictly between 0 and 1; got 1.2/],
    ['confidence 0', () => forecastRolling(column(monthly), 12, 0, 0), /confidence/],
    ['seasonality -1', () => forecastRolling(column(monthly), 12, -1), /seasonality/],
    ['an unknown method', () => forecastRolling(column(monthly), 12, 0, 0.95, 'crystal-ball'), /method/i],
    ['too few points', () => forecastRolling(column([5]), 3, 1, 0.95, 'ses'), /\d/],
  ])('returns #VALUE! with a message for %s', (_label, run, message) => {
    expectExcelError(callWithoutThrowing(run), '#VALUE!', message);
  });
});

describe('FPA.FORECAST.ROLLING options', () => {
  const long = Array.from({ length: 72 }, (_, t) => 500 + 4 * t + 60 * Math.sin((2 * Math.PI * t) / 12) + ((t * 53) % 23));

  it('weights=accuracy is the learning-loop combination of the core, in any of the three spellings', async () => {
    const values = await rangeValues(column(long));
    const core = rollingForecast({ values: long, horizon: 6, levels: [90], method: 'auto', combination: 'accuracy' });
    const expected = core.mean.map((m, h) => [m, core.intervals[0].lower[h], core.intervals[0].upper[h]]);
    expect(callWithoutThrowing(() => forecastRolling(values, 6, 0, 0.9, 'auto', [['weights', 'accuracy']]))).toEqual(expected);
    expect(callWithoutThrowing(() => forecastRolling(values, 6, 0, 0.9, 'auto', [['Weights = Accuracy']]))).toEqual(expected);
    expect(callWithoutThrowing(() => forecastRolling(values, 6, 0, 0.9, 'auto', [['weights', 'accuracy'], [null, null], ['seed', 1]]))).toEqual(expected);
    const equal = callWithoutThrowing(() => forecastRolling(values, 6, 0, 0.9, 'auto')) as number[][];
    expect(equal.map((r) => r[0])).not.toEqual(core.mean);
  });

  it('omitted or blank options are the defaults', () => {
    const plain = callWithoutThrowing(() => forecastRolling(column(long), 6, 12, 0.95, 'auto'));
    expect(callWithoutThrowing(() => forecastRolling(column(long), 6, 12, 0.95, 'auto', [[null]]))).toEqual(plain);
    expect(callWithoutThrowing(() => forecastRolling(column(long), 6, 12, 0.95, 'auto', [['weights=equal; outliers=keep; seed=1']]))).toEqual(plain);
  });

  it('FORECAST.MODEL says which weights the learning loop gave the members', () => {
    const model = callWithoutThrowing(() => forecastModel(column(long), 0, 'auto', [['weights=accuracy']])) as unknown[][];
    const note = model.find((row) => row[0] === 'note' && /Combination weights/.test(String(row[1])));
    expect(note?.[1]).toMatch(/\(ETS, Theta, AR\)/);
  });

  it.each([
    ['an unknown option', [['speed', 'fast']], /options row 1 "speed" is not known.*weights, outliers, seed/],
    ['an unknown weighting', [['weights', 'best']], /options weights "best" is not known.*equal, accuracy/],
    ['an unknown outlier handling', [['outliers=drop']], /options outliers "drop" is not known.*keep, adjust/],
    ['a fractional seed', [['seed', 1.5]], /options seed/],
    ['three columns', [['weights', 'accuracy', 'x']], /two columns/],
    ['text without "="', [['accuracy']], /two columns: name and value \(or one cell of name=value pairs\)/],
  ])('returns #VALUE! with a message for %s', (_label, options, message) => {
    expectExcelError(callWithoutThrowing(() => forecastRolling(column(long), 6, 0, 0.95, 'auto', options)), '#VALUE!', message);
  });
});

describe('FPA.FORECAST.MODEL', () => {
  it('spills a labelled property table', () => {
    const result = callWithoutThrowing(() => forecastModel(column(monthly), 12, 'hw')) as unknown[][];
    expect(result[0]).toEqual(['property', 'value']);
    expect(result).toContainEqual(['season length', 12]);
    expect(result.every((row) => row.length === 2)).toBe(true);
  });

  it('returns #VALUE! with a message for bad input', () => {
    expectExcelError(callWithoutThrowing(() => forecastModel(column(['x']))), '#VALUE!', /text/);
  });
});
