/**
 * Gamma(shape, scale) and Student-t(df) with location and scale.
 */
import { incompleteBeta, inverseIncompleteBeta, lnBeta } from '../special/beta';
import { detExp, detLog } from '../../stats/deterministic-math';
import { gammaP, inverseGammaP, lnGamma } from '../../stats/gamma-functions';
import { invertSorted } from '../special/sorted-inverse';
import { normalQuantile } from '../../stats/normal-quantile';
import { Distribution } from './types';

/**
 * Gamma with shape k and scale θ (mean kθ, variance kθ²).
 * @example gamma(2, 1).quantile(0.95) // 4.743864518186188 (R: qgamma(0.95, 2))
 */
export function gamma(shape: number, scale: number): Distribution {
  return {
    family: 'gamma',
    discrete: false,
    mean: () => shape * scale,
    variance: () => shape * scale * scale,
    cdf: (x) => gammaP(shape, x / scale),
    quantile: (p) => scale * inverseGammaP(p, shape),
    quantiles(u, out) {
      const lng = lnGamma(shape);
      invertSorted(
        u,
        out,
        (p, guess) => inverseGammaP(p, shape, guess),
        (x) => 1 / detExp((shape - 1) * detLog(x) - x - lng),
        (x) => (shape - 1) / x - 1,
      );
      for (let i = 0; i < out.length; i++) out[i] *= scale;
    },
  };
}

/**
 * Above this many degrees of freedom the t quantile is taken from its expansion around the normal's:
 * the incomplete beta's inversion at a = df/2 loses digits from df ≈ 10⁷ on (at df = 10⁹ its 5%
 * point came out −1.378 for −1.645), where the expansion's first omitted term is below 1e-20.
 */
const CORNISH_FISHER_DF = 1e5;

/**
 * The t quantile from the normal quantile z (Abramowitz & Stegun 26.7.5, Fisher–Cornish; four terms).
 * @example cornishFisherT(1.6448536269514722, 1e9) // 1.6448536276 (R: qt(0.95, 1e9))
 */
export function cornishFisherT(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * Student-t with df degrees of freedom, shifted by `location` and stretched by `scale`.
 * CDF: with x = df/(df + t²), P(T ≤ −|t|) = ½·I_x(df/2, ½). The quantile inverts whichever of
 * I_x(df/2, ½) or I_{1−x}(½, df/2) is the smaller probability, so both the centre and the tails
 * keep full precision.
 * @example studentT(5).quantile(0.975) // 2.5705818366147395 (R: qt(0.975, 5))
 */
export function studentT(df: number, location = 0, scale = 1): Distribution {
  const half = 0.5 * df;
  const lnBTail = lnBeta(half, 0.5);
  const lnBCentre = lnBeta(0.5, half);
  const standardCdf = (t: number): number => {
    const x = df / (df + t * t);
    const tail = 0.5 * incompleteBeta(x, half, 0.5, lnBTail);
    return t > 0 ? 1 - tail : tail;
  };
  const standardQuantile = (p: number): number => {
    if (p <= 0) return -Infinity;
    if (p >= 1) return Infinity;
    if (p === 0.5) return 0;
    if (df > CORNISH_FISHER_DF) return cornishFisherT(normalQuantile(p), df);
    const q = 2 * Math.min(p, 1 - p);
    let t: number;
    if (q < 0.5) {
      const x = inverseIncompleteBeta(q, half, 0.5, undefined, lnBTail);
      t = Math.sqrt((df * (1 - x)) / x);
    } else {
      const y = inverseIncompleteBeta(1 - q, 0.5, half, undefined, lnBCentre);
      t = Math.sqrt((df * y) / (1 - y));
    }
    return p < 0.5 ? -t : t;
  };
  return {
    family: 'student',
    discrete: false,
    mean: () => (df > 1 ? location : NaN),
    variance: () => (df > 2 ? (scale * scale * df) / (df - 2) : df > 1 ? Infinity : NaN),
    cdf: (x) => standardCdf((x - location) / scale),
    quantile: (p) => location + scale * standardQuantile(p),
    quantiles(u, out) {
      for (let i = 0; i < u.length; i++) out[i] = location + scale * standardQuantile(u[i]);
    },
  };
}
