/**
 * The payables plan as a table (FPA.WC.PAYABLES and the pane): each bill's decision, period paid,
 * amount paid and saving from the plan, and totals that add up.
 */
import { PAYABLES_HEADER, payablesCashTable, payablesTable } from '../../src/cash/payables-table';
import { planPayables } from '../../src/cash/payables-timing';
import type { Invoice } from '../../src/cash/payables-timing';
import { glpkNodeSolver } from '../../src/solver/glpk-node';

const invoices: Invoice[] = [
  { id: 'A', amount: 100, due: 2, discount: 0.02, discountBy: 1 },
  { id: 'B', amount: 1000, due: 3, discount: 0.05, discountBy: 1 },
];

it('lays out each bill and the totals', () => {
  const table = payablesTable(invoices, { payEarly: ['A'], saved: 2 });
  expect(table[0]).toEqual([...PAYABLES_HEADER]);
  expect(table[1]).toEqual(['A', 100, 2, 'early', 1, 98, 2]);
  expect(table[2]).toEqual(['B', 1000, 3, 'on due', 3, 1000, 0]);
  expect(table[3]).toEqual(['total', 1100, null, '1 early', null, 1098, 2]);
});

it('follows the MIP: only the bill the cash allows is paid early', async () => {
  // Cash 200 in period 1: B's early payment (950) would break the floor of 0; A's (98) does not.
  const plan = await planPayables({ openingCash: 200, flows: [0, 0, 1000], floor: 0, invoices }, glpkNodeSolver);
  const table = payablesTable(invoices, plan);
  expect(table.slice(1, 3).map((row) => row[3])).toEqual(['early', 'on due']);
  expect(table[3][6]).toBeCloseTo(plan.saved, 9);
  expect(payablesCashTable(plan)).toEqual([['period', 'closing cash'], ...plan.closingCash.map((c, t) => [t + 1, c])]);
});

it('an empty plan is a header and a zero total', () => {
  expect(payablesTable([], { payEarly: [], saved: 0 })).toEqual([
    [...PAYABLES_HEADER],
    ['total', 0, null, '0 early', null, 0, 0],
  ]);
  expect(payablesCashTable({ closingCash: [] })).toEqual([['period', 'closing cash']]);
});
