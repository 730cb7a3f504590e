/**
 * Checks a cash plan before anything is built from it, naming the field at fault the way the user
 * typed it (`instruments[2].term`, `minCash[5]`).
 */
import { CashErrors } from './errors';
import type { CashPlan } from './types';

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw CashErrors.invalid(field, `must be a finite number (got ${JSON.stringify(value)})`);
  return value;
}

function wholeIn(value: unknown, field: string, lo: number, hi: number): number {
  const n = finite(value, field);
  if (!Number.isInteger(n) || n < lo || n > hi)
    throw CashErrors.invalid(field, `must be a whole number from ${lo} to ${hi} (got ${n})`);
  return n;
}

function nonNegative(value: unknown, field: string): number {
  const n = finite(value, field);
  if (n < 0) throw CashErrors.invalid(field, `must not be negative (got ${n})`);
  return n;
}

/** A scalar or a row of one value per period, each checked by `check`. */
function perPeriod(value: unknown, field: string, periods: number, check: (v: unknown, f: string) => number): void {
  if (Array.isArray(value)) {
    if (value.length !== periods)
      throw CashErrors.invalid(field, `must have one value per period (${periods}); got ${value.length}`);
    value.forEach((v, i) => check(v, `${field}[${i + 1}]`));
  } else check(value, field);
}

/**
 * Validates a plan in place (no copy, no defaults).
 * @throws FpaError CASH_INVALID_PLAN naming the field; CASH_DUPLICATE_INSTRUMENT for a repeated name.
 * @example validatePlan({ openingCash: 100, minCash: 0, flows: [1], instruments: [] }); // no throw
 */
export function validatePlan(plan: CashPlan): void {
  if (plan === null || typeof plan !== 'object') throw CashErrors.invalid('plan', 'must be an object');
  finite(plan.openingCash, 'openingCash');
  if (!Array.isArray(plan.flows) || plan.flows.length === 0)
    throw CashErrors.invalid('flows', 'must be a non-empty list of numbers');
  const periods = plan.flows.length;
  plan.flows.forEach((v, i) => finite(v, `flows[${i + 1}]`));
  perPeriod(plan.minCash, 'minCash', periods, finite);
  if (!Array.isArray(plan.instruments)) throw CashErrors.invalid('instruments', 'must be a list (it may be empty)');
  const names = new Set<string>();
  plan.instruments.forEach((ins, i) => {
    const at = `instruments[${i + 1}]`;
    if (ins === null || typeof ins !== 'object') throw CashErrors.invalid(at, 'must be an object');
    if (typeof ins.name !== 'string' || ins.name.trim() === '')
      throw CashErrors.invalid(`${at}.name`, 'must be a non-empty text');
    if (names.has(ins.name)) throw CashErrors.duplicateInstrument(ins.name, i + 1);
    names.add(ins.name);
    wholeIn(ins.term, `${at}.term`, 1, 100000);
    if (finite(ins.rate, `${at}.rate`) <= -1) throw CashErrors.invalid(`${at}.rate`, 'must be above -1');
    const min = ins.min === undefined ? 0 : nonNegative(ins.min, `${at}.min`);
    if (ins.max !== undefined && nonNegative(ins.max, `${at}.max`) < min)
      throw CashErrors.invalid(`${at}.max`, `must be at least min (${min})`);
    if (ins.lot !== undefined && finite(ins.lot, `${at}.lot`) <= 0)
      throw CashErrors.invalid(`${at}.lot`, 'must be positive');
    const from = ins.from === undefined ? 1 : wholeIn(ins.from, `${at}.from`, 1, periods);
    if (ins.to !== undefined && wholeIn(ins.to, `${at}.to`, 1, periods) < from)
      throw CashErrors.invalid(`${at}.to`, `must not be before from (${from})`);
  });
  const line = plan.creditLine;
  if (line !== undefined && line !== null) {
    if (typeof line !== 'object') throw CashErrors.invalid('creditLine', 'must be an object');
    perPeriod(line.limit, 'creditLine.limit', periods, nonNegative);
    finite(line.rate, 'creditLine.rate');
    if (line.fee !== undefined) nonNegative(line.fee, 'creditLine.fee');
    if (line.repayBy !== undefined) wholeIn(line.repayBy, 'creditLine.repayBy', 1, periods);
  }
  checkCompounding(plan, periods);
}

/**
 * Refuses a rate that compounds past what a number can hold over the plan: the programme's
 * maturities and its bound on cash ((cash in + credit)·(1 + rate)^periods) would be infinite, the
 * schedule full of nulls, a MIP's big-M rows would abort the solver.
 */
function checkCompounding(plan: CashPlan, periods: number): void {
  const line = plan.creditLine;
  const limits = line ? (Array.isArray(line.limit) ? line.limit : [line.limit]) : [];
  let cash = Math.abs(plan.openingCash) + 1 + Math.max(0, ...limits);
  for (const f of plan.flows) cash += Math.abs(f);
  plan.instruments.forEach((ins, i) => {
    if (Number.isFinite(cash * Math.pow(1 + Math.max(ins.rate, 0), periods))) return;
    throw CashErrors.invalid(
      `instruments[${i + 1}].rate`,
      `compounds past the largest number over the plan's ${periods} periods (${ins.rate} per period; a rate is a fraction per period: 0.004 is 0.4%)`,
    );
  });
}
