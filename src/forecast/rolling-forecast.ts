import type { AdjustedOutlier, ForecastInterval, ForecastRequest, ForecastResult } from './types';
import { FORECAST_METHODS } from './types';
import { ForecastErrors } from './errors';
import { FpaError } from '../errors';
import { prepareHistory } from './prepare-history';
import { etsSeason, resolveSeason } from './resolve-season';
import { seasonalNaive } from './seasonal-naive';
import type { EtsSpec } from './ets-model';
import { etsCode, minimumLength, parseEtsCode } from './ets-model';
import { cachedEtsCandidates, cachedFitEts, cachedSelectEts } from './fit-cache';
import { etsAverageMember } from './ets-average';
import type { MemberForecast } from './member-forecasts';
import { arMember, etsMember, normalBounds, thetaMember } from './member-forecasts';
import { seasonlessNote } from './seasonless-note';
import { combineForecasts, floorAtZero, recentre } from './combination';
import type { EtsFit } from './ets-fit';
import { residualQuantileFactors, rescaleIntervals } from './residual-calibration';
import { seasonalNaiveFloor } from './seasonal-naive-floor';
import { accuracyWeights } from './accuracy-weights';
import { memberRecords, scoreRecord, trackRecordWeights } from './track-record';
import type { ForecastRecord } from '../model/kpi';
import { adjustHistory, parseOutlierOption } from './adjust-history';
import { arimaLabel, arimaMemberOf, arimaNotes, arimaSeason, autoArimaFit, autoArimaMember } from './arima-member';
import { hasFullSeasons, HORIZON, MIN_FULL_SEASONS, seasonalPeriod, withinBounds } from '../model/limits';

const NAMED: Record<string, string> = { ses: 'ANN', holt: 'AAN', damped: 'AAdN', hw: 'AAA', 'hw-mult': 'MAM' };

/**
 * Whether `rollingForecast` knows `method`: a named method (any letter case, spaces around allowed)
 * or an ETS code. The CLI refuses any other `--method` as a bad command line before reading the data.
 * @example isForecastMethod('Hw-Mult') // true
 * @example isForecastMethod('MAdM') // true
 * @example isForecastMethod('naive2') // false
 */
export function isForecastMethod(method: string): boolean {
  return (FORECAST_METHODS as readonly string[]).includes(method.trim().toLowerCase()) || !!parseEtsCode(method, 2);
}
const ANN: EtsSpec = { error: 'A', trend: 'N', season: 'N', period: 1 };

/** 1 for data within 1e±100 in absolute value; otherwise the power of two that brings the largest to about 1. */
function powerOfTwoScale(y: Float64Array): number {
  let max = 0;
  for (let t = 0; t < y.length; t++) max = Math.max(max, Math.abs(y[t]));
  if (max === 0 || (max < 1e100 && max > 1e-100)) return 1;
  return Math.pow(2, Math.round(Math.log2(max)));
}

function checkRequest(request: ForecastRequest): number[] {
  const h = request.horizon;
  if (!withinBounds(h, HORIZON)) throw ForecastErrors.badHorizon(h);
  const levels = [...(request.levels ?? [80, 95])];
  for (const l of levels) if (!(typeof l === 'number' && l > 0 && l < 100)) throw ForecastErrors.badLevel(l);
  return levels;
}

/** One named ETS model, after the length and positivity checks. */
function namedEts(
  y: Float64Array,
  spec: EtsSpec,
  label: string,
  h: number,
  levels: number[],
  seed: number,
): MemberForecast {
  const need = minimumLength(spec);
  if (y.length < need) throw ForecastErrors.tooShort(label, need, y.length);
  if ((spec.error === 'M' || spec.season === 'M') && y.some((v) => v <= 0)) throw ForecastErrors.notPositive(label);
  const fit = cachedFitEts(y, spec, 'fast');
  if (!fit) throw ForecastErrors.noModel(label);
  return etsMember(etsCode(spec), fit, h, levels, seed);
}

/** Automatic ETS selection by AICc; throws when even ETS(A,N,N) cannot be fitted. */
function autoEtsFit(y: Float64Array, m: number, label: string): EtsFit {
  const need = minimumLength(ANN);
  if (y.length < need) throw ForecastErrors.tooShort(label, need, y.length);
  const fit = cachedSelectEts(y, m);
  if (!fit) throw ForecastErrors.noModel(label);
  return fit;
}

/**
 * Automatic ETS as a member or as the "ets" method: the Akaike-weighted average of the candidate
 * models offered season `m` (ets-average.ts), named after the best of them, `fit`.
 */
function autoEtsMember(
  y: Float64Array,
  m: number,
  fit: EtsFit,
  h: number,
  levels: number[],
  seed: number,
): MemberForecast {
  const candidates = cachedEtsCandidates(y, m);
  return candidates[0] === fit
    ? etsAverageMember(candidates, h, levels, seed)
    : etsMember(etsCode(fit.spec), fit, h, levels, seed);
}

function autoEts(
  y: Float64Array,
  m: number,
  h: number,
  levels: number[],
  seed: number,
  label: string,
): [EtsFit, MemberForecast] {
  const fit = autoEtsFit(y, m, label);
  return [fit, autoEtsMember(y, m, fit, h, levels, seed)];
}

/**
 * Season lengths for the members of "auto", each the one its own method uses: `ets` is offered to
 * automatic ETS, whose AICc then chooses between seasonal and non-seasonal models (as R's ets()
 * does with the series' frequency); `theta` is the nominal season, on which Theta applies R
 * thetaf's own test; `others` is the season the autocorrelation test detected (1 when it found none).
 */
interface MemberSeasons {
  ets: number;
  theta: number;
  others: number;
  /** The season automatic ARIMA is offered (the nominal one with seasonality 0, as the `arima` method). */
  arima: number;
}

/**
 * The members of "auto" by role (ETS, Theta, AR), and the selected ETS fit: each as its own method
 * produces it. (Until stop 11 Theta and the AR followed a season the ETS model found; on the
 * held-out monthly collection that cost accuracy, and on the tuning sets it was a wash:
 * docs/forecast.md.)
 */
function autoMembers(
  y: Float64Array,
  m: MemberSeasons,
  h: number,
  levels: number[],
  seed: number,
): [EtsFit, Array<MemberForecast | undefined>] {
  const fit = autoEtsFit(y, m.ets, 'auto');
  return [
    fit,
    [
      autoEtsMember(y, m.ets, fit, h, levels, seed),
      thetaMember(y, m.theta, h, levels),
      arMember(y, m.others, h, levels),
    ],
  ];
}

/** Members at a past origin for scoring; a history on which ETS cannot be fitted scores nothing. */
function scoredMembers(
  y: Float64Array,
  m: MemberSeasons,
  h: number,
  levels: number[],
  seed: number,
): Array<MemberForecast | undefined> {
  try {
    return autoMembers(y, m, h, levels, seed)[1];
  } catch (e) {
    if (e instanceof FpaError) return [undefined, undefined, undefined];
    throw e;
  }
}

/** Rolling origins scored when `combination` is "accuracy". */
const ACCURACY_ORIGINS = 3;

const shares = (w: number[]): string => w.map((x) => (x / w.reduce((a, b) => a + b, 0)).toFixed(3)).join(', ');

/**
 * Weights of "accuracy", with their note: from the series' kept record when it scores every member
 * (track-record.ts); otherwise from refitting the members at 3 rolling origins, whose forecasts are
 * then kept (with `track`), so the next calculation reads them instead of refitting.
 */
function memberWeights(
  y: Float64Array,
  m: MemberSeasons,
  h: number,
  levels: number[],
  seed: number,
  notes: string[],
  track?: ForecastRequest['trackRecord'],
): { weights: number[] | undefined; kept: ForecastRecord[] } {
  const recorded = track ? trackRecordWeights(track.records, y, m.others) : undefined;
  if (recorded) {
    notes.push(
      `Combination weights from the track record at ${recorded.origins} kept origins (1 / MASE): ${shares(recorded.weights)} (ETS, Theta, AR).`,
    );
    // Records whose errors the new actuals filled in are kept again; the others are unchanged.
    const rescored = track!.records
      .map((r) => [r, scoreRecord(r, y)] as const)
      .filter(([r, s]) => s.errors.some((e, k) => e !== (r.errors[k] ?? null)));
    return { weights: recorded.weights, kept: rescored.map(([, s]) => s) };
  }
  const kept: ForecastRecord[] = [];
  const weights = accuracyWeights(
    y,
    m.others,
    h,
    ACCURACY_ORIGINS,
    m.others > 1 ? MIN_FULL_SEASONS * m.others : 10,
    (x) => {
      const members = scoredMembers(x, m, h, levels, seed);
      if (track) kept.push(...memberRecords(track.series, x.length, members, y));
      return members;
    },
  );
  notes.push(
    weights
      ? `Combination weights from ${ACCURACY_ORIGINS} rolling origins (1 / MASE): ${shares(weights)} (ETS, Theta, AR).`
      : 'Too little history to score the members on rolling origins: equal weights used.',
  );
  return { weights, kept };
}

/**
 * The default: the equal-weight mean of automatic ETS, Theta, automatic ARIMA (the CSS search,
 * arima-member.ts autoArimaMember) and, when the autocorrelation test detected a season, a
 * differenced autoregression, after the ets() + thetaf() + auto.arima() combination that is the
 * strongest simple benchmark in the literature (docs/forecast.md, "Combination and interval rules
 * from cached members": ahead of R's combination on both measures on all three tuning sets).
 * The interval is the one `auto` had before ARIMA joined, moved onto that mean (each bound keeps its
 * distance): the equal-weight mean of the ETS, Theta and autoregression bounds with each level's
 * half-widths rescaled by the empirical-over-normal quantile ratio of the selected ETS model's
 * standardised one-step residuals (see residual-calibration.ts): the members give the spread and its
 * growth with the horizon, the data's own errors give the tail shape. With `byAccuracy` and enough
 * history the weights are 1 / rolling-origin MASE of ETS, Theta and the autoregression
 * (accuracy-weights.ts), with a note, and ARIMA is left out.
 * Each level's interval is then widened, where narrower, to the Laplace interval with 0.84 times the
 * seasonal naive's standard deviation at the nominal season (seasonal-naive-floor.ts): without it
 * M1's intervals covered 74.2 / 89.8%.
 * When the history has no negative value, each member is floored at 0 before pooling, and the pool
 * after its widths are rescaled (floorAtZero), with a note when anything was raised.
 */
function autoCombination(
  y: Float64Array,
  m: MemberSeasons,
  h: number,
  levels: number[],
  seed: number,
  byAccuracy: boolean,
  notes: string[],
  track?: ForecastRequest['trackRecord'],
): [EtsFit, MemberForecast, ForecastRecord[] | undefined] {
  const [fit, roles] = autoMembers(y, m, h, levels, seed);
  const weights = byAccuracy ? memberWeights(y, m, h, levels, seed, notes, track) : undefined;
  // This origin's members join the record, unless a calculation of the same history kept them already.
  const fresh = (r: ForecastRecord): boolean =>
    !track?.records.some((x) => x.origin === r.origin && x.method === r.method && x.mean.length >= r.mean.length);
  const kept =
    byAccuracy && track
      ? [...weights!.kept, ...memberRecords(track.series, y.length, roles, y).filter(fresh)]
      : undefined;
  const present = roles.flatMap((f, r) => (f ? [{ f, w: weights?.weights ? weights.weights[r] : 1 }] : []));
  // A history with no negative value is not forecast below zero: each member is floored before
  // pooling, and the pool after its widths are rescaled (combination.ts, floorAtZero).
  const floor = y.every((v) => v >= 0);
  let raised = false;
  const floored = (f: MemberForecast): MemberForecast => {
    const g = floor ? floorAtZero(f) : f;
    raised ||= g !== f;
    return g;
  };
  const members = present.map((p) => floored(p.f));
  // The interval: the three members' (ETS, Theta, AR) weighted mean, rescaled by the residual factors.
  const combined = rescaleIntervals(
    combineForecasts(
      members,
      present.map((p) => p.w),
    ),
    levels,
    residualQuantileFactors(fit.residuals, levels),
  );
  // Without accuracy weights, the point forecast is the mean of ETS, Theta, ARIMA and, with a
  // detected season only, the autoregression (on a history without a season it is the worst member).
  const arima = weights?.weights ? undefined : autoArimaMember(y, m.arima, h, levels);
  const pool = arima
    ? [roles[0], roles[1], arima, m.others > 1 ? roles[2] : undefined].flatMap((f) => (f ? [floored(f)] : []))
    : members;
  if (raised) notes.push('The history has no negative value: member forecasts and bounds below 0 were raised to 0.');
  const name = `auto(${pool.map((x) => x.name).join('+')})`;
  const moved = arima ? recentre(combined, combineForecasts(pool).mean, name) : { ...combined, name };
  // No narrower than a Laplace interval with 0.84 × the seasonal naive's standard deviation at the
  // nominal season (seasonal-naive-floor.ts).
  const widened = seasonalNaiveFloor(moved, y, m.arima, levels);
  return [fit, floor ? floorAtZero(widened) : widened, kept];
}

/**
 * Forecasts `horizon` periods ahead with prediction intervals.
 *
 * Methods: "auto" (default: equal-weight combination of automatic ETS, Theta, automatic ARIMA by the
 * CSS search and, with a detected season, a differenced autoregression, floored at 0 for a history
 * without negative values),
 * "ets" (automatic ETS by AICc, as R forecast::ets), "arima" (automatic ARIMA, as R forecast::auto.arima;
 * arima-select.ts), "theta" (R thetaf), "snaive", "naive",
 * "ses" = ETS(A,N,N), "holt" = ETS(A,A,N), "damped" = ETS(A,Ad,N), "hw" = additive Holt–Winters
 * ETS(A,A,A), "hw-mult" = ETS(M,A,M), or any ETS code such as "MAdM". Parameters and initial states
 * are maximum-likelihood estimates; intervals are analytic (Hyndman et al. 2008 classes 1–2) or
 * simulated with `seed`. Blanks inside the history are interpolated (counted in `interpolated`);
 * leading/trailing blanks are dropped with a note. Seasonal methods without a season (or with
 * fewer than two seasons of data, for "auto") fall back to their non-seasonal form, with a note.
 * With `outliers: "adjust"` the prepared history is cleaned by the robust outlier adjustment
 * (outliers.ts) on the resolved season before any method runs; replaced values are listed in
 * `outliers` (indices into `values`) and named in a note.
 *
 * @throws FORECAST_TOO_SHORT (kind input) when the history is shorter than the method needs,
 *   saying how many values are needed and given; FORECAST_BAD_HORIZON, FORECAST_BAD_LEVEL,
 *   FORECAST_BAD_SEASONALITY, FORECAST_UNKNOWN_METHOD, FORECAST_BAD_OUTLIERS, FORECAST_NO_DATA for bad arguments.
 * @example rollingForecast({ values: [1, 2, 3, 4], horizon: 2, method: 'naive' }).mean // [4, 4]
 */
export function rollingForecast(request: ForecastRequest): ForecastResult {
  const levels = checkRequest(request);
  const outlierOption = parseOutlierOption(request.outliers);
  const h = request.horizon;
  const method = (request.method ?? 'auto').trim();
  const key = method.toLowerCase();
  const history = prepareHistory(request.values);
  // Extreme magnitudes (beyond 1e±100) would overflow squared errors: work on the data times an
  // exact power of two and scale the results back. Ordinary data are left untouched.
  const factor = powerOfTwoScale(history.values);
  let y = factor === 1 ? history.values : history.values.map((v) => v / factor);
  const season = resolveSeason(y, request.seasonality ?? 0, request.frequency);
  const notes = [...history.notes, ...season.notes];
  let m = season.period;
  let outliers: AdjustedOutlier[] = [];
  if (outlierOption === 'adjust') {
    // On the resolved season (non-seasonal below two full seasons), before any method sees the data.
    const adjusted = adjustHistory(y, seasonalPeriod(y.length, m), request.values, history.droppedLeading, factor);
    y = adjusted.values;
    outliers = adjusted.outliers;
    notes.push(...adjusted.notes);
  }
  const seed = request.seed ?? 1;
  const back = (a: Float64Array): number[] => Array.from(a, (v) => v * factor);
  const done = (used: string, f: MemberForecast, period = m): ForecastResult => ({
    mean: back(f.mean),
    intervals: levels.map((level, i): ForecastInterval => ({
      level,
      lower: back(f.lower[i]),
      upper: back(f.upper[i]),
    })),
    method: used,
    seasonPeriod: period,
    interpolated: history.interpolated,
    outliers,
    notes,
  });
  if (key === 'snaive' || key === 'naive') {
    // R snaive(): the data's season (frequency) whatever a test says, when the history covers it.
    const lag = key === 'naive' ? 1 : y.length > season.nominal ? season.nominal : m;
    if (y.length < lag + 1) throw ForecastErrors.tooShort(key, lag + 1, y.length);
    const f = seasonalNaive(y, lag, h);
    return done(
      lag === 1 ? 'naive' : 'snaive',
      { name: key, mean: f.mean, ...normalBounds(f.mean, f.se, levels) },
      lag,
    );
  }
  if (key === 'arima') {
    // R's auto.arima(ts(y, frequency)): the season is offered and the data decide (arima-member.ts).
    const result = autoArimaFit(y, arimaSeason(request.seasonality ?? 0, season.nominal));
    notes.push(...arimaNotes(result, y.length));
    const { D, P, Q, m: period } = result.fit.order;
    return done(arimaLabel(result.fit), arimaMemberOf(result, y, h, levels), D + P + Q > 0 ? period : 1);
  }
  if (key === 'auto' || key === 'ets' || key === 'theta') {
    if (m > 1 && key !== 'theta' && !hasFullSeasons(y.length, m)) {
      notes.push(`Fewer than two seasons of history (${y.length} < ${MIN_FULL_SEASONS * m}): non-seasonal model used.`);
      m = 1;
    }
    if (key === 'theta') {
      // R thetaf: its own seasonality test at the data's frequency (n > 2m), not the M4 detection;
      // an explicit seasonality is honoured (the test is skipped), as the user asked for it.
      const explicit = (request.seasonality ?? 0) >= 2;
      const f = thetaMember(y, season.nominal, h, levels, explicit ? true : undefined);
      if (!f) throw ForecastErrors.tooShort('theta', 4, y.length);
      if (f.period === 1 && season.nominal > 1)
        notes.push(
          seasonlessNote(
            'theta',
            'Theta on the unadjusted history',
            request.seasonality ?? 0,
            season.nominal,
            explicit
              ? hasFullSeasons(y.length, season.nominal)
                ? 'its seasonal adjustment is multiplicative and needs data of zero or more'
                : `its seasonal adjustment needs two seasons of history (${y.length} < ${MIN_FULL_SEASONS * season.nominal})`
              : `thetaf's seasonality test (90% autocorrelation at lag ${season.nominal}${y.length <= 2 * season.nominal ? `, which needs more than ${2 * season.nominal} values` : ''}) found none`,
          ),
        );
      return done('theta', f, f.period);
    }
    // Detection decides the season of the autoregression; ETS is offered the nominal season and
    // lets AICc decide (resolve-season.ts, etsSeason); Theta tests the nominal season itself.
    const seasons: MemberSeasons = {
      ets: etsSeason(y.length, request.seasonality ?? 0, season.nominal, m),
      theta: season.nominal,
      others: m,
      arima: arimaSeason(request.seasonality ?? 0, season.nominal),
    };
    const [fit, f, kept] =
      key === 'ets'
        ? [...autoEts(y, seasons.ets, h, levels, seed, 'ets'), undefined]
        : autoCombination(y, seasons, h, levels, seed, request.combination === 'accuracy', notes, request.trackRecord);
    if (seasons.ets !== m && fit.spec.season !== 'N') {
      notes.push(`ETS chose the seasonal model ${etsCode(fit.spec)} (season of ${seasons.ets}) by AICc.`);
    }
    const result = done(f.name, f, fit.spec.season !== 'N' ? fit.spec.period : m);
    return kept ? { ...result, kept } : result;
  }
  const code = NAMED[key] ?? (parseEtsCode(method, 2) ? method : undefined);
  if (!code) throw ForecastErrors.unknownMethod(method, FORECAST_METHODS);
  let spec = parseEtsCode(code, m) as EtsSpec;
  // A refusal names the method as asked ("MAM"), not the seasonless form it would have run as ("MAN").
  const asked = NAMED[key] ? key : etsCode(spec);
  if (spec.season !== 'N' && m === 1) {
    spec = { ...spec, season: 'N', period: 1 };
    notes.push(seasonlessNote(method, `${etsCode(spec)} instead of ${code}`, request.seasonality ?? 0, season.nominal));
  }
  const f = namedEts(y, spec, asked, h, levels, seed);
  return done(NAMED[key] === etsCode(spec) ? key : etsCode(spec), f, spec.period);
}
