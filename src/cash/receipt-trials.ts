/**
 * Trials of receipts per period from the open invoices' period probabilities. Invoices of one
 * customer move together: in a trial the customer either defaults on all its invoices that are at
 * risk of it (one uniform against each invoice's bad-debt probability) or pays each at the same
 * quantile of its delay distribution (a second uniform). Each invoice keeps its own probabilities
 * exactly; only the joint behaviour is comonotone within a customer, and customers are independent.
 * Streams: one per customer (keyed by name), so adding a customer does not move the others.
 */
import { SeededGenerator } from '../stats/seeded-generator';

export interface InvoiceReceipts {
  customer: string;
  amount: number;
  /** [never, period 1..P, after the horizon], summing to 1. */
  probabilities: Float64Array;
}

/**
 * @returns trials × P matrix of receipts (row = trial).
 * @example receiptTrials([{ customer: 'A', amount: 10, probabilities: Float64Array.of(0, 1, 0) }], 1, 3, 7) // [[10],[10],[10]]
 */
export function receiptTrials(
  invoices: ReadonlyArray<InvoiceReceipts>,
  periods: number,
  iterations: number,
  seed: number,
): Float64Array[] {
  const out = Array.from({ length: iterations }, () => new Float64Array(periods));
  const byCustomer = new Map<string, InvoiceReceipts[]>();
  for (const inv of invoices) {
    const list = byCustomer.get(inv.customer);
    if (list) list.push(inv);
    else byCustomer.set(inv.customer, [inv]);
  }
  const names = [...byCustomer.keys()].sort();
  for (const name of names) {
    const list = byCustomer.get(name)!;
    // Cumulative probabilities of the paid outcomes given payment, per invoice.
    const cumulative = list.map((inv) => {
      const paid = 1 - inv.probabilities[0];
      const c = new Float64Array(periods + 1);
      let acc = 0;
      for (let p = 1; p <= periods + 1; p++) {
        acc += paid > 0 ? inv.probabilities[p] / paid : 0;
        c[p - 1] = acc;
      }
      return c;
    });
    const stream = new SeededGenerator(seed, `receipts:${name}`);
    for (let i = 0; i < iterations; i++) {
      const uDefault = stream.nextOpen01();
      const uDelay = stream.nextOpen01();
      const row = out[i];
      list.forEach((inv, j) => {
        if (uDefault < inv.probabilities[0]) return;
        const c = cumulative[j];
        let lo = 0,
          hi = periods; // first index with c[index] >= uDelay; index = periods means after the horizon
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (c[mid] >= uDelay) hi = mid;
          else lo = mid + 1;
        }
        if (lo < periods) row[lo] += inv.amount;
      });
    }
  }
  return out;
}
