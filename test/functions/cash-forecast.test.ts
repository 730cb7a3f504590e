/**
 * FPA.CASH.FORECAST through the adapter: spill shapes, options, the trials output feeding
 * FPA.CASH.RISK, and bad input returning #VALUE! with a message naming the row.
 */
import { cashForecastFn, cashRisk } from '../../functions/cash';
import { cashForecast } from '../../src/cash/cash-forecast';
import { callWithoutThrowing, expectExcelError, rangeValues } from './excel-range';
import { SAMPLE_BILLS, SAMPLE_INVOICES, SAMPLE_PAYMENT_HISTORY } from './sample-receivables';

const invoices = SAMPLE_INVOICES;
const bills = SAMPLE_BILLS;
const history = SAMPLE_PAYMENT_HISTORY;

describe('FPA.CASH.FORECAST', () => {
  it('spills one row per period, then receipts after the horizon and bad debt, as the core computes', async () => {
    const result = callWithoutThrowing(() =>
      cashForecastFn(invoices, bills, history, [[3]], undefined, [['iterations', 2000]]),
    ) as unknown[][];
    expect(result[0]).toEqual([
      'period',
      'end',
      'committed',
      'receipts',
      'forecast flows',
      'expected net',
      'net P5',
      'net P50',
      'net P95',
    ]);
    expect(result).toHaveLength(1 + 3 + 2);
    const core = cashForecast({
      grid: { asOf: 45000, ends: [45007, 45014, 45021] },
      invoices: [
        { customer: 'Acme', amount: 1000, due: 45005 },
        { customer: 'Bolt', amount: 500, due: 44990 },
      ],
      bills: [
        { supplier: 'Steel', amount: 300, due: 44995 },
        { supplier: 'Rent', amount: 200, due: 45015 },
      ],
      history: [
        { customer: 'Acme', due: 44900, paid: 44902 },
        { customer: 'Acme', due: 44930, paid: 44940 },
        { customer: 'Bolt', due: 44900, paid: 44915 },
        { customer: 'Bolt', due: 44920, paid: null },
        { customer: 'Cord', due: 44950, paid: 45000 },
      ],
      iterations: 2000,
    });
    core.periods.forEach((p, t) => {
      expect(result[t + 1].slice(0, 6)).toEqual([p.period, p.end, p.committed, p.receipts, p.forecast, p.net]);
      expect(result[t + 1][7]).toBe(p.p50);
    });
    expect(result[4][0]).toBe('receipts after the horizon');
    expect(result[5][3]).toBeCloseTo(core.badDebt, 12);
  });

  it('takes period-end dates, committed and forecast lines, and an explicit as-of date', async () => {
    const result = cashForecastFn(
      invoices,
      bills,
      history,
      await rangeValues([[45010, 45020]]),
      [
        ['payroll', 'committed', -100, -100],
        ['cash sales', 'forecast', 50, 55, 52, 58, 60, 57, 61, 63],
      ],
      [['as_of', 45001]],
    ) as unknown[][];
    expect(result).toHaveLength(1 + 2 + 2);
    expect(result[1][1]).toBe(45010);
    expect(result[1][2]).toBe(-100 - 300); // payroll and the overdue bill
    expect(result[1][4]).toBeGreaterThan(0); // forecast cash sales
  });

  it('hands trials to FPA.CASH.RISK', () => {
    const trials = cashForecastFn(invoices, bills, history, [[4]], undefined, [
      ['output=trials; iterations=200'],
    ]) as number[][];
    expect(trials).toHaveLength(200);
    expect(trials[0]).toHaveLength(4);
    const risk = cashRisk(trials, 100, [[0]]) as unknown[][];
    expect(risk).toHaveLength(1 + 4 + 1);
  });

  it('lists each invoice’s probabilities with output=invoices', () => {
    const rows = cashForecastFn(invoices, bills, history, [[2]], undefined, [['output', 'invoices']]) as unknown[][];
    expect(rows[0]).toEqual(['customer', 'amount', 'due', 'P(never)', 'P(by period 1)', 'P(by period 2)']);
    const [, , , never, p1, p2] = rows[1] as number[];
    expect(p1).toBeLessThanOrEqual(p2);
    expect(never + p2).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('returns #VALUE! naming the row for a bill without due date, a negative amount, a blank paid date', () => {
    const noDue = [...bills.slice(0, 2), ['Rent', 200, null]];
    expectExcelError(cashForecastFn(invoices, noDue, history), '#VALUE!', /bills row 3 has no due date/);
    const negative = [...invoices.slice(0, 2), ['Bolt', -5, 45000]];
    expectExcelError(cashForecastFn(negative, bills, history), '#VALUE!', /invoices row 3 amount must not be negative/);
    const blankPaid = [...history, ['Dart', 44950, null]];
    expectExcelError(cashForecastFn(invoices, bills, blankPaid), '#VALUE!', /history row 7 has no paid date/);
    expectExcelError(cashForecastFn(invoices, bills, [['a', 'b']]), '#VALUE!', /history must be 3 columns/);
    expectExcelError(
      cashForecastFn(invoices, bills, history, [[3]], [['tax', 'maybe', 1, 2, 3]]),
      '#VALUE!',
      /other_flows row 1 column 2 must say "committed" or "forecast"/,
    );
    expectExcelError(cashForecastFn(invoices, bills, history, [[44000, 45020]]), '#VALUE!', /periods end 1/);
  });
});
