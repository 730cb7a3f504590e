import { checkBills, checkHistory, checkInvoices } from '../../src/cash/ledgers';

describe('ledgers', () => {
  it('accepts well-formed rows and trims names', () => {
    expect(checkInvoices([{ customer: ' Acme ', amount: 10, due: 45000 }])).toEqual([
      { customer: 'Acme', amount: 10, due: 45000 },
    ]);
    expect(checkHistory([{ customer: 'A', due: 1, paid: null }], 5)).toEqual([{ customer: 'A', due: 1, paid: null }]);
  });

  it('names the row: a bill without due date, a negative amount, a missing customer', () => {
    const bills = [
      { supplier: 'S', amount: 5, due: 10 },
      { supplier: 'T', amount: 5, due: null as unknown as number },
    ];
    expect(() => checkBills(bills)).toThrow(/bills row 2 has no due date/);
    expect(() => checkInvoices([{ customer: 'A', amount: -3, due: 1 }], [2])).toThrow(
      /invoices row 2 amount must not be negative/,
    );
    expect(() => checkInvoices([{ customer: '', amount: 3, due: 1 }])).toThrow(/invoices row 1 needs the customer/);
    expect(() => checkInvoices([{ customer: 'A', amount: Infinity, due: 1 }])).toThrow(/amount must be a number/);
  });

  it('rejects history paid after the as-of day', () => {
    expect(() => checkHistory([{ customer: 'A', due: 1, paid: 9 }], 5)).toThrow(/history row 1 was paid after/);
  });
});
