/**
 * The payables plan as a table, the one layout FPA.WC.PAYABLES spills and the pane's Cash view
 * writes: a header, one row per bill (amount, due period, decision, period paid, amount paid, discount
 * saved), then a totals row. Blanks are null.
 */
import type { Cell } from '../model/cell';
import type { Invoice, PayablesPlan } from './payables-timing';

export const PAYABLES_HEADER = ['bill', 'amount', 'due', 'decision', 'paid in period', 'paid', 'saved'] as const;

/**
 * @example payablesTable([{ id: 'A', amount: 100, due: 2, discount: 0.02, discountBy: 1 }],
 *   { payEarly: ['A'], saved: 2, closingCash: [] })
 *   // [header, ['A', 100, 2, 'early', 1, 98, 2], ['total', 100, null, '1 early', null, 98, 2]]
 */
export function payablesTable(invoices: readonly Invoice[], plan: Pick<PayablesPlan, 'payEarly' | 'saved'>): Cell[][] {
  const early = new Set(plan.payEarly);
  const rows = invoices.map((inv) => {
    const isEarly = early.has(inv.id);
    const paid = isEarly ? inv.amount * (1 - inv.discount) : inv.amount;
    return [
      inv.id,
      inv.amount,
      inv.due,
      isEarly ? 'early' : 'on due',
      isEarly ? inv.discountBy : inv.due,
      paid,
      inv.amount - paid,
    ];
  });
  const total = (c: number): number => rows.reduce((s, r) => s + (r[c] as number), 0);
  return [[...PAYABLES_HEADER], ...rows, ['total', total(1), null, `${early.size} early`, null, total(5), plan.saved]];
}

/** Closing cash per period under the plan: a header, then one row per period. */
export function payablesCashTable(plan: Pick<PayablesPlan, 'closingCash'>): Cell[][] {
  return [['period', 'closing cash'], ...plan.closingCash.map((c, t) => [t + 1, c])];
}
