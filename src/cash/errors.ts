/** Error catalogue of the cash engine (codes prefixed CASH_). */
import { defineError } from '../errors';
import { formatNumber, type NumberStyle } from '../format/format-number';

/** An amount with cents, in the reader's style (default en-US: "1,234.00", as the CLI and the functions print). */
const money = (x: number, style: NumberStyle = {}): string => formatNumber(x, 'number', style, { decimals: 2 });

/**
 * A solver status in words: an LP cut short by the time limit reports `undefined`, which read as a
 * programming fault ("The solver found no plan (undefined).").
 */
const SOLVER_STATUS_WORDS: Readonly<Record<string, string>> = {
  undefined: 'it stopped before finding one, e.g. at the time limit',
  time_limit: 'time limit',
};

export const CashErrors = {
  shortfall: defineError(
    'CASH_SHORTFALL',
    'input',
    (amount: number, period: number, total: number, style: NumberStyle = {}) => ({
      message: `cash falls short by ${money(amount, style)} in period ${period}.`,
      hint: `No schedule keeps the minimum (total shortfall ${money(total, style)}); add funding, raise the credit line or lower the minimum.`,
      details: { period, data: { amount, total } },
    }),
  ),
  invalid: defineError('CASH_INVALID_PLAN', 'input', (field: string, problem: string) => ({
    message: `${field} ${problem}.`,
    hint: `Fix ${field}.`,
    details: { field },
  })),
  duplicateInstrument: defineError('CASH_DUPLICATE_INSTRUMENT', 'input', (name: string, row: number) => ({
    message: `instruments row ${row}: the name "${name}" is used twice.`,
    hint: 'Give every instrument its own name.',
    details: { field: `instruments row ${row}` },
  })),
  /** A cash job (the pane's Cash view) stopped between two steps because its client cancelled it. */
  cancelled: defineError('CASH_CANCELLED', 'input', () => ({
    message: 'The cash plan run was cancelled.',
    hint: 'Start it again when ready.',
  })),
  noSolution: defineError('CASH_NO_SOLUTION', 'input', (status: string) => ({
    message: `The solver found no plan (${SOLVER_STATUS_WORDS[status] ?? status}).`,
    hint: 'Raise the time limit or switch integer lots off.',
  })),
  riskUnreachable: defineError(
    'CASH_RISK_UNREACHABLE',
    'input',
    (
      measure: string,
      reached: string,
      wanted: string,
      trial: number,
      period: number,
      amount: number,
      style: NumberStyle = {},
    ) => ({
      message: `no plan meets the ${measure} limit: with no placements ${reached} (limit ${wanted}); trial ${trial} falls short by ${money(amount, style)} in period ${period}.`,
      hint: 'Raise the limit or alpha, add credit, or lower the minimum cash.',
      details: { period, data: { trial, amount } },
    }),
  ),
  tooFewPeriods: defineError('CASH_TOO_FEW_PERIODS', 'input', (field: string, needed: number, got: number) => ({
    message: `${field} needs at least ${needed} values; got ${got}.`,
    hint: `Select more periods for ${field}.`,
    details: { field },
  })),
};
