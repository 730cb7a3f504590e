/**
 * The schedule of a cash plan as a table, the one layout FPA.CASH.OPTIMIZE spills and the pane's
 * Cash view writes: a header, one row per period (invest and mature per instrument, draw, repay,
 * debt, interest earned and paid, closing cash, and the shadow prices when computed), then a totals
 * row whose closing-cash cell holds the objective. Blanks are null.
 */
import type { Cell } from '../model/cell';
import type { CashPlan, CashResult, SchedulePeriod } from './types';

/** The columns after the instruments': each header beside its cell, so the two lists cannot drift apart. */
const FLOW_COLUMNS: ReadonlyArray<readonly [string, (p: SchedulePeriod) => number]> = [
  ['draw', (p) => p.draw],
  ['repay', (p) => p.repay],
  ['debt', (p) => p.debt],
  ['interest earned', (p) => p.interestEarned],
  ['interest paid', (p) => p.interestPaid],
  ['closing cash', (p) => p.closingCash],
];

/**
 * @example scheduleTable({ instruments: [] }, { status: 'optimal', objective: 5, periods: [...] })[0]
 *   // ['period', 'draw', 'repay', 'debt', 'interest earned', 'interest paid', 'closing cash']
 */
export function scheduleTable(
  plan: Pick<CashPlan, 'instruments'>,
  result: Pick<CashResult, 'status' | 'periods' | 'objective' | 'shadowPrices' | 'gap'>,
  label = 'total; objective →',
): Cell[][] {
  const names = plan.instruments.map((i) => i.name);
  const prices = result.shadowPrices;
  const header = [
    'period',
    ...names.map((n) => `invest ${n}`),
    ...names.map((n) => `mature ${n}`),
    ...FLOW_COLUMNS.map(([name]) => name),
  ];
  if (prices) header.push('shadow min cash', 'shadow credit limit');
  const totals = new Array<number>(header.length).fill(0);
  const rows: Cell[][] = result.periods.map((p, i) => {
    const row: number[] = [
      p.period,
      ...names.map((n) => p.invest[n]),
      ...names.map((n) => p.mature[n]),
      ...FLOW_COLUMNS.map(([, cell]) => cell(p)),
    ];
    if (prices) row.push(prices.minCash[i], prices.creditLimit[i]);
    row.forEach((v, c) => (totals[c] += v));
    return row;
  });
  const last: Cell[] = totals.map((v) => v);
  const within = result.gap !== undefined ? `, within ${(100 * result.gap).toPrecision(2)}% of the optimum` : '';
  last[0] = result.status === 'time_limit' ? `total (time limit: best plan found${within})` : label;
  last[header.indexOf('debt')] = null;
  last[header.indexOf('closing cash')] = result.objective;
  if (prices) last[header.length - 1] = prices.creditLimitTotal;
  if (prices) last[header.length - 2] = null;
  return [header, ...rows, last];
}
