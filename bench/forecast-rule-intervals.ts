/**
 * Interval rules from principles for bench/forecast-rule-set.ts (issue 14, stop 27): per-step width
 * factors from the ETS model's in-sample h-step errors (Williams & Goodman 1971), the interval on the
 * log scale, the members' disagreement in quadrature, and Student-t quantiles. Each takes a forecast's
 * mean and 80/95% bounds and returns factors per level and step, or new bounds.
 */
import type { MemberForecast } from '../src/forecast/member-forecasts';
import { normalQuantile } from '../src/stats/normal-quantile';
import { quantileSorted } from '../src/stats/quantile-sorted';
import { studentT } from '../src/scenario/distributions/gamma-family';
import type { CachedSeries } from './forecast-cache-format';

const LEVELS = [80, 95];

/** Each level's half-widths at step k scaled by factors[level][k], around the mean. */
export function scaleSteps(f: MemberForecast, factors: number[][]): MemberForecast {
  return {
    ...f,
    lower: f.lower.map((lo, i) => lo.map((v, k) => f.mean[k] - factors[i][k] * (f.mean[k] - v))),
    upper: f.upper.map((up, i) => up.map((v, k) => f.mean[k] + factors[i][k] * (v - f.mean[k]))),
  };
}

/**
 * Williams & Goodman's empirical intervals in standardised form: the selected ETS model's in-sample
 * j-step errors from every origin inside the history, over the model's own j-step standard deviation
 * (bench/forecast-cache.ts). "rms": per step, their root mean square (the misspecification of the
 * model's j-step variance), the same for both levels; "levels": per step and level L, the empirical
 * L% quantile of |z| over the normal one (replaces the one-step shape factor); "shape": the same over
 * their root mean square (the tail shape of the j-step errors only). Steps with fewer than
 * 10 errors keep 1.
 */
export function multiStepFactors(
  c: CachedSeries,
  h: number,
  mode: 'rms' | 'levels' | 'shape',
  recentHalf = false,
): number[][] {
  const z = c.ets?.multiStep;
  return LEVELS.map((l) =>
    Array.from({ length: h }, (_, k) => {
      const all = z?.[k] ?? [];
      const e = (recentHalf ? all.slice(Math.floor(all.length / 2)) : all).filter(
        (v): v is number => typeof v === 'number' && Number.isFinite(v),
      );
      if (e.length < 10) return 1;
      if (mode === 'rms') return Math.sqrt(e.reduce((a, v) => a + v * v, 0) / e.length);
      const a = e.map((v) => Math.abs(v)).sort((x, y) => x - y);
      const rms = mode === 'shape' ? Math.sqrt(e.reduce((x, v) => x + v * v, 0) / e.length) : 1;
      return rms > 0 ? quantileSorted(a, l / 100) / rms / normalQuantile(0.5 + l / 200) : 1;
    }),
  );
}

/**
 * The interval on the log scale for a positive forecast (multiplicative errors): "delta" keeps each
 * half-width w as a relative one, bounds p·exp(∓w/p); "lognormal" takes the lognormal with the
 * forecast's mean and the level's standard deviation (w / z).
 */
export function logScale(f: MemberForecast, kind: 'delta' | 'lognormal'): MemberForecast {
  const lower = f.lower.map((lo) => Float64Array.from(lo));
  const upper = f.upper.map((up) => Float64Array.from(up));
  LEVELS.forEach((l, i) => {
    const z = normalQuantile(0.5 + l / 200);
    for (let k = 0; k < f.mean.length; k++) {
      const p = f.mean[k];
      if (!(p > 0)) continue;
      if (kind === 'delta') {
        lower[i][k] = p * Math.exp(-(p - f.lower[i][k]) / p);
        upper[i][k] = p * Math.exp((f.upper[i][k] - p) / p);
      } else {
        const sd = (f.upper[i][k] - f.lower[i][k]) / (2 * z);
        const s2 = Math.log(1 + (sd / p) ** 2);
        const mu = Math.log(p) - s2 / 2;
        lower[i][k] = Math.exp(mu - z * Math.sqrt(s2));
        upper[i][k] = Math.exp(mu + z * Math.sqrt(s2));
      }
    }
  });
  return { ...f, lower, upper };
}

/**
 * The members' disagreement added in quadrature where it exceeds `threshold` times the interval's
 * own standard deviation s (80% half-width / z_0.9): s' = √(s² + D²), D the members' standard
 * deviation at that step (`bma`: the between-model variance of an equal-weight model average,
 * Σ(μᵢ − μ̄)²/K, instead of the sample variance).
 */
export function disagreementFactors(
  f: MemberForecast,
  members: MemberForecast[],
  threshold: number,
  bma = false,
): number[][] {
  const z = normalQuantile(0.9);
  const g = Array.from(f.mean, (_, k) => {
    const v = members.map((x) => x.mean[k]);
    if (v.length < 2) return 1;
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const d2 = v.reduce((a, b) => a + (b - mean) ** 2, 0) / (bma ? v.length : v.length - 1);
    const s = (f.upper[0][k] - f.lower[0][k]) / (2 * z);
    return s > 0 && Math.sqrt(d2) > threshold * s ? Math.sqrt(1 + d2 / (s * s)) : 1;
  });
  return LEVELS.map(() => g);
}

/** Student-t over normal quantiles with n − k degrees of freedom (k: the ETS model's parameters). */
export function studentFactors(c: CachedSeries, n: number, h: number): number[][] {
  const df = Math.max(1, n - (c.ets?.parameters ?? 0));
  const t = studentT(df);
  return LEVELS.map((l) => {
    const v = t.quantile(0.5 + l / 200) / normalQuantile(0.5 + l / 200);
    return Array.from({ length: h }, () => v);
  });
}

/**
 * The members' disagreement added in quadrature to each level's half-widths: with D² the members'
 * variance at step k (sample variance, or Σ(μᵢ − μ̄)²/K with `bma`), each bound moves to
 * mean ∓ √(w² + z_L² D²), w its own distance from the mean, z_L the level's normal quantile.
 */
export function disagreementInQuadrature(f: MemberForecast, members: MemberForecast[], bma: boolean): MemberForecast {
  const d2 = Array.from(f.mean, (_, k) => {
    const v = members.map((x) => x.mean[k]);
    if (v.length < 2) return 0;
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - mean) ** 2, 0) / (bma ? v.length : v.length - 1);
  });
  const z = LEVELS.map((l) => normalQuantile(0.5 + l / 200));
  return {
    ...f,
    lower: f.lower.map((lo, i) => lo.map((v, k) => f.mean[k] - Math.hypot(f.mean[k] - v, z[i] * Math.sqrt(d2[k])))),
    upper: f.upper.map((up, i) => up.map((v, k) => f.mean[k] + Math.hypot(v - f.mean[k], z[i] * Math.sqrt(d2[k])))),
  };
}

/**
 * The predictive interval of an equal-weight model average (BMA's variance decomposition): for each
 * level and side, within-model variance = the mean of the members' squared half-widths over z_L², and
 * between-model variance = Σ(μᵢ − μ̄)²/K; the bound is mean ∓ z_L·√(within + between).
 */
export function modelAverageInterval(mean: Float64Array, members: MemberForecast[]): MemberForecast {
  const K = members.length;
  const side = (i: number, k: number, upper: boolean): number => {
    const mu = members.reduce((a, f) => a + f.mean[k], 0) / K;
    const between = members.reduce((a, f) => a + (f.mean[k] - mu) ** 2, 0) / K;
    const within = members.reduce((a, f) => a + ((upper ? f.upper : f.lower)[i][k] - f.mean[k]) ** 2, 0) / K;
    return Math.sqrt(within + normalQuantile(0.5 + LEVELS[i] / 200) ** 2 * between);
  };
  return {
    name: 'model average',
    mean,
    lower: LEVELS.map((_, i) => mean.map((m, k) => m - side(i, k, false))),
    upper: LEVELS.map((_, i) => mean.map((m, k) => m + side(i, k, true))),
  };
}
