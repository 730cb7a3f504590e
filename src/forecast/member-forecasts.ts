import type { EtsFit } from './ets-fit';
import { fitEts } from './ets-fit';
import { etsForecastMoments } from './ets-forecast';
import { etsSimulatedQuantiles } from './ets-simulate';
import { normalQuantile } from '../stats/normal-quantile';
import { multiplicativeAdjustment, thetaForecast } from './theta';
import { differencedAr } from './differenced-ar';

/** A member's forecast: the mean path and, per requested level, its lower and upper bounds. */
export interface MemberForecast {
  name: string;
  /** Season length the member used (1 = none), when it decides one itself (Theta's own test). */
  period?: number;
  mean: Float64Array;
  lower: Float64Array[];
  upper: Float64Array[];
}

export function normalBounds(
  mean: Float64Array,
  se: ArrayLike<number>,
  levels: ReadonlyArray<number>,
): Pick<MemberForecast, 'lower' | 'upper'> {
  const z = levels.map((l) => normalQuantile(0.5 + l / 200));
  return {
    lower: z.map((q) => mean.map((v, i) => v - q * se[i])),
    upper: z.map((q) => mean.map((v, i) => v + q * se[i])),
  };
}

/** Mean and bounds of a fitted ETS model: analytic where a closed form exists, simulated (seeded) otherwise. */
export function etsMember(
  name: string,
  fit: EtsFit,
  h: number,
  levels: ReadonlyArray<number>,
  seed: number,
): MemberForecast {
  const { mean, variance } = etsForecastMoments(fit, h);
  if (variance)
    return {
      name,
      mean,
      ...normalBounds(
        mean,
        variance.map((v) => Math.sqrt(Math.max(v, 0))),
        levels,
      ),
    };
  const probs = levels.flatMap((l) => [0.5 - l / 200, 0.5 + l / 200]);
  const q = etsSimulatedQuantiles(fit, h, probs, seed);
  return { name, mean, lower: levels.map((_, i) => q[2 * i]), upper: levels.map((_, i) => q[2 * i + 1]) };
}

/** Standard Theta (R thetaf) as a member. */
export function thetaMember(
  y: Float64Array,
  m: number,
  h: number,
  levels: ReadonlyArray<number>,
  seasonal?: boolean,
): MemberForecast | undefined {
  const th = thetaForecast(y, m, h, seasonal);
  return th && { name: 'theta', period: th.seasonal ? m : 1, mean: th.mean, ...normalBounds(th.mean, th.se, levels) };
}

/**
 * Damped-trend exponential smoothing, ETS(A,Ad,N), of the seasonally adjusted series (classical
 * multiplicative indices when thetaf's seasonality test says so), re-seasonalised: the "Damped"
 * benchmark of the M3/M4 competitions. Bounds are scaled by the seasonal index too.
 */
export function dampedMember(
  y: Float64Array,
  m: number,
  h: number,
  levels: ReadonlyArray<number>,
): MemberForecast | undefined {
  const n = y.length;
  if (n < 7) return undefined;
  const fig = multiplicativeAdjustment(y, m);
  const x = fig ? y.map((v, t) => v / fig[t % m]) : y;
  const fit = fitEts(x, { error: 'A', trend: 'Ad', season: 'N', period: 1 }, {}, 'fast');
  if (!fit) return undefined;
  const { mean, variance } = etsForecastMoments(fit, h);
  const b = normalBounds(
    mean,
    variance!.map((v) => Math.sqrt(Math.max(v, 0))),
    levels,
  );
  if (fig) {
    for (let k = 0; k < h; k++) {
      const s = fig[(n + k) % m];
      mean[k] *= s;
      for (let i = 0; i < levels.length; i++) {
        b.lower[i][k] *= s;
        b.upper[i][k] *= s;
      }
    }
  }
  return { name: 'damped', mean, ...b };
}

/**
 * The differenced autoregression (ARIMA(p,0,0)(0,1,0)_m with drift, or ARIMA(p,1,0) with drift
 * without a season) as a member: a model of a different kind from exponential smoothing, which is
 * what makes a combination pay.
 */
export function arMember(
  y: Float64Array,
  m: number,
  h: number,
  levels: ReadonlyArray<number>,
): MemberForecast | undefined {
  const f = differencedAr(y, m, h);
  return f && { name: `ar${f.order}`, mean: f.mean, ...normalBounds(f.mean, f.se, levels) };
}
