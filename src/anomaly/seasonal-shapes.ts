/**
 * The seasonal shapes of a sheet's phased plans, for the lines planned flat against seasonal
 * actuals: such a line's pattern of variances is estimated as one of the sheet's shapes (its
 * amplitude fitted) rather than month by month from the line's other years.
 */
import { mad } from '../stats/mad';
import { leastSquares } from '../forecast/least-squares';
import { incompleteBeta } from '../scenario/special/beta';

/** A plan whose months differ from its year's mean by less than this (root mean square) is flat. */
const LEAST_SEASONALITY = 0.01;

/** Two shapes correlated at least this much are one shape (averaged). */
const SAME_SHAPE = 0.95;

/**
 * A shape must be the phasing of at least this many plans: a flat-planned line takes the best of the
 * library, and the best of many one-off phasings would fit its noise. The library keeps at most as
 * many shapes as the space they live in has dimensions, periodsPerYear − 2 (a shape has no constant
 * and no tilt), the most used first: a sheet can phase as many seasons as it has kinds of account
 * (a flat-planned line whose season was left out takes a wrong one, and its season's months come
 * back as one-offs), and more shapes than dimensions would be linear combinations of the others.
 */
const LEAST_PLANS = 2;
const FIXED_DIMENSIONS = 2;

/** Huber's constant for the amplitude fit (95% efficiency under normal noise). */
const HUBER = 1.345;

/** Reweighting steps of the Huber fit at most (it settles in a handful). */
const MOST_STEPS = 50;

/** The within-year position 0 … P − 1 centred, so a growth over the year shows as a tilt. */
const tilt = (m: number, periodsPerYear: number) => m - (periodsPerYear - 1) / 2;

/** Removes the constant and the tilt from a profile and scales it to unit length (null when nothing is left). */
function normalisedShape(profile: number[], periodsPerYear: number): number[] | null {
  const mean = profile.reduce((a, b) => a + b, 0) / periodsPerYear;
  const centred = profile.map((v) => v - mean);
  let sxy = 0;
  let sxx = 0;
  centred.forEach((v, m) => {
    sxy += v * tilt(m, periodsPerYear);
    sxx += tilt(m, periodsPerYear) ** 2;
  });
  const flat = centred.map((v, m) => v - (sxy / sxx) * tilt(m, periodsPerYear));
  const norm = Math.sqrt(flat.reduce((a, v) => a + v * v, 0));
  return norm / Math.sqrt(periodsPerYear) < LEAST_SEASONALITY ? null : flat.map((v) => v / norm);
}

/** The plan's seasonal profile: each position's mean of plan / the year's mean plan, over the full years. */
function planProfile(plan: ReadonlyArray<number | null>, periodsPerYear: number): number[] | null {
  const years = Math.floor(plan.length / periodsPerYear);
  if (years < 1) return null;
  const profile = new Array<number>(periodsPerYear).fill(0);
  for (let y = 0; y < years; y += 1) {
    const year = plan.slice(y * periodsPerYear, (y + 1) * periodsPerYear);
    if (year.some((v) => v === null || !Number.isFinite(v))) return null;
    const mean = (year as number[]).reduce((a, b) => a + b, 0) / periodsPerYear;
    if (!(mean > 0)) return null;
    year.forEach((v, m) => (profile[m] += (v as number) / mean / years));
  }
  return profile;
}

/**
 * The distinct seasonal shapes of the sheet's plans: each plan's profile (plan over its year's mean,
 * averaged over the full years) less its mean and its tilt (a growth over the year), scaled to unit
 * length; plans with less than 1% seasonality give none, and shapes correlated at 0.95 or more are
 * averaged into one. Shapes of a single plan are left out, and at most periodsPerYear − 2 are kept (10 for
 * months), the most used first.
 * @example seasonalShapes([[1, 2, 1, 2, 1, 2, 1, 2], [2, 4, 2, 4, 2, 4, 2, 4], [5, 5, 5, 5, 5, 5, 5, 5]], 4).length // 1
 */
export function seasonalShapes(plans: ReadonlyArray<ReadonlyArray<number | null>>, periodsPerYear: number): number[][] {
  const clusters: { sum: number[]; shape: number[]; plans: number }[] = [];
  // With fewer than three positions a year, the constant and the tilt leave no shape.
  if (periodsPerYear < 3) return [];
  for (const plan of plans) {
    const profile = planProfile(plan, periodsPerYear);
    const shape = profile && normalisedShape(profile, periodsPerYear);
    if (!shape) continue;
    const home = clusters.find((c) => c.shape.reduce((a, v, m) => a + v * shape[m], 0) >= SAME_SHAPE);
    if (!home) {
      clusters.push({ sum: [...shape], shape, plans: 1 });
      continue;
    }
    home.plans += 1;
    home.sum = home.sum.map((v, m) => v + shape[m]);
    const norm = Math.sqrt(home.sum.reduce((a, v) => a + v * v, 0));
    home.shape = home.sum.map((v) => v / norm);
  }
  return clusters
    .filter((c) => c.plans >= LEAST_PLANS)
    .sort((a, b) => b.plans - a.plans)
    .slice(0, periodsPerYear - FIXED_DIMENSIONS)
    .map((c) => c.shape);
}

/** Is the plan the same in every period of each year (phased flat)? */
export function isFlatPlan(plan: ReadonlyArray<number>, index: ReadonlyArray<number>, periodsPerYear: number): boolean {
  const byYear = new Map<number, number>();
  return index.every((t, i) => {
    const year = Math.floor(t / periodsPerYear);
    const first = byYear.get(year) ?? plan[i];
    byYear.set(year, first);
    return Math.abs(plan[i] - first) <= 1e-9 * Math.max(1, Math.abs(first));
  });
}

/**
 * Robust least squares of `y` on one or two columns `x` (no intercept): Huber's M-estimate with
 * k = 1.345 by iteratively reweighted least squares from the least-squares start, the scale
 * re-estimated each step as the MAD of the residuals (src/stats, about their median: with no
 * intercept the residuals need not centre on 0, and their offset is not noise; R's MASS::rlm takes
 * the median absolute residual instead). Returns the coefficients and Huber's loss
 * Σ ρ(residual / scale) · scale², which compares fits on the same `y`.
 * @example huberFit([1, 2, 3, 4, 50], [[1, 2, 3, 4, 5]]).beta[0] // ≈ 1 (the wild last value barely counts)
 */
export function huberFit(
  y: ReadonlyArray<number>,
  x: ReadonlyArray<ReadonlyArray<number>>,
): { beta: number[]; loss: number } {
  let beta = x.map(() => 0);
  let weight = y.map(() => 1);
  const residuals = (b: number[]) => y.map((v, t) => v - b.reduce((s, c, i) => s + c * x[i][t], 0));
  let scale = 0;
  for (let step = 0; step < MOST_STEPS; step += 1) {
    const next = weightedLeastSquares(y, x, weight);
    const r = residuals(next);
    scale = mad(r);
    if (!(scale > 0)) {
      beta = next;
      break;
    }
    weight = r.map((v) => Math.min(1, (HUBER * scale) / Math.abs(v)));
    const settled = next.every((c, i) => Math.abs(c - beta[i]) <= 1e-10 * (1e-10 + Math.abs(c)));
    beta = next;
    if (settled) break;
  }
  const loss = residuals(beta).reduce((s, v) => {
    const u = scale > 0 ? Math.abs(v) / scale : 0;
    return s + (u <= HUBER ? (u * u) / 2 : HUBER * u - (HUBER * HUBER) / 2);
  }, 0);
  return { beta, loss: loss * scale * scale };
}

/** Weighted least squares on one or two columns (the normal equations solved directly). */
function weightedLeastSquares(
  y: ReadonlyArray<number>,
  x: ReadonlyArray<ReadonlyArray<number>>,
  weight: ReadonlyArray<number>,
): number[] {
  const dot = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) =>
    a.reduce((s, v, t) => s + weight[t] * v * b[t], 0);
  if (x.length === 1) {
    const xx = dot(x[0], x[0]);
    return [xx > 0 ? dot(x[0], y) / xx : 0];
  }
  const [a, b] = x;
  const aa = dot(a, a);
  const ab = dot(a, b);
  const bb = dot(b, b);
  const det = aa * bb - ab * ab;
  if (!(Math.abs(det) > 1e-12 * aa * bb)) return [0, 0];
  const ay = dot(a, y);
  const by = dot(b, y);
  return [(ay * bb - by * ab) / det, (aa * by - ab * ay) / det];
}

/**
 * The pattern of a flat-planned line's variances (deviations from their local level `detrended`):
 * the best of the sheet's shapes times a fitted amplitude, plus a fitted tilt (the year's growth
 * against a plan phased at the year's mean), by Huber's robust fit so a spike does not move it.
 */
export function shapePattern(
  detrended: ReadonlyArray<number>,
  position: ReadonlyArray<number>,
  shapes: ReadonlyArray<ReadonlyArray<number>>,
  periodsPerYear: number,
): number[] {
  const ramp = position.map((m) => tilt(m, periodsPerYear));
  let best = huberFit(detrended, [ramp]);
  let columns: number[][] = [ramp];
  for (const shape of shapes) {
    const column = position.map((m) => shape[m]);
    const fit = huberFit(detrended, [column, ramp]);
    if (fit.loss < best.loss) {
      best = fit;
      columns = [column, ramp];
    }
  }
  return position.map((_, t) => best.beta.reduce((s, c, i) => s + c * columns[i][t], 0));
}

/**
 * Does one of the sheet's `shapes` fit a flat-planned line's variances `r` beyond its noise? The
 * F-test of the best shape's amplitude (one degree of freedom) against a level per year and a
 * within-year tilt (the year's growth against a plan at the year's mean), by least squares, its
 * p-value Bonferroni-adjusted over the shapes tried: p = K · min_k I_x((n − c − 1)/2, 1/2) at
 * x = SS_with / SS_without, c the columns without the shape (the same Beta law as
 * seasonal-test.ts' profile, here with the sheet's shapes as the only seasons on offer, so it needs
 * a single year, not two). 1 without shapes or residual degrees of freedom.
 * @example
 * // A year planned flat against actuals swinging with the sheet's season, noise about 1%:
 * const shape = [1, 1, 0, 0, -1, -1, -1, -1, 0, 0, 1, 1].map((v) => v / Math.sqrt(8));
 * sheetShapePValue(shape.map((v, t) => 0.3 * v + 0.01 * Math.sin(7 * t)), [...Array(12).keys()], [shape], 12) // < 1e-6
 */
export function sheetShapePValue(
  r: ReadonlyArray<number>,
  index: ReadonlyArray<number>,
  shapes: ReadonlyArray<ReadonlyArray<number>>,
  periodsPerYear: number,
): number {
  const years = [...new Set(index.map((t) => Math.floor(t / periodsPerYear)))];
  const without = [
    ...years.map((y) => index.map((t) => (Math.floor(t / periodsPerYear) === y ? 1 : 0))),
    index.map((t) => tilt(t % periodsPerYear, periodsPerYear)),
  ];
  const df = r.length - without.length - 1;
  const squares = (columns: ReadonlyArray<ReadonlyArray<number>>) => {
    const beta = leastSquares(columns, r);
    return r.reduce((s, v, t) => s + (v - columns.reduce((f, c, j) => f + beta[j] * c[t], 0)) ** 2, 0);
  };
  const base = squares(without);
  if (shapes.length === 0 || df < 1 || !(base > 0)) return 1;
  const least = Math.min(
    ...shapes.map((shape) => {
      const fitted = squares([...without, index.map((t) => shape[t % periodsPerYear])]);
      return incompleteBeta(Math.min(1, fitted / base), df / 2, 0.5);
    }),
  );
  return Math.min(1, least * shapes.length);
}
