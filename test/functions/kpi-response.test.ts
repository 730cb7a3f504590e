/**
 * FPA.KPI.RESPONSE through the adapter: the spill, one or several spend columns, the lag, and bad
 * input returning #VALUE! with a message.
 */
import { kpiResponse, KPI_RESPONSE_HEADER } from '../../functions/kpi-response';
import { callWithoutThrowing, column, expectExcelError, rangeValues } from './excel-range';
import { e, spend } from '../loop/kpi-history';

const kpi = spend.map((x, i) => 200000 + 0.9 * x + 2500 * e[i]);

describe('FPA.KPI.RESPONSE', () => {
  it('spills the response with its interval and the fit notes, from mocked ranges', async () => {
    const direct = callWithoutThrowing(() => kpiResponse(column(kpi), column(spend))) as unknown[][];
    const viaMock = kpiResponse(await rangeValues(column(kpi)), await rangeValues(column(spend)));
    expect(viaMock).toEqual(direct);
    expect(direct[0]).toEqual(KPI_RESPONSE_HEADER);
    // R: confint(lm(y1 ~ x), level = 0.9)["x", ] → 0.7878280816559512 0.9602648149172831
    expect(direct[1][0]).toBe('spend');
    expect(direct[1][2] as number).toBeCloseTo(0.7878280816559512, 8);
    expect(direct[1][3] as number).toBeCloseTo(0.9602648149172831, 8);
    expect(direct[1][7]).toBe('');
    expect(direct[2].slice(0, 2)).toEqual(['model', 'linear']);
    expect(direct[3].slice(0, 2)).toEqual(['periods used', 24]);
    expect(direct.some((r) => r[0] === 'note' && String(r[1]).includes('AICc'))).toBe(true);
    expect(direct.every((r) => r.length === KPI_RESPONSE_HEADER.length)).toBe(true);
  });

  it('takes several spend columns and a lag', () => {
    const other = spend.map((_, i) => 30000 + 8000 * Math.cos(i));
    const out = kpiResponse(
      column(kpi),
      spend.map((v, i) => [v, other[i]]),
      1,
    ) as unknown[][];
    expect(out[1][0]).toBe('spend 1');
    expect(out[2][0]).toBe('spend 2');
    expect(out.find((r) => r[0] === 'periods used')?.[1]).toBe(23);
  });

  it.each([
    [column(kpi), column(spend.slice(0, 20)), undefined, /24 rows/],
    [column(kpi.slice(0, 4)), column(spend.slice(0, 4)), undefined, /at least 5/],
    [column(kpi), column(spend.map(() => 1)), undefined, /cannot be told apart/],
    [column(kpi), column(spend), -1, /lag/],
    [column(kpi), column(spend.map((v, i) => (i === 3 ? 'n/a' : v))), undefined, /row 4/],
  ] as [unknown[][], unknown[][], number | undefined, RegExp][])('bad input %# → #VALUE!', (k, s, lag, message) => {
    expectExcelError(
      callWithoutThrowing(() => kpiResponse(k, s, lag)),
      '#VALUE!',
      message,
    );
  });
});
