/**
 * The cash engine's jobs for the job protocol (src/jobs). `cash.plan` is the Cash view's whole
 * computation on plain data, so it runs in the pane's worker (taskpane/workers/scenario-worker.ts)
 * and the pane's thread only reads the ranges and writes the sheet. One row of flows gives the
 * optimal plan (FPA.CASH.OPTIMIZE); trials give the one plan that holds across them under the risk
 * limit (optimizeScenarios), the buffer per period (FPA.CASH.BUFFER) and the chance of falling
 * below the minimum per period (FPA.CASH.RISK); shocks add the stress tests (FPA.CASH.STRESS) on the
 * flows, or on the trials' mean. `cash.payables` is the payables-timing MIP (FPA.WC.PAYABLES).
 *
 * Progress counts steps: the stress tests, each solve of the optimisation, the buffer, the risk. The
 * total grows by one while the optimisation adds a solve (row generation decides how many). A cancel
 * is honoured before every step and every solve (a solve itself runs to its end), with CASH_CANCELLED.
 */
import type { JobContext, JobHandlers } from '../jobs/protocol';
import type { Cell } from '../model/cell';
import type { Solver } from '../solver/types';
import { BUFFER_COLUMNS, bufferRows, cashBuffer } from './cash-buffer';
import { CashErrors } from './errors';
import type { NumberStyle } from '../format/format-number';
import { liquidityRisk } from './liquidity-risk';
import { optimizeCash } from './optimize-cash';
import { optimizeScenarios } from './optimize-scenarios';
import { payablesCashTable, payablesTable } from './payables-table';
import { planPayables } from './payables-timing';
import type { PayablesInput } from './payables-timing';
import { scheduleTable } from './schedule-table';
import type { RiskSpec } from './scenario-types';
import { stressTable } from './stress-table';
import type { Shock } from './stress-test';
import { stressTest } from './stress-test';
import type { CashPlan, CreditLine, Instrument } from './types';

export interface CashJob {
  /** One row of flows, or one row per trial. */
  trials: number[][];
  openingCash: number;
  minCash: number;
  instruments: Instrument[];
  creditLine?: CreditLine;
  /** The stress tests to run; none when absent or empty. */
  shocks?: Shock[];
  /** Trials only. */
  risk: RiskSpec;
  /** How its messages write their numbers (the pane's locale and minus sign). @default en-US */
  numbers?: NumberStyle;
}

export interface CashJobResult {
  /** Trials read (1 for one row of flows). */
  trials: number;
  /** Expected terminal wealth (trials) or closing cash minus debt (one row). */
  objective: number;
  /** Trials: the risk achieved on them. */
  riskAchieved: number | null;
  /** Trials: the first period where P(cash < minimum) ≥ 5%. */
  firstPossibleBreach: number | null;
  schedule: Cell[][];
  buffer: Cell[][] | null;
  /** Period and P(cash < minimum): the chart's data. */
  risk: Cell[][] | null;
  /** Period, expected shortfall and cash P5/P50/P95. */
  cashBands: Cell[][] | null;
  stress: Cell[][] | null;
}

/** The payables plan as the tables the pane writes (src/cash/payables-table.ts). */
export interface PayablesJobResult {
  bills: Cell[][];
  cash: Cell[][];
  saved: number;
  /** Bills paid early. */
  early: number;
}

export type CashJobs = {
  'cash.plan': { payload: CashJob; result: CashJobResult };
  'cash.payables': { payload: PayablesInput; result: PayablesJobResult };
};

/** A context for running a job outside a runner: never cancelled, no progress. */
const QUIET: Pick<JobContext, 'signal' | 'progress'> = {
  signal: new AbortController().signal,
  progress: () => undefined,
};

/**
 * @throws FpaError CASH_SHORTFALL (one row that no schedule keeps), CASH_RISK_UNREACHABLE,
 *   CASH_INVALID_PLAN naming the field, CASH_CANCELLED.
 * @example
 *   await planCash({ trials: [[100, -50]], openingCash: 0, minCash: 0, instruments: [],
 *     risk: { measure: 'cvar', alpha: 0.05, limit: 0 } }, solver); // objective 50
 */
export async function planCash(
  job: CashJob,
  solver: Solver,
  context: Pick<JobContext, 'signal' | 'progress'> = QUIET,
): Promise<CashJobResult> {
  const { trials, openingCash, minCash, instruments, creditLine } = job;
  const scenarios = trials.length > 1;
  let done = 0;
  let total = (job.shocks?.length ? 1 : 0) + 1 + (scenarios ? 2 : 0);
  const step = (): void => {
    if (context.signal.aborted) throw CashErrors.cancelled();
    context.progress(++done, total);
  };
  if (context.signal.aborted) throw CashErrors.cancelled();
  const T = trials[0].length;
  const mean = Array.from({ length: T }, (_, t) => trials.reduce((s, row) => s + row[t], 0) / trials.length);
  const stress = job.shocks?.length
    ? stressTable(stressTest({ openingCash, minCash, flows: mean, creditLine }, job.shocks))
    : null;
  if (stress) step();
  const base = { openingCash, minCash, instruments, creditLine };
  if (!scenarios) {
    const plan: CashPlan = { ...base, flows: trials[0] };
    const result = await optimizeCash(plan, solver);
    if (result.status === 'infeasible') {
      const first = result.shortfall![0];
      throw CashErrors.shortfall(first.amount, first.period, result.totalShortfall ?? first.amount, job.numbers);
    }
    step();
    return {
      trials: 1,
      objective: result.objective,
      riskAchieved: null,
      firstPossibleBreach: null,
      schedule: scheduleTable(plan, result),
      buffer: null,
      risk: null,
      cashBands: null,
      stress,
    };
  }
  const before = done;
  let solved = 0;
  const result = await optimizeScenarios({ ...base, trials, risk: job.risk }, solver, {
    signal: context.signal,
    numbers: job.numbers,
    onSolve: (solves) => {
      // Row generation may need another solve: the total keeps one more in view until it settles.
      solved = solves;
      total = Math.max(total, before + solves + 3);
      context.progress(before + solves, total);
    },
  });
  done = before + solved;
  total = done + 2; // the buffer and the risk
  if (context.signal.aborted) throw CashErrors.cancelled();
  const bestRate = Math.max(0, ...instruments.map((i) => i.rate));
  const buffer = cashBuffer({ openingCash, trials, alpha: job.risk.alpha, ratePerPeriod: bestRate });
  step();
  const liquidity = liquidityRisk({ openingCash, minCash, trials });
  step();
  return {
    trials: trials.length,
    objective: result.objective,
    riskAchieved: result.risk.achieved,
    firstPossibleBreach: liquidity.firstPossibleBreach,
    schedule: scheduleTable(base, result, 'total; expected wealth →'),
    buffer: [[...BUFFER_COLUMNS.slice(0, -1), 'P(breach) at buffer'], ...bufferRows(buffer.periods)],
    risk: [['period', 'P(cash < minimum)'], ...liquidity.breachProbability.map((p, t) => [t + 1, p])],
    cashBands: [
      ['period', 'expected shortfall', 'cash P5', 'cash P50', 'cash P95'],
      ...liquidity.p50.map((p50, t) => [t + 1, liquidity.expectedShortfall[t], liquidity.p5[t], p50, liquidity.p95[t]]),
    ],
    stress,
  };
}

/**
 * The payables-timing MIP (FPA.WC.PAYABLES) as the pane writes it: one solve, so progress is 0 then
 * 1 of 1, and a cancel is honoured before it.
 * @throws FpaError CASH_SHORTFALL when paying every bill on its due date already breaks the floor;
 *   CASH_INVALID_PLAN naming the bill; CASH_CANCELLED.
 */
export async function planPayablesJob(
  input: PayablesInput,
  solver: Solver,
  context: Pick<JobContext, 'signal' | 'progress'> = QUIET,
): Promise<PayablesJobResult> {
  if (context.signal.aborted) throw CashErrors.cancelled();
  context.progress(0, 1);
  const plan = await planPayables(input, solver);
  context.progress(1, 1);
  return {
    bills: payablesTable(input.invoices, plan),
    cash: payablesCashTable(plan),
    saved: plan.saved,
    early: plan.payEarly.length,
  };
}

/** The handlers a runner serves, over the solver of its thread (glpk.js's browser or Node entry). */
export function createCashJobHandlers(solver: Solver): JobHandlers<CashJobs> {
  return {
    'cash.plan': (job, context) => planCash(job, solver, context),
    'cash.payables': (input, context) => planPayablesJob(input, solver, context),
  };
}
