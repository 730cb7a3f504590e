/**
 * The standard normal quantile Φ⁻¹ — the one every engine uses (forecast intervals, scenario
 * sampling and convergence, cash-risk bounds, normal draws of the seeded generator).
 *
 * Wichura's algorithm AS 241 (PPND16), "The percentage points of the normal distribution", Applied
 * Statistics 37(3):477–484, 1988: the method R's `qnorm` uses, and it agrees with R to the last bit
 * from p = 1e-300 to 1 − 1e-15 (test/stats/normal-quantile.test.ts). Only +, −, ×, ÷, √ and
 * `detLog` are used, so a given p gives the same bits in every JavaScript engine.
 *
 * Why this one: of the three implementations the engines had, it is the most accurate (Acklam's
 * approximation polished by Halley steps, formerly in src/forecast, lost 1e-10 relative above
 * p = 1 − 1e-10 because it worked on 1 − p) and the only deterministic one (the Halley steps used
 * Math.exp; simple-statistics' `probit`, formerly in src/cash, is a rough erf inverse: 8.7e-4 relative
 * error at p = 0.95, up to 3.3e-3, and −∞ below p ≈ 1e-17).
 */
import { detLog } from './deterministic-math';

/**
 * Standard normal quantile Φ⁻¹(p); −∞ at 0 and +∞ at 1.
 * @example normalQuantile(0.975) // 1.9599639845400536 (R: sprintf('%.17g', qnorm(0.975)))
 * @example normalQuantile(1e-10) // -6.361340902404056 (R: qnorm(1e-10))
 * @example normalQuantile(0) // -Infinity; normalQuantile(1.5) // NaN
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return p === 0 ? -Infinity : NaN;
  if (p >= 1) return p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  return Math.abs(q) <= 0.425 ? centralQuantile(q) : tailQuantile(p, q);
}

/**
 * out[i] = location + scale·Φ⁻¹(u[i]) for every i: `location + scale * normalQuantile(u[i])`, the same
 * bits, for sampling loops (u and out may be the same array). The central draws are computed in one
 * loop and the tails (15% of uniform draws) in another over their indices, so neither loop calls a
 * function the JIT may leave out of line: a call returning a number allocates one, and calls per draw
 * were the scenario workers' garbage in Chromium.
 * @example normalQuantiles(Float64Array.of(0.5, 0.975), new Float64Array(2), 130, 10) // [130, 149.59963984540053]
 */
export function normalQuantiles(u: Float64Array, out: Float64Array, location = 0, scale = 1): Float64Array {
  const n = u.length;
  const tails =
    n > KEPT_INDICES ? new Int32Array(n) : tailIndices.length >= n ? tailIndices : (tailIndices = new Int32Array(n));
  let count = 0;
  for (let i = 0; i < n; i++) {
    const q = u[i] - 0.5;
    if (Math.abs(q) <= 0.425) out[i] = location + scale * centralQuantile(q);
    else tails[count++] = i;
  }
  tailQuantilesAt(u, out, tails, count, location, scale);
  return out;
}

/** Indices of tail draws, kept per thread for blocks up to this length. */
const KEPT_INDICES = 1 << 18;
let tailIndices = new Int32Array(0);

/** out[i] = location + scale·Φ⁻¹(u[i]) at the first `count` indices of `at` (tails, 0, 1 and NaN). */
function tailQuantilesAt(
  u: Float64Array,
  out: Float64Array,
  at: Int32Array,
  count: number,
  location: number,
  scale: number,
): void {
  for (let k = 0; k < count; k++) {
    const i = at[k];
    const p = u[i];
    out[i] = location + scale * (p > 0 && p < 1 ? tailQuantile(p, p - 0.5) : normalQuantile(p));
  }
}

/** Φ⁻¹(0.5 + q) for |q| ≤ 0.425 (AS 241's central branch). */
function centralQuantile(q: number): number {
  const r = 0.180625 - q * q;
  return (
    (q *
      (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
        45921.953931549871457) *
        r +
        13731.693765509461125) *
        r +
        1971.5909503065514427) *
        r +
        133.14166789178437745) *
        r +
        3.387132872796366608)) /
    (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) *
      r +
      5394.1960214247511077) *
      r +
      687.1870074920579083) *
      r +
      42.313330701600911252) *
      r +
      1)
  );
}

/**
 * Φ⁻¹(p) for |p − 0.5| > 0.425 (AS 241's tails), apart from normalQuantile so that its central branch,
 * where 85% of draws fall, is small enough for the JIT to inline into loops that call normalQuantile.
 */
function tailQuantile(p: number, q: number): number {
  let r = Math.sqrt(-detLog(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}
