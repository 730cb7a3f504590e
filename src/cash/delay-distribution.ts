/**
 * Payment delays: how many days after its due date an invoice is paid (negative = early), or never
 * (written off). A distribution on whole days lives on a sorted support plus a mass for "never";
 * observations are seen from the as-of day, so an invoice still open after `delay` days is right-
 * censored there: it will be paid later than that, or never.
 */

/** One invoice's payment outcome as of the as-of day. */
export interface DelayObservation {
  /** Days past due: when it was paid (`paid`), or how long it has been open (`open`). Unused for `never`. */
  delay: number;
  kind: 'paid' | 'never' | 'open';
}

/** A distribution of delays: `mass[k]` on `support[k]` days (ascending), and `never` for bad debt. */
export interface DelayDistribution {
  support: Float64Array;
  mass: Float64Array;
  never: number;
}

/**
 * P(D > u): the probability of not being paid within u days past due (never-paid included).
 * @example survivalAt({ support: Float64Array.of(0, 10), mass: Float64Array.of(0.5, 0.4), never: 0.1 }, 5); // 0.5
 */
export function survivalAt(d: DelayDistribution, u: number): number {
  let s = d.never;
  for (let k = d.support.length - 1; k >= 0 && d.support[k] > u; k--) s += d.mass[k];
  return s;
}

/** Index of the first point above u in an ascending array (its length when none). */
export function firstAbove(sorted: ArrayLike<number>, u: number): number {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The distribution given that nothing was paid within `open` days: mass above `open`, rescaled.
 * When nothing is left above `open` (no one in the history paid that late), the invoice is never paid.
 * @example conditionalOnOpen({ support: Float64Array.of(0, 10), mass: Float64Array.of(0.5, 0.4), never: 0.1 }, 5).never; // 0.2
 */
export function conditionalOnOpen(d: DelayDistribution, open: number): DelayDistribution {
  const from = firstAbove(d.support, open);
  let left = d.never;
  for (let k = from; k < d.support.length; k++) left += d.mass[k];
  const support = d.support.subarray(from);
  if (!(left > 0)) return { support, mass: new Float64Array(support.length), never: 1 };
  const mass = new Float64Array(support.length);
  for (let k = 0; k < mass.length; k++) mass[k] = d.mass[from + k] / left;
  return { support, mass, never: d.never / left };
}
