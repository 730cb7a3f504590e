/**
 * The small cash plan the pane's cash tests share (the runner's and the Cash view's work): six periods
 * of flows, trials spread around them, two instruments and a credit line.
 */
export const SMALL_FLOWS = [-200, 150, -300, 400, 50, -100];

/** `n` trials: the flows with a fixed spread of up to ±150 per trial and period (no generator needed). */
export const smallTrials = (n: number): number[][] =>
  Array.from({ length: n }, (_, s) => SMALL_FLOWS.map((f, t) => f + (((s * 37 + t * 11) % 21) - 10) * 15));

/** Opening and minimum cash, the instruments and the credit line; flows or trials are added per test. */
export const SMALL_PLAN = {
  openingCash: 1000,
  minCash: 200,
  instruments: [
    { name: 'ON', term: 1, rate: 0.001 },
    { name: 'TD2', term: 2, rate: 0.004 },
  ],
  creditLine: { limit: 500, rate: 0.01 },
};
