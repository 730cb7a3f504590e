/**
 * FPA.FORECAST.ROLLING and FPA.FORECAST.MODEL through the adapter: spill shape, defaults, and every
 * kind of bad input returning the right Excel error with a message (nothing thrown).
 */
import { forecastModel, forecastRolling } from '../../functions/forecast';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { column, errorCell, expectExcelError, rangeValues, callAsync } from './excel-range';

const monthly = Array.from(
  { length: 48 },
  (_, t) => 200 + 3 * t + 25 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 7),
);

describe('FPA.FORECAST.ROLLING', () => {
  it('spills horizon rows × (forecast, lower, upper) matching the core', async () => {
    const values = await rangeValues(column(monthly));
    const result = (await callAsync(() => forecastRolling(values, 18, 12, 0.8, 'hw'))) as number[][];
    const core = rollingForecast({ values: monthly, horizon: 18, seasonality: 12, levels: [80], method: 'hw' });
    expect(result).toHaveLength(18);
    result.forEach((row, h) => {
      expect(row).toEqual([core.mean[h], core.intervals[0].lower[h], core.intervals[0].upper[h]]);
      expect(row[1]).toBeLessThanOrEqual(row[0]);
      expect(row[2]).toBeGreaterThanOrEqual(row[0]);
    });
  });

  it('defaults to 12 periods at 95% with automatic method and seasonality', async () => {
    const result = (await callAsync(() => forecastRolling(column(monthly)))) as number[][];
    expect(result).toHaveLength(12);
    const core = rollingForecast({ values: monthly, horizon: 12, seasonality: 0, levels: [95], method: 'auto' });
    expect(result.map((r) => r[0])).toEqual(core.mean);
  });

  it('accepts a row as well as a column', async () => {
    expect(await callAsync(() => forecastRolling([monthly], 3, 12, 0.95, 'snaive'))).toEqual(
      await callAsync(() => forecastRolling(column(monthly), 3, 12, 0.95, 'snaive')),
    );
  });

  it('interpolates blanks inside the history instead of zeroing them', async () => {
    const withGap = [...monthly];
    withGap[20] = null as unknown as number;
    const values = await rangeValues(column(withGap));
    const model = (await callAsync(() => forecastModel(values, 12, 'hw'))) as unknown[][];
    expect(model).toContainEqual(['blanks interpolated', 1]);
    expect(Array.isArray(await callAsync(() => forecastRolling(values, 6, 12, 0.95, 'hw')))).toBe(true);
  });

  it.each([
    ['text in the range', () => forecastRolling(column([1, 2, 'abc', 4]), 3), /row 3 holds the text "abc"/],
    [
      'an error cell',
      () => forecastRolling(column([1, 2, errorCell('#DIV/0!'), 4]), 3),
      /row 3 holds the error #DIV\/0!/,
    ],
    ['an empty range', () => forecastRolling(column([null, null]), 3), /values is empty/],
    [
      'a 2-D range',
      () =>
        forecastRolling(
          [
            [1, 2],
            [3, 4],
          ],
          3,
        ),
      /single row or column/,
    ],
    ['horizon 0', () => forecastRolling(column(monthly), 0), /horizon must be a whole number from 1 to 1000; got 0/],
    ['horizon 1001', () => forecastRolling(column(monthly), 1001), /horizon .* got 1001/],
    ['horizon 2.5', () => forecastRolling(column(monthly), 2.5), /horizon must be a whole number.*got 2.5/],
    [
      'confidence 1.2',
      () => forecastRolling(column(monthly), 12, 0, 1.2),
      /confidence must be a number strictly between 0 and 1; got 1.2/,
    ],
    ['confidence 0', () => forecastRolling(column(monthly), 12, 0, 0), /confidence/],
    ['seasonality -1', () => forecastRolling(column(monthly), 12, -1), /seasonality/],
    ['an unknown method', () => forecastRolling(column(monthly), 12, 0, 0.95, 'crystal-ball'), /method/i],
    ['too few points', () => forecastRolling(column([5]), 3, 1, 0.95, 'ses'), /\d/],
  ])('returns #VALUE! with a message for %s', async (_label, run, message) => {
    expectExcelError(await callAsync(run), '#VALUE!', message);
  });
});

describe('FPA.FORECAST.ROLLING options', () => {
  const long = Array.from(
    { length: 72 },
    (_, t) => 500 + 4 * t + 60 * Math.sin((2 * Math.PI * t) / 12) + ((t * 53) % 23),
  );

  it('weights=accuracy is the learning-loop combination of the core, in any of the three spellings', async () => {
    const values = await rangeValues(column(long));
    const core = rollingForecast({ values: long, horizon: 6, levels: [90], method: 'auto', combination: 'accuracy' });
    const expected = core.mean.map((m, h) => [m, core.intervals[0].lower[h], core.intervals[0].upper[h]]);
    expect(await callAsync(() => forecastRolling(values, 6, 0, 0.9, 'auto', [['weights', 'accuracy']]))).toEqual(
      expected,
    );
    expect(await callAsync(() => forecastRolling(values, 6, 0, 0.9, 'auto', [['Weights = Accuracy']]))).toEqual(
      expected,
    );
    expect(
      await callAsync(() =>
        forecastRolling(values, 6, 0, 0.9, 'auto', [
          ['weights', 'accuracy'],
          [null, null],
          ['seed', 1],
        ]),
      ),
    ).toEqual(expected);
    const equal = (await callAsync(() => forecastRolling(values, 6, 0, 0.9, 'auto'))) as number[][];
    expect(equal.map((r) => r[0])).not.toEqual(core.mean);
  });

  it('omitted or blank options are the defaults', async () => {
    const plain = await callAsync(() => forecastRolling(column(long), 6, 12, 0.95, 'auto'));
    expect(await callAsync(() => forecastRolling(column(long), 6, 12, 0.95, 'auto', [[null]]))).toEqual(plain);
    expect(
      await callAsync(() =>
        forecastRolling(column(long), 6, 12, 0.95, 'auto', [['weights=equal; outliers=keep; seed=1']]),
      ),
    ).toEqual(plain);
  });

  it('FORECAST.MODEL says which weights the learning loop gave the members', async () => {
    const model = (await callAsync(() =>
      forecastModel(column(long), 0, 'auto', [['weights=accuracy']]),
    )) as unknown[][];
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
  ])('returns #VALUE! with a message for %s', async (_label, options, message) => {
    expectExcelError(
      await callAsync(() => forecastRolling(column(long), 6, 0, 0.95, 'auto', options)),
      '#VALUE!',
      message,
    );
  });
});

describe('FPA.FORECAST.MODEL', () => {
  it('spills a labelled property table', async () => {
    const result = (await callAsync(() => forecastModel(column(monthly), 12, 'hw'))) as unknown[][];
    expect(result[0]).toEqual(['property', 'value']);
    expect(result).toContainEqual(['season length', 12]);
    expect(result.every((row) => row.length === 2)).toBe(true);
  });

  it('returns #VALUE! with a message for bad input', async () => {
    expectExcelError(await callAsync(() => forecastModel(column(['x']))), '#VALUE!', /text/);
  });
});
