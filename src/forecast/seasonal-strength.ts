import { stl } from './stl';
import { isConstant } from './kpss';

/**
 * Strength of seasonality F_S = max(0, 1 − Var(R) / Var(S + R)) from an STL decomposition with
 * seasonal window 11 (Wang, Smith & Hyndman 2006; forecast's `seas.heuristic` on `mstl(x)`, which
 * for one season calls stl(x, s.window = 11)). Needs more than two full seasons.
 * @example seasonalStrength(Float64Array.from(USAccDeaths), 12) // ≈ 0.95
 */
export function seasonalStrength(x: ArrayLike<number>, m: number): number {
  const { seasonal, remainder } = stl(x, m, { seasonalWindow: 11 });
  const vr = variance(remainder);
  const vsr = variance(remainder.map((r, i) => r + seasonal[i]));
  return Math.max(0, Math.min(1, 1 - vr / vsr));
}

function variance(v: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < v.length; i++) mean += v[i];
  mean /= v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
  return ss / (v.length - 1);
}

/**
 * Number of seasonal differences D (0 or 1) as forecast's `nsdiffs(x)` with its default test
 * "seas": 1 when the seasonal strength exceeds 0.64. 0 for a constant series or when the series is
 * not longer than one season.
 */
export function nsdiffs(x: ArrayLike<number>, m: number): number {
  if (isConstant(x)) return 0;
  if (2 * m >= x.length) return 0;
  return seasonalStrength(x, m) > 0.64 ? 1 : 0;
}
