/**
 * Cash and working-capital custom functions: thin adapters from Excel ranges to src/cash. Numbers
 * are decided in src/cash; this file reads, validates, solves through the solver interface, and
 * spills. The solver is glpk.js in its own Web Worker (loaded once, on the first call).
 */
import { BUFFER_COLUMNS, bufferRows, cashBuffer } from '../src/cash/cash-buffer';
import { cashForecast } from '../src/cash/cash-forecast';
import { CashErrors } from '../src/cash/errors';
import { readBills, readHistory, readInvoices, readOtherFlows } from '../src/cash/ledger-tables';
import type { PeriodGrid } from '../src/cash/period-grid';
import { equalPeriods } from '../src/cash/period-grid';
import { boundsTrials, liquidityRisk } from '../src/cash/liquidity-risk';
import { optimizeScenarios } from '../src/cash/optimize-scenarios';
import type { RiskSpec, ScenarioPlan } from '../src/cash/scenario-types';
import type { LiquidityRiskInput } from '../src/cash/liquidity-risk';
import { optimizeCash } from '../src/cash/optimize-cash';
import { scheduleTable } from '../src/cash/schedule-table';
import type { CashOptions, CashPlan } from '../src/cash/types';
import { optimizeLevers } from '../src/cash/wc-levers';
import { leverPareto } from '../src/cash/wc-pareto';
import { wcMetrics } from '../src/cash/wc-metrics';
import { Errors } from '../src/errors';
import { CELL_CASH_TIME_LIMIT_SECONDS } from '../src/model/limits';
import { readCreditLine } from '../src/sheets/credit-line';
import { readInstruments } from '../src/sheets/instrument-table';
import { readLevers } from '../src/sheets/lever-table';
import { isSipLibraryGrid, readSipLibrary, sipTrialRows } from '../src/sheets/sip-library';
import { glpkBrowserSolver } from '../src/solver/glpk-browser';
import type { Solver } from '../src/solver/types';
import {
  isBlank,
  optionalBoolean,
  optionalNumber,
  optionalString,
  readGrid,
  readMatrix,
  readOptions,
  rectangular,
  safelyAsync,
  safely,
  withHeader,
} from './adapter';
import type { Cell, SpillValue } from './adapter';
import { readFlows, readScalarOrRow } from './cash-ranges';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any[][] for ranges and spills). */

/**
 * The solver the cash functions use. An object rather than a setter function, because every
 * exported function of a functions module must be a custom function; tests and Node hosts set
 * `cashSolver.current` to glpk.js's Node entry.
 */
export const cashSolver: { current: Solver } = { current: glpkBrowserSolver };

const OPTION_NAMES = [
  'integer_lots',
  'time_limit',
  'objective',
  'shadow_prices',
  'diagnose',
  'risk',
  'alpha',
  'limit',
  'trials',
  'seed',
] as const;

function requiredNumber(value: unknown, field: string): number {
  const n = optionalNumber(value, field, NaN);
  if (Number.isNaN(n)) throw Errors.empty(field);
  return n;
}

const optionalGrid = (input: unknown, field: string) => (isBlank(input) ? null : readGrid(input, field));

function readCashOptions(input: unknown): CashOptions & { diagnose: boolean } {
  const pairs = readOptions(input, 'options', OPTION_NAMES);
  const time = pairs.get('time_limit');
  return {
    integerLots: optionalBoolean(pairs.get('integer_lots'), 'options integer_lots', true),
    timeLimitSeconds: isBlank(time)
      ? CELL_CASH_TIME_LIMIT_SECONDS
      : optionalNumber(time, 'options time_limit', 0, { above: 0 }),
    objective: optionalString(pairs.get('objective'), 'options objective', 'wealth', [
      'wealth',
      'headroom',
    ]) as CashOptions['objective'],
    shadowPrices: optionalBoolean(pairs.get('shadow_prices'), 'options shadow_prices', false),
    diagnose: optionalBoolean(pairs.get('diagnose'), 'options diagnose', false),
  };
}

/** The risk options of CASH.OPTIMIZE over trials, and how many trials to draw from low/mid/high. */
function readRiskOptions(input: unknown): { risk: RiskSpec; trials: number; seed: number } {
  const pairs = readOptions(input, 'options', OPTION_NAMES);
  return {
    risk: {
      measure: optionalString(pairs.get('risk'), 'options risk', 'cvar', ['cvar', 'chance']) as RiskSpec['measure'],
      alpha: optionalNumber(pairs.get('alpha'), 'options alpha', 0.05, { above: 0, below: 1 }),
      limit: optionalNumber(pairs.get('limit'), 'options limit', 0, { min: 0 }),
    },
    trials: optionalNumber(pairs.get('trials'), 'options trials', 500, { integer: true, min: 2, max: 100_000 }),
    seed: optionalNumber(pairs.get('seed'), 'options seed', 1, { integer: true, min: 0 }),
  };
}

/**
 * Optimises a cash plan with glpk.js: when to place idle cash in which instrument and when to draw
 * or repay the credit line, keeping closing cash at or above the minimum and maximising closing cash
 * minus debt at the end. An infeasible plan returns #VALUE! "cash falls short by X in period P".
 * @customfunction CASH.OPTIMIZE
 * @helpurl https://localhost:3000/help/cash-optimize.html
 * @param {any[][]} flows Net operating cash flow per period (inflows positive), in one row or column.
 * @param {number} opening_cash Cash at the start of period 1.
 * @param {any[][]} min_cash Minimum closing cash: one value, or one per period.
 * @param {any[][]} instruments Table with columns name, term (periods), rate (per period), and optionally min, max, lot, from, to; an optional header row.
 * @param {any[][]} [credit_line] Limit, rate per period, commitment fee per period on the undrawn part, repay-by period; as a row or column, or name/value pairs.
 * @param {any[][]} [options] Name/value pairs (two columns, or one text such as "objective=headroom; diagnose=TRUE"): integer_lots (TRUE), time_limit (seconds, 60 by default), objective ("wealth" or "headroom"), shadow_prices (FALSE), diagnose (FALSE: TRUE spills the shortfall table instead of an error).
 * @returns {Promise<any[][]>} One row per period (invest and mature per instrument, draw, repay, debt, interest, closing cash), then a totals row with the objective.
 */
export function cashOptimize(
  flows: any[][],
  opening_cash: number,
  min_cash: any[][],
  instruments: any[][],
  credit_line?: any[][],
  options?: any[][],
): Promise<any[][]> {
  return safelyAsync(async () => {
    const grid = readMatrix(flows, 'flows');
    if (grid.length > 1 && grid[0].length > 1)
      return optimizeTrials(grid, opening_cash, min_cash, instruments, credit_line, options);
    const values = readFlows(flows, 'flows');
    const plan: CashPlan = {
      openingCash: requiredNumber(opening_cash, 'opening_cash'),
      minCash: readScalarOrRow(min_cash, 'min_cash', values.length),
      flows: values,
      instruments: readInstruments(readGrid(instruments, 'instruments')),
      creditLine: readCreditLine(optionalGrid(credit_line, 'credit_line')),
    };
    const opts = readCashOptions(options);
    // The headroom programme has no shadow prices; the columns were left out without a word.
    if (opts.shadowPrices && opts.objective === 'headroom')
      throw CashErrors.invalid('options shadow_prices', 'applies to the objective "wealth", not "headroom"');
    const result = await optimizeCash(plan, cashSolver.current, opts);
    if (result.status === 'infeasible') {
      const first = result.shortfall![0];
      if (!opts.diagnose) throw CashErrors.shortfall(first.amount, first.period, result.totalShortfall ?? first.amount);
      return withHeader(
        ['period', 'shortfall'],
        [...result.shortfall!.map((s) => [s.period, s.amount]), ['total', result.totalShortfall ?? 0]],
      );
    }
    return rectangular(scheduleTable(plan, result));
  });
}

/**
 * FPA.CASH.OPTIMIZE over trials (one row each) or low/mid/high bounds (3 rows or 3 columns; `trials`
 * drawn from them, seeded): one placement plan for all, each trial with its own credit recourse.
 */
async function optimizeTrials(
  grid: Cell[][],
  opening_cash: unknown,
  min_cash: unknown,
  instruments: unknown,
  credit_line: unknown,
  options: unknown,
): Promise<SpillValue[][]> {
  const opts = readRiskOptions(options);
  const source = riskFlowsFromGrid(grid, 2);
  const trials = source.trials ?? boundsTrials(source.bounds!, opts.trials, opts.seed);
  const cash = readCashOptions(options);
  const plan: ScenarioPlan = {
    openingCash: requiredNumber(opening_cash, 'opening_cash'),
    minCash: readScalarOrRow(min_cash, 'min_cash', trials[0].length),
    trials,
    instruments: readInstruments(readMatrix(instruments, 'instruments')),
    creditLine: readCreditLine(optionalGrid(credit_line, 'credit_line')),
    risk: opts.risk,
  };
  const result = await optimizeScenarios(plan, cashSolver.current, {
    integerLots: cash.integerLots,
    timeLimitSeconds: cash.timeLimitSeconds,
  });
  const r = result.risk;
  return rectangular([
    ...scheduleTable(plan, result, 'total; expected wealth →'),
    [`risk ${r.measure}`, r.achieved, 'limit', r.limit, 'alpha', r.alpha, 'trials', result.trials],
  ]);
}

/**
 * Reads flows as low/mid/high (3 rows with periods across, or 3 columns with periods down), as
 * trials (10+ rows, one per trial, periods across; not 3 rows or 3 columns, which mean bounds), or as
 * a SIPmath library whose SIPs are the periods (src/sheets/sip-library.ts): a 2.0 table by trial
 * index, or 3.0 JSON regenerated to `libraryTrials` trials.
 */
function readRiskFlows(
  input: unknown,
  field: string,
  libraryTrials: () => number,
): Pick<LiquidityRiskInput, 'trials' | 'bounds'> {
  const grid = readGrid(input, field);
  if (isSipLibraryGrid(grid)) {
    const { rows } = sipTrialRows(readSipLibrary(grid, field), libraryTrials());
    if (rows.length < 10) throw Errors.badShape(field, 'a SIP library of at least 10 trials', `${rows.length} trials`);
    return { trials: rows };
  }
  return riskFlowsFromGrid(readMatrix(input, field), 10);
}

function riskFlowsFromGrid(grid: Cell[][], fewestTrials: number): Pick<LiquidityRiskInput, 'trials' | 'bounds'> {
  const numbers = grid.map((row, r) =>
    row.map((c, k) => {
      if (typeof c !== 'number')
        throw CashErrors.invalid(
          `flows row ${r + 1}, column ${k + 1}`,
          `must be a number; got ${c === null ? 'a blank' : JSON.stringify(c)}`,
        );
      return c;
    }),
  );
  if (numbers.length === 3) return { bounds: { low: numbers[0], mid: numbers[1], high: numbers[2] } };
  if (numbers[0].length === 3)
    return { bounds: { low: numbers.map((r) => r[0]), mid: numbers.map((r) => r[1]), high: numbers.map((r) => r[2]) } };
  if (numbers.length < fewestTrials)
    throw Errors.badShape(
      'flows',
      `low, mid and high (3 rows or 3 columns) or at least ${fewestTrials} trials (one row each)`,
      `${numbers.length} rows × ${numbers[0].length} columns`,
    );
  return { trials: numbers };
}

/**
 * Liquidity risk of a plan under uncertain flows: per period the probability that closing cash
 * falls below the minimum, the expected shortfall, and cash percentiles.
 * @customfunction CASH.RISK
 * @helpurl https://localhost:3000/help/cash-risk.html
 * @param {any[][]} flows Either low, mid and high flows (3 rows or 3 columns, the bounds of a 90% interval and the most likely value), Monte Carlo trials (one row per trial, one column per period, at least 10 rows and not exactly 3 columns), or a SIPmath library whose SIPs are the periods: a 2.0 table (a header row of period names, one row per trial) or 3.0 JSON text in a cell.
 * @param {number} opening_cash Cash at the start of period 1.
 * @param {any[][]} min_cash Minimum closing cash: one value, or one per period.
 * @param {number} [iterations] Trials drawn from low/mid/high or regenerated from a SIPmath 3.0 library, 100 to 1,000,000. Default 10,000.
 * @param {number} [seed] Seed of the random generator; the same seed gives the same answer. Default 1.
 * @returns {any[][]} One row per period: P(breach), expected shortfall, cash P5, P50, P95; then the first likely breach.
 */
export function cashRisk(
  flows: any[][],
  opening_cash: number,
  min_cash: any[][],
  iterations?: number,
  seed?: number,
): any[][] {
  return safely(() => {
    const n = () => optionalNumber(iterations, 'iterations', 10000, { integer: true, min: 100, max: 1_000_000 });
    const source = readRiskFlows(flows, 'flows', n);
    const periods = source.trials ? source.trials[0].length : source.bounds!.mid.length;
    const risk = liquidityRisk({
      ...source,
      openingCash: requiredNumber(opening_cash, 'opening_cash'),
      minCash: readScalarOrRow(min_cash, 'min_cash', periods),
      iterations: n(),
      seed: optionalNumber(seed, 'seed', 1, { integer: true, min: 0 }),
    });
    const rows: (SpillValue | null)[][] = risk.breachProbability.map((p, t) => [
      t + 1,
      p,
      risk.expectedShortfall[t],
      risk.p5[t],
      risk.p50[t],
      risk.p95[t],
    ]);
    rows.push([
      'first likely breach',
      risk.firstLikelyBreach ?? 'none',
      'first 5% breach',
      risk.firstPossibleBreach ?? 'none',
    ]);
    return withHeader(['period', 'P(breach)', 'expected shortfall', 'cash P5', 'cash P50', 'cash P95'], rows);
  });
}

/**
 * Days sales outstanding, days payables outstanding, days inventory outstanding and the cash
 * conversion cycle per period, using the period's length in days.
 * @customfunction WC.METRICS
 * @helpurl https://localhost:3000/help/wc-metrics.html
 * @param {any[][]} revenue Revenue per period.
 * @param {any[][]} cogs Cost of goods sold per period.
 * @param {any[][]} receivables Trade receivables at the end of each period.
 * @param {any[][]} payables Trade payables at the end of each period.
 * @param {any[][]} inventory Inventory at the end of each period.
 * @param {any[][]} [days_in_period] Days in each period: one value (365 for years, 91.25 for quarters) or one per period. Default 365/12 (months).
 * @param {string} [balances] "end" (default) uses period-end balances; "average" uses the average of the previous and current end.
 * @returns {any[][]} One row per period: DSO, DPO, DIO and CCC in days (blank where revenue or COGS is zero).
 */
export function wcMetricsFn(
  revenue: any[][],
  cogs: any[][],
  receivables: any[][],
  payables: any[][],
  inventory: any[][],
  days_in_period?: any[][],
  balances?: string,
): any[][] {
  return safely(() => {
    const rev = readFlows(revenue, 'revenue');
    const days = isBlank(days_in_period) ? undefined : readScalarOrRow(days_in_period, 'days_in_period', rev.length);
    const m = wcMetrics({
      revenue: rev,
      cogs: readFlows(cogs, 'cogs'),
      receivables: readFlows(receivables, 'receivables'),
      payables: readFlows(payables, 'payables'),
      inventory: readFlows(inventory, 'inventory'),
      daysInPeriod: days,
      balances: optionalString(balances, 'balances', 'end', ['end', 'average']) as 'end' | 'average',
    });
    return withHeader(
      ['period', 'DSO', 'DPO', 'DIO', 'CCC'],
      m.dso.map((dso, t) => [t + 1, dso, m.dpo[t], m.dio[t], m.ccc[t]]),
    );
  });
}

/**
 * Chooses DSO, DPO and DIO targets within allowed ranges that free the most cash net of the cost of
 * moving them, keeping that cost within a budget.
 * @customfunction WC.OPTIMIZE
 * @helpurl https://localhost:3000/help/wc-optimize.html
 * @param {any[][]} levers Table with columns lever, current days, most favourable target days, cash freed per day (a day of revenue for DSO, of COGS for DPO and DIO), cost per day moved; an optional header row.
 * @param {number} [budget] Most that may be spent on moving levers. Default: no limit.
 * @param {number} [pareto] 3 to 7: spill that many plans trading cash freed, cost and supplier relationship (the levers' optional sixth column, a score per day moved) instead of the single best plan.
 * @returns {Promise<any[][]>} One row per lever: target, days moved, cash freed, cost, net; then totals. With pareto: one row per plan: cash freed, cost, relationship, net, days moved per lever.
 */
export function wcOptimize(levers: any[][], budget?: number, pareto?: number): Promise<any[][]> {
  return safelyAsync(async () => {
    const table = readLevers(readGrid(levers, 'levers'));
    const limit = optionalNumber(budget, 'budget', Infinity, { min: 0 });
    if (!isBlank(pareto)) {
      const count = optionalNumber(pareto, 'pareto', 5, { integer: true, min: 3, max: 7 });
      const front = await leverPareto(table, limit, cashSolver.current, count);
      return withHeader(
        ['plan', 'cash freed', 'cost', 'relationship', 'net', ...table.map((l) => `days ${l.name}`)],
        front.map((p, i) => [i + 1, p.cashFreed, p.cost, p.relationship, p.net, ...p.levers.map((l) => l.daysMoved)]),
      );
    }
    const choice = await optimizeLevers(table, limit, cashSolver.current);
    const rows: (SpillValue | null)[][] = choice.map((c) => [
      c.name,
      c.current,
      c.target,
      c.daysMoved,
      c.cashFreed,
      c.cost,
      c.net,
    ]);
    const sum = (key: 'cashFreed' | 'cost' | 'net'): number => choice.reduce((s, c) => s + c[key], 0);
    rows.push(['total', null, null, null, sum('cashFreed'), sum('cost'), sum('net')]);
    return withHeader(['lever', 'current', 'target', 'days moved', 'cash freed', 'cost', 'net'], rows);
  });
}

const FORECAST_OPTIONS = ['as_of', 'period_days', 'iterations', 'seed', 'output'] as const;

/** The periods argument: a count of equal periods, or the period-end dates (a row or column). */
function readPeriods(input: unknown, asOf: number, periodDays: number): PeriodGrid {
  if (isBlank(input)) return equalPeriods(asOf, 13, periodDays);
  const values = readFlows(input, 'periods');
  if (values.length === 1 && values[0] <= 1000)
    return equalPeriods(asOf, optionalNumber(values[0], 'periods', 13, { integer: true, min: 1 }), periodDays);
  return { asOf, ends: values };
}

/**
 * Net cash flow per period from open invoices, bills and payment history: when each customer pays
 * (its own delays pooled toward the portfolio's, bad debt included), bills on their due dates, and the
 * forecast engine for flows not invoiced yet. Spills the expected net flow with its P5, P50 and P95, or
 * the trials for FPA.CASH.RISK and FPA.CASH.OPTIMIZE (option output=trials).
 * @customfunction CASH.FORECAST
 * @helpurl https://localhost:3000/help/cash-forecast.html
 * @param {any[][]} invoices Open invoices: customer, amount, due date (one row each; an optional header row).
 * @param {any[][]} bills Bills to pay: supplier, amount, due date (one row each; an optional header row).
 * @param {any[][]} history Closed invoices: customer, due date, paid date (or "written off"); the longer the better.
 * @param {any[][]} [periods] Number of periods of period_days days (default 13), or the period-end dates in a row or column.
 * @param {any[][]} [other_flows] Other lines: label, "committed" or "forecast", then one amount per period (committed) or the line's history per period, oldest first (forecast).
 * @param {any[][]} [options] Name/value pairs: as_of (date; default the last paid date in the history), period_days (7), iterations (5000), seed (1), output ("summary", "trials" or "invoices").
 * @returns {any[][]} One row per period: end, committed, expected receipts, expected forecast flows, expected net, net P5, P50, P95; then receipts after the horizon and expected bad debt.
 */
export function cashForecastFn(
  invoices: any[][],
  bills: any[][],
  history: any[][],
  periods?: any[][],
  other_flows?: any[][],
  options?: any[][],
): any[][] {
  return safely(() => {
    const opts = readOptions(options, 'options', FORECAST_OPTIONS);
    const ledger = readHistory(readMatrix(history, 'history'));
    const lastPaid = ledger.history.reduce(
      (m, h) => (typeof h.paid === 'number' && h.paid > m ? h.paid : m),
      -Infinity,
    );
    const asOfCell = opts.get('as_of');
    if (isBlank(asOfCell) && !Number.isFinite(lastPaid))
      throw CashErrors.invalid('options as_of', 'is needed when the history has no paid date');
    const asOf = optionalNumber(asOfCell, 'options as_of', lastPaid);
    const periodDays = optionalNumber(opts.get('period_days'), 'options period_days', 7, { above: 0 });
    const open = readInvoices(readMatrix(invoices, 'invoices'));
    const payables = isBlank(bills) ? { bills: [], rows: [] } : readBills(readMatrix(bills, 'bills'));
    const output = optionalString(opts.get('output'), 'options output', 'summary', ['summary', 'trials', 'invoices']);
    const f = cashForecast({
      grid: readPeriods(periods, asOf, periodDays),
      invoices: open.invoices,
      bills: payables.bills,
      history: ledger.history,
      rows: { invoices: open.rows, bills: payables.rows, history: ledger.rows },
      otherFlows: isBlank(other_flows) ? [] : readOtherFlows(readMatrix(other_flows, 'other_flows')),
      iterations: optionalNumber(opts.get('iterations'), 'options iterations', 5000, {
        integer: true,
        min: 10,
        max: 1_000_000,
      }),
      seed: optionalNumber(opts.get('seed'), 'options seed', 1, { integer: true, min: 0 }),
    });
    if (output === 'trials') return rectangular(f.trials);
    if (output === 'invoices')
      return withHeader(
        ['customer', 'amount', 'due', 'P(never)', ...f.periods.map((p) => `P(by period ${p.period})`)],
        open.invoices.map((inv, i) => [
          inv.customer,
          inv.amount,
          inv.due,
          f.neverPaid[i],
          ...Array.from(f.receivedBy[i]),
        ]),
      );
    const rows: (SpillValue | null)[][] = f.periods.map((p) => [
      p.period,
      p.end,
      p.committed,
      p.receipts,
      p.forecast,
      p.net,
      p.p5,
      p.p50,
      p.p95,
    ]);
    rows.push(['receipts after the horizon', null, null, f.receiptsLater]);
    rows.push(['expected bad debt', null, null, f.badDebt]);
    return withHeader(
      ['period', 'end', 'committed', 'receipts', 'forecast flows', 'expected net', 'net P5', 'net P50', 'net P95'],
      rows,
    );
  });
}

/**
 * The cash buffer to hold: per period, the smallest minimum balance that keeps the probability of
 * running out of cash at most alpha when the flows deviate from the central path, and what holding it
 * costs in yield forgone at the best instrument's rate.
 * @customfunction CASH.BUFFER
 * @helpurl https://localhost:3000/help/cash-buffer.html
 * @param {any[][]} trials_or_bounds Monte Carlo trials (one row per trial, periods across), low, mid and high flows (3 rows or 3 columns, the bounds of a 90% interval), or a SIPmath library whose SIPs are the periods (2.0 table or 3.0 JSON), as in FPA.CASH.RISK.
 * @param {number} opening_cash Cash at the start of period 1.
 * @param {number} [alpha] Largest tolerated probability of running out in a period. Default 0.05.
 * @param {any[][]} [instruments] The instruments table (name, term, rate, ...): holding cost uses the highest rate per period. Default: no holding cost.
 * @param {any[][]} [options] Name/value pairs: iterations (trials drawn from bounds or regenerated from a 3.0 library, default 10000), seed (1).
 * @returns {any[][]} One row per period: buffer, central cash, investable cash above the buffer, holding cost, P(breach) at the buffer; then the total holding cost.
 */
export function cashBufferFn(
  trials_or_bounds: any[][],
  opening_cash: number,
  alpha?: number,
  instruments?: any[][],
  options?: any[][],
): any[][] {
  return safely(() => {
    const opts = readOptions(options, 'options', ['iterations', 'seed']);
    const n = () =>
      optionalNumber(opts.get('iterations'), 'options iterations', 10000, { integer: true, min: 100, max: 1_000_000 });
    const source = readRiskFlows(trials_or_bounds, 'trials_or_bounds', n);
    const table = isBlank(instruments) ? [] : readInstruments(readMatrix(instruments, 'instruments'));
    const result = cashBuffer({
      ...source,
      openingCash: requiredNumber(opening_cash, 'opening_cash'),
      alpha: optionalNumber(alpha, 'alpha', 0.05, { above: 0, below: 1 }),
      ratePerPeriod: table.reduce((best, ins) => Math.max(best, ins.rate), 0),
      iterations: n(),
      seed: optionalNumber(opts.get('seed'), 'options seed', 1, { integer: true, min: 0 }),
    });
    const rows: (SpillValue | null)[][] = bufferRows(result.periods);
    rows.push(['total holding cost', null, null, null, result.totalHoldingCost]);
    return withHeader([...BUFFER_COLUMNS], rows);
  });
}
