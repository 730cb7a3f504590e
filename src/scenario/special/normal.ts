/**
 * The standard normal distribution: CDF Φ and quantile Φ⁻¹.
 *
 * Φ⁻¹ is Wichura's algorithm AS 241 (PPND16), "The percentage points of the normal distribution",
 * Applied Statistics 37(3):477–484, 1988 — about 1e-16 relative accuracy, the method R's qnorm uses.
 * Φ is computed through the incomplete gamma function: Φ(z) = ½·Q(½, z²/2) for z < 0.
 */
import { detExp, detLog } from './det-math';
import { gammaP, gammaQ } from './gamma';

/**
 * Standard normal quantile Φ⁻¹(p); −∞ at 0 and +∞ at 1.
 * @example normalQuantile(0.975) // 1.959963984540054 (R: qnorm(0.975))
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return p === 0 ? -Infinity : NaN;
  if (p >= 1) return p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
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
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
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

/**
 * Standard normal CDF Φ(z), accurate in both tails.
 * @example normalCdf(-1.959963984540054) // 0.025 (R: pnorm(-1.959963984540054))
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const half = 0.5 * z * z;
  return z < 0 ? 0.5 * gammaQ(0.5, half) : 0.5 + 0.5 * gammaP(0.5, half);
}

/** Standard normal density φ(z). */
export function normalDensity(z: number): number {
  return Number.isFinite(z) ? 0.3989422804014327 * detExp(-0.5 * z * z) : 0;
}
