/**
 * FPA.VARIANCE.FLAGS through the adapter: spill shape, labels, thresholds, and bad input returning
 * the right Excel error with a message (nothing thrown).
 */
import { varianceFlags } from '../../functions/variance-flags';
import { column, errorCell, expectExcelError, rangeValues, callWithoutThrowing } from './excel-range';

const wobble = [1.01, 0.99, 1.0, 1.02, 0.98, 1.0, 1.01, 0.99, 1.0, 1.01, 0.99, 1.0];
const plan = [wobble.map(() => 1000), wobble.map(() => 500)];
const actual = [wobble.map((w, t) => (t === 7 ? 1600 : 1000 * w)), wobble.map((_, t) => 500 * wobble[(t + 3) % 12])];

describe('FPA.VARIANCE.FLAGS', () => {
  it('spills a header and one row per flag from mocked Excel ranges', async () => {
    const result = callWithoutThrowing(() => varianceFlags(plan, actual)) as unknown[][];
    const viaMock = callWithoutThrowing(async () => varianceFlags(await rangeValues(plan), await rangeValues(actual)));
    await expect(viaMock).resolves.toEqual(result);
    expect(result[0]).toEqual(['line', 'period', 'through', 'kind', 'severity', 'explanation']);
    expect(result).toHaveLength(2);
    expect(result[1].slice(0, 4)).toEqual(['line 1', 8, 8, 'outlier']);
    expect(result[1][5]).toMatch(/^One-off in period 8: 1,600/);
  });

  it('uses labels, and a single column as one line', () => {
    const result = callWithoutThrowing(() =>
      varianceFlags(
        column(actual[0]).map((_, i) => [plan[0][i]]),
        column(actual[0]),
        [['Travel']],
      ),
    ) as unknown[][];
    expect(result[1].slice(0, 2)).toEqual(['Travel', 8]);
  });

  it('takes a percentage or a name/value table of thresholds', () => {
    expect((callWithoutThrowing(() => varianceFlags(plan, actual, undefined, [[0.9]])) as unknown[][])[1][3]).toBe(
      'none',
    );
    expect(
      (
        callWithoutThrowing(() =>
          varianceFlags(
            plan,
            actual,
            [['a'], ['b']],
            [
              ['minAbs', 1000],
              ['z', 4],
            ],
          ),
        ) as unknown[][]
      )[1][3],
    ).toBe('none');
  });

  it('reads a threshold typed as text that is a plain number ("0.9"), as every sheet table does', () => {
    const none = (thresholds: unknown[][]) =>
      (callWithoutThrowing(() => varianceFlags(plan, actual, undefined, thresholds)) as unknown[][])[1][3];
    expect(none([['0.9']])).toBe('none');
    expect(none([['minAbs', ' 1000 ']])).toBe('none');
    expectExcelError(
      callWithoutThrowing(() => varianceFlags(plan, actual, undefined, [['minPct', '5%']])),
      '#VALUE!',
      /minPct/,
    );
  });

  it('spills flags when the period labels repeat ("Jan" … "Dec" over two years)', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const twoYears = [[...wobble, ...wobble].map((w, t) => (t === 19 ? 1600 : 1000 * w))];
    const result = callWithoutThrowing(() =>
      varianceFlags([twoYears[0].map(() => 1000)], twoYears, [['Travel']], undefined, [[...months, ...months]]),
    ) as unknown[][];
    expect(result).toHaveLength(2);
    expect(result[1].slice(0, 4)).toEqual(['Travel', 'Aug', 'Aug', 'outlier']);
  });

  it('names the periods of a date header row ("Jan-26" cells arrive as date serials) "Jan 2026" …', () => {
    // 1 Jan 2026 … 1 Dec 2026 as Excel's serials (=DATE(2026,1,1) is 46023).
    const dates = [[46023, 46054, 46082, 46113, 46143, 46174, 46204, 46235, 46266, 46296, 46327, 46357]];
    const result = callWithoutThrowing(() => varianceFlags([plan[0]], [actual[0]], [['Travel']], undefined, dates));
    expect((result as unknown[][])[1].slice(0, 4)).toEqual(['Travel', 'Aug 2026', 'Aug 2026', 'outlier']);
    expect((result as unknown[][])[1][5]).toMatch(/^One-off in Aug 2026: 1,600/);
  });

  it('counts a year as 4 periods on quarterly labels or quarter-end dates, unless thresholds say otherwise', () => {
    const quarters = [['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']];
    // 31 Mar 2026 … 31 Dec 2027 as Excel's date serials.
    const quarterEnds = [[46112, 46203, 46295, 46387, 46477, 46568, 46660, 46752]];
    const under = [wobble.slice(0, 8).map((w, t) => (t >= 4 ? 800 * w : 1000 * w))];
    const flat = [under[0].map(() => 1000)];
    const sentence = (periods: unknown[][], thresholds?: unknown[][]) =>
      (callWithoutThrowing(() => varianceFlags(flat, under, [['Licences']], thresholds, periods)) as unknown[][])[1][5];
    expect(sentence(quarters)).toMatch(/At this pace the year ends 816 \(20\.4%\) under its budget of 4,000,/);
    expect(sentence(quarterEnds)).toBe(sentence(quarters));
    expect(sentence(quarters, [['periodsPerYear', 12]])).toMatch(/under its budget of 8,000,/);
  });

  it('spills one row per persistent issue, with its span in the period labels given', () => {
    const months = [['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']];
    const under = [wobble.map((w, t) => (t >= 3 ? 800 * w : 1000 * w))];
    const result = callWithoutThrowing(() =>
      varianceFlags([plan[0]], under, [['Licences']], undefined, months),
    ) as unknown[][];
    expect(result).toHaveLength(2);
    expect(result[1].slice(0, 4)).toEqual(['Licences', 'Apr', 'Dec', 'opportunity']);
    expect(result[1][5]).toMatch(/^Under plan since Apr: /);
    expectExcelError(
      callWithoutThrowing(() => varianceFlags([plan[0]], under, undefined, undefined, [['Jan', 'Feb']])),
      '#VALUE!',
      /one per period/,
    );
  });

  it('treats blank actuals as not yet booked', () => {
    const partial = actual.map((row) => row.map((v, t) => (t > 9 ? null : v)));
    expect((callWithoutThrowing(() => varianceFlags(plan, partial)) as unknown[][]).length).toBe(2);
  });

  it.each([
    ['text in plan', () => varianceFlags([['x', 1]], [[1, 1]]), '#VALUE!', /not a number/],
    ['error cell', () => varianceFlags([[errorCell('#DIV/0!'), 1]], [[1, 1]]), '#VALUE!', /#DIV\/0!/],
    ['shape mismatch', () => varianceFlags(plan, [actual[0]]), '#VALUE!', /same shape as plan/],
    ['label count', () => varianceFlags(plan, actual, [['a']]), '#VALUE!', /one per line/],
    ['repeated labels', () => varianceFlags(plan, actual, [['a'], ['a']]), '#VALUE!', /unique/],
    ['unknown threshold', () => varianceFlags(plan, actual, undefined, [['speed', 1]]), '#VALUE!', /speed/],
    ['bad threshold', () => varianceFlags(plan, actual, undefined, [['z', -2]]), '#VALUE!', /Threshold z must be/],
    ['empty', () => varianceFlags([], []), '#VALUE!', /empty/],
  ])('%s → Excel error with a message', (_name, fn, code, message) => {
    expectExcelError(callWithoutThrowing(fn), code, message);
  });
});
