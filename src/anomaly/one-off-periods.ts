/**
 * One-off periods: single variances far outside the line's other periods, by the Bonferroni outlier
 * test on externally studentised residuals (as R's car::outlierTest), run sequentially like Rosner's
 * generalised ESD (Rosner 1983) so that two spikes on one line do not mask each other, with tails
 * matched to the line's own kurtosis.
 */
import { studentT } from '../scenario/distributions/gamma-family';

export interface OneOff {
  /** Position in the residual series. */
  at: number;
  /** |r − mean of the others| / (sd of the others · √(1 + 1/n)): Student's t for normal noise. */
  evidence: number;
  /** Bonferroni-adjusted two-sided tail area over the periods still tested (≤ 1). */
  pValue: number;
}

/** Excess kurtosis of a Student-t with ν degrees of freedom is 6/(ν − 4); ν stays above this. */
const LEAST_DF = 4.2;

/** Fewest other periods a period is judged against. */
const LEAST_OTHERS = 3;

function moments(values: number[]): { mean: number; sd: number; excessKurtosis: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    m2 += (v - mean) ** 2;
    m4 += (v - mean) ** 4;
  }
  const sd = Math.sqrt(m2 / (n - 1));
  m2 /= n;
  m4 /= n;
  return { mean, sd, excessKurtosis: m2 > 0 ? m4 / (m2 * m2) - 3 : 0 };
}

/**
 * Two-sided tail area of a studentised deviation `t` judged against `others` values. Under normal
 * noise it is Student's t with n − 1 degrees of freedom. When the others are heavy-tailed (positive
 * excess kurtosis κ), the noise is taken as a Student-t with the same kurtosis, ν = 4 + 6/κ (method
 * of moments), scaled to the others' standard deviation, and the larger tail area is kept: a line
 * whose ordinary months already swing wildly needs a wilder one to be unusual.
 */
function tailArea(t: number, others: number, excessKurtosis: number): number {
  let p = 2 * (1 - studentT(others - 1).cdf(t));
  if (excessKurtosis > 0) {
    const nu = Math.max(LEAST_DF, 4 + 6 / excessKurtosis);
    if (nu < others - 1) p = Math.max(p, 2 * (1 - studentT(nu).cdf(t * Math.sqrt(nu / (nu - 2)))));
  }
  return p;
}

/** At most this share of a line's periods can be one-offs (Rosner's upper bound k), unless more are clear. */
const MOST_ONE_OFFS = 0.1;

/**
 * A period at least this many noise units from plan, in the line's own noise scale, counts towards
 * Rosner's bound k. A month that far out is rare under any noise the benchmarks draw: one Gaussian
 * month in 500 million, one Student-t(3) month of unit variance in 270 even with the line's scale
 * read 20% low, so four such months on a 36-month line of noise come about once in 90,000 lines. A
 * line with more of them than ⌊10%⌋ of its periods carries more one-offs than that bound would test.
 * Measured at 4, 5 and 6 units by bench/flags-cv.ts on both labelled sets (docs/anomaly.md): 4 and 5
 * add false one-offs on the first set's Student-t(4) lines, 6 changes no flag on its 16 cross-validation seeds.
 */
export const CLEAR_ONE_OFF = 6;

/**
 * Rosner's bound k on `candidates`: ⌊10%⌋ of them (at least 1) or, when larger, the number of them at
 * least CLEAR_ONE_OFF × `scale` from plan, and never more than half of them. With a bound below the
 * number of true one-offs, each step judges its period against others that still hold the rest, whose
 * spread (and kurtosis, read as heavy tails) hides them all: four months of 10 noise units on a
 * 36-period line (two late accruals, each a month short and the next long) raised no flag.
 * @example mostOneOffs([0, 0.5, -0.5, 0.5, -0.5, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.05) // 4
 */
export function mostOneOffs(
  residual: ReadonlyArray<number>,
  candidates: ReadonlyArray<number>,
  scale?: number,
): number {
  const bound = Math.max(1, Math.floor(MOST_ONE_OFFS * candidates.length));
  if (scale === undefined || !(scale > 0)) return bound;
  const clear = candidates.filter((i) => Math.abs(residual[i]) >= CLEAR_ONE_OFF * scale).length;
  return Math.max(bound, Math.min(clear, Math.floor(candidates.length / 2)));
}

/**
 * The one-off periods among `candidates` (positions in `residual`), by the generalised ESD: the most
 * extreme candidate is judged against the others and set aside, then the next most extreme against
 * the rest, up to k times (mostOneOffs: ⌊10% of the candidates⌋, or the number of them clearly beyond
 * the line's noise `scale` when larger); the one-offs are the first i set aside,
 * for the largest i whose tail area times the candidates still in play is at most `alpha` (and whose
 * evidence is at least `zFloor`). Judging the i-th against the rest without the first i − 1 keeps
 * two spikes on one line from masking each other. The others' standard deviation is never taken
 * below `floor` (a line that tracks its plan exactly still shows a one-off). When the residuals
 * depend on the periods themselves (a seasonal pattern estimated from the line's other years),
 * `rejudge(judged)` gives them again with the `judged` periods kept from pulling that estimate:
 * each candidate is judged with itself and the periods already set aside so kept, and a spike's echo
 * in the same month of the other years neither widens the others' spread nor becomes a one-off.
 * @example oneOffPeriods([0.01, -0.01, 0.02, 0.6, 0, -0.02, 0.01, 0, -0.01, 0.02], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.01, 3, 0.002)[0].at // 3
 */
export function oneOffPeriods(
  residual: ReadonlyArray<number>,
  candidates: ReadonlyArray<number>,
  alpha: number,
  zFloor: number,
  floor: number,
  rejudge?: (judged: ReadonlySet<number>) => ReadonlyArray<number>,
  scale?: number,
): OneOff[] {
  const pool = [...candidates];
  const setAside: number[] = [];
  const steps: OneOff[] = [];
  const most = mostOneOffs(residual, candidates, scale);
  while (steps.length < most && pool.length > LEAST_OTHERS) {
    let best: OneOff | null = null;
    for (const i of pool) {
      const r = rejudge ? rejudge(new Set([...setAside, i])) : residual;
      const others = pool.filter((j) => j !== i).map((j) => r[j]);
      const { mean, sd: spread, excessKurtosis } = moments(others);
      const sd = Math.max(Number.isFinite(spread) ? spread : 0, floor);
      const evidence = Math.abs(r[i] - mean) / (sd * Math.sqrt(1 + 1 / others.length));
      if (best && evidence <= best.evidence) continue;
      best = { at: i, evidence, pValue: Math.min(1, pool.length * tailArea(evidence, others.length, excessKurtosis)) };
    }
    if (!best) break;
    steps.push(best);
    setAside.push(best.at);
    pool.splice(pool.indexOf(best.at), 1);
  }
  let count = 0;
  steps.forEach((step, i) => {
    if (step.pValue <= alpha && step.evidence >= zFloor) count = i + 1;
  });
  return steps.slice(0, count);
}
