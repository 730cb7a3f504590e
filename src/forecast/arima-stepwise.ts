import type { ArimaOrder } from './arima-params';
import type { ArimaCandidate } from './arima-candidate';
import { confirmCandidate } from './arima-candidate';

export interface StepwiseLimits {
  maxp: number;
  maxq: number;
  maxP: number;
  maxQ: number;
}

export interface StepwiseSetup {
  /** Series length (R: fewer than 10 values start from at most (1,d,1)(0,D,0)). */
  n: number;
  m: number;
  limits: StepwiseLimits;
  /** Start with the constant (drift or mean) when allowed. */
  constant: boolean;
  /** Whether the search may toggle the constant. */
  allowConstant: boolean;
  order: (p: number, q: number, P: number, Q: number) => ArimaOrder;
  fit: (order: ArimaOrder, constant: boolean) => ArimaCandidate;
}

/** One fitted candidate of the search, as a row of R's `results` matrix. */
export interface StepwiseRow extends ArimaCandidate {
  order: ArimaOrder;
  constant: boolean;
}

/** R's limit on the number of models the stepwise search fits (`nmodels = 94`). */
const MAX_MODELS = 94;

/**
 * The stepwise order search of Hyndman & Khandakar (2008), move for move as forecast 8.20's
 * `auto.arima(stepwise = TRUE)`: fit ARIMA(2,d,2)(1,D,1) (smaller when the limits say so), the null
 * model, ARIMA(1,d,0)(1,D,0) and ARIMA(0,d,1)(0,D,1) (and the null model without its constant);
 * then from the best so far try, in R's order, P ± 1, Q ± 1, both together (four ways), p ± 1,
 * q ± 1, both together (four ways), and the constant toggled, moving to the first candidate with a
 * smaller criterion and starting over, until no neighbour improves or 94 models were fitted.
 * Orders beyond the limits are skipped as R's guards do (R's stepwise search does not apply `max.order`).
 */
export function stepwiseSearch(setup: StepwiseSetup): { best: ArimaCandidate; results: StepwiseRow[] } {
  const { limits, order, fit } = setup;
  const { maxp, maxq, maxP, maxQ } = limits;
  const results: StepwiseRow[] = [];
  let startp = 2;
  let startq = 2;
  let startP = 1;
  let startQ = 1;
  if (setup.n < 10) {
    startp = Math.min(startp, 1);
    startq = Math.min(startq, 1);
    startP = 0;
    startQ = 0;
  }
  let p = Math.min(startp, maxp);
  let q = Math.min(startq, maxq);
  let P = Math.min(startP, maxP);
  let Q = Math.min(startQ, maxQ);
  let constant = setup.constant;
  let bestIc = Infinity;
  // Fits a candidate; runs its pending variance check only when it would beat the best so far.
  const run = (pp: number, qq: number, PP: number, QQ: number, c: boolean): ArimaCandidate => {
    const o = order(pp, qq, PP, QQ);
    let cand = fit(o, c);
    if (cand.ic < bestIc) cand = confirmCandidate(cand);
    results.push({ ...cand, order: o, constant: c });
    return cand;
  };
  const isNew = (pp: number, qq: number, PP: number, QQ: number, c: boolean): boolean =>
    !results.some(
      (r) => r.order.p === pp && r.order.q === qq && r.order.P === PP && r.order.Q === QQ && r.constant === c,
    );

  let best = run(p, q, P, Q, constant);
  bestIc = best.ic;
  let fit0 = run(0, 0, 0, 0, constant);
  if (fit0.ic < best.ic) {
    best = fit0;
    bestIc = best.ic;
    p = q = P = Q = 0;
  }
  const seasonal = setup.m > 1;
  if (maxp > 0 || maxP > 0) {
    const pp = maxp > 0 ? 1 : 0;
    const PP = seasonal && maxP > 0 ? 1 : 0;
    fit0 = run(pp, 0, PP, 0, constant);
    if (fit0.ic < best.ic) {
      best = fit0;
      bestIc = best.ic;
      p = pp;
      P = PP;
      q = Q = 0;
    }
  }
  if (maxq > 0 || maxQ > 0) {
    const qq = maxq > 0 ? 1 : 0;
    const QQ = seasonal && maxQ > 0 ? 1 : 0;
    fit0 = run(0, qq, 0, QQ, constant);
    if (fit0.ic < best.ic) {
      best = fit0;
      bestIc = best.ic;
      p = P = 0;
      Q = QQ;
      q = qq;
    }
  }
  if (constant) {
    fit0 = run(0, 0, 0, 0, false);
    if (fit0.ic < best.ic) {
      best = fit0;
      bestIc = best.ic;
      p = q = P = Q = 0;
    }
  }
  // Neighbours in R's order: [dp, dq, dP, dQ]; the first improvement restarts the scan.
  const moves: Array<[number, number, number, number]> = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  let k = results.length;
  let startk = 0;
  scan: while (startk < k && k < MAX_MODELS) {
    startk = k;
    for (const [dp, dq, dP, dQ] of moves) {
      const np = p + dp;
      const nq = q + dq;
      const nP = P + dP;
      const nQ = Q + dQ;
      if (np < 0 || nq < 0 || nP < 0 || nQ < 0 || np > maxp || nq > maxq || nP > maxP || nQ > maxQ) continue;
      if (!isNew(np, nq, nP, nQ, constant)) continue;
      k++;
      if (k > MAX_MODELS) continue scan;
      const cand = run(np, nq, nP, nQ, constant);
      if (cand.ic < best.ic) {
        best = cand;
        bestIc = best.ic;
        p = np;
        q = nq;
        P = nP;
        Q = nQ;
        continue scan;
      }
    }
    if (setup.allowConstant && isNew(p, q, P, Q, !constant)) {
      k++;
      if (k > MAX_MODELS) continue scan;
      const cand = run(p, q, P, Q, !constant);
      if (cand.ic < best.ic) {
        best = cand;
        bestIc = best.ic;
        constant = !constant;
      }
    }
  }
  return { best, results };
}
