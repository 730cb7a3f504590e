/**
 * The portfolio's delay distribution by the Kaplan–Meier product-limit estimator on whole days
 * (Kaplan & Meier, JASA 1958), with open invoices as right-censored observations and written-off
 * invoices as "never paid" (at risk at every day). Leaving open invoices out would bias the delays
 * short: among recent invoices only the quick payers have closed.
 * At day v: at risk r(v) = paid with delay ≥ v + never + open for at least v days; events e(v) = paid
 * at v; S(v) = Π_{u ≤ v} (1 − e(u)/r(u)). What survives the last paid day is the "never" mass.
 */
import type { DelayDistribution, DelayObservation } from './delay-distribution';

/**
 * @example kaplanMeier([{ delay: 0, kind: 'paid' }, { delay: 10, kind: 'paid' }, { delay: 5, kind: 'open' }]);
 *   // support [0, 10], mass [0.5, 0.5], never 0: the open one is redistributed to day 10
 */
export function kaplanMeier(observations: ReadonlyArray<DelayObservation>): DelayDistribution {
  const paid = observations
    .filter((o) => o.kind === 'paid')
    .map((o) => o.delay)
    .sort((a, b) => a - b);
  const open = observations
    .filter((o) => o.kind === 'open')
    .map((o) => o.delay)
    .sort((a, b) => a - b);
  const never = observations.length - paid.length - open.length;
  const support: number[] = [];
  const mass: number[] = [];
  let survival = 1;
  let i = 0; // next paid
  let j = 0; // open ones already out of the risk set (open for fewer days than v)
  while (i < paid.length) {
    const v = paid[i];
    let events = 0;
    while (i + events < paid.length && paid[i + events] === v) events++;
    while (j < open.length && open[j] < v) j++;
    const atRisk = paid.length - i + never + (open.length - j);
    const next = survival * (1 - events / atRisk);
    support.push(v);
    mass.push(survival - next);
    survival = next;
    i += events;
  }
  return { support: Float64Array.from(support), mass: Float64Array.from(mass), never: survival };
}
