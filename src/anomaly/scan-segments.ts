/**
 * Persistent deviations from plan: runs of two or more periods whose mean variance is beyond the
 * line's noise, found by a scan of every segment (the "epidemic" change model: a deviation that
 * starts and may stop; Levin & Kline 1985, circular binary segmentation, Olshen et al. 2004) held to
 * a family-wise false-alarm rate over all segments by Siegmund's scan tail (scan-tail.ts).
 */
import { median } from '../stats/median';
import { DRIFT_Z, runSlope } from './run-slope';
import { scanCritical, scanTail } from './scan-tail';

/**
 * Each period's contribution is clipped at ±4 noise units (a Huber-type score), so one spike cannot
 * make a run on its own: with the critical value of a 36-period line (about 4.6), two periods need
 * more than 3 noise units each.
 */
export const CLIP = 4;

/** Least reference value of the CUSUM that dates a run's onset, in noise units. */
const ONSET_SLACK = 1;

/** Half-width of the running median that removes level changes before autocorrelation is measured. */
const LOCAL_HALF_WIDTH = 3;

/**
 * Degrees of freedom of the noise scale (robust-scale.ts): a root mean square of the m − 1 first
 * differences, which overlap (Var of the mean squared difference is 12σ⁴/(m − 1), against 8σ⁴/(m − 1)
 * for independent ones), so (σ̂/σ)² varies like χ² with 2(m − 1)/3 degrees of freedom.
 */
export function scaleDegreesOfFreedom(m: number): number {
  return (2 * (m - 1)) / 3;
}

/** A persistent run found by the scan: positions in the residual series, inclusive. */
export interface Segment {
  from: number;
  to: number;
  /** +1 over plan, −1 under plan. */
  sign: number;
  /** Scan statistic |Σ z| / √length in noise units (clipped, autocorrelation-adjusted). */
  evidence: number;
  /** Family-wise two-sided tail area of `evidence` over all segments (scan-tail.ts, ≤ 1). */
  pValue: number;
}

/**
 * The scan assumes independent periods; positively autocorrelated noise drifts and would pass for a
 * run. The scale is widened by the long-run factor √((1 + ρ)/(1 − ρ)), with ρ the lag-1
 * autocorrelation of the residuals after a running median (so a genuine shift does not count as
 * autocorrelation), clipped to [0, 0.5].
 */
export function autocorrelationInflation(r: ReadonlyArray<number>): number {
  const d = r.map((v, i) => v - median(r.slice(Math.max(0, i - LOCAL_HALF_WIDTH), i + LOCAL_HALF_WIDTH + 1)));
  if (d.length < 8) return 1;
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < d.length; i += 1) {
    den += (d[i] - mean) ** 2;
    if (i > 0) num += (d[i] - mean) * (d[i - 1] - mean);
  }
  const rho = den > 0 ? Math.min(0.5, Math.max(0, num / den)) : 0;
  return Math.sqrt((1 + rho) / (1 - rho));
}

/**
 * The residuals in noise units: what every run detector of a line reads. With the line's
 * autocorrelation `rho` > 0 (its posterior mean given the sheet: sheet-autocorrelation.ts), units of the noise's own standard deviation
 * σ/√(1 − ρ) (the difference-based scale σ reads σ_noise·√(1 − ρ) under AR(1) noise), the runs'
 * sums then judged by their AR(1) variance (ar1SumVariance); without it, the scale widened for lag-1
 * autocorrelation after a running median (autocorrelationInflation).
 */
export function noiseUnits(residual: ReadonlyArray<number>, sigma: number, rho = 0): number[] {
  if (rho > 0) return residual.map((v) => (v * Math.sqrt(1 - rho)) / sigma);
  const inflation = autocorrelationInflation(residual);
  return residual.map((v) => v / sigma / inflation);
}

/**
 * Var(Σ of `length` consecutive values of AR(1) noise of unit variance) = L + 2 Σ_{k<L} (L − k) ρ^k
 * (L when ρ = 0): a run's sum is judged against this, not against L, on autocorrelated noise.
 * @example ar1SumVariance(2, 0.5) // 3
 */
export function ar1SumVariance(length: number, rho: number): number {
  let v = length;
  let power = 1;
  for (let k = 1; k < length; k += 1) {
    power *= rho;
    v += 2 * (length - k) * power;
  }
  return v;
}

/** Fewest periods outside the line's runs, and adjacent pairs among them, its autocorrelation is read from. */
const LEAST_OUTSIDE = 12;

/** Periods outside the runs are winsorised at this many robust scales, so a spike does not read as correlation. */
const WINSOR = 3;

/** A line's lag-1 autocorrelation as read from its own periods: the estimate and how many adjacent pairs it rests on. */
export interface AutocorrelationEvidence {
  /** ρ̂, corrected for its small-sample bias, in [−1, 1]. */
  estimate: number;
  /** Adjacent pairs of periods it was read from (its standard error is about √((1 − ρ²)/pairs)). */
  pairs: number;
}

/**
 * The lag-1 autocorrelation of a line's noise, read so that the line's own events do not pass for
 * it: from the periods outside the `runs` a first pass of the run detectors found (adjacent pairs
 * both outside), centred at their median and winsorised at WINSOR scales of their MAD, and corrected
 * for its small-sample bias (E ρ̂ ≈ ρ − (1 + 4ρ)/n with the mean estimated; Kendall 1954). Null when
 * fewer than LEAST_OUTSIDE periods are left. On 36 periods ρ̂ has a standard error of about 0.17, too
 * loose to judge a line's runs by alone: sheet-autocorrelation.ts shrinks it toward the sheet's lines.
 * @example autocorrelationEvidence(Array.from({ length: 36 }, (_, t) => Math.cos(t / 2)), [])?.estimate // 0.98…
 */
export function autocorrelationEvidence(
  residual: ReadonlyArray<number>,
  runs: ReadonlyArray<{ from: number; to: number }>,
): AutocorrelationEvidence | null {
  const m = residual.length;
  const inside = new Array<boolean>(m).fill(false);
  for (const run of runs) for (let i = Math.max(0, run.from); i <= Math.min(m - 1, run.to); i += 1) inside[i] = true;
  const outside = residual.map((_, i) => i).filter((i) => !inside[i]);
  if (outside.length < LEAST_OUTSIDE) return null;
  const centre = median(outside.map((i) => residual[i]));
  const scale = 1.4826 * median(outside.map((i) => Math.abs(residual[i] - centre)));
  if (!(scale > 0)) return null;
  const x = residual.map((v) => Math.max(-WINSOR, Math.min(WINSOR, (v - centre) / scale)));
  let lagged = 0;
  let pairs = 0;
  let squares = 0;
  for (const i of outside) {
    squares += x[i] ** 2;
    if (i > 0 && !inside[i - 1]) {
      lagged += x[i] * x[i - 1];
      pairs += 1;
    }
  }
  if (pairs < LEAST_OUTSIDE - 1 || squares <= 0) return null;
  const n = outside.length;
  const estimate = lagged / pairs / (squares / n);
  return { estimate: Math.max(-1, Math.min(1, estimate + (1 + 4 * estimate) / n)), pairs };
}

/** Scores clipped at ±CLIP noise units, so one spike cannot make a run on its own. */
export function clipScores(raw: ReadonlyArray<number>): number[] {
  return raw.map((v) => Math.max(-CLIP, Math.min(CLIP, v)));
}

/**
 * The segment of two or more positions in [a, b] with the largest |Σ z| / spread[length], or with the
 * largest sign·Σ z / spread[length] on the side `sign` (the first of equals); spread[L] is √L for
 * independent noise. The EWMA's runs are dated from the signed one: where, inside the EWMA's
 * excursion, the change stands out most on the run's side.
 * @example bestSegment([0.5, 0.3, 0.4, -0.1, 3, 3.5, 3], 0, 6, 1).from // 4
 */
export function bestSegment(
  z: ReadonlyArray<number>,
  a: number,
  b: number,
  sign?: number,
  spread?: ReadonlyArray<number>,
): { from: number; to: number; stat: number } {
  let best = { from: -1, to: -1, stat: sign === undefined ? 0 : -Infinity };
  for (let i = a; i < b; i += 1) {
    let sum = z[i];
    for (let j = i + 1; j <= b; j += 1) {
      sum += z[j];
      const stat =
        (sign === undefined ? Math.abs(sum) : sign * sum) / (spread ? spread[j - i + 1] : Math.sqrt(j - i + 1));
      if (stat > best.stat) best = { from: i, to: j, stat };
    }
  }
  return best;
}

/**
 * Onset of a drift (a gap to plan that grows): the least-squares hinge z_t = β·max(0, t − τ + 1)
 * against the plan's baseline of zero over positions [a, to], with β on the run's side (Hinkley 1971's
 * two-phase regression with a known first phase). A level-based rule dates a drift late, because its
 * first periods are still small against the run's typical level.
 */
function driftOnset(z: ReadonlyArray<number>, to: number, sign: number, a: number): number {
  let start = to;
  let best = 0;
  for (let tau = a; tau < to; tau += 1) {
    let sxy = 0;
    let sxx = 0;
    for (let t = tau; t <= to; t += 1) {
      sxy += (t - tau + 1) * z[t];
      sxx += (t - tau + 1) ** 2;
    }
    const gain = sign * sxy > 0 ? (sxy * sxy) / sxx : 0;
    if (gain > best) {
      best = gain;
      start = tau;
    }
  }
  return start;
}

/**
 * Page's CUSUM estimate of where a run began (Page 1954; Hinkley 1971). With δ the run's typical
 * level in noise units (the median over the run, so one spike does not set it) and the reference
 * value k = max(1, δ/2), the run is extended back to the period from which Σ (sign·z − k) up to the
 * run is largest, searching back to `a`: periods closer to the run's level than to plan join it,
 * periods closer to plan do not (and, for a step rather than a drift, a first period closer to plan
 * leaves a run of three or more).
 */
export function onset(z: ReadonlyArray<number>, run: { from: number; to: number }, sign: number, a: number): number {
  const level = median(z.slice(run.from, run.to + 1).map((v) => sign * v));
  const k = Math.max(ONSET_SLACK, level / 2);
  // The scan's clipped scores can take in a first period closer to plan than to a step's level.
  const step = runSlope({ residual: z, sigma: 1 }, { from: run.from + 1, to: run.to, sign }).z < DRIFT_Z;
  if (!step) return driftOnset(z, run.to, sign, a);
  if (sign * z[run.from] < k && run.to - run.from >= 2) return run.from + 1;
  let start = run.from;
  let best = 0;
  let sum = 0;
  for (let s = run.from - 1; s >= a; s -= 1) {
    // A period far beyond the run's own level (a spike before a step) counts as at most level + CLIP:
    // one wild month cannot pull the onset back over months at plan.
    sum += Math.min(sign * z[s], level + CLIP) - k;
    if (sum > best) {
      best = sum;
      start = s;
    }
    if (sum < -k * run.to) break;
  }
  return start;
}

/**
 * Every persistent run in the residuals (relative variances) of one line, strongest first found.
 * The best segment of the whole series is significant when its family-wise tail area over all
 * segments of two or more periods (Siegmund's scan tail, averaged over the estimated scale: see
 * scaleDegreesOfFreedom) is at most `alpha`, and its score at least `zFloor`. Found runs are dated
 * from their onset (a hinge fit for a drift, Page's CUSUM for a step) and the search recurses on the
 * periods before and after them.
 * @param sigma the line's noise scale, in the residuals' units
 * @param rho the line's lag-1 autocorrelation (sheet-autocorrelation.ts); 0 judges runs as independent noise
 * @example scanSegments([0, 0.01, -0.01, 0.3, 0.31, 0.29, 0.3, 0.3, 0.01, 0], 0.01, 0.01, 3)[0] // {from: 3, to: 7, sign: 1, ...}
 */
export function scanSegments(
  residual: ReadonlyArray<number>,
  sigma: number,
  alpha: number,
  zFloor: number,
  rho = 0,
): Segment[] {
  const m = residual.length;
  if (m < 4) return [];
  // The autocorrelation changes what is significant, not where a run starts: onsets are dated as before.
  const raw = noiseUnits(residual, sigma);
  const spread = Array.from({ length: m + 1 }, (_, length) => Math.sqrt(ar1SumVariance(length, rho)));
  const z = rho > 0 ? clipScores(noiseUnits(residual, sigma, rho)) : clipScores(raw);
  const df = scaleDegreesOfFreedom(m);
  const critical = Math.max(zFloor, scanCritical(alpha, m, df));
  const found: Segment[] = [];
  const regions: [number, number][] = [[0, m - 1]];
  while (regions.length > 0) {
    const [a, b] = regions.pop() as [number, number];
    if (b - a < 1) continue;
    const best = bestSegment(z, a, b, undefined, spread);
    if (best.from < 0 || best.stat < critical) continue;
    let sum = 0;
    for (let i = best.from; i <= best.to; i += 1) sum += z[i];
    const sign = Math.sign(sum);
    const from = onset(raw, best, sign, a);
    const to = best.to;
    const pValue = scanTail(best.stat, m, df);
    found.push({ from, to, sign, evidence: best.stat, pValue });
    regions.push([a, from - 1], [to + 1, b]);
  }
  return found.sort((x, y) => x.from - y.from);
}
