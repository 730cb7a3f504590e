/**
 * The payment-behaviour model of the receivables forecast. Each customer's delay (days from due date
 * to payment, or never) has a Dirichlet-process prior centred on the portfolio's distribution G
 * (Kaplan–Meier over all customers, open invoices censored) with strength κ chosen by empirical
 * Bayes (poolingStrength); its posterior mean (pooledDelays) is what the forecast uses. A customer
 * with no history behaves like the portfolio; one with a long history like itself.
 */
import type { DelayDistribution, DelayObservation } from './delay-distribution';
import { CashErrors } from './errors';
import { kaplanMeier } from './kaplan-meier';
import type { ClosedInvoice, OpenInvoice } from './ledgers';
import { pooledDelays } from './pooled-delays';
import { poolingStrength } from './pooling-strength';

export interface PaymentBehaviour {
  portfolio: DelayDistribution;
  /** Prior strength in invoices (Infinity: every customer is the portfolio). */
  kappa: number;
  /** The pooled distribution of a customer (cached). */
  customer(name: string): DelayDistribution;
}

/** Whole days between two dates (dates may carry a time of day). */
const days = (later: number, earlier: number): number => Math.round(later - earlier);

/**
 * @throws FpaError CASH_INVALID_PLAN when the history holds no paid invoice (nothing to learn delays from).
 */
export function fitPaymentBehaviour(
  history: ReadonlyArray<ClosedInvoice>,
  open: ReadonlyArray<OpenInvoice>,
  asOf: number,
  /** Fix κ instead of estimating it (0: each customer on its own; Infinity: the portfolio for all). */
  fixedKappa?: number,
): PaymentBehaviour {
  const byCustomer = new Map<string, DelayObservation[]>();
  const add = (customer: string, o: DelayObservation): void => {
    const list = byCustomer.get(customer);
    if (list) list.push(o);
    else byCustomer.set(customer, [o]);
  };
  for (const h of history)
    add(h.customer, h.paid === null ? { delay: 0, kind: 'never' } : { delay: days(h.paid, h.due), kind: 'paid' });
  for (const o of open) add(o.customer, { delay: days(asOf, o.due), kind: 'open' });
  if (!history.some((h) => h.paid !== null))
    throw CashErrors.invalid('history', 'needs at least one paid invoice to learn payment delays from');
  const all = [...byCustomer.values()].flat();
  const portfolio = kaplanMeier(all);
  const closed = [...byCustomer.values()].map((list) => ({
    paid: list.filter((o) => o.kind === 'paid').map((o) => o.delay),
    never: list.filter((o) => o.kind === 'never').length,
  }));
  const kappa = fixedKappa ?? poolingStrength(portfolio, closed);
  const cache = new Map<string, DelayDistribution>();
  return {
    portfolio,
    kappa,
    customer(name: string): DelayDistribution {
      let d = cache.get(name);
      if (!d) {
        d = pooledDelays(portfolio, kappa, byCustomer.get(name) ?? []);
        cache.set(name, d);
      }
      return d;
    },
  };
}
