/**
 * Payables timing: which invoices to pay early to capture an early-payment discount, keeping
 * closing cash at or above a floor. Invoice i is paid either in full in its due period, or at
 * amount·(1 − discount) in its discount period (y_i = 1). A mixed-integer programme:
 *   max Σ_i amount_i·discount_i·y_i
 *   s.t. opening + Σ_{s≤t} flow_s − Σ_{i paid by t} payment_i ≥ floor_t for every t.
 */
import type { Solver } from '../solver/types';
import { CashErrors } from './errors';

export interface Invoice {
  id: string;
  amount: number;
  /** Period (1-based) in which the full amount is due. */
  due: number;
  /** Discount for paying early, e.g. 0.02 for "2/10 net 30". */
  discount: number;
  /** Period (1-based) by which the discounted payment must be made (≤ due). */
  discountBy: number;
}

export interface PayablesInput {
  openingCash: number;
  /** Other net flows per period. */
  flows: number[];
  floor: number | number[];
  invoices: Invoice[];
}

export interface PayablesPlan {
  /** Invoice ids paid early. */
  payEarly: string[];
  /** Discounts captured in total. */
  saved: number;
  closingCash: number[];
}

function validate(input: PayablesInput): void {
  const T = input.flows.length;
  if (T === 0) throw CashErrors.invalid('flows', 'must not be empty');
  const ids = new Set<string>();
  input.invoices.forEach((inv, i) => {
    const at = `invoices row ${i + 1}`;
    if (ids.has(inv.id)) throw CashErrors.invalid(`${at} id`, `repeats "${inv.id}"`);
    ids.add(inv.id);
    if (!(inv.amount >= 0)) throw CashErrors.invalid(`${at} amount`, 'must be zero or more');
    if (!(inv.discount >= 0 && inv.discount < 1)) throw CashErrors.invalid(`${at} discount`, 'must be from 0 up to 1');
    if (!Number.isInteger(inv.due) || inv.due < 1 || inv.due > T)
      throw CashErrors.invalid(`${at} due`, `must be a period from 1 to ${T}`);
    if (!Number.isInteger(inv.discountBy) || inv.discountBy < 1 || inv.discountBy > inv.due)
      throw CashErrors.invalid(`${at} discountBy`, `must be a period from 1 to the due period`);
  });
}

/**
 * @throws FpaError CASH_SHORTFALL when paying everything on its due date already breaks the floor.
 * @example // one invoice of 100 at 2% with cash to spare → payEarly ['A'], saved 2
 */
export async function planPayables(input: PayablesInput, solver: Solver): Promise<PayablesPlan> {
  validate(input);
  const T = input.flows.length;
  const floor = Array.isArray(input.floor) ? input.floor : new Array<number>(T).fill(input.floor);
  const rows = [];
  let cumulative = input.openingCash;
  for (let t = 1; t <= T; t++) {
    cumulative += input.flows[t - 1];
    // Cash at t = cumulative − Σ_i [paid by t]; with y_i early: amount(1−d) if discountBy ≤ t; else amount if due ≤ t.
    let fixed = 0;
    const terms = [];
    for (const [i, inv] of input.invoices.entries()) {
      const late = inv.due <= t ? inv.amount : 0;
      const early = inv.discountBy <= t ? inv.amount * (1 - inv.discount) : 0;
      fixed += late;
      if (early - late !== 0) terms.push({ name: `y${i}`, coef: -(early - late) });
    }
    rows.push({ name: `f${t}`, terms, lb: floor[t - 1] - cumulative + fixed, ub: Infinity });
  }
  const solved = await solver.solve({
    name: 'payables',
    sense: 'max',
    objective: input.invoices.map((inv, i) => ({ name: `y${i}`, coef: inv.amount * inv.discount })),
    columns: input.invoices.map((_, i) => ({ name: `y${i}`, lb: 0, ub: 1, integer: true })),
    rows,
  });
  if (solved.status === 'infeasible') {
    const cash = closing(input, new Set());
    const t = cash.findIndex((c, k) => c < floor[k]);
    throw CashErrors.shortfall(floor[t] - cash[t], t + 1, floor[t] - cash[t]);
  }
  if (solved.status !== 'optimal' && solved.status !== 'time_limit') throw CashErrors.noSolution(solved.status);
  const early = new Set(
    input.invoices.filter((_, i) => Math.round(solved.values[`y${i}`] ?? 0) === 1).map((inv) => inv.id),
  );
  const saved = input.invoices.reduce((sum, inv) => sum + (early.has(inv.id) ? inv.amount * inv.discount : 0), 0);
  return { payEarly: [...early], saved, closingCash: closing(input, early) };
}

/** Closing cash per period when the invoices in `early` are paid early and the rest on their due date. */
export function closing(input: PayablesInput, early: Set<string>): number[] {
  const out: number[] = [];
  let cash = input.openingCash;
  for (let t = 1; t <= input.flows.length; t++) {
    cash += input.flows[t - 1];
    for (const inv of input.invoices) {
      if (early.has(inv.id) ? inv.discountBy === t : inv.due === t)
        cash -= early.has(inv.id) ? inv.amount * (1 - inv.discount) : inv.amount;
    }
    out.push(cash);
  }
  return out;
}
