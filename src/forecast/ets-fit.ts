import type { EtsParams, EtsSpec } from './ets-model';
import { freeParameterCount, stateCount } from './ets-model';
import { etsFilter } from './ets-filter';
import { etsCriterion } from './ets-criterion';
import { etsInitialState } from './ets-initial-state';
import { parametersAllowed, USUAL_LOWER, USUAL_UPPER } from './ets-bounds';
import { nelderMead } from './nelder-mead';
import { optimalLinearState } from './ets-linear-states';
// Math and Infinity are bound once: global lookups are slow inside vm sandboxes (jest), and this is a hot path.
const { exp, min } = Math;
const INF = 1 / 0;
// Local copies of the bounds: bundlers' CommonJS interop may turn every access to an imported
// binding into a getter call, and the objective below reads them on each evaluation.
const LOWER: Readonly<Record<keyof EtsParams, number>> = { ...USUAL_LOWER };
const UPPER: Readonly<Record<keyof EtsParams, number>> = { ...USUAL_UPPER };
const { alpha: LOWER_ALPHA, beta: LOWER_BETA, gamma: LOWER_GAMMA, phi: LOWER_PHI } = LOWER;
const { alpha: UPPER_ALPHA, beta: UPPER_BETA, gamma: UPPER_GAMMA, phi: UPPER_PHI } = UPPER;
// The same for the functions the objective calls on every evaluation.
const allowed = parametersAllowed;
const criterion = etsCriterion;
const filter = etsFilter;

/** Evaluation budgets of the optimiser (R's ets() allows 2000 per fit). */
const MAX_EVALUATIONS = 2000;
const SCOUT_EVALUATIONS_PER_DIMENSION = { full: 100, fast: 30 } as const;
/**
 * The "fast" budgets (scouting 30 evaluations per dimension from each start, raced for seasonal
 * models as below; a 300-evaluation joint polish, 200 for linear seasonal models; no restart): on
 * 60 tourism series AAA and MAM fits end within 0.1 of the full fit's mean logLik at about a third
 * of the cost.
 */
const FAST_POLISH_EVALUATIONS = 300;
/**
 * Fast scouting of seasonal models as a race: 10 evaluations per dimension from each start, then 45
 * more for the leader. On the 366 tourism series the selected model's AICc is as low as with 30
 * per start (mean −0.007; 104 series lower by more than 0.1, 23 higher), for 75 instead of 90
 * evaluations per dimension with three starts (trend models).
 */
const RACE_EVALUATIONS_PER_DIMENSION = 10;
const LEADER_EVALUATIONS_PER_DIMENSION = 45;
/**
 * Linear seasonal models (ANA, AAA, AAdA) start the polish from least-squares-optimal initial
 * states and end with them, so a shorter polish reaches further: with 200 evaluations their mean
 * logLik on the 366 tourism series is 0.08–0.16 above the 300-evaluation polish without them.
 */
const FAST_POLISH_EVALUATIONS_LINEAR = 200;

/** A fitted ETS model: parameters, states and the fit statistics R's ets() reports. */
export interface EtsFit {
  spec: EtsSpec;
  params: EtsParams;
  /** Full initial state [l, b?, s_1..s_m]. */
  initialState: Float64Array;
  /** State after the last observation; forecasts start from it. */
  finalState: Float64Array;
  /** R's logLik for ets: −½ (n·log Σe² + 2 Σ log|f|). */
  logLik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Residual variance Σe² / (n − number of estimated coefficients), as R's ets()$sigma2. */
  sigma2: number;
  /** Mean squared one-step error on the data scale. */
  mse: number;
  residuals: Float64Array;
  fitted: Float64Array;
  n: number;
}

/**
 * How hard the optimiser works. "full" (default) polishes all initial states jointly as R does;
 * "fast" (used for automatic selection) gives the joint polish a smaller budget.
 */
export type FitEffort = 'full' | 'fast';

/** Smoothing parameters to hold fixed; absent ones are estimated. */
export type FixedParams = Partial<EtsParams>;

/** Appends the implied last seasonal state (sum 0 additive, m multiplicative) to [l, b?, s_1..s_{m-1}]. */
export function completeState(spec: EtsSpec, partial: ArrayLike<number>): Float64Array {
  const full = new Float64Array(stateCount(spec));
  for (let i = 0; i < partial.length; i++) full[i] = partial[i];
  if (spec.season !== 'N') {
    const off = spec.trend !== 'N' ? 2 : 1;
    let sum = 0;
    for (let i = off; i < partial.length; i++) sum += partial[i];
    full[full.length - 1] = (spec.season === 'M' ? spec.period : 0) - sum;
  }
  return full;
}

/**
 * Evaluates an ETS model with given parameters and full initial state on y: fit statistics,
 * residuals, final state. `estimated` is how many of the smoothing parameters were free (for R's
 * parameter count; R counts every smoothing parameter and initial state in sigma2's denominator).
 */
export function evaluateEts(y: Float64Array, spec: EtsSpec, params: EtsParams, initialState: Float64Array): EtsFit {
  const n = y.length;
  const residuals = new Float64Array(n);
  const fitted = new Float64Array(n);
  const finalState = new Float64Array(initialState.length);
  let lik = etsFilter(y, spec, params, initialState, { residuals, fitted, finalState });
  if (lik < -1e10) lik = -1e10;
  const k = freeParameterCount(spec);
  let sse = 0;
  let sseData = 0;
  for (let t = 0; t < n; t++) {
    sse += residuals[t] * residuals[t];
    sseData += (y[t] - fitted[t]) ** 2;
  }
  const aic = lik + 2 * k;
  return {
    spec,
    params,
    initialState,
    finalState,
    residuals,
    fitted,
    n,
    logLik: -0.5 * lik,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: lik + Math.log(n) * k,
    sigma2: sse / (n - (k - 1)),
    mse: sseData / n,
  };
}

/**
 * Maximum-likelihood fit of one ETS model, as R's ets(y, model = code) with bounds "both":
 * minimises n·log Σe² (+ 2 Σ log|f| for multiplicative error) over the free smoothing parameters
 * and the initial states by Nelder–Mead, from R's starting values, then restarts once from the
 * optimum. The data are divided by their mean absolute value while fitting so that the
 * simplex steps suit any magnitude (the criterion is scale-equivariant); results are on the
 * data's scale. For linear models (additive error, no multiplicative season) the polish starts
 * and ends with the least-squares-optimal initial states for its smoothing parameters (see
 * ets-linear-states.ts). `warm`, a fit of the same trend and season with the other error type, replaces
 * the scouting with a start at its optimum (automatic selection fits A-error models first).
 * Returns undefined when no admissible start exists.
 */
export function fitEts(
  y: Float64Array,
  spec: EtsSpec,
  fixed: FixedParams = {},
  effort: FitEffort = 'full',
  warm?: EtsFit,
): EtsFit | undefined {
  const n = y.length;
  let scale = 0;
  for (let t = 0; t < n; t++) scale += Math.abs(y[t]) / n;
  if (!(scale > 0)) scale = 1;
  const ys = y.map((v) => v / scale);
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const damped = spec.trend === 'Ad';
  const m = seasonal ? spec.period : 1;
  // R's initparam(): starting smoothing parameters.
  const alpha0 = fixed.alpha ?? USUAL_LOWER.alpha + (0.2 * (USUAL_UPPER.alpha - USUAL_LOWER.alpha)) / m;
  const beta0 = fixed.beta ?? USUAL_LOWER.beta + 0.1 * (Math.min(USUAL_UPPER.beta, alpha0) - USUAL_LOWER.beta);
  const gamma0 =
    fixed.gamma ?? USUAL_LOWER.gamma + 0.05 * (Math.min(USUAL_UPPER.gamma, 1 - alpha0) - USUAL_LOWER.gamma);
  const phi0 = fixed.phi ?? USUAL_LOWER.phi + 0.99 * (USUAL_UPPER.phi - USUAL_LOWER.phi);
  // The optimiser works on unconstrained coordinates u: each smoothing parameter is
  // lower + (upper − lower)·σ(u) with R's usual bounds (beta ≤ alpha, gamma ≤ 1 − alpha), so the
  // simplex can approach a boundary without sticking to it.
  const names: Array<keyof EtsParams> = [];
  const x0: number[] = [];
  const steps: number[] = [];
  const logit = (p: number): number => Math.log(p / (1 - p));
  const toUnit = (v: number, lo: number, hi: number): number =>
    logit(Math.min(Math.max((v - lo) / (hi - lo), 1e-6), 1 - 1e-6));
  if (fixed.alpha === undefined) {
    names.push('alpha');
    x0.push(toUnit(alpha0, USUAL_LOWER.alpha, USUAL_UPPER.alpha));
    steps.push(1.5);
  }
  if (hasTrend && fixed.beta === undefined) {
    names.push('beta');
    x0.push(logit(0.1));
    steps.push(1.5);
  }
  if (seasonal && fixed.gamma === undefined) {
    names.push('gamma');
    x0.push(logit(0.05));
    steps.push(1.5);
  }
  if (damped && fixed.phi === undefined) {
    names.push('phi');
    x0.push(logit(0.99));
    steps.push(-1.5);
  }
  const nPar = names.length;
  const init = etsInitialState(ys, spec);
  let maxState = 0;
  for (const v of init) maxState = Math.max(maxState, Math.abs(v));
  for (const v of init) {
    x0.push(v);
    steps.push(0.1 * (maxState || 1));
  }
  const params: EtsParams = {
    alpha: alpha0,
    beta: hasTrend ? beta0 : 0,
    gamma: seasonal ? gamma0 : 0,
    phi: damped ? phi0 : 1,
  };
  const full = new Float64Array(stateCount(spec));
  const off = hasTrend ? 2 : 1;
  // Which parameter each optimiser coordinate sets (0 alpha, 1 beta, 2 gamma, 3 phi): plain field
  // writes instead of keyed ones in this hot loop.
  const kinds = Int8Array.from(names, (name) => ['alpha', 'beta', 'gamma', 'phi'].indexOf(name));
  const objective = (x: Float64Array): number => {
    for (let i = 0; i < nPar; i++) {
      const sig = 1 / (1 + exp(-x[i]));
      const kind = kinds[i];
      if (kind === 0) params.alpha = LOWER_ALPHA + (UPPER_ALPHA - LOWER_ALPHA) * sig;
      else if (kind === 1) params.beta = LOWER_BETA + (min(UPPER_BETA, params.alpha) - LOWER_BETA) * sig;
      else if (kind === 2) params.gamma = LOWER_GAMMA + (min(UPPER_GAMMA, 1 - params.alpha) - LOWER_GAMMA) * sig;
      else params.phi = LOWER_PHI + (UPPER_PHI - LOWER_PHI) * sig;
    }
    if (!allowed(spec, params)) return INF;
    let sum = 0;
    for (let i = nPar; i < nPar + off; i++) full[i - nPar] = x[i];
    for (let i = nPar + off; i < x.length; i++) {
      full[i - nPar] = x[i];
      sum += x[i];
    }
    if (seasonal) {
      full[full.length - 1] = (spec.season === 'M' ? m : 0) - sum;
      if (spec.season === 'M') for (let j = off; j < full.length; j++) if (full[j] < 0) return INF;
    }
    const lik = criterion(ys, spec, params, full) ?? filter(ys, spec, params, full);
    return lik < -1e10 ? -1e10 : lik;
  };
  if (!Number.isFinite(objective(Float64Array.from(x0)))) return undefined;
  // Scout from several starts with a small budget, then polish the most promising one: the
  // likelihood is often multimodal in the smoothing parameters (a slow or a fast-moving level,
  // with a trend a slow or fast slope).
  const starts: Float64Array[] = [Float64Array.from(x0)];
  if (fixed.alpha === undefined) {
    const fast = Float64Array.from(x0);
    fast[0] = 0;
    starts.push(fast);
    if (hasTrend && fixed.beta === undefined) {
      const both = Float64Array.from(fast);
      both[1] = 0;
      starts.push(both);
    }
  }
  // Scouting runs over the smoothing parameters and level/trend only (seasonal starting states
  // held at their heuristic values): few dimensions, so it is quick; the polish is joint.
  const free = seasonal ? nPar + off : x0.length;
  const full0 = Float64Array.from(x0);
  const sub = (z: Float64Array): number => {
    for (let i = 0; i < free; i++) full0[i] = z[i];
    return objective(full0);
  };
  let scout: { x: Float64Array; value: number } = { x: starts[0].slice(0, free), value: INF };
  const warmX = warm && Object.keys(fixed).length === 0 ? warmCoordinates(warm, names, scale, off) : undefined;
  if (warmX && Number.isFinite(objective(warmX))) {
    starts.length = 0;
    x0.splice(0, x0.length, ...warmX);
    full0.set(warmX);
    scout = { x: warmX.slice(0, free), value: objective(warmX) };
  }
  // Seasonal models race their starts: a short search from each, then the leader goes on with
  // half steps (fast effort: 10 + 45 evaluations per dimension instead of 30 per start).
  const race = effort === 'fast' && seasonal && starts.length > 1;
  const perStart = race ? RACE_EVALUATIONS_PER_DIMENSION : SCOUT_EVALUATIONS_PER_DIMENSION[effort];
  for (const start of starts) {
    const r = nelderMead(sub, start.subarray(0, free), { step: steps.slice(0, free), maxEvaluations: perStart * free });
    if (r.value < scout.value) scout = r;
  }
  if (race) {
    const r = nelderMead(sub, scout.x, {
      step: steps.slice(0, free).map((v) => v / 2),
      maxEvaluations: LEADER_EVALUATIONS_PER_DIMENSION * free,
    });
    if (r.value < scout.value) scout = r;
  }
  // For linear models the initial states that minimise the SSE at given smoothing parameters are a
  // least-squares solution (ets-linear-states.ts): the polish starts from them, and the optimum gets them.
  const linear = spec.error === 'A' && spec.season !== 'M';
  const optimal = new Float64Array(full.length);
  const concentrate = (x: Float64Array, value: number): number => {
    if (!linear || !Number.isFinite(objective(x))) return value;
    optimalLinearState(ys, spec, params, full, optimal);
    const trial = Float64Array.from(x);
    trial.set(optimal.subarray(0, x.length - nPar), nPar);
    const v = objective(trial);
    if (!(v < value)) return value;
    x.set(trial);
    return v;
  };
  // Multiplicative error with additive season (MNA, MAA, MAdA) has the same state recursion, so its
  // relative errors (y − f)/f are nearly those of a weighted least-squares problem with weights 1/f²
  // at the current forecasts: two reweighted solves (Gauss–Newton on the relative errors, ignoring
  // the Σ log f term; each kept only if the criterion drops) move the warm start's states, and
  // the optimum's.
  const reweight = (x: Float64Array, value: number): number => {
    const fitted = new Float64Array(ys.length);
    for (let it = 0; it < 2 && Number.isFinite(value) && Number.isFinite(objective(x)); it++) {
      filter(ys, spec, params, full, { fitted });
      for (let t = 0; t < fitted.length; t++) fitted[t] = 1 / (fitted[t] * fitted[t]);
      optimalLinearState(ys, spec, params, full, optimal, fitted);
      const trial = Float64Array.from(x);
      trial.set(optimal.subarray(0, x.length - nPar), nPar);
      const v = objective(trial);
      if (!(v < value)) break;
      x.set(trial);
      value = v;
    }
    return value;
  };
  const polishStart = Float64Array.from(x0);
  polishStart.set(scout.x);
  concentrate(polishStart, objective(polishStart));
  if (spec.error === 'M' && spec.season === 'A') reweight(polishStart, objective(polishStart));
  const polishBudget =
    effort === 'full' ? MAX_EVALUATIONS : linear && seasonal ? FAST_POLISH_EVALUATIONS_LINEAR : FAST_POLISH_EVALUATIONS;
  let best = nelderMead(objective, polishStart, {
    step: steps.map((s, i) => (i < nPar ? s / 2 : s)),
    maxEvaluations: polishBudget,
  });
  const restartSteps = steps.map((s, i) => (i < nPar ? s / 3 : s * 0.5));
  if (effort === 'full') {
    const again = nelderMead(objective, best.x, { step: restartSteps, maxEvaluations: MAX_EVALUATIONS / 2 });
    if (again.value <= best.value) best = again;
  }
  best.value = concentrate(best.x, best.value);
  if (spec.error === 'M' && spec.season === 'A') best.value = reweight(best.x, best.value);
  if (!Number.isFinite(best.value)) return undefined;
  objective(best.x);
  const finalParams: EtsParams = { ...params };
  const state = completeState(spec, best.x.subarray(nPar));
  const multSeason = spec.season === 'M';
  for (let i = 0; i < state.length; i++) if (i < off || !multSeason) state[i] *= scale;
  return evaluateEts(y, spec, finalParams, state);
}

/** Optimiser coordinates (see fitEts) of a fitted model's parameters and initial states. */
function warmCoordinates(
  warm: EtsFit,
  names: ReadonlyArray<keyof EtsParams>,
  scale: number,
  off: number,
): Float64Array {
  const logit = (p: number): number => Math.log(p / (1 - p));
  const unit = (v: number, lo: number, hi: number): number =>
    logit(Math.min(Math.max((v - lo) / (hi - lo), 1e-6), 1 - 1e-6));
  const p = warm.params;
  const coords = names.map((name) => {
    const hi =
      name === 'beta'
        ? Math.min(USUAL_UPPER.beta, p.alpha)
        : name === 'gamma'
          ? Math.min(USUAL_UPPER.gamma, 1 - p.alpha)
          : USUAL_UPPER[name];
    return unit(p[name], USUAL_LOWER[name], hi);
  });
  const states = warm.initialState.subarray(0, warm.initialState.length - (warm.spec.season !== 'N' ? 1 : 0));
  const multSeason = warm.spec.season === 'M';
  return Float64Array.from([...coords, ...Array.from(states, (v, i) => (i < off || !multSeason ? v / scale : v))]);
}
