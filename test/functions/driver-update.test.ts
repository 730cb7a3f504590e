/**
 * FPA.DRIVER.UPDATE through the adapter: the spill's shape, positional and named parameters, two-column
 * rate actuals, and bad input returning #VALUE! with a message (nothing thrown).
 */
import { driverUpdate, DRIVER_UPDATE_HEADER } from '../../functions/driver-update';
import { callWithoutThrowing, column, errorCell, expectExcelError, rangeValues } from './excel-range';

describe('FPA.DRIVER.UPDATE', () => {
  it('spills prior and posterior rows shaped like the drivers table, from mocked ranges', async () => {
    const direct = callWithoutThrowing(() =>
      driverUpdate('normal', [[130, 10]], column([140, 138, 142])),
    ) as unknown[][];
    const viaMock = driverUpdate('normal', await rangeValues([[130, 10]]), await rangeValues(column([140, 138, 142])));
    expect(viaMock).toEqual(direct);
    expect(direct[0]).toEqual(DRIVER_UPDATE_HEADER);
    expect(direct[1].slice(0, 4)).toEqual(['prior', 'normal', 130, 10]);
    expect(direct[2].slice(0, 2)).toEqual(['posterior', 'student']);
    // R: 137.5 + 5.716517421347671 * qt(c(.05, .95), 7) → 126.6696, 148.3304
    expect(direct[2][2]).toBe(7);
    expect(direct[2][3]).toBeCloseTo(137.5, 10);
    expect(direct[2][6] as number).toBeCloseTo(126.66960839789041, 8);
    expect(direct[2][8] as number).toBeCloseTo(148.33039160210959, 8);
    expect(direct[2][11]).toBe(3);
    expect(direct[2][12]).toBe('normal-inverse-gamma');
    expect(direct.every((r) => r.length === DRIVER_UPDATE_HEADER.length)).toBe(true);
  });

  it('takes named parameters, a weight, and blanks among the actuals', () => {
    const named = driverUpdate(
      'Normal',
      [
        ['sd', 10],
        ['mean', 130],
      ],
      column([140, null, 138, 142]),
      0.5,
    ) as unknown[][];
    expect(named[2][3] as number).toBeCloseTo(136, 10);
  });

  it('reads a beta rate from successes and trials', () => {
    const out = driverUpdate(
      'beta',
      [[2, 8]],
      [
        [3, 10],
        [5, 20],
      ],
    ) as unknown[][];
    expect(out[2].slice(1, 4)).toEqual(['beta', 10, 30]);
  });

  it('leaves the lognormal mean and sd blank where the predictive has none', () => {
    const out = driverUpdate('lognormal2', [[1, 0.5]], column([3.1, 2.4, 3.9, 2.8])) as unknown[][];
    expect(out[2][1]).toBe('lognormal2');
    expect(out[2][9]).toBe('');
    expect(String(out[2][12])).toContain('no mean');
  });

  it.each([
    ['weibull', [[1, 2]], column([1]), undefined, /not known/],
    ['normal', [[1, -2]], column([1]), undefined, /sd must be > 0/],
    ['normal', [['a', 2]], column([1]), undefined, /not a number/],
    ['poisson', [[3]], column([1, -1]), undefined, /whole numbers/],
    ['normal', [[0, 1]], column([1]), 0, /weight/],
    [
      'normal',
      [[0, 1]],
      [
        [1, 2],
        [3, 4],
      ],
      undefined,
      /single row or column/,
    ],
    ['discrete', [['0;1', '0.5;0.5']], column([1]), undefined, /no update is defined/],
  ] as [string, unknown[][], unknown[][], number | undefined, RegExp][])(
    '%s %j → #VALUE!',
    (family, params, actuals, weight, message) => {
      expectExcelError(
        callWithoutThrowing(() => driverUpdate(family, params, actuals, weight)),
        '#VALUE!',
        message,
      );
    },
  );

  it('an error cell among the actuals is named', () => {
    expectExcelError(driverUpdate('normal', [[0, 1]], column([1, errorCell('#DIV/0!')])), '#VALUE!', /#DIV\/0!/);
  });
});
