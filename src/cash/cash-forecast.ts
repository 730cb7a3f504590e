/**
 * FPA.CASH.FORECAST's engine: net cash flow per period from what customers and suppliers do.
 * - Receivables (uncertain): each open invoice is paid when its customer's pooled delay model says
 *   (payment-behaviour.ts), given it is still open today, or never (bad debt).
 * - Payables and committed lines (certain): bills leave on their due date (overdue ones in period 1);
 *   committed lines as given.
 * - Flows not yet invoiced (uncertain): forecast lines projected by the forecast engine.
 * Expected values are exact; P5/P50/P95 come from seeded trials, which are returned for FPA.CASH.RISK
 * and FPA.CASH.OPTIMIZE.
 */
import { quantileSorted } from '../stats/quantile-sorted';
import type { Bill, ClosedInvoice, OpenInvoice } from './ledgers';
import { checkBills, checkHistory, checkInvoices } from './ledgers';
import type { OtherFlow } from './other-flows';
import { projectOtherFlows } from './other-flows';
import { fitPaymentBehaviour } from './payment-behaviour';
import type { PeriodGrid } from './period-grid';
import { checkGrid, periodOfDay } from './period-grid';
import { receiptPeriods } from './receipt-periods';
import { receiptTrials } from './receipt-trials';
import { CashErrors } from './errors';

export interface CashForecastInput {
  grid: PeriodGrid;
  invoices: OpenInvoice[];
  bills: Bill[];
  history: ClosedInvoice[];
  otherFlows?: OtherFlow[];
  /** Row numbers of the ledgers' entries as the user counts them, for error messages. */
  rows?: { invoices?: number[]; bills?: number[]; history?: number[] };
  /** Trials to draw. Default 5,000. */
  iterations?: number;
  seed?: number;
}

export interface ForecastPeriod {
  period: number;
  /** Last day of the period. */
  end: number;
  /** Bills and committed lines (outflows negative). */
  committed: number;
  /** Expected receipts from open invoices. */
  receipts: number;
  /** Expected flows of the forecast lines. */
  forecast: number;
  /** Expected net flow: committed + receipts + forecast. */
  net: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface CashForecast {
  periods: ForecastPeriod[];
  /** Trials × periods of net flow. */
  trials: number[][];
  /** Per open invoice (input order), P(received by the end of period p), p = 1..P. */
  receivedBy: Float64Array[];
  /** Per open invoice, P(never received). */
  neverPaid: number[];
  /** Expected receipts beyond the horizon and expected bad debt, for the reconciliation. */
  receiptsLater: number;
  badDebt: number;
  /** The pooling strength κ (in invoices; Infinity = full pooling) and the portfolio's bad-debt rate. */
  kappa: number;
  portfolioBadDebt: number;
  notes: string[];
}

/**
 * @throws FpaError CASH_INVALID_PLAN naming the row at fault (a bill without due date, a negative amount, ...).
 */
export function cashForecast(input: CashForecastInput): CashForecast {
  const grid = checkGrid(input.grid);
  const P = grid.ends.length;
  const iterations = input.iterations ?? 5000;
  if (!Number.isInteger(iterations) || iterations < 10 || iterations > 1_000_000)
    throw CashErrors.invalid('iterations', `must be a whole number from 10 to 1,000,000 (got ${iterations})`);
  const seed = input.seed ?? 1;
  const invoices = checkInvoices(input.invoices, input.rows?.invoices);
  const bills = checkBills(input.bills, input.rows?.bills);
  const history = checkHistory(input.history, grid.asOf, input.rows?.history);
  const model = fitPaymentBehaviour(history, invoices, grid.asOf);
  const probabilities = invoices.map((inv) => receiptPeriods(model, inv, grid));
  const receipts = new Array<number>(P).fill(0);
  let later = 0,
    badDebt = 0;
  invoices.forEach((inv, i) => {
    const pr = probabilities[i];
    badDebt += inv.amount * pr[0];
    later += inv.amount * pr[P + 1];
    for (let p = 1; p <= P; p++) receipts[p - 1] += inv.amount * pr[p];
  });
  const other = projectOtherFlows(input.otherFlows ?? [], P, iterations, seed);
  const committed = other.committed.slice();
  for (const b of bills) {
    const p = Math.max(1, periodOfDay(grid, b.due)); // overdue bills are paid in period 1
    if (p <= P) committed[p - 1] -= b.amount; // bills due after the horizon fall outside it
  }
  const trials = receiptTrials(
    invoices.map((inv, i) => ({ customer: inv.customer, amount: inv.amount, probabilities: probabilities[i] })),
    P,
    iterations,
    seed,
  ).map((row, i) => {
    const net = new Array<number>(P);
    for (let t = 0; t < P; t++) {
      let v = row[t] + committed[t];
      for (const line of other.trials) v += line[i][t];
      net[t] = v;
    }
    return net;
  });
  const periods: ForecastPeriod[] = [];
  const column = new Float64Array(iterations);
  for (let t = 0; t < P; t++) {
    for (let i = 0; i < iterations; i++) column[i] = trials[i][t];
    const sorted = Array.from(column).sort((a, b) => a - b);
    periods.push({
      period: t + 1,
      end: grid.ends[t],
      committed: committed[t],
      receipts: receipts[t],
      forecast: other.expected[t],
      net: committed[t] + receipts[t] + other.expected[t],
      p5: quantileSorted(sorted, 0.05),
      p50: quantileSorted(sorted, 0.5),
      p95: quantileSorted(sorted, 0.95),
    });
  }
  const receivedBy = probabilities.map((pr) => {
    const c = new Float64Array(P);
    let acc = 0;
    for (let p = 1; p <= P; p++) c[p - 1] = acc += pr[p];
    return c;
  });
  return {
    periods,
    trials,
    receivedBy,
    neverPaid: probabilities.map((pr) => pr[0]),
    receiptsLater: later,
    badDebt,
    kappa: model.kappa,
    portfolioBadDebt: model.portfolio.never,
    notes: other.notes,
  };
}
