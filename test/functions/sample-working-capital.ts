/**
 * FPA.WC.METRICS, FPA.WC.PAYABLES, FPA.WC.OPTIMIZE and FPA.CASH.STRESS inputs as cells, shared by the
 * cell tests (cash.test.ts, cash-stress.test.ts) and the browser test (test/e2e/cash.e2e.ts).
 */
import type { wcMetricsFn } from '../../functions/cash';

/**
 * FPA.WC.METRICS over two periods of a 365-day year with average balances: revenue, COGS,
 * receivables, payables, inventory, days in the period; the first period has no revenue.
 */
export const SAMPLE_WC_METRICS: Parameters<typeof wcMetricsFn> = [
  [[0, 11500]],
  [[0, 8200]],
  [[1600, 2000]],
  [[750, 1000]],
  [[2000, 3000]],
  [[365]],
  'average',
];

/** Two bills: A, 100 due in period 2, 2% off when paid by period 1; B, 300 due in 3, 3% off by 2. */
export const SAMPLE_PAYABLES = [
  ['bill', 'amount', 'due', 'discount', 'discount by'],
  ['A', 100, 2, 0.02, 1],
  ['B', 300, 3, 0.03, 2],
];

/** Three levers with a relationship cost for the Pareto: DSO (none), DPO and a key supplier's DPO. */
export const SAMPLE_PARETO_LEVERS = [
  ['lever', 'current', 'target', 'daily amount', 'cost per day', 'relationship per day'],
  ['DSO', 45, 35, 1000, 200, null],
  ['DPO', 30, 45, 600, 50, 4],
  ['DPO key', 30, 40, 400, 20, 10],
];

/** One shock of each kind; the tax bill of `taxBill` falls in period 3. */
export const sampleShocks = (taxBill: number) => [
  ['scenario', 'shock', 'value', 'period'],
  ['late customers', 'delay', 30, null],
  ['revenue −20%', 'revenue', -0.2, null],
  ['line halved', 'credit', -0.5, 2],
  ['tax bill', 'outflow', taxBill, 3],
];
