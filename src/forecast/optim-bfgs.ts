import { zeroedArray } from './zeroed-arrays';
// Math and Number functions bound once: global lookups are slow in vm sandboxes (jest), and these are hot paths.
const { abs, sqrt } = Math;
const { EPSILON, isFinite } = Number;
/**
 * R's `optim(method = "BFGS")` without a gradient function: the variable-metric minimiser of Nash
 * (1990, Algorithm 21; R's `vmmin`) on par / parscale, with central-difference gradients of step
 * `ndeps` in the scaled coordinates, and `optimHess` for the Hessian. Ported step for step (same
 * acceptance test, step reduction, resets and stopping rule), so that fits which R's `arima`
 * makes with it can be reproduced to rounding, including where it stops short of the optimum.
 */

const STEP_REDUCTION = 0.2;
const ACCEPT_TOLERANCE = 1e-4;
const REL_TEST = 10;

/** Raised where R's optim stops with an error (non-finite start or finite difference). */
export class OptimFailure extends Error {}

export interface BfgsOptions {
  /** Scale of each parameter; the search runs on par / parscale. @default 1 */
  parscale?: ArrayLike<number>;
  /** Finite-difference step in scaled coordinates. @default 1e-3 */
  ndeps?: number;
  /** Iteration limit (gradient evaluations). @default 100 */
  maxit?: number;
  /** Relative convergence tolerance on the objective. @default √ε ≈ 1.49e-8 */
  reltol?: number;
  /**
   * The objective's gradient at x (unscaled coordinates), into `out`, as R's `gr` argument: used in
   * place of the central differences. @default central differences of step ndeps
   */
  gradient?: (x: Float64Array, out: Float64Array) => void;
}

export interface BfgsResult {
  par: Float64Array;
  value: number;
  /** 0 converged, 1 iteration limit reached (R's `convergence`). */
  convergence: number;
  fnCount: number;
  grCount: number;
}

type Objective = (x: Float64Array) => number;

/** The objective on scaled coordinates, as R's `fminfn`: fn(p · parscale). */
function scaled(fn: Objective, parscale: Float64Array): (p: Float64Array) => number {
  const x = new Float64Array(parscale.length);
  return (p) => {
    for (let i = 0; i < p.length; i++) {
      if (!isFinite(p[i])) throw new OptimFailure('non-finite value supplied by optim');
      x[i] = p[i] * parscale[i];
    }
    return fn(x);
  };
}

/** R's `fmingr` without a gradient function: central differences of step ndeps, in scaled coordinates. */
function numericGradient(
  fn: Objective,
  parscale: Float64Array,
  ndeps: number,
  p: Float64Array,
  df: Float64Array,
  x: Float64Array = new Float64Array(p.length),
): void {
  const n = p.length;
  for (let i = 0; i < n; i++) x[i] = p[i] * parscale[i];
  for (let i = 0; i < n; i++) {
    x[i] = (p[i] + ndeps) * parscale[i];
    const v1 = fn(x);
    x[i] = (p[i] - ndeps) * parscale[i];
    const v2 = fn(x);
    df[i] = (v1 - v2) / (2 * ndeps);
    if (!isFinite(df[i])) throw new OptimFailure(`non-finite finite-difference value [${i + 1}]`);
    x[i] = p[i] * parscale[i];
  }
}

/** R's `fmingr` with a gradient function: gr(p · parscale) · parscale. */
function analyticGradient(
  gr: (x: Float64Array, out: Float64Array) => void,
  parscale: Float64Array,
): (p: Float64Array, df: Float64Array) => void {
  const x = new Float64Array(parscale.length);
  return (p, df) => {
    for (let i = 0; i < p.length; i++) x[i] = p[i] * parscale[i];
    gr(x, df);
    for (let i = 0; i < p.length; i++) {
      df[i] *= parscale[i];
      if (!isFinite(df[i])) throw new OptimFailure(`non-finite value supplied by optim`);
    }
  };
}

/**
 * Minimises fn from par0 as R's `optim(par0, fn, method = "BFGS", control = list(parscale, ndeps,
 * maxit, reltol))` does.
 * @throws OptimFailure where R's optim stops with an error.
 */
export function optimBfgs(fn: Objective, par0: ArrayLike<number>, options: BfgsOptions = {}): BfgsResult {
  const n = par0.length;
  const parscale = Float64Array.from(options.parscale ?? new Float64Array(n).fill(1));
  const ndeps = options.ndeps ?? 1e-3;
  const maxit = options.maxit ?? 100;
  const reltol = options.reltol ?? sqrt(EPSILON);
  // The working vectors and the inverse-Hessian approximation as views of one buffer (one allocation:
  // the order search runs thousands of small searches).
  const work = zeroedArray(6 * n + n * n);
  const b = work.subarray(0, n);
  for (let i = 0; i < n; i++) b[i] = par0[i] / parscale[i];
  const f0 = scaled(fn, parscale);
  if (maxit <= 0) {
    return {
      par: Float64Array.from(b, (v, i) => v * parscale[i]),
      value: f0(b),
      convergence: 0,
      fnCount: 0,
      grCount: 0,
    };
  }
  const g = work.subarray(n, 2 * n);
  const t = work.subarray(2 * n, 3 * n);
  const X = work.subarray(3 * n, 4 * n);
  const c = work.subarray(4 * n, 5 * n);
  const xg = work.subarray(5 * n, 6 * n);
  const B = work.subarray(6 * n); // lower triangle, row-major B[i * n + j], j ≤ i
  let f = f0(b);
  if (!isFinite(f)) throw new OptimFailure("initial value in 'vmmin' is not finite");
  let fmin = f;
  let funcount = 1;
  let gradcount = 1;
  const gradient = options.gradient
    ? analyticGradient(options.gradient, parscale)
    : (p: Float64Array, df: Float64Array) => numericGradient(fn, parscale, ndeps, p, df, xg);
  gradient(b, g);
  let iter = 1;
  let ilast = gradcount;
  let count = 0;
  do {
    if (ilast === gradcount) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++) B[i * n + j] = 0;
        B[i * n + i] = 1;
      }
    }
    for (let i = 0; i < n; i++) {
      X[i] = b[i];
      c[i] = g[i];
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j <= i; j++) s -= B[i * n + j] * g[j];
      for (let j = i + 1; j < n; j++) s -= B[j * n + i] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = X[i] + steplength * t[i];
          if (REL_TEST + X[i] === REL_TEST + b[i]) count++;
        }
        if (count < n) {
          f = f0(b);
          funcount++;
          accpoint = isFinite(f) && f <= fmin + gradproj * steplength * ACCEPT_TOLERANCE;
          if (!accpoint) steplength *= STEP_REDUCTION;
        }
      } while (!(count === n || accpoint));
      const enough = f > -Infinity && abs(f - fmin) > reltol * (abs(fmin) + reltol);
      if (!enough) {
        count = n;
        fmin = f;
      }
      if (count < n) {
        fmin = f;
        gradient(b, g);
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] = steplength * t[i];
          c[i] = g[i] - c[i];
          D1 += t[i] * c[i];
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j <= i; j++) s += B[i * n + j] * c[j];
            for (let j = i + 1; j < n; j++) s += B[j * n + i] * c[j];
            X[i] = s;
            D2 += s * c[i];
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++)
            for (let j = 0; j <= i; j++) B[i * n + j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1;
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {
        count = 0;
        ilast = gradcount;
      }
    } else {
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (count !== n || ilast !== gradcount);
  return {
    par: Float64Array.from(b, (v, i) => v * parscale[i]),
    value: fmin,
    convergence: iter < maxit ? 0 : 1,
    fnCount: funcount,
    grCount: gradcount,
  };
}

/**
 * fn with its values remembered by the exact bits of x. The Hessian's central differences of central
 * differences evaluate most points twice (x ± hᵢeᵢ ± hⱼeⱼ from rows i and j alike, where the two
 * coordinates' steps agree); fn is a pure function of x, so the remembered value is the one fn
 * would return again.
 */
function remembered(fn: Objective): Objective {
  const values = new Map<string, number>();
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  return (x) => {
    let key = '';
    for (let i = 0; i < x.length; i++) {
      bits[0] = x[i];
      key += `${words[0]},${words[1]};`;
    }
    let v = values.get(key);
    if (v === undefined) {
      v = fn(x);
      values.set(key, v);
    }
    return v;
  };
}

/**
 * R's `optimHess(par, fn, gr, control = list(parscale, ndeps))`: the Hessian by central differences
 * of the gradient (`options.gradient`, else the finite-difference one), symmetrised; n × n row-major.
 * @throws OptimFailure when a finite difference is not finite.
 */
export function optimHessian(fn: Objective, par: ArrayLike<number>, options: BfgsOptions = {}): Float64Array {
  const n = par.length;
  const parscale = Float64Array.from(options.parscale ?? new Float64Array(n).fill(1));
  const ndeps = options.ndeps ?? 1e-3;
  const dpar = Float64Array.from(par, (v, i) => v / parscale[i]);
  const df1 = new Float64Array(n);
  const df2 = new Float64Array(n);
  const H = new Float64Array(n * n);
  const memo = options.gradient ? fn : remembered(fn);
  const gradient = options.gradient
    ? analyticGradient(options.gradient, parscale)
    : (p: Float64Array, df: Float64Array) => numericGradient(memo, parscale, ndeps, p, df);
  for (let i = 0; i < n; i++) {
    const eps = ndeps / parscale[i];
    dpar[i] = dpar[i] + eps;
    gradient(dpar, df1);
    dpar[i] = dpar[i] - 2 * eps;
    gradient(dpar, df2);
    for (let j = 0; j < n; j++) H[i * n + j] = (df1[j] - df2[j]) / (2 * eps * parscale[i] * parscale[j]);
    dpar[i] = dpar[i] + eps;
  }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (H[i * n + j] + H[j * n + i]);
      H[i * n + j] = H[j * n + i] = v;
    }
  return H;
}
