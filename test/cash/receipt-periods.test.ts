import { fitPaymentBehaviour } from '../../src/cash/payment-behaviour';
import { receiptPeriods } from '../../src/cash/receipt-periods';

describe('receiptPeriods', () => {
  // Full pooling over a history with delays 0 (×2), 10 and one write-off: G = {0: 1/2, 10: 1/4, never: 1/4}.
  const history = [
    { customer: 'A', due: 100, paid: 100 },
    { customer: 'B', due: 100, paid: 100 },
    { customer: 'A', due: 100, paid: 110 },
    { customer: 'B', due: 100, paid: null },
  ];
  const grid = { asOf: 200, ends: [207, 214] };

  it('cuts the delay distribution into periods from the due date', () => {
    const invoice = { customer: 'A', amount: 50, due: 205 }; // not yet due: 0 days → day 205 (period 1), 10 days → 215 (later)
    const model = fitPaymentBehaviour(history, [], 200, Infinity);
    const p = Array.from(receiptPeriods(model, invoice, grid));
    expect(p).toEqual([0.25, 0.5, 0, 0.25].map((v) => expect.closeTo(v, 15)));
  });

  it('conditions on the days already open, and puts overdue receipts in period 1', () => {
    const model = fitPaymentBehaviour(history, [], 200, Infinity);
    // Due on day 195: open 5 days, so a delay of 0 is ruled out; 10 days → day 205 (period 1) with 1/4 ÷ 1/2.
    const p = Array.from(receiptPeriods(model, { customer: 'A', amount: 1, due: 195 }, grid));
    expect(p).toEqual([0.5, 0.5, 0, 0].map((v) => expect.closeTo(v, 15)));
    // Due long ago: later than anyone ever paid, so it is never paid.
    expect(receiptPeriods(model, { customer: 'A', amount: 1, due: 100 }, grid)[0]).toBe(1);
  });

  it('sums to one for every customer, known or new, under the fitted pooling', () => {
    const open = [
      { customer: 'A', amount: 10, due: 198 },
      { customer: 'C', amount: 10, due: 210 },
    ];
    const model = fitPaymentBehaviour(history, open, 200);
    for (const inv of open) expect(receiptPeriods(model, inv, grid).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });
});
