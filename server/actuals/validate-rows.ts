import type { ActualRow } from '../../src/model/budget-line';
import { MAX_AMOUNT } from '../../src/model/limits';
import { isAccount, isCurrency, isPeriod, PERIOD_RULE_TEXT } from '../../src/model/names';
import type { ImportRowError } from '../errors';
import { CSV_COLUMNS } from './parse-csv';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks every row and collects every problem (1-based row numbers), so the user fixes the file
 * once — up to `maxErrors` problems, where it stops (`stoppedEarly`): a file that is wrong
 * throughout is reported by its first thousand problems, not by millions of them. Amounts may be
 * numbers (JSON) or numeric text (CSV); blanks and non-finite values fail.
 *
 * @example validateRows([{ account: '4000', period: '2025-13', amount: 1 }]).errors[0].field // → 'period'
 */
export function validateRows(
  records: readonly unknown[],
  maxErrors = Infinity,
): { rows: ActualRow[]; errors: ImportRowError[]; stoppedEarly: boolean } {
  const rows: ActualRow[] = [];
  const errors: ImportRowError[] = [];
  for (const [index, record] of records.entries()) {
    if (errors.length >= maxErrors) return { rows, errors, stoppedEarly: true };
    const row = index + 1;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push({ row, field: 'row', message: 'Each row must be an object with account, period and amount.' });
      continue;
    }
    const r = record as Record<string, unknown>;
    const before = errors.length;
    // A row holds the columns a CSV may have and nothing else: a `costCentre` or `batchId` of its own
    // would be ignored (the batch's are the query's), importing the row where the sender did not mean.
    const unknown = Object.keys(r).filter((key) => !(CSV_COLUMNS as readonly string[]).includes(key));
    if (unknown.length > 0)
      errors.push({
        row,
        field: 'row',
        message: `The row has unknown field(s) ${unknown.map((k) => JSON.stringify(k.slice(0, 64))).join(', ')}; allowed: ${CSV_COLUMNS.join(', ')} (the batch's cost centre is the query's costCentre).`,
      });
    const account =
      typeof r.account === 'string' ? r.account.trim() : typeof r.account === 'number' ? String(r.account) : '';
    if (!isAccount(account))
      errors.push({ row, field: 'account', message: 'account must be 1–64 letters, digits or . _ / -.' });
    const period = typeof r.period === 'string' ? r.period.trim() : '';
    if (!isPeriod(period)) errors.push({ row, field: 'period', message: `period must be ${PERIOD_RULE_TEXT}.` });
    const amount = toAmount(r.amount);
    if (amount === undefined) errors.push({ row, field: 'amount', message: 'amount must be a finite number.' });
    const rawCurrency = r.currency === undefined || r.currency === null || r.currency === '' ? null : r.currency;
    if (rawCurrency !== null && (typeof rawCurrency !== 'string' || !isCurrency(rawCurrency))) {
      errors.push({ row, field: 'currency', message: 'currency must be a three-letter ISO code such as EUR.' });
    }
    if (errors.length === before)
      rows.push({ account, period, amount: amount as number, currency: rawCurrency as string | null });
  }
  return { rows, errors, stoppedEarly: false };
}

function toAmount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) < MAX_AMOUNT ? value : undefined;
  if (typeof value === 'string' && NUMBER.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) && Math.abs(parsed) < MAX_AMOUNT ? parsed : undefined;
  }
  return undefined;
}

/**
 * Row errors for the rows whose currency is not the cost centre's: `held` (what its stored actuals
 * name), else the first one the batch names. `GET /api/actuals` adds an account's amounts of a month
 * up, so a cost centre's actuals are in one currency (1,000 EUR and 1,000 JPY were 2,000). A row
 * without a currency is in the cost centre's. Row numbers are 1-based positions in `rows` (the
 * batch's rows once every row is valid).
 * @example otherCurrencies([{ account: '1', period: '2026-01', amount: 1, currency: 'JPY' }], 'EUR')[0].row // 1
 */
export function otherCurrencies(
  rows: readonly Pick<ActualRow, 'currency'>[],
  held: string | undefined,
  costCentre: string,
  maxErrors = Infinity,
): ImportRowError[] {
  const currency = held ?? rows.find((r) => r.currency)?.currency ?? undefined;
  const errors: ImportRowError[] = [];
  for (const [index, { currency: given }] of rows.entries()) {
    if (!given || given === currency) continue;
    errors.push({
      row: index + 1,
      field: 'currency',
      message:
        `${costCentre}'s actuals are in ${String(currency)}${held ? '' : ' (an earlier row of the batch)'}; this row is in ${given}. ` +
        `Amounts of an account and month are added up, so a cost centre's actuals are in one currency: ` +
        `convert the amount to ${String(currency)}, or leave the currency empty.`,
    });
    if (errors.length >= maxErrors) break;
  }
  return errors;
}
