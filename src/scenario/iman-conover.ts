/**
 * Rank correlation by the Iman–Conover method (R. L. Iman and W. J. Conover, "A distribution-free
 * approach to inducing rank correlation among input variables", Commun. Stat. B 11(3), 1982).
 *
 * Each driver's sorted sample is re-ordered (never changed), so the marginals are preserved
 * exactly. The order comes from a score matrix S: van der Waerden scores Φ⁻¹(i/(n+1)) randomly
 * permuted per driver. With E the correlation of S (= Q·Qᵀ) and C the Pearson target (= P·Pᵀ),
 * T = S·(P·Q⁻¹)ᵀ has correlation exactly C; each driver's values take the ranks of its T column.
 * A Spearman target ρ is turned into the Pearson target of the normal scores by 2·sin(π·ρ/6).
 */
import { ScenarioErrors } from './errors';
import { cholesky, invertLower, Matrix, multiply } from './matrix';
import { nearestCorrelation } from './nearest-correlation';
import { detSinSmall } from '../stats/deterministic-math';
import { normalQuantile } from '../stats/normal-quantile';
import { SeededGenerator } from '../stats/seeded-generator';
import { Scratch } from './scratch';
import { scoreRanks } from './score-ranks';
import { dots } from './block-sensitivity';

let cachedScores: { n: number; scores: Float64Array } | undefined;

/** Van der Waerden scores Φ⁻¹(i/(n+1)), i = 1..n (cached for the last n). */
export function vanDerWaerdenScores(n: number): Float64Array {
  if (cachedScores?.n === n) return cachedScores.scores;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
  cachedScores = { n, scores };
  return scores;
}

/**
 * The Pearson correlation of normal scores that gives Spearman correlation ρ: 2·sin(π·ρ/6)
 * (exact for the bivariate normal; Pearson 1907). Repaired if the adjustment breaks positive
 * definiteness.
 */
export function spearmanToPearson(target: Matrix): Matrix {
  const adjusted = target.map((row, i) => row.map((r, j) => (i === j ? 1 : 2 * detSinSmall((Math.PI * r) / 6))));
  return nearestCorrelation(adjusted).matrix;
}

/**
 * Ranks that impose the target rank correlation on k independent samples of n trials.
 * @param n trials in the block (≥ k + 1 so the score correlation is invertible)
 * @param pearsonTarget positive-definite Pearson target for the scores (see `spearmanToPearson`)
 * @param streams one generator per driver (its own stream), for the score permutations
 * @param scratch reusable arrays (the returned ranks live in it until the next call); fresh ones by default
 * @returns per driver, the rank (position in its sorted sample) of every trial
 * @throws SCENARIO_BAD_SPEC when n is too small for the number of correlated drivers
 */
export function imanConoverRanks(
  n: number,
  pearsonTarget: Matrix,
  streams: readonly SeededGenerator[],
  scratch: Scratch = new Scratch(),
): Uint32Array[] {
  const k = pearsonTarget.length;
  if (n < k + 2)
    throw ScenarioErrors.badSpec('iterations', `at least ${k + 2} trials are needed to correlate ${k} drivers.`);
  const scores = vanDerWaerdenScores(n);
  const perms = streams.map((rng, j) => rng.permutation(scratch.uint32(`ic:perm:${j}`, n)));
  const s: Float64Array[] = perms.map((perm, j) => {
    const column = scratch.float64(`ic:score:${j}`, n);
    for (let i = 0; i < n; i++) column[i] = scores[perm[i]];
    return column;
  });
  // Every column is a permutation of the same scores, so the diagonal is the same sum of squares.
  let squares = 0;
  for (let i = 0; i < n; i++) squares += scores[i] * scores[i];
  const e: Matrix = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (a === b ? squares : 0)));
  for (let a = 0; a + 1 < k; a++) {
    const row = dots(s[a], s.slice(a + 1));
    for (let b = a + 1; b < k; b++) e[a][b] = e[b][a] = row[b - a - 1];
  }
  const norm = e.map((row, a) => row.map((v, b) => v / Math.sqrt(e[a][a] * e[b][b])));
  const q = cholesky(norm);
  const p = cholesky(pearsonTarget);
  if (!q || !p) throw ScenarioErrors.badCorrelation('the correlation could not be factorised; use more trials.');
  const b = multiply(p, invertLower(q)); // T_j = Σ_a S_a · b[j][a]
  const t = scratch.float64('ic:t', n);
  return s.map((_, j) => {
    // T's first column is a positive multiple of S's, whose ranks are the permutation itself.
    if (j === 0) return perms[0];
    const terms: number[] = [];
    for (let a = 0; a <= j; a++) if (b[j][a] !== 0) terms.push(a);
    combineColumns(
      t,
      terms.map((a) => b[j][a]),
      terms.map((a) => s[a]),
    );
    return scoreRanks(t, scratch.uint32(`ic:rank:${j}`, n), scratch);
  });
}

/**
 * t[i] = 0 + w₀·c₀[i] + w₁·c₁[i] + …, added left to right as a loop over the columns would add them
 * (so the same bits), but up to four columns per pass over `t`: a driver late in the order of ten
 * combines ten score columns, and ten passes reading and writing `t` cost more than the arithmetic.
 */
export function combineColumns(t: Float64Array, weights: readonly number[], columns: readonly Float64Array[]): void {
  const n = t.length;
  t.fill(0);
  let a = 0;
  for (; a + 4 <= columns.length; a += 4) {
    const [w0, w1, w2, w3] = weights.slice(a, a + 4);
    const [c0, c1, c2, c3] = columns.slice(a, a + 4);
    for (let i = 0; i < n; i++) t[i] = t[i] + w0 * c0[i] + w1 * c1[i] + w2 * c2[i] + w3 * c3[i];
  }
  for (; a < columns.length; a++) {
    const w = weights[a];
    const c = columns[a];
    for (let i = 0; i < n; i++) t[i] += w * c[i];
  }
}
