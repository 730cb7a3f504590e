/**
 * Is a line's seasonal pattern of variances more than its noise would make by chance? The F-test of
 * a profile of P − 1 free numbers (one per position of the year, less their mean) fitted to n periods:
 * its degrees of freedom, not a fixed share of the noise, set how large a chance pattern can be.
 */
import { incompleteBeta } from '../scenario/special/beta';

/** Sweeps of the two-way fit at most: one for whole years, a few dozen when the last year is partial. */
const MOST_SWEEPS = 200;

/** Each period's mean of `values` over the periods sharing its key. */
function groupMeans(values: ReadonlyArray<number>, key: ReadonlyArray<number>): number[] {
  const sum = new Map<number, number>();
  const count = new Map<number, number>();
  values.forEach((v, i) => {
    sum.set(key[i], (sum.get(key[i]) ?? 0) + v);
    count.set(key[i], (count.get(key[i]) ?? 0) + 1);
  });
  return values.map((_, i) => (sum.get(key[i]) as number) / (count.get(key[i]) as number));
}

const sumOfSquares = (values: ReadonlyArray<number>) => values.reduce((s, v) => s + v * v, 0);

/**
 * Least squares of a level per year plus an effect per position, by alternating the two sets of means
 * (Gauss–Seidel on the normal equations: one sweep over whole years, and it converges to least squares
 * when the last year is partial). Each period's fitted value.
 */
function twoWayFit(r: ReadonlyArray<number>, year: ReadonlyArray<number>, position: ReadonlyArray<number>): number[] {
  let level = groupMeans(r, year);
  let effect = r.map(() => 0);
  const size = Math.sqrt(sumOfSquares(r) / r.length);
  for (let sweep = 0; sweep < MOST_SWEEPS; sweep += 1) {
    const nextEffect = groupMeans(
      r.map((v, i) => v - level[i]),
      position,
    );
    const nextLevel = groupMeans(
      r.map((v, i) => v - nextEffect[i]),
      year,
    );
    let moved = 0;
    nextLevel.forEach((v, i) => (moved = Math.max(moved, Math.abs(v - level[i]), Math.abs(nextEffect[i] - effect[i]))));
    level = nextLevel;
    effect = nextEffect;
    if (moved <= 1e-12 * size) break;
  }
  return level.map((v, i) => v + effect[i]);
}

/**
 * The p-value of the seasonal pattern in `r` (a line's relative variances): least squares of a level
 * per year plus an effect per position of the year (two-way additive), against a level per year alone.
 * F = ((SS_years − SS_both) / (P − 1)) / (SS_both / (n − Y − P + 1)) with Y years and P positions;
 * under independent normal noise it is F(P − 1, n − Y − P + 1) whatever the years' levels, so
 * p = I_x((n − Y − P + 1) / 2, (P − 1) / 2) at x = SS_both / SS_years (the squared ratio of the two
 * fits' root mean squares has that Beta law): the same chance of a false pattern at 4, 12 or 52
 * positions and any number of years. 1 when there is no residual degree of freedom or no variation.
 * @example
 * // Two years of quarters, a ±10% season against noise of about 1%:
 * seasonalPatternPValue([0.1, 0, -0.1, 0.01, 0.11, 0.01, -0.09, -0.01], [0, 0, 0, 0, 1, 1, 1, 1], [0, 1, 2, 3, 0, 1, 2, 3]) // ≈ 0.0013
 */
export function seasonalPatternPValue(
  r: ReadonlyArray<number>,
  year: ReadonlyArray<number>,
  position: ReadonlyArray<number>,
): number {
  const n = r.length;
  const years = new Set(year).size;
  const positions = new Set(position).size;
  const df = n - years - positions + 1;
  if (positions < 2 || df < 1) return 1;
  const yearsOnly = groupMeans(r, year);
  const ssYears = sumOfSquares(r.map((v, i) => v - yearsOnly[i]));
  if (!(ssYears > 0)) return 1;
  const fitted = twoWayFit(r, year, position);
  const ssBoth = sumOfSquares(r.map((v, i) => v - fitted[i]));
  return incompleteBeta(Math.min(1, ssBoth / ssYears), df / 2, (positions - 1) / 2);
}
