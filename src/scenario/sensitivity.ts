/**
 * Sensitivity of an output to each driver (tornado data):
 * - Spearman rank correlation of driver and output (monotone association, robust to skew);
 * - standardised regression coefficients (SRC): the coefficients of the least-squares fit of the
 *   standardised output on the standardised drivers, from the normal equations in correlation form
 *   R_xx·b = r_xy (Saltelli et al., "Global Sensitivity Analysis: The Primer", 2008, §1.2.5).
 *   A constant driver gets 0.
 */
import { cholesky, solveWithCholesky } from './matrix';
import { correlationMatrix, midRanks, pearson } from './ranks';

export interface DriverSensitivity {
  driver: string;
  spearman: number;
  src: number;
}

function isConstant(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}

/** Per driver (input order): Spearman with the output and the SRC. */
export interface SensitivityValues {
  spearman: number[];
  src: number[];
}

/**
 * Spearman and SRC of each driver with the output, in the drivers' order.
 * @example sensitivityValues([a], y).src[0] // 1 when y = 2a + 3
 */
export function sensitivityValues(drivers: readonly Float64Array[], output: Float64Array): SensitivityValues {
  const outputRanks = midRanks(output);
  const flat = isConstant(output);
  const spearman = drivers.map((x) => (flat || isConstant(x) ? 0 : pearson(midRanks(x), outputRanks)));
  const active = drivers.map((_, i) => i).filter((i) => !isConstant(drivers[i]));
  const src = new Array<number>(drivers.length).fill(0);
  if (active.length > 0 && !flat) {
    const rxx = correlationMatrix(active.map((i) => drivers[i]));
    const rxy = active.map((i) => pearson(drivers[i], output));
    let l = cholesky(rxx);
    // Collinear drivers: a tiny ridge keeps the system solvable.
    for (let ridge = 1e-10; !l && ridge < 1; ridge *= 100)
      l = cholesky(rxx.map((row, i) => row.map((v, j) => (i === j ? v + ridge : v))));
    if (l) {
      const b = solveWithCholesky(l, rxy);
      active.forEach((d, i) => (src[d] = b[i]));
    }
  }
  return { spearman, src };
}

/** Named and sorted by |Spearman| (largest first), then |SRC|: the tornado's order. */
export function rankedSensitivities(names: readonly string[], values: SensitivityValues): DriverSensitivity[] {
  return names
    .map((driver, i) => ({ driver, spearman: values.spearman[i], src: values.src[i] }))
    .sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman) || Math.abs(b.src) - Math.abs(a.src));
}

/**
 * Sensitivities sorted by |Spearman| (largest first).
 * @example sensitivities(['a'], [a], y)[0].src // 1 when y = 2a + 3
 */
export function sensitivities(
  names: readonly string[],
  drivers: readonly Float64Array[],
  output: Float64Array,
): DriverSensitivity[] {
  return rankedSensitivities(names, sensitivityValues(drivers, output));
}
