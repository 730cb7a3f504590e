/**
 * Empirical Bayes across a sheet for the lines' lag-1 autocorrelation. One line's 36 months read ρ
 * with a standard error of about 0.17, too loosely to judge its runs by (docs/anomaly.md, "Runs
 * judged under AR(1) noise"); the sheet's lines together say how common autocorrelated noise is in
 * this sheet, and each line's estimate is shrunk toward that: a line is judged as autocorrelated only
 * when its own evidence beats the sheet's prior (Robbins 1956; Efron 2010, "Large-Scale Inference",
 * ch. 1; the prior is the nonparametric maximum likelihood estimate on a grid, Laird 1978, found by EM).
 */
import type { AutocorrelationEvidence } from './scan-segments';

/** The values of ρ the prior puts weight on: 0 (ordinary, independent noise), 0.1, …, 0.8. */
export const RHO_GRID: ReadonlyArray<number> = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/**
 * Lines' worth of prior belief in ordinary noise (ρ = 0) added to the sheet's own evidence: a sheet of
 * a few lines cannot pull the prior far from it, a sheet of hundreds hardly notices it.
 */
export const ORDINARY_NOISE_LINES = 4;

/** EM iterations of the prior's fit (the weights settle to 10⁻⁶ well before). */
const EM_ITERATIONS = 200;

/** Likelihood of ρ̂ when the line's autocorrelation is `rho`: normal, sd √((1 − ρ²)/pairs) (Bartlett 1946). */
function likelihood(e: AutocorrelationEvidence, rho: number): number {
  const sd = Math.sqrt((1 - rho * rho) / e.pairs);
  const u = (e.estimate - rho) / sd;
  return Math.exp(-0.5 * u * u) / sd;
}

/** Posterior weights over RHO_GRID of one line's evidence under `prior` (weights over RHO_GRID). */
export function posteriorWeights(e: AutocorrelationEvidence, prior: ReadonlyArray<number>): number[] {
  const w = RHO_GRID.map((rho, k) => prior[k] * likelihood(e, rho));
  const total = w.reduce((a, b) => a + b, 0);
  return total > 0 ? w.map((v) => v / total) : RHO_GRID.map((_, k) => (k === 0 ? 1 : 0));
}

/**
 * The sheet's prior over RHO_GRID: the weights that make the lines' estimates most likely, with
 * ORDINARY_NOISE_LINES pseudo-lines at ρ = 0. A sheet of independent noise puts nearly all its weight
 * at 0; a sheet where a third of the lines are AR(1) learns a component there.
 * @example autocorrelationPrior([])[0] // 1
 */
export function autocorrelationPrior(evidence: ReadonlyArray<AutocorrelationEvidence>): number[] {
  const K = RHO_GRID.length;
  let prior = RHO_GRID.map(() => 1 / K);
  const likelihoods = evidence.map((e) => RHO_GRID.map((rho) => likelihood(e, rho)));
  for (let it = 0; it < EM_ITERATIONS; it += 1) {
    const mass = RHO_GRID.map((_, k): number => (k === 0 ? ORDINARY_NOISE_LINES : 0));
    for (const l of likelihoods) {
      const w = l.map((v, k) => v * prior[k]);
      const total = w.reduce((a, b) => a + b, 0);
      if (total > 0) w.forEach((v, k) => (mass[k] += v / total));
    }
    const sum = mass.reduce((a, b) => a + b, 0);
    prior = mass.map((v) => v / sum);
  }
  return prior;
}

/** Posterior mean of ρ for one line (0 when its noise could not be read). */
export function posteriorRho(e: AutocorrelationEvidence | null, prior: ReadonlyArray<number>): number {
  if (e === null) return 0;
  return posteriorWeights(e, prior).reduce((a, w, k) => a + w * RHO_GRID[k], 0);
}

/**
 * Each line's autocorrelation given its sheet: the posterior mean of ρ under the prior the sheet's
 * lines make together (autocorrelationPrior). A line whose noise could not be read (null: runs cover
 * all but a few of its periods) has no evidence of its own and takes the prior's mean. The prior is
 * read only from the lines whose residuals are free of a season (`seasonFree`, LineResiduals'
 * seasonFree): on a single year a flat plan's unremoved season reads as autocorrelation, and the
 * prior is meant to measure the noise's (docs/anomaly.md, "A single budget year"). Every line,
 * informing or not, takes its posterior under that prior.
 * @example sheetAutocorrelations([null]) // [0] (the prior of no lines is ordinary noise)
 */
export function sheetAutocorrelations(
  evidence: ReadonlyArray<AutocorrelationEvidence | null>,
  seasonFree: ReadonlyArray<boolean> = evidence.map(() => true),
): number[] {
  const prior = autocorrelationPrior(evidence.flatMap((e, i) => (e === null || !seasonFree[i] ? [] : [e])));
  const priorMean = prior.reduce((a, w, k) => a + w * RHO_GRID[k], 0);
  return evidence.map((e) => (e === null ? priorMean : posteriorRho(e, prior)));
}
