import * as fs from 'fs';
import * as path from 'path';
import type { ArimaOrder } from '../../src/forecast/arima-params';
import type { ArimaRegressor } from '../../src/forecast/arima-objective';
import { expandArma } from '../../src/forecast/arima-params';
import {
  createArimaStateSpace,
  differencingCoefficients,
  fullInitialState,
  prepareArimaState,
} from '../../src/forecast/arima-state-space';
import type { FilterSums } from '../../src/forecast/arima-kalman';
import { arimaFilterFull } from '../../src/forecast/arima-kalman';
import { SeededGenerator } from '../../src/stats';
import type { ArimaProblem } from '../../src/forecast/arima-objective';
import { createArimaProblem } from '../../src/forecast/arima-objective';
import type { ObjectiveGradient } from '../../src/forecast/arima-css-gradient';

/** R's forecast(fit, h, level = c(80, 95)) in a fixture. */
export interface RArimaForecast {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

/** One forecast::Arima() fit from scripts/r/make-arima-fixtures.R. */
export interface RArimaFit {
  name: string;
  call: string;
  frequency: number;
  horizon: number;
  values: number[];
  order: number[];
  seasonal: number[];
  regressor: ArimaRegressor;
  coef: number[];
  coefNames: string[];
  se: number[];
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  sigma2: number;
  residuals: number[];
  forecast: RArimaForecast;
}

/** One forecast::auto.arima() fit from scripts/r/make-auto-arima-fixtures.R (values in ../shared/data). */
export interface RAutoArima {
  set: string;
  id: string;
  form: 'full' | 'last60';
  frequency: number;
  horizon: number;
  length: number;
  model: string;
  /** p, d, q, P, D, Q */
  order: number[];
  constant: ArimaRegressor;
  coef: number[];
  loglik: number;
  aicc: number;
  sigma2: number;
  seasonalStrength?: number;
  nsdiffs: number;
  ndiffs: number;
  mean: number[];
  lo95: number[];
  hi95: number[];
  seconds: number;
}

const DIR = path.join(__dirname, '..', 'fixtures', 'forecast', 'arima');

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as T;

export const fixedOrderFits = (): RArimaFit[] => read<RArimaFit[]>('fixed-orders.json');
export const autoArimaFits = (): RAutoArima[] => read<RAutoArima[]>('auto-arima.json');
/** A number, or a vector of them (jsonlite writes vectors of length 1 as numbers). */
export type RVector = number | number[];
export const vec = (x: RVector | undefined): number[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** R results for the building blocks (scripts/r/make-arima-fixtures.R, second part). */
export interface BuildingBlocks {
  bfgs: Array<{
    call: string;
    parscale: number[];
    par: number[];
    value: number;
    counts: number[];
    convergence: number;
    hessian: number[];
  }>;
  q0: Array<{ phi: RVector; theta: RVector; r: number; Q0: RVector; gamma: RVector; psi: RVector }>;
  transPars: { arma: number[]; par: number[]; results: Array<{ transform: boolean; phi: number[]; theta: number[] }> };
  css: Array<{
    name: string;
    frequency: number;
    values: number[];
    order: number[];
    seasonal: number[];
    regressor: ArimaRegressor;
    coef: RVector;
    sigma2: number;
    loglik: number;
  }>;
  differencing: Array<{
    name: string;
    frequency: number;
    values: number[];
    kpss: number;
    ndiffs: number;
    stlSeasonal?: number[];
    stlTrend?: number[];
    strength?: number;
    nsdiffs?: number;
  }>;
  polyroot: Array<{ coef: number[]; re: RVector; im: RVector }>;
}
export const buildingBlocks = (): BuildingBlocks => read<BuildingBlocks>('building-blocks.json');

/** USAccDeaths, the monthly series of the 'usaccdeaths-011-011' fit. */
export const usAccDeathsValues = (): Float64Array =>
  Float64Array.from(fixedOrderFits().find((f) => f.name === 'usaccdeaths-011-011')!.values);

/** An ArimaOrder from its numbers in R's order, the seasonal part off unless given. */
export const arimaOrder = (p: number, d: number, q: number, P = 0, D = 0, Q = 0, m = 1): ArimaOrder => ({
  p,
  d,
  q,
  P,
  D,
  Q,
  m,
});

/** Builds an estimation problem (`fixed`: NaN where a coefficient is free) that conditions on `ncond(o)` values. */
export type ProblemBuilder = (
  y: Float64Array,
  o: ArimaOrder,
  regressor: ArimaRegressor,
  fixed: number[],
) => ArimaProblem;

/** A ProblemBuilder whose objective skips the first `ncond(o)` residuals (CSS) or none (ML: `() => 0`). */
export const problemBuilder =
  (ncond: (o: ArimaOrder) => number): ProblemBuilder =>
  (y, o, regressor, fixed) => {
    const pb = createArimaProblem(y, o, regressor, Float64Array.from(fixed), differencingCoefficients(o.d, o.D, o.m));
    pb.ncond = ncond(o);
    return pb;
  };

/** The models on which a fit with the exact gradient is compared with one using R's numerical gradient. */
export const gradientFitModels = [
  [arimaOrder(0, 1, 1, 0, 1, 1, 12), 'none'],
  [arimaOrder(2, 0, 0, 1, 1, 0, 12), 'drift'],
  [arimaOrder(1, 1, 1), 'drift'],
] as const;

/**
 * ARIMA(2,1,1)(1,1,0)[12] on USAccDeaths with the second coefficient fixed at −0.2: the gradient over
 * the three free ones must be the full gradient's entries 0, 2 and 3 (R `fixed`).
 */
export function expectFixedLeftOut(problem: ProblemBuilder, gradient: (pb: ArimaProblem) => ObjectiveGradient): void {
  const y = usAccDeathsValues();
  const o = arimaOrder(2, 1, 1, 1, 1, 0, 12);
  const out = new Float64Array(3);
  gradient(problem(y, o, 'none', [NaN, -0.2, NaN, NaN]))([0.3, 0.4, 0.2], out);
  const all = new Float64Array(4);
  gradient(problem(y, o, 'none', [NaN, NaN, NaN, NaN]))([0.3, -0.2, 0.4, 0.2], all);
  expectGradientClose(out, [all[0], all[2], all[3]]);
}

/** The fixture's orders as an ArimaOrder (seasonal parts dropped for non-seasonal data, as R does). */
export function orderOf(f: { order: number[]; seasonal: number[]; frequency: number }): ArimaOrder {
  const m = f.frequency;
  const [p, d, q] = f.order;
  const [P, D, Q] = m > 1 ? f.seasonal : [0, 0, 0];
  return { p, d, q, P, D, Q, m };
}

/** The shared tuning data folder (../shared/data beside the repository), or undefined when absent. */
export function sharedDataDir(): string | undefined {
  let dir = path.resolve(__dirname, '..', '..');
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(path.dirname(dir), 'shared', 'data');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

const sets = new Map<string, { series: Array<{ id: string; values: number[] }> }>();

/** The history an auto.arima fixture was computed on, read from the shared data. */
export function fixtureSeries(dir: string, f: RAutoArima): Float64Array {
  if (!sets.has(f.set)) sets.set(f.set, JSON.parse(fs.readFileSync(path.join(dir, `${f.set}.json`), 'utf8')));
  const s = sets.get(f.set)!.series.find((x) => x.id === f.id)!;
  return Float64Array.from(f.form === 'last60' ? s.values.slice(-60) : s.values);
}

/** R's fit filtered with its own coefficients by R's filter: the state space at the end of the history. */
export function filterAtRCoefficients(f: RArimaFit) {
  const o = orderOf(f);
  const ss = createArimaStateSpace(o.p + o.m * o.P, o.q + o.m * o.Q, differencingCoefficients(o.d, o.D, o.m));
  expandArma(f.coef, o, false, ss.phi, ss.theta);
  const k = o.p + o.q + o.P + o.Q;
  const b = f.coef[k];
  const y = Float64Array.from(f.values, (v, t) =>
    f.regressor === 'mean' ? v - b : f.regressor === 'drift' ? v - b * (t + 1) : v,
  );
  prepareArimaState(ss);
  fullInitialState(ss);
  const sums: FilterSums = { ssq: 0, sumlog: 0, nu: 0 };
  const residuals = new Float64Array(y.length);
  arimaFilterFull(y, ss, sums, residuals);
  return { o, ss, sums, residuals, y };
}

/**
 * A seeded gradient check case: a random walk with a season-4 bump near 1e6, a random seasonal order
 * (D = 1, with drift where d + D = 1) and a random coefficient vector of width `spread` around 0.
 */
export function randomSeasonalCase(
  g: SeededGenerator,
  spread: number,
): { y: Float64Array; o: ArimaOrder; regressor: ArimaRegressor; x: number[] } {
  const n = 30 + g.nextBelow(60);
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) y[t] = (t > 0 ? y[t - 1] : 1e6) + g.nextNormal() + (t % 4 === 0 ? 3 : 0);
  const o: ArimaOrder = {
    p: g.nextBelow(3),
    d: g.nextBelow(2),
    q: g.nextBelow(3),
    P: g.nextBelow(2),
    D: 1,
    Q: 0,
    m: 4,
  };
  o.Q = g.nextBelow(2);
  const regressor: ArimaRegressor = o.d + o.D === 1 ? 'drift' : 'none';
  const k = o.p + o.q + o.P + o.Q + (regressor === 'none' ? 0 : 1);
  const x = Array.from({ length: k }, () => spread * (g.nextOpen01() - 0.5));
  return { y, o, regressor, x };
}

/** An exact gradient of an ARIMA objective, and the objective it is the gradient of. */
export interface ExactGradient {
  gradient: (pb: ArimaProblem) => ObjectiveGradient;
  objective: (pb: ArimaProblem, x: ArrayLike<number>) => number;
}

/** An objective with its gradient sharing work, and the separate functions it must equal. */
export interface PairedObjective extends ExactGradient {
  pair: (pb: ArimaProblem) => { objective: (x: ArrayLike<number>) => number; gradient: ObjectiveGradient };
}

/**
 * Checks on 10 seeded seasonal cases that a paired objective and gradient give the separate
 * functions bit for bit: at the objective's last point (the shared work is used) and off it (the
 * Hessian's steps: it is not). `problem` builds the estimation problem with every coefficient free.
 */
export function expectPairEqualsSeparate(seed: number, problem: ProblemBuilder, f: PairedObjective): void {
  const g = new SeededGenerator(seed, 'arima-objective-pair');
  for (let trial = 0; trial < 10; trial++) {
    const { y, o, regressor, x } = randomSeasonalCase(g, 0.4);
    const pb = problem(
      y,
      o,
      regressor,
      x.map(() => NaN),
    );
    const pair = f.pair(pb);
    const want = new Float64Array(x.length);
    const got = new Float64Array(x.length);
    expect(pair.objective(x)).toBe(f.objective(pb, x));
    f.gradient(pb)(x, want);
    pair.gradient(x, got);
    expect(Array.from(got)).toEqual(Array.from(want));
    const moved = x.map((v, i) => (i === 0 ? v + 1e-3 : v));
    f.gradient(pb)(moved, want);
    pair.gradient(moved, got);
    expect(Array.from(got)).toEqual(Array.from(want));
  }
}

/**
 * Central differences of `objective` at x with the step 1e-6·max(1, |xᵢ|): the reference an exact
 * gradient must meet.
 */
export function centralDifferences(objective: (x: number[]) => number, x: number[]): number[] {
  return x.map((v, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(v));
    const up = [...x];
    const down = [...x];
    up[i] += h;
    down[i] -= h;
    return (objective(up) - objective(down)) / (2 * h);
  });
}

/** Each entry of `got` within `tol` of `want`, relative to want's largest magnitude (at least 1e-3). */
export function expectGradientClose(got: ArrayLike<number>, want: number[], tol = 1e-6): void {
  const scale = Math.max(...want.map(Math.abs), 1e-3);
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i]) / scale).toBeLessThan(tol);
}

/** The exact gradient at `x` (every coefficient free) within `tol` of central differences of its objective. */
export function expectGradientAt(
  problem: ProblemBuilder,
  f: ExactGradient,
  y: Float64Array,
  o: ArimaOrder,
  regressor: ArimaRegressor,
  x: readonly number[],
  tol = 1e-6,
): void {
  const pb = problem(
    y,
    o,
    regressor,
    x.map(() => NaN),
  );
  const out = new Float64Array(x.length);
  f.gradient(pb)([...x], out);
  expectGradientClose(
    out,
    centralDifferences((z) => f.objective(pb, z), [...x]),
    tol,
  );
}

/**
 * Checks an exact gradient against central differences of its objective on 20 seeded seasonal cases
 * (randomSeasonalCase with `spread`), every coefficient free.
 */
export function expectGradientOnRandomCases(
  g: SeededGenerator,
  spread: number,
  problem: ProblemBuilder,
  f: ExactGradient,
  tol = 1e-6,
): void {
  for (let trial = 0; trial < 20; trial++) {
    const { y, o, regressor, x } = randomSeasonalCase(g, spread);
    expectGradientAt(problem, f, y, o, regressor, x, tol);
  }
}

/**
 * Central differences at s = 0 of a function of one step s that returns named vectors:
 * (f(h) − f(−h)) / 2h entry by entry, h = 1e-6, for each vector.
 */
export function centralDifferencesAlong<K extends string>(
  f: (s: number) => Record<K, Float64Array>,
): Record<K, Float64Array> {
  const h = 1e-6;
  const up = f(h);
  const down = f(-h);
  const out = {} as Record<K, Float64Array>;
  for (const k of Object.keys(up) as K[]) out[k] = up[k].map((v, i) => (v - down[k][i]) / (2 * h));
  return out;
}
