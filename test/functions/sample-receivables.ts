/**
 * FPA.CASH.FORECAST's three tables as cells (open invoices, bills, the payment history with a
 * written-off invoice), shared by the cell test and the browser test. Dates are Excel serials.
 */
export const SAMPLE_INVOICES = [
  ['customer', 'amount', 'due'],
  ['Acme', 1000, 45005],
  ['Bolt', 500, 44990],
];
export const SAMPLE_BILLS = [
  ['supplier', 'amount', 'due'],
  ['Steel', 300, 44995],
  ['Rent', 200, 45015],
];
export const SAMPLE_PAYMENT_HISTORY = [
  ['customer', 'due', 'paid'],
  ['Acme', 44900, 44902],
  ['Acme', 44930, 44940],
  ['Bolt', 44900, 44915],
  ['Bolt', 44920, 'written off'],
  ['Cord', 44950, 45000],
];
