/**
 * When an open invoice will be paid, as probabilities by forecast period: its customer's pooled delay
 * distribution given that it is still open at the as-of day (delay above the days it has been open),
 * shifted to its due date and cut into the periods.
 */
import { conditionalOnOpen } from './delay-distribution';
import type { OpenInvoice } from './ledgers';
import type { PaymentBehaviour } from './payment-behaviour';
import type { PeriodGrid } from './period-grid';
import { periodOfDay } from './period-grid';

/**
 * Probabilities of length P + 2: [0] never paid, [1..P] paid in that period, [P + 1] paid after the horizon.
 * @example receiptPeriods(model, { customer: 'A', amount: 100, due: 45010 }, grid) // sums to 1
 */
export function receiptPeriods(model: PaymentBehaviour, invoice: OpenInvoice, grid: PeriodGrid): Float64Array {
  const P = grid.ends.length;
  const out = new Float64Array(P + 2);
  const open = Math.round(grid.asOf - invoice.due);
  const d = conditionalOnOpen(model.customer(invoice.customer), open);
  out[0] = d.never;
  for (let k = 0; k < d.support.length; k++) {
    if (d.mass[k] === 0) continue;
    const p = Math.max(1, periodOfDay(grid, Math.round(invoice.due) + d.support[k]));
    out[p] += d.mass[k];
  }
  return out;
}
