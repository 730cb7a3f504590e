/**
 * The combination and interval rules compared by bench/forecast-rules.ts, each built from the
 * members' cached forecasts of one series (bench/forecast-cache.ts). A rule sees the history and the
 * members (at the origin and at earlier origins inside the history), never the test part.
 */
import type { MemberForecast } from '../src/forecast/member-forecasts';
import type { CombinationRule } from '../src/forecast/combination';
import { combineForecasts } from '../src/forecast/combination';
import { residualQuantileFactors, rescaleIntervals } from '../src/forecast/residual-calibration';
import { maseScale } from '../src/forecast/track-record';
import { normalQuantile } from '../src/stats/normal-quantile';
import { quantileSorted } from '../src/stats/quantile-sorted';
import { resolveSeason } from '../src/forecast/resolve-season';
import {
  disagreementFactors,
  disagreementInQuadrature,
  logScale,
  modelAverageInterval,
  multiStepFactors,
  scaleSteps,
  studentFactors,
} from './forecast-rule-intervals';
import type { CachedForecast, CachedSeries, MemberName } from './forecast-cache-format';

export interface Rule {
  name: string;
  forecast(c: CachedSeries, history: number[], frequency: number, h: number): CachedForecast;
}

const LEVELS = [80, 95];

const asMember = (name: string, f: CachedForecast): MemberForecast => ({
  name,
  mean: Float64Array.from(f.mean),
  lower: [Float64Array.from(f.lo80), Float64Array.from(f.lo95)],
  upper: [Float64Array.from(f.hi80), Float64Array.from(f.hi95)],
});

const asCached = (f: MemberForecast): CachedForecast => ({
  mean: Array.from(f.mean),
  lo80: Array.from(f.lower[0]),
  hi80: Array.from(f.upper[0]),
  lo95: Array.from(f.lower[1]),
  hi95: Array.from(f.upper[1]),
});

/** The interval of `f` moved onto `mean` (each bound keeps its distance from f's mean). */
const recentre = (f: MemberForecast, mean: Float64Array): MemberForecast => ({
  name: f.name,
  mean,
  lower: f.lower.map((lo) => lo.map((v, k) => mean[k] - (f.mean[k] - v))),
  upper: f.upper.map((hi) => hi.map((v, k) => mean[k] + (v - f.mean[k]))),
});

/** A forecast with its mean and bounds floored at 0. */
const clipped = (f: MemberForecast): MemberForecast => ({
  name: f.name,
  mean: f.mean.map((v) => Math.max(v, 0)),
  lower: f.lower.map((lo) => lo.map((v) => Math.max(v, 0))),
  upper: f.upper.map((hi) => hi.map((v) => Math.max(v, 0))),
});

/** The members present at the origin, by name. */
const present = (c: CachedSeries, names: MemberName[]): MemberForecast[] =>
  names.flatMap((n) => (c.members[n] ? [asMember(n, c.members[n]!)] : []));

/** Each member's mean absolute scaled error over the earlier origins' held-back values (NaN when unscored). */
export function trackErrors(c: CachedSeries, names: MemberName[], history: number[], m: number): number[] {
  const n = history.length;
  return names.map((name) => {
    let sum = 0;
    let count = 0;
    for (const o of c.origins) {
      const f = o.members[name];
      if (!f) return NaN; // a member missing at an origin is not comparable
      const end = n - o.heldBack;
      const scale = maseScale(history, end, m);
      if (!(scale > 0)) continue;
      for (let k = 0; k < Math.min(o.heldBack, f.mean.length); k++) {
        sum += Math.abs(history[end + k] - f.mean[k]) / scale;
        count++;
      }
    }
    return count ? sum / count : NaN;
  });
}

type Point = 'mean' | 'median' | 'trimmed' | 'mid' | 'track' | 'track2' | 'best';

/** The point forecast of `members` by `point`; track-record rules fall back to the mean. */
function pointForecast(
  members: MemberForecast[],
  point: Point,
  c: CachedSeries,
  history: number[],
  m: number,
): Float64Array {
  if (point === 'mean' || point === 'median')
    return combineForecasts(members, undefined, point as CombinationRule).mean;
  if (point === 'mid') {
    const a = combineForecasts(members).mean;
    const b = combineForecasts(members, undefined, 'median').mean;
    return a.map((v, k) => (v + b[k]) / 2);
  }
  if (point === 'trimmed') {
    const h = members[0].mean.length;
    if (members.length < 4) return combineForecasts(members, undefined, 'median').mean;
    return Float64Array.from({ length: h }, (_, k) => {
      const v = members.map((f) => f.mean[k]).sort((a, b) => a - b);
      return v.slice(1, -1).reduce((a, b) => a + b, 0) / (v.length - 2);
    });
  }
  const errors = trackErrors(
    c,
    members.map((f) => f.name as MemberName),
    history,
    m,
  );
  if (!errors.every((e) => Number.isFinite(e) && e > 0)) return combineForecasts(members).mean;
  if (point === 'track')
    return combineForecasts(
      members,
      errors.map((e) => 1 / e),
    ).mean;
  const order = errors.map((e, j) => [e, j]).sort((a, b) => a[0] - b[0]);
  const keep = point === 'best' ? 1 : 2;
  return combineForecasts(
    members,
    errors.map((_, j) => (order.slice(0, keep).some((o) => o[1] === j) ? 1 : 0)),
  ).mean;
}

type Interval = 'today' | 'today-raw' | 'vincent' | 'vincent-raw' | 'ets';

const TODAY: MemberName[] = ['ets', 'theta', 'ar'];

/** The interval: today's (ETS, Theta, AR bounds averaged, ETS residual factors), or the pool's own. */
function interval(c: CachedSeries, members: MemberForecast[], kind: Interval): MemberForecast {
  const factors = c.ets ? residualQuantileFactors(c.ets.residuals, LEVELS) : LEVELS.map(() => 1);
  if (kind === 'ets') return asMember('ets', c.members.ets!);
  const base = kind.startsWith('today') ? present(c, TODAY) : members;
  const avg = combineForecasts(base);
  return kind.endsWith('raw') ? avg : rescaleIntervals(avg, LEVELS, factors);
}

/**
 * The earlier origins' errors against the equal-weight pool of `names` there: for every held-back
 * value, |actual − mean| over each level's half-width (NaN where the half-width is 0).
 */
function trackRatios(c: CachedSeries, history: number[], names: MemberName[]): number[][] {
  const ratios: number[][] = LEVELS.map(() => []);
  for (const o of c.origins) {
    const fs = names.flatMap((x) => (o.members[x] ? [asMember(x, o.members[x]!)] : []));
    if (fs.length === 0) continue;
    const f = combineForecasts(fs);
    const end = history.length - o.heldBack;
    for (let k = 0; k < Math.min(o.heldBack, f.mean.length); k++) {
      LEVELS.forEach((_, i) => {
        const hw = (f.upper[i][k] - f.lower[i][k]) / 2;
        ratios[i].push(hw > 0 ? Math.abs(history[end + k] - f.mean[k]) / hw : NaN);
      });
    }
  }
  return ratios.map((r) => r.filter((v) => Number.isFinite(v)));
}

/**
 * A per-series width factor from the track record: the root mean square of the earlier origins'
 * errors in units of that origin's interval (its 80% half-width / z_0.9), shrunk towards 1 by
 * `prior` pseudo-observations.
 */
function trackWidth(c: CachedSeries, history: number[], names: MemberName[], prior: number): number {
  const z = normalQuantile(0.9);
  const r = trackRatios(c, history, names)[0];
  const ss = r.reduce((a, v) => a + (v * z) ** 2, 0);
  return Math.sqrt((ss + prior) / (r.length + prior));
}

/**
 * Per-level width factors from the track record, like a conformal interval: for level L the
 * empirical L% quantile (type 7) of |error| / (the level's half-width) over the earlier origins,
 * shrunk towards 1 by `prior` pseudo-observations.
 */
function trackLevelFactors(c: CachedSeries, history: number[], names: MemberName[], prior: number): number[] {
  return trackRatios(c, history, names).map((r, i) => {
    if (r.length === 0) return 1;
    r.sort((x, y) => x - y);
    return (r.length * quantileSorted(r, LEVELS[i] / 100) + prior) / (r.length + prior);
  });
}

/**
 * Width factor from the change of the ETS model's one-step errors over the history: the root mean
 * square of its last `seasons` seasons' standardised residuals over that of all of them.
 */
function recentWidth(c: CachedSeries, frequency: number, seasons: number): number {
  const r = c.ets?.residuals.filter((v) => Number.isFinite(v));
  const w = seasons * Math.max(frequency, 4);
  if (!r || r.length < 2 * w) return 1;
  const ms = (a: number[]): number => a.reduce((x, v) => x + v * v, 0) / a.length;
  const all = ms(r);
  return all > 0 ? Math.sqrt(ms(r.slice(-w)) / all) : 1;
}

interface Spec {
  members: MemberName[];
  /** Members that join only when the autocorrelation test detects a season (auto's AR season). */
  ifSeasonal?: MemberName[];
  point: Point;
  interval: Interval;
  /** Members' means and bounds floored at 0 when the history has no negative value. */
  clip?: boolean;
  /** Track-record width factor with this many pseudo-observations of 1 (undefined: none). */
  trackPrior?: number;
  /** How the track record sets the widths: one RMS factor (default), or a factor per level. */
  trackMode?: 'rms' | 'levels';
  /** Widen by the ETS residuals' recent-over-all RMS ratio over this many last seasons. */
  recentSeasons?: number;
  /** The track record only widens (factors below 1 become 1). */
  widenOnly?: boolean;
  /** Per-step factors from the ETS model's in-sample h-step errors (Williams & Goodman). */
  multiStep?: 'rms' | 'levels' | 'shape';
  /** multiStep from the later half of the origins only. */
  recentHalf?: boolean;
  /** The interval on the log scale for a positive history. */
  logScale?: 'delta' | 'lognormal';
  /** The members' disagreement in quadrature beyond this many interval standard deviations. */
  disagreement?: number;
  /** Each level's bounds widened by the members' variance in quadrature (sample or BMA's 1/K). */
  quadrature?: 'sample' | 'bma';
  /** The interval is the model average's (within + between variance of the rule's own members). */
  modelAverage?: boolean;
  /** The ETS residuals' tail-shape factors applied after the quadrature (with interval 'today-raw'). */
  shapeAfter?: boolean;
  /** The disagreement as BMA's between-model variance (divided by K, not K − 1). */
  bma?: boolean;
  /** Student-t quantiles with n − k degrees of freedom. */
  student?: boolean;
}

function rule(name: string, spec: Spec): Rule {
  return {
    name,
    forecast(c, history, frequency, h) {
      const seasonal = resolveSeason(Float64Array.from(history), 0, frequency).period > 1;
      const names = spec.members.filter((x) => seasonal || !spec.ifSeasonal?.includes(x));
      const floor = spec.clip && history.every((v) => v >= 0);
      const members = present(c, names).map((f) => (floor ? clipped(f) : f));
      const point = pointForecast(members, spec.point, c, history, frequency);
      let f = recentre(interval(c, members, spec.interval), point);
      if (spec.trackPrior !== undefined) {
        // scored on the interval's own members at the earlier origins
        const base = spec.interval.startsWith('today') ? TODAY : names;
        const fac =
          spec.trackMode === 'levels'
            ? trackLevelFactors(c, history, base, spec.trackPrior)
            : LEVELS.map(() => trackWidth(c, history, base, spec.trackPrior!));
        f = rescaleIntervals(
          f,
          LEVELS,
          fac.map((v) => (spec.widenOnly ? Math.max(v, 1) : v)),
        );
      }
      if (spec.recentSeasons !== undefined) {
        const r = recentWidth(c, frequency, spec.recentSeasons);
        const v = spec.widenOnly ? Math.max(r, 1) : r;
        f = rescaleIntervals(f, LEVELS, [v, v]);
      }
      const widen = (fac: number[][]): number[][] =>
        fac.map((r) => r.map((v) => (spec.widenOnly ? Math.max(v, 1) : v)));
      if (spec.multiStep) f = scaleSteps(f, widen(multiStepFactors(c, h, spec.multiStep, spec.recentHalf)));
      if (spec.disagreement !== undefined)
        f = scaleSteps(f, disagreementFactors(f, members, spec.disagreement, spec.bma));
      if (spec.modelAverage) f = modelAverageInterval(point, members);
      if (spec.quadrature) f = disagreementInQuadrature(f, members, spec.quadrature === 'bma');
      if (spec.shapeAfter && c.ets) f = rescaleIntervals(f, LEVELS, residualQuantileFactors(c.ets.residuals, LEVELS));
      if (spec.student) f = scaleSteps(f, studentFactors(c, history.length, h));
      if (spec.logScale && history.every((v) => v > 0)) f = logScale(f, spec.logScale);
      return asCached(f);
    },
  };
}

const POOL: MemberName[] = ['ets', 'theta', 'arima-css', 'ar'];
const POOL_R: MemberName[] = ['ets', 'theta', 'arima', 'ar'];
const THREE: MemberName[] = ['ets', 'theta', 'arima-css'];
const THREE_R: MemberName[] = ['ets', 'theta', 'arima'];

/** A rule with today's interval unless `extra` says otherwise. */
const r = (name: string, members: MemberName[], point: Point, extra: Partial<Spec> = {}): Rule =>
  rule(name, { members, point, interval: 'today', ...extra });

/** AR only with a detected season, each member floored at 0 for a history without negatives. */
const ARS: Partial<Spec> = { ifSeasonal: ['ar'], clip: true };

/** The pool's mean with ARS and an interval variant (`extra`). */
const clippedPool = (name: string, extra: Partial<Spec>): Rule =>
  r(`pool, AR only with a detected season, mean, clipped at 0, ${name}`, POOL, 'mean', { ...ARS, ...extra });

export const RULES: Rule[] = [
  ...(['ets', 'theta', 'arima', 'arima-css', 'ar'] as const).map((m) =>
    r(`${m} alone`, [m], 'mean', { interval: 'vincent-raw' }),
  ),
  r('auto today (ETS + Theta + AR, mean)', TODAY, 'mean'),
  r('pool (ETS, Theta, ARIMA-CSS, AR), median, today interval', POOL, 'median'),
  r('pool, mean', POOL, 'mean'),
  r('pool, trimmed mean', POOL, 'trimmed'),
  r('pool, 1/track-MASE weights', POOL, 'track'),
  r('pool, best 2 by track record', POOL, 'track2'),
  r('pool, best by track record', POOL, 'best'),
  r('pool with R-search ARIMA, median', POOL_R, 'median'),
  r('pool with R-search ARIMA, mean', POOL_R, 'mean'),
  r('ETS + Theta + ARIMA-CSS, mean', THREE, 'mean'),
  r('ETS + Theta + ARIMA-CSS, median', THREE, 'median'),
  r('ETS + Theta + ARIMA (R search), mean', THREE_R, 'mean'),
  r('ETS + Theta + ARIMA (R search), median', THREE_R, 'median'),
  r('ETS + Theta + ARIMA (R search), mean of mean and median', THREE_R, 'mid'),
  r('ETS + Theta + ARIMA (R search), 1/track weights', THREE_R, 'track'),
  r('ETS + ARIMA-CSS, mean', ['ets', 'arima-css'], 'mean'),
  r('ETS + Theta, mean', ['ets', 'theta'], 'mean'),
  r('pool, AR only with a detected season, median', POOL, 'median', { ifSeasonal: ['ar'] }),
  r('pool, AR only with a detected season, mean', POOL, 'mean', { ifSeasonal: ['ar'] }),
  r('pool, AR only with a detected season, mean of mean and median', POOL, 'mid', { ifSeasonal: ['ar'] }),
  r('pool (R search), AR only with a detected season, mean', POOL_R, 'mean', { ifSeasonal: ['ar'] }),
  r('pool (R search), AR only with a detected season, median', POOL_R, 'median', { ifSeasonal: ['ar'] }),
  r('pool (R search), AR only with a detected season, mean of mean and median', POOL_R, 'mid', {
    ifSeasonal: ['ar'],
  }),
  r('ETS + Theta + AR (AR only with a detected season), mean', TODAY, 'mean', { ifSeasonal: ['ar'] }),
  r('pool, median, Vincentised pool interval', POOL, 'median', { interval: 'vincent' }),
  r('pool, median, Vincentised, no residual factor', POOL, 'median', { interval: 'vincent-raw' }),
  r('pool, median, today interval × track width (prior 10)', POOL, 'median', { trackPrior: 10 }),
  // Members floored at 0 when the history has no negative value.
  r('auto today, clipped at 0', TODAY, 'mean', { clip: true }),
  r('ETS + Theta + AR (AR only with a detected season), mean, clipped at 0', TODAY, 'mean', ARS),
  r('ETS + Theta + ARIMA (R search), mean, clipped at 0', THREE_R, 'mean', { clip: true }),
  r('pool, median, clipped at 0', POOL, 'median', { clip: true }),
  r('pool, mean, clipped at 0', POOL, 'mean', { clip: true }),
  r('pool (R search), mean, clipped at 0', POOL_R, 'mean', { clip: true }),
  r('pool (R search), AR only with a detected season, mean, clipped at 0', POOL_R, 'mean', ARS),
  r('pool, AR only with a detected season, mean, clipped at 0', POOL, 'mean', ARS),
  r('pool, AR only with a detected season, median, clipped at 0', POOL, 'median', ARS),
  r('pool (R search), AR only with a detected season, median, clipped at 0', POOL_R, 'median', ARS),
  r('pool, AR only with a detected season, 1/track weights, clipped at 0', POOL, 'track', ARS),
  clippedPool('track width (prior 10)', { trackPrior: 10 }),
  clippedPool('track width (prior 10), widen only', { trackPrior: 10, widenOnly: true }),
  clippedPool('track width (prior 30)', { trackPrior: 30 }),
  clippedPool('track level factors (prior 10)', { trackPrior: 10, trackMode: 'levels' }),
  clippedPool('track level factors (prior 30)', { trackPrior: 30, trackMode: 'levels' }),
  clippedPool('track level factors (prior 10), widen only', { trackPrior: 10, trackMode: 'levels', widenOnly: true }),
  clippedPool('recent-error width (1 season), widen only', { recentSeasons: 1, widenOnly: true }),
  clippedPool('recent-error width (2 seasons), widen only', { recentSeasons: 2, widenOnly: true }),
  clippedPool('recent-error width (2 seasons)', { recentSeasons: 2 }),
  clippedPool('recent-error width (3 seasons), widen only', { recentSeasons: 3, widenOnly: true }),
  clippedPool('today-raw × track level factors (prior 10)', {
    interval: 'today-raw',
    trackPrior: 10,
    trackMode: 'levels',
  }),
  clippedPool('today-raw × track level factors (prior 30)', {
    interval: 'today-raw',
    trackPrior: 30,
    trackMode: 'levels',
  }),
  clippedPool('today-raw × track width (prior 10)', { interval: 'today-raw', trackPrior: 10 }),
  // Issue 14, stop 27: `arima` with auto's product rule (never below 0 for a history without negatives).
  r('arima alone, clipped at 0', ['arima'], 'mean', { interval: 'vincent-raw', clip: true }),
  // Issue 14, stop 27: intervals from principles (log scale, h-step errors, disagreement, Student t).
  clippedPool('log scale (delta)', { logScale: 'delta' }),
  clippedPool('log scale (lognormal, same mean and sd)', { logScale: 'lognormal' }),
  clippedPool('h-step RMS factors (ETS in-sample)', { multiStep: 'rms' }),
  clippedPool('h-step RMS factors, widen only', { multiStep: 'rms', widenOnly: true }),
  clippedPool('today-raw × h-step quantile factors', { interval: 'today-raw', multiStep: 'levels' }),
  clippedPool('today-raw × h-step quantile factors, widen only', {
    interval: 'today-raw',
    multiStep: 'levels',
    widenOnly: true,
  }),
  clippedPool('h-step RMS factors, later half of origins', { multiStep: 'rms', recentHalf: true }),
  clippedPool('today-raw × h-step quantile factors, later half', {
    interval: 'today-raw',
    multiStep: 'levels',
    recentHalf: true,
  }),
  clippedPool('ETS interval × h-step quantile factors', { interval: 'ets', multiStep: 'levels' }),
  clippedPool('disagreement beyond 1 sd', { disagreement: 1 }),
  clippedPool('disagreement beyond 0.5 sd', { disagreement: 0.5 }),
  clippedPool('disagreement always', { disagreement: 0 }),
  clippedPool('between-model variance (model averaging, 1/K)', { disagreement: 0, bma: true }),
  clippedPool('between-model variance (1/K) beyond 1 sd', { disagreement: 1, bma: true }),
  clippedPool("each level in quadrature with the members' sample variance", { quadrature: 'sample' }),
  clippedPool('each level in quadrature with the between-model variance (1/K)', { quadrature: 'bma' }),
  clippedPool("raw members' interval ⊕ members' sample variance, then the residual shape factors", {
    interval: 'today-raw',
    quadrature: 'sample',
    shapeAfter: true,
  }),
  clippedPool("raw members' interval ⊕ between-model variance (1/K), then the residual shape factors", {
    interval: 'today-raw',
    quadrature: 'bma',
    shapeAfter: true,
  }),
  clippedPool("raw members' interval ⊕ between-model variance (1/K), residual shape factors, Student t", {
    interval: 'today-raw',
    quadrature: 'bma',
    shapeAfter: true,
    student: true,
  }),
  clippedPool("raw members' interval ⊕ members' sample variance, residual shape factors, Student t", {
    interval: 'today-raw',
    quadrature: 'sample',
    shapeAfter: true,
    student: true,
  }),
  clippedPool("model average of the pool's own members (within + between variance), residual shape factors", {
    modelAverage: true,
    shapeAfter: true,
  }),
  clippedPool("model average of the pool's own members, h-step shape factors", {
    modelAverage: true,
    multiStep: 'shape',
  }),
  clippedPool("raw members' interval ⊕ between-model variance (1/K), h-step shape factors", {
    interval: 'today-raw',
    quadrature: 'bma',
    multiStep: 'shape',
  }),
  clippedPool("model average of the pool's own members, residual shape factors, Student t", {
    modelAverage: true,
    shapeAfter: true,
    student: true,
  }),
  clippedPool('each level in quadrature with the between-model variance (1/K), Student t', {
    quadrature: 'bma',
    student: true,
  }),
  clippedPool('Student t (n − k df)', { student: true }),
  clippedPool('h-step RMS factors, log scale (delta)', { multiStep: 'rms', logScale: 'delta' }),
  clippedPool('h-step quantile factors, log scale (delta)', {
    interval: 'today-raw',
    multiStep: 'levels',
    logScale: 'delta',
  }),
  clippedPool('h-step RMS factors, Student t', { multiStep: 'rms', student: true }),
  clippedPool('h-step RMS factors, disagreement beyond 1 sd', { multiStep: 'rms', disagreement: 1 }),
];
