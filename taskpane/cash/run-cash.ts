/**
 * The Cash view's work, behind the workbook interface: read the plan's ranges into a `cash.plan` job
 * (src/cash/jobs.ts, which computes the plan, the buffer, the risk and the stress tests), and write
 * the results to a new sheet. The job runs on the pane's worker through the cash runner
 * (taskpane/run/cash-runner.ts); this file only reads and writes the workbook.
 */
import type { CashJob, CashJobResult } from '../../src/cash/jobs';
import { planCash } from '../../src/cash/jobs';
import type { RiskMeasure } from '../../src/cash/scenario-types';
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

/**
 * The credit line's box as the Cash view labels it ("Credit line (optional)"): its messages name it so
 * ("Credit line rate must be a number", not the cell function's argument "credit_line rate"). The pane
 * is in English in every locale (only its numbers follow the locale), so there is no German label.
 */
export const CREDIT_LINE_LABEL = 'Credit line';

/** What the job computed, and what the pane noticed while reading the ranges. */
export interface CashOutcome extends CashJobResult {
  /**
   * Rates that compound to more than a plausible yearly cash rate: probably typed per year where the
   * plan wants per period (the plan would then borrow the whole line to invest). The run still uses
   * them as entered; the user decides.
   */
  rateWarnings: string[];
}

/** The flows as trials: one row or one column is one trial; a block is one trial per row. */
export function readFlows(values: Cell[][]): number[][] {
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
 * Reads the form's ranges into the job, on the pane's thread (the workbook lives there).
 * @throws FpaError from the readers, naming the cell; Error when an address cannot be read.
 */
export async function readCashJob(
  workbook: Workbook,
  form: CashForm,
  style: NumberStyle = {},
): Promise<{ job: CashJob; rateWarnings: string[] }> {
  const trials = readFlows((await workbook.readRange(form.flows.trim())).values);
  const instruments = readInstruments(toSheetGrid((await workbook.readRange(form.instruments.trim())).values), {
    numbers: style,
  });
  const lineCells = await optional(workbook, form.creditLine);
  const creditLine = lineCells
    ? readCreditLine(toSheetGrid(lineCells), { numbers: style, label: CREDIT_LINE_LABEL })
    : undefined;
  const shockCells = await optional(workbook, form.shocks);
  const periodsPerYear = form.periodsPerYear ?? 12;
  const rateWarnings = [
    ...instruments.map((i) => annualRateWarning(`${i.name} rate`, i.rate, periodsPerYear, style)),
    creditLine ? annualRateWarning(`${CREDIT_LINE_LABEL} rate`, creditLine.rate, periodsPerYear, style) : null,
  ].filter((w): w is string => w !== null);
  const job: CashJob = {
    trials,
    openingCash: form.openingCash,
    minCash: form.minCash,
    instruments,
    creditLine,
    shocks: shockCells ? readShocks(toSheetGrid(shockCells), { numbers: style }) : undefined,
    risk: { measure: form.measure, alpha: form.alpha, limit: form.limit },
    // The core's messages (a shortfall, an unreachable limit) in the pane's numbers.
    numbers: style,
  };
  return { job, rateWarnings };
}

/**
 * Reads the ranges and computes the plan on this thread (the view runs the job on its worker instead).
 * @throws FpaError from the readers (naming the cell) and the core (a shortfall, an unreachable risk
 *   limit); Error when an address cannot be read.
 */
export async function runCash(
  workbook: Workbook,
  form: CashForm,
  solver: Solver,
  style: NumberStyle = {},
): Promise<CashOutcome> {
  const { job, rateWarnings } = await readCashJob(workbook, form, style);
  return { ...(await planCash(job, solver)), rateWarnings };
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
