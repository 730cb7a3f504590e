/**
 * The Cash view's work, behind the workbook interface: read the plan's ranges, run the core
 * (src/cash) and write the results to a new sheet. One row of flows gives the optimal plan
 * (FPA.CASH.OPTIMIZE); trials (one row per trial) give the one plan that holds across them under the
 * risk limit, the buffer per period (FPA.CASH.BUFFER) and the chance of falling below the minimum per
 * period (FPA.CASH.RISK), charted; a shocks table adds the stress tests (FPA.CASH.STRESS) on the
 * flows, or on the trials' mean. The solver runs glpk.js in its own Web Worker.
 */
import { cashBuffer } from '../../src/cash/cash-buffer';
import { CashErrors } from '../../src/cash/errors';
import { liquidityRisk } from '../../src/cash/liquidity-risk';
import { optimizeCash } from '../../src/cash/optimize-cash';
import { optimizeScenarios } from '../../src/cash/optimize-scenarios';
import { scheduleTable } from '../../src/cash/schedule-table';
import type { RiskMeasure } from '../../src/cash/scenario-types';
import { stressTable } from '../../src/cash/stress-table';
import { stressTest } from '../../src/cash/stress-test';
import type { CashPlan } from '../../src/cash/types';
import type { NumberStyle } from '../../src/format/format-number';
import { annualRateWarning } from '../../src/format/rates';
import { cellAt, numberCell } from '../../src/sheets/cells';
import { readCreditLine } from '../../src/sheets/credit-line';
import { readInstruments } from '../../src/sheets/instrument-table';
import { readShocks } from '../../src/sheets/shock-table';
import type { Solver } from '../../src/solver/types';
import { safeSheetName } from '../workbook/address';
import { toSheetGrid } from '../workbook/sheet-grid';
import type { Cell, Workbook } from '../workbook/types';

export interface CashForm {
  /** Address of the net flows: one row (or column) per plan, or one row per trial. */
  flows: string;
  openingCash: number;
  minCash: number;
  /** Address of the instruments table (name, term, rate, …). */
  instruments: string;
  /** Address of the credit line (limit, rate[, fee, repay by]); "" for none. */
  creditLine: string;
  /** Address of the shocks table (scenario, shock, value, period); "" for no stress test. */
  shocks: string;
  /** Trials only: the risk limit (see docs/cash.md, "Optimising across scenarios"). */
  measure: RiskMeasure;
  alpha: number;
  limit: number;
  /** How many of the plan's periods make a year, to spot a rate typed per year. @default 12 */
  periodsPerYear?: number;
}

export interface CashOutcome {
  /** Trials read (1 for one row of flows). */
  trials: number;
  /**
   * Rates that compound to more than a plausible yearly cash rate: probably typed per year where the
   * plan wants per period (the plan would then borrow the whole line to invest). The run still uses
   * them as entered; the user decides.
   */
  rateWarnings: string[];
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

/** The flows as trials: one row or one column is one trial; a block is one trial per row. */
function readFlows(values: Cell[][]): number[][] {
  const grid = toSheetGrid(values);
  const column = grid.length > 1 && grid.every((r) => r.length === 1);
  const rows = column ? [grid.map((r) => r[0])] : grid;
  return rows.map((row, r) =>
    row.map((v, c) => numberCell(v, () => cellAt('flows', column ? c + 1 : r + 1, column ? 1 : c + 1))),
  );
}

async function optional(workbook: Workbook, address: string): Promise<Cell[][] | null> {
  return address.trim() === '' ? null : (await workbook.readRange(address.trim())).values;
}

/**
 * @throws FpaError from the readers (naming the cell) and the core (a shortfall, an unreachable risk
 *   limit); Error when an address cannot be read.
 */
export async function runCash(
  workbook: Workbook,
  form: CashForm,
  solver: Solver,
  style: NumberStyle = {},
): Promise<CashOutcome> {
  const trials = readFlows((await workbook.readRange(form.flows.trim())).values);
  const instruments = readInstruments(toSheetGrid((await workbook.readRange(form.instruments.trim())).values));
  const lineCells = await optional(workbook, form.creditLine);
  const creditLine = lineCells ? readCreditLine(toSheetGrid(lineCells)) : undefined;
  const shockCells = await optional(workbook, form.shocks);
  const base = { openingCash: form.openingCash, minCash: form.minCash, instruments, creditLine };
  const periodsPerYear = form.periodsPerYear ?? 12;
  const rateWarnings = [
    ...instruments.map((i) => annualRateWarning(`${i.name} rate`, i.rate, periodsPerYear, style)),
    creditLine ? annualRateWarning('Credit line rate', creditLine.rate, periodsPerYear, style) : null,
  ].filter((w): w is string => w !== null);
  const T = trials[0].length;
  const mean = Array.from({ length: T }, (_, t) => trials.reduce((s, row) => s + row[t], 0) / trials.length);
  const stress = shockCells
    ? stressTable(
        stressTest(
          { openingCash: form.openingCash, minCash: form.minCash, flows: mean, creditLine },
          readShocks(toSheetGrid(shockCells)),
        ),
      )
    : null;
  if (trials.length === 1) {
    const plan: CashPlan = { ...base, flows: trials[0] };
    const result = await optimizeCash(plan, solver);
    if (result.status === 'infeasible') {
      const first = result.shortfall![0];
      throw CashErrors.shortfall(first.amount, first.period, result.totalShortfall ?? first.amount);
    }
    return {
      trials: 1,
      rateWarnings,
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
  const risk = { measure: form.measure, alpha: form.alpha, limit: form.limit };
  const result = await optimizeScenarios({ ...base, trials, risk }, solver);
  const bestRate = Math.max(0, ...instruments.map((i) => i.rate));
  const buffer = cashBuffer({ openingCash: form.openingCash, trials, alpha: form.alpha, ratePerPeriod: bestRate });
  const liquidity = liquidityRisk({ openingCash: form.openingCash, minCash: form.minCash, trials });
  return {
    trials: trials.length,
    rateWarnings,
    objective: result.objective,
    riskAchieved: result.risk.achieved,
    firstPossibleBreach: liquidity.firstPossibleBreach,
    schedule: scheduleTable(base, result, 'total; expected wealth →'),
    buffer: [
      ['period', 'buffer', 'central cash', 'investable', 'holding cost', 'P(breach) at buffer'],
      ...buffer.periods.map((p) => [
        p.period,
        p.buffer,
        p.centralCash,
        p.investable,
        p.holdingCost,
        p.breachProbability,
      ]),
    ],
    risk: [['period', 'P(cash < minimum)'], ...liquidity.breachProbability.map((p, t) => [t + 1, p])],
    cashBands: [
      ['period', 'expected shortfall', 'cash P5', 'cash P50', 'cash P95'],
      ...liquidity.p50.map((p50, t) => [t + 1, liquidity.expectedShortfall[t], liquidity.p5[t], p50, liquidity.p95[t]]),
    ],
    stress,
  };
}

export interface WrittenCash {
  sheet: string;
  /** Sheet-qualified addresses of what was written, by table. */
  tables: Record<string, string>;
}

/** Row number of the cell after an address's last row, plus a gap. */
function nextRow(address: string, gap = 2): number {
  const last = /(\d+)$/.exec(address);
  return (last ? Number(last[1]) : 0) + gap + 1;
}

/**
 * Writes the outcome to a new sheet: schedule at A1, then the buffer, the risk per period (charted
 * beside it), the cash bands and the stress tests, each below the last.
 */
export async function writeCash(workbook: Workbook, outcome: CashOutcome, name = 'Cash plan'): Promise<WrittenCash> {
  const sheet = await workbook.addSheet(safeSheetName(name));
  const tables: Record<string, string> = {};
  let row = 1;
  const write = async (key: string, rows: Cell[][] | null, numberFormat = '#,##0.00'): Promise<string | null> => {
    if (!rows) return null;
    const at = await workbook.writeTable(sheet, `A${row}`, rows, { numberFormat });
    tables[key] = at;
    row = nextRow(at);
    return at;
  };
  await write('schedule', outcome.schedule);
  await write('buffer', outcome.buffer);
  const riskAt = await write('risk', outcome.risk, '0.0%');
  if (riskAt) {
    await workbook.addChart(sheet, {
      kind: 'column',
      title: 'Chance cash falls below the minimum, per period',
      dataAddress: riskAt,
      anchor: `D${riskAt.replace(/^.*!/, '').replace(/^[A-Z]+(\d+).*$/, '$1')}`,
    });
  }
  await write('cashBands', outcome.cashBands);
  await write('stress', outcome.stress);
  return { sheet, tables };
}
