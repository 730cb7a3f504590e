/**
 * Small persistent shifts and slow drifts by an EWMA chart (Roberts 1959; Lucas & Saccucci 1990)
 * on a line's standardised, clipped residuals: a second detector beside the segment scan
 * (scan-segments.ts). The scan weighs every period of a run equally; the EWMA weighs recent periods
 * more, so a gap that builds up over a few periods can pass its threshold before the scan's.
 */
import { SeededGenerator } from '../stats/seeded-generator';
import { noiseScale } from './robust-scale';
import { CLIP } from './scan-segments';

/** Weight of the newest period: 0.2, the textbook choice for shifts of about one noise unit (Montgomery, ch. 9). */
export const EWMA_LAMBDA = 0.2;

/** Noise lines simulated to find a critical value (as in scan-tail.ts's checks). */
const SIMULATED_LINES = 20000;

/** A run found by the EWMA: positions in the series, inclusive. */
export interface EwmaRun {
  from: number;
  to: number;
  /** +1 over plan, −1 under plan. */
  sign: number;
  /** Peak of the standardised EWMA over the run (noise units). */
  evidence: number;
  /** Share of simulated noise lines of the same length whose largest peak is at least `evidence`. */
  pValue: number;
}

/** Standard deviation of the EWMA of unit-variance noise after i + 1 periods: √(λ/(2 − λ) · (1 − (1 − λ)^{2(i+1)})). */
export function ewmaSd(i: number): number {
  return Math.sqrt((EWMA_LAMBDA / (2 - EWMA_LAMBDA)) * (1 - (1 - EWMA_LAMBDA) ** (2 * (i + 1))));
}

/**
 * Every excursion of the two one-sided EWMAs e_t = (1 − λ) e_{t−1} + λ·s·z_t (s = ±1, e_0 = 0),
 * standardised by their exact standard deviation √(λ/(2 − λ) · (1 − (1 − λ)^{2t})): an excursion
 * runs from the period after the EWMA was last at or below 0 to the period of its peak.
 * @example ewmaExcursions([0, 0, 2, 2, 2, 0])[0] // { from: 2, to: 4, sign: 1, peak: 3.099… }
 */
export function ewmaExcursions(z: ReadonlyArray<number>): { from: number; to: number; sign: number; peak: number }[] {
  const out: { from: number; to: number; sign: number; peak: number }[] = [];
  const lambda = EWMA_LAMBDA;
  for (const sign of [1, -1]) {
    let e = 0;
    let start = 0;
    let best: { from: number; to: number; sign: number; peak: number } | null = null;
    for (let i = 0; i < z.length; i += 1) {
      e = (1 - lambda) * e + lambda * sign * z[i];
      if (e <= 0) {
        if (best) out.push(best);
        best = null;
        start = i + 1;
        continue;
      }
      const peak = e / ewmaSd(i);
      if (!best || peak > best.peak) best = { from: start, to: i, sign, peak };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => a.from - b.from);
}

const nullCache = new Map<number, Float64Array>();

/**
 * The largest excursion peak of SIMULATED_LINES lines of m standard normal periods, each measured
 * against its own noise scale exactly as the engine estimates it (robust-scale.ts's noiseScale) and
 * clipped like the engine's scores, sorted: the null distribution of the largest peak. Seeded, so the
 * same m always gives the same values.
 */
export function ewmaNullMaxima(m: number): Float64Array {
  const cached = nullCache.get(m);
  if (cached) return cached;
  const rng = new SeededGenerator(m, 'ewma-drift');
  const maxima = new Float64Array(SIMULATED_LINES);
  const z = new Array<number>(m);
  const lambda = EWMA_LAMBDA;
  const sd = Float64Array.from({ length: m }, (_, i) => ewmaSd(i));
  for (let r = 0; r < SIMULATED_LINES; r += 1) {
    for (let i = 0; i < m; i += 1) z[i] = rng.nextNormal();
    // The engine's own estimator, not the plain root mean square of first differences it resembles:
    // clipped and started from the MAD, it comes out low more often on few periods, and those lines
    // give the high peaks. With the plain form the chart's false alarms were 1.19% of Gaussian lines
    // of 12 periods at alpha 0.5% (0.88% at 24, 0.82% at 36); with this one 0.50%, 0.53%, 0.46%.
    const scale = noiseScale(z, 0);
    // The largest peak of the two one-sided EWMAs is the largest |e_t| / sd_t of one EWMA.
    let e = 0;
    let most = 0;
    for (let i = 0; i < m; i += 1) {
      e = (1 - lambda) * e + lambda * Math.max(-CLIP, Math.min(CLIP, z[i] / scale));
      most = Math.max(most, Math.abs(e) / sd[i]);
    }
    maxima[r] = most;
  }
  maxima.sort();
  nullCache.set(m, maxima);
  return maxima;
}

/** Share of the simulated maxima at least `peak`, counting the observed line: (1 + k) / (N + 1). */
export function ewmaTail(peak: number, m: number): number {
  const maxima = ewmaNullMaxima(m);
  let lo = 0;
  let hi = maxima.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxima[mid] < peak) lo = mid + 1;
    else hi = mid;
  }
  return (1 + maxima.length - lo) / (maxima.length + 1);
}

/**
 * The runs of two or more periods the EWMA finds in scores `z` (noise units, clipped: see
 * scan-segments.ts's noiseUnits and clipScores): excursions whose peak's tail area over the line
 * (ewmaTail: the chance that a line of pure noise of the same length has a peak as high) is at most
 * `alpha` and whose peak is at least `zFloor`.
 */
export function ewmaRuns(z: ReadonlyArray<number>, alpha: number, zFloor: number): EwmaRun[] {
  if (z.length < 4) return [];
  return ewmaExcursions(z)
    .filter((x) => x.to > x.from && x.peak >= zFloor)
    .map((x) => ({ from: x.from, to: x.to, sign: x.sign, evidence: x.peak, pValue: ewmaTail(x.peak, z.length) }))
    .filter((x) => x.pValue <= alpha);
}
