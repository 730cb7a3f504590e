/**
 * A budget line as its detectors see it: the relative variance per period after seasonality, and
 * the line's own noise level.
 */
import { median } from '../stats/median';
import { hasFullSeasons } from '../model/limits';
import { noiseScale } from './robust-scale';
import { isFlatPlan, shapePattern, sheetShapePValue } from './seasonal-shapes';
import { seasonalPatternPValue } from './seasonal-test';

export interface LineResiduals {
  /** Periods with both a plan and an actual, in order (0-based indices). */
  index: number[];
  plan: number[];
  actual: number[];
  /** Scale each variance is measured against: |plan|, floored at 10% of the line's typical plan. */
  base: number[];
  /** Relative variance (actual − plan) / base, before any seasonal pattern is removed. */
  raw: number[];
  /** Relative variance (actual − plan) / base, minus the seasonal pattern of variances when removed. */
  residual: number[];
  /** Robust noise of `residual` (relative units, e.g. 0.04 = ±4% of plan). */
  sigma: number;
  /** True when a recurring seasonal variance pattern (plan phased differently from actuals) was removed. */
  deseasonalised: boolean;
  /**
   * True when that pattern is one of the sheet's plan shapes with a fitted amplitude and tilt
   * (seasonal-shapes.ts), false when it is each position's profile over the line's other years.
   */
  sheetShape: boolean;
  /**
   * True when the residuals can be taken free of a season, so their autocorrelation is the noise's:
   * the line has two full years (a season was tested for and removed when found), or its plan is
   * phased (it carries the season), or, planned flat on less than two years, none of the sheet's
   * shapes fits its variances beyond noise (sheetShapePValue at PATTERN_LEVEL). On a single year a
   * season that cannot be removed reads as autocorrelation (ρ̂ 0.3–0.4 on independent noise), and such
   * a line does not inform the sheet's autocorrelation prior (sheet-autocorrelation.ts).
   */
  seasonFree: boolean;
}

/** Noise is never taken below 0.2% of plan, so a perfectly tracked line does not flag cents. */
export const SIGMA_FLOOR = 0.002;

/** A seasonal pattern is removed only when it cuts the noise by at least this share (30%). */
const PATTERN_GAIN = 0.7;

/**
 * …and only when the F-test of its profile (seasonal-test.ts) passes at this level. A profile has one
 * number per position of the year, so with 4 positions and few years the 30% test alone passed 4–12% of
 * pure-noise quarterly lines by chance (0.05% of 36-month monthly lines, none of weekly ones); the F-test
 * counts those degrees of freedom, so at 1% a pure-noise line takes a chance profile at most as often as
 * it may raise a false flag (`alpha`'s default), at every year's length (docs/anomaly.md, "Quarterly
 * and weekly sheets").
 */
export const PATTERN_LEVEL = 0.01;

/** Root mean square around the median: sensitive to a pattern confined to a few months of the year. */
function rms(values: number[]): number {
  const m = median(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

/**
 * The local level of the variances: a running median over half a year either side (a full
 * seasonal cycle, so the seasonal pattern itself barely moves it), shortened at the ends. It
 * follows level shifts and trends, so they do not pass for a seasonal pattern.
 */
function runningLevel(r: number[], periodsPerYear: number): number[] {
  const half = Math.floor(periodsPerYear / 2);
  return r.map((_, i) => median(r.slice(Math.max(0, i - half), i + half + 1)));
}

/**
 * The local level with the seasonal pattern taken out first: near the ends the running median's
 * window holds only part of a year, so on its own it follows the seasonal swing there, and that swing,
 * different in each year, came back in the other years' profiles as smooth errors of one or two noise
 * units over several months (on a plan phased flat against actuals swinging ±30%, the run test
 * flagged 5.9% of pure-noise lines at a nominal 1%). As in X-11's second pass, the level is taken
 * again from the variances less a first seasonal profile (each position's median deviation from the
 * first level): a seasonal pattern no longer moves it, and shifts and trends still do.
 * @example
 * // A pure seasonal swing around 0: the level stays at 0, where the running median alone swings at the ends.
 * const r = Array.from({ length: 36 }, (_, t) => 0.3 * Math.cos((2 * Math.PI * t) / 12));
 * seasonFreeLevel(r, r.map((_, t) => t % 12), 12).every((v) => Math.abs(v) < 1e-12) // true
 */
export function seasonFreeLevel(r: number[], position: ReadonlyArray<number>, periodsPerYear: number): number[] {
  const first = runningLevel(r, periodsPerYear);
  const deviation = r.map((v, i) => v - first[i]);
  const profile = new Map<number, number>();
  for (const p of new Set(position)) profile.set(p, median(deviation.filter((_, j) => position[j] === p)));
  return runningLevel(
    r.map((v, i) => v - (profile.get(position[i]) as number)),
    periodsPerYear,
  );
}

/**
 * Does some position of the year occur only twice (a sheet of 24 to 35 months)? Its leave-one-out
 * profile is then the one other year's value, and the adjusted variances of the two years mirror each
 * other, so their first differences hold half as many independent values and their noise scale
 * (robust-scale.ts) wanders: on pure Gaussian noise of 24 months it read the profile's noise 30% below
 * the line's on 1.5% of lines (0.2% at 36 months), and a third of those lines then raised a run. The
 * root mean square around the median does not depend on the differences: it alone judges such a profile.
 * @example singleOtherYear([0, 1, 0, 1]) // true
 */
function singleOtherYear(position: ReadonlyArray<number>): boolean {
  const count = new Map<number, number>();
  for (const p of position) count.set(p, (count.get(p) ?? 0) + 1);
  return [...count.values()].some((n) => n === 2);
}

/**
 * The mean of a seasonal pattern over a year: each position's mean, averaged over the positions. Over
 * whole years it is the plain mean; on a sheet that ends within a year (30 months: January to June
 * three times, July to December twice) the plain mean weighs the months shown more often, and
 * centring on it moved every period of a line planned flat against a ±30% season by 1% of plan, a
 * third of its noise, which the run test read as a run over the whole line (2.4% of pure-noise lines).
 * @example yearMean([1, -1, 1], [0, 1, 0]) // 0 (the plain mean is 1/3)
 */
export function yearMean(values: ReadonlyArray<number>, position: ReadonlyArray<number>): number {
  const count = new Map<number, number>();
  for (const p of position) count.set(p, (count.get(p) ?? 0) + 1);
  // Each period weighs 1 over whole years (n = positions × years exactly), less where its position recurs more.
  const weight = (i: number) => position.length / (count.size * (count.get(position[i]) as number));
  return values.reduce((sum, v, i) => sum + v * weight(i), 0) / values.length;
}

const detrend = (r: number[], position: ReadonlyArray<number>, periodsPerYear: number): number[] => {
  const level = seasonFreeLevel(r, position, periodsPerYear);
  return r.map((v, i) => v - level[i]);
};

/** Each period's profile: the median, over the other years, of the same position's detrended value. */
function seasonalProfile(detrended: ReadonlyArray<number>, position: ReadonlyArray<number>): number[] {
  return detrended.map((_, i) => {
    const others = detrended.filter((_, j) => j !== i && position[j] === position[i]);
    return others.length ? median(others) : 0;
  });
}

/**
 * Leave-one-out seasonal adjustment: each variance minus the median, over the other years, of the
 * same position's deviation from the local level. Leaving the period itself out keeps a one-off from
 * hiding in its own profile and keeps the noise estimate honest (a profile fitted with the point
 * would absorb it); measuring against the local level keeps a shift or a trend in one year from
 * passing for a seasonal pattern of the others. The profile is centred over a year (yearMean) so that
 * the adjustment moves no variance overall: a line that runs over plan all year stays over plan.
 *
 * A period in `judged` enters the other years' profiles with its deviation from its own profile
 * clipped at ±`clip`: the one-off test passes the period it judges, so that a spike does not leak
 * into the profile of the same month in the other years and come back there as an echo of half its
 * size (which widens the spread the spike is judged against, and can itself pass for a one-off).
 * An ordinary period is within the clip and changes nothing.
 * @example
 * // Three years of four quarters, a spike of 0.6 in the second quarter of the third year:
 * const r = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 0, 0];
 * const q = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
 * seasonallyAdjusted(r, q, 4)[1] // -0.25: the echo, half the spike, less the centring
 * seasonallyAdjusted(r, q, 4, new Set([9]), 0.1)[1] // -0.0416…: the spike enters the profile at 0.1
 */
export function seasonallyAdjusted(
  r: ReadonlyArray<number>,
  position: ReadonlyArray<number>,
  periodsPerYear: number,
  judged: ReadonlySet<number> = new Set(),
  clip = Infinity,
): number[] {
  const detrended = detrend([...r], position, periodsPerYear);
  let profile = seasonalProfile(detrended, position);
  if (judged.size > 0 && clip < Infinity) {
    const clipped = detrended.map((d, i) =>
      judged.has(i) ? profile[i] + Math.max(-clip, Math.min(clip, d - profile[i])) : d,
    );
    // A judged period's own profile leaves it out, so it is kept; every other profile sees the clipped values.
    profile = seasonalProfile(clipped, position).map((p, i) => (judged.has(i) ? profile[i] : p));
  }
  const centre = yearMean(profile, position);
  return r.map((v, i) => v - (profile[i] - centre));
}

/**
 * Builds the residual view of a line. A seasonal pattern of the variances (a plan phased flat against
 * seasonal actuals) is removed only when there are two full years and removing it cuts the noise
 * around the local level (robust scale, or root mean square for a pattern confined to a few months)
 * by at least 30% (by the root mean square alone where a month has a single other year: singleOtherYear),
 * and when the F-test of the profile's P − 1 numbers passes at PATTERN_LEVEL (seasonal-test.ts).
 * Without a pattern, the leave-one-out adjustment raises the noise by √1.5 to √2,
 * so the test only passes on a pattern well above the noise; otherwise the plan is taken to carry
 * the seasonality already.
 *
 * On a plan phased flat (the same amount every period of a year) the pattern can instead be one of
 * the sheet's plan `shapes` (seasonal-shapes.ts) times a fitted amplitude, plus a fitted tilt (a
 * growth within the year against a plan at the year's mean): two numbers fitted to all the line's
 * periods rather than one per month from the two other years, so the noise is not inflated by
 * √1.5 and a spike does not hide in it. It is taken when it lowers the noise around the local level
 * at all and, if the other years' profile passes its 30% test, when it leaves no more noise than that
 * profile (a line whose season is none of the sheet's shapes keeps its own profile).
 * @example lineResiduals([100, 100, 100, 100], [101, 99, 120, 100], 12).residual // [0.01, -0.01, 0.2, 0]
 */
export function lineResiduals(
  plan: ReadonlyArray<number | null>,
  actual: ReadonlyArray<number | null>,
  periodsPerYear: number,
  shapes: ReadonlyArray<ReadonlyArray<number>> = [],
): LineResiduals {
  const index: number[] = [];
  for (let t = 0; t < plan.length; t += 1) {
    const p = plan[t];
    const a = actual[t];
    if (p !== null && a !== null && Number.isFinite(p) && Number.isFinite(a)) index.push(t);
  }
  const p = index.map((t) => plan[t] as number);
  const a = index.map((t) => actual[t] as number);
  const typical = median(p.map(Math.abs));
  const floor = Math.max(0.1 * (Number.isFinite(typical) ? typical : 0), 1e-9);
  const base = p.map((v) => Math.max(Math.abs(v), floor));
  const raw = a.map((v, i) => (v - p[i]) / base[i]);
  let residual = raw;
  let deseasonalised = false;
  let sheetShape = false;
  const fullSeasons = hasFullSeasons(index.length, periodsPerYear);
  const seasonFree =
    fullSeasons ||
    !isFlatPlan(p, index, periodsPerYear) ||
    sheetShapePValue(raw, index, shapes, periodsPerYear) >= PATTERN_LEVEL;
  if (fullSeasons) {
    const position = index.map((t) => t % periodsPerYear);
    const before = detrend(raw, position, periodsPerYear);
    const profiled = seasonallyAdjusted(raw, position, periodsPerYear);
    const profiledNoise = noiseScale(detrend(profiled, position, periodsPerYear), 0);
    const gain = (after: number[], share: number) =>
      noiseScale(after, 0) < share * noiseScale(before, 0) || rms(after) < share * rms(before);
    const profileGains =
      (singleOtherYear(position)
        ? rms(detrend(profiled, position, periodsPerYear)) < PATTERN_GAIN * rms(before)
        : gain(detrend(profiled, position, periodsPerYear), PATTERN_GAIN)) &&
      seasonalPatternPValue(
        raw,
        index.map((t) => Math.floor(t / periodsPerYear)),
        position,
      ) < PATTERN_LEVEL;
    if (shapes.length > 0 && isFlatPlan(p, index, periodsPerYear)) {
      const pattern = shapePattern(before, position, shapes, periodsPerYear);
      const centre = yearMean(pattern, position);
      const shaped = raw.map((v, i) => v - (pattern[i] - centre));
      const after = detrend(shaped, position, periodsPerYear);
      if (gain(after, 1) && (!profileGains || noiseScale(after, 0) <= profiledNoise)) {
        residual = shaped;
        sheetShape = true;
      }
    }
    if (!sheetShape && profileGains) {
      residual = profiled;
      deseasonalised = true;
    }
  }
  return {
    index,
    plan: p,
    actual: a,
    base,
    raw,
    residual,
    sigma: noiseScale(residual, SIGMA_FLOOR),
    deseasonalised: deseasonalised || sheetShape,
    sheetShape,
    seasonFree,
  };
}
