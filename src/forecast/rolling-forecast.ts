import type { ForecastInterval, ForecastRequest, ForecastResult } from './types';
import { FORECAST_METHODS } from './types';
import { ForecastErrors } from './errors';
import { prepareHistory } from './prepare-history';
import { resolveSeason } from './resolve-season';
import { normalQuantile } from './normal-quantile';
import { seasonalNaive } from './seasonal-naive';
import type { EtsSpec } from './ets-model';
import { etsCode, minimumLength, parseEtsCode } from './ets-model';
import { fitEts } from './ets-fit';
import { etsForecastMoments } from './ets-forecast';
import { etsSimulatedQuantiles } from './ets-simulate';

const NAMED: Record<string, string> = { ses: 'ANN', holt: 'AAN', damped: 'AAdN', hw: 'AAA', 'hw-mult': 'MAM' };

function checkRequest(request: ForecastRequest): number[] {
  const h = request.horizon;
  if (!Number.isInteger(h) || h < 1 || h > 1000) throw ForecastErrors.badHorizon(h);
  const levels = [...(request.levels ?? [80, 95])];
  for (const l of levels) if (!(typeof l === 'number' && l > 0 && l < 100)) throw ForecastErrors.badLevel(l);
  return levels;
}

function intervalsFromSe(mean: Float64Array, se: ArrayLike<number>, levels: number[]): ForecastInterval[] {
  return levels.map((level) => {
    const z = normalQuantile(0.5 + level / 200);
    return {
      level,
      lower: Array.from(mean, (v, i) => v - z * se[i]),
      upper: Array.from(mean, (v, i) => v + z * se[i]),
    };
  });
}

/** Fits the ETS spec (after the length check) and returns mean and intervals. */
function etsForecast(y: Float64Array, spec: EtsSpec, label: string, h: number, levels: number[], seed: number) {
  const need = minimumLength(spec);
  if (y.length < need) throw ForecastErrors.tooShort(label, need, y.length);
  if ((spec.error === 'M' || spec.season === 'M') && y.some((v) => v <= 0)) throw ForecastErrors.notPositive(label);
  const fit = fitEts(y, spec);
  if (!fit) throw ForecastErrors.noModel(label);
  const { mean, variance } = etsForecastMoments(fit, h);
  if (variance) return { mean, intervals: intervalsFromSe(mean, variance.map((v) => Math.sqrt(Math.max(v, 0))), levels) };
  const probs = levels.flatMap((l) => [0.5 - l / 200, 0.5 + l / 200]);
  const q = etsSimulatedQuantiles(fit, h, probs, seed);
  const intervals = levels.map((level, i) => ({ level, lower: Array.from(q[2 * i]), upper: Array.from(q[2 * i + 1]) }));
  return { mean, intervals };
}

/**
 * Forecasts `horizon` periods ahead with prediction intervals.
 *
 * Methods: "snaive" (seasonal naive; naive without a season), "naive", "ses" = ETS(A,N,N),
 * "holt" = ETS(A,A,N), "damped" = ETS(A,Ad,N), "hw" = additive Holt–Winters ETS(A,A,A),
 * "hw-mult" = ETS(M,A,M), any ETS code ("MAdM"), and "auto". Parameters and initial states are
 * maximum-likelihood estimates as in R forecast::ets(); intervals are analytic (Hyndman et al. 2008
 * classes 1–2) or simulated with `seed` where no closed form exists. Blanks inside the history are
 * interpolated (counted in `interpolated`); leading/trailing blanks are dropped with a note.
 * Seasonal methods without a season fall back to their non-seasonal form, with a note.
 *
 * @throws FORECAST_TOO_SHORT (kind input) when the history is shorter than the method needs,
 *   saying how many values are needed and given; FORECAST_BAD_HORIZON, FORECAST_BAD_LEVEL,
 *   FORECAST_BAD_SEASONALITY, FORECAST_UNKNOWN_METHOD, FORECAST_NO_DATA for bad arguments.
 * @example rollingForecast({ values: [1, 2, 3, 4], horizon: 2, method: 'naive' }).mean // [4, 4]
 */
export function rollingForecast(request: ForecastRequest): ForecastResult {
  const levels = checkRequest(request);
  const h = request.horizon;
  const method = (request.method ?? 'auto').trim();
  const key = method.toLowerCase();
  const history = prepareHistory(request.values);
  const y = history.values;
  const season = resolveSeason(y, request.seasonality ?? 0, request.frequency ?? 12);
  const notes = [...history.notes, ...season.notes];
  let m = season.period;
  const seed = request.seed ?? 1;
  const done = (used: string, mean: Float64Array, intervals: ForecastInterval[]): ForecastResult => ({
    mean: Array.from(mean), intervals, method: used, seasonPeriod: m, interpolated: history.interpolated, notes,
  });
  if (key === 'snaive' || key === 'naive') {
    const lag = key === 'naive' ? 1 : m;
    if (y.length < lag + 1) throw ForecastErrors.tooShort(key, lag + 1, y.length);
    const f = seasonalNaive(y, lag, h);
    return done(lag === 1 ? 'naive' : 'snaive', f.mean, intervalsFromSe(f.mean, f.se, levels));
  }
  let code = NAMED[key];
  if (key === 'auto' || key === 'ets') {
    const spec = m > 1 && y.length >= minimumLength({ error: 'A', trend: 'A', season: 'A', period: m }) ? 'AAA' : 'ANN';
    if (m > 1 && spec === 'ANN') notes.push(`Fewer than ${minimumLength({ error: 'A', trend: 'A', season: 'A', period: m })} values: non-seasonal model used.`);
    code = spec;
  }
  if (!code && parseEtsCode(method, 2)) code = method;
  if (!code) throw ForecastErrors.unknownMethod(method, FORECAST_METHODS);
  let spec = parseEtsCode(code, m) as EtsSpec;
  if (spec.season !== 'N' && m === 1) {
    spec = { ...spec, season: 'N', period: 1 };
    notes.push(`No seasonality: ${etsCode(spec)} used instead of ${code}.`);
  }
  if (spec.season === 'N') m = 1;
  const label = NAMED[key] ? key : etsCode(spec);
  const f = etsForecast(y, spec, label, h, levels, seed);
  return done(NAMED[key] && NAMED[key] === etsCode(spec) ? key : etsCode(spec), f.mean, f.intervals);
}
