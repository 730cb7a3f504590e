import {
  autocorrelationPrior,
  posteriorRho,
  posteriorWeights,
  RHO_GRID,
  sheetAutocorrelations,
} from '../../src/anomaly/sheet-autocorrelation';
import { autocorrelationEvidence } from '../../src/anomaly/scan-segments';
import type { AutocorrelationEvidence } from '../../src/anomaly/scan-segments';
import { normals } from './helpers';

/** Stationary AR(1) noise of 36 periods (rho 0: independent), from the seeded normals. */
const ar1 = (seed: number, rho: number) => {
  const out: number[] = [];
  normals(seed, 36).forEach((v, t) => out.push(t === 0 ? v : rho * out[t - 1] + Math.sqrt(1 - rho * rho) * v));
  return out;
};
const read = (seed: number, rho: number) => autocorrelationEvidence(ar1(seed, rho), []) as AutocorrelationEvidence;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const atLeast = (prior: number[], rho: number) => prior.reduce((a, w, k) => a + (RHO_GRID[k] >= rho ? w : 0), 0);

describe('autocorrelationPrior', () => {
  it('puts nearly all its weight on ordinary noise on a sheet of independent noise', () => {
    const prior = autocorrelationPrior(Array.from({ length: 200 }, (_, k) => read(k + 1, 0)));
    expect(prior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(prior[0]).toBeGreaterThan(0.9);
  });
  it('learns an autocorrelated component where a third of the lines are AR(1)', () => {
    const evidence = Array.from({ length: 200 }, (_, k) => read(500 + k, k % 3 === 0 ? 0.5 : 0));
    const prior = autocorrelationPrior(evidence);
    expect(atLeast(prior, 0.3)).toBeGreaterThan(0.2);
    expect(atLeast(prior, 0.3)).toBeLessThan(0.5);
  });
  it('is the point mass at 0 without lines', () => {
    expect(autocorrelationPrior([])).toEqual(RHO_GRID.map((_, k) => (k === 0 ? 1 : 0)));
  });
});

describe('sheetAutocorrelations', () => {
  it("shrinks each line's estimate toward its sheet: the AR lines keep most of theirs, the others little", () => {
    const rhos = (share: number) => {
      const evidence = Array.from({ length: 200 }, (_, k) => read(900 + k, k < 200 * share ? 0.5 : 0));
      const r = sheetAutocorrelations(evidence);
      return { ar: mean(r.slice(0, 200 * share)), independent: mean(r.slice(200 * share)), all: r };
    };
    const mixed = rhos(1 / 3);
    expect(mixed.ar).toBeGreaterThan(0.25);
    expect(mixed.independent).toBeLessThan(0.1);
    // On a sheet of independent noise only, the same lines are taken as nearly independent.
    const none = sheetAutocorrelations(Array.from({ length: 200 }, (_, k) => read(1100 + k, 0)));
    expect(Math.max(...none)).toBeLessThan(0.15);
    expect(mean(none)).toBeLessThan(0.05);
  });
  it('treats a line alone as autocorrelated only when its own evidence is strong', () => {
    const [strong] = sheetAutocorrelations([{ estimate: 0.6, pairs: 35 }]);
    const [weak] = sheetAutocorrelations([{ estimate: 0.15, pairs: 35 }]);
    expect(strong).toBeGreaterThan(0.3);
    expect(weak).toBeLessThan(0.05);
  });
  it("gives a line whose noise could not be read the prior's mean: its sheet's, else ordinary noise", () => {
    expect(sheetAutocorrelations([null])).toEqual([0]);
    const evidence = Array.from({ length: 200 }, (_, k) => read(1300 + k, k % 3 === 0 ? 0.5 : 0));
    const prior = autocorrelationPrior(evidence);
    const [unread] = sheetAutocorrelations([null, ...evidence]);
    expect(unread).toBeCloseTo(
      prior.reduce((a, w, k) => a + w * RHO_GRID[k], 0),
      12,
    );
    expect(unread).toBeGreaterThan(0.05);
    const quiet = sheetAutocorrelations([null, ...Array.from({ length: 200 }, (_, k) => read(1500 + k, 0))]);
    expect(quiet[0]).toBeLessThan(0.02);
  });
});

describe('sheetAutocorrelations: the prior from the lines free of a season', () => {
  it('reads the prior only from season-free lines, and gives every line its posterior under it', () => {
    // 100 lines of independent noise and 60 whose unremoved season reads as rho 0.5 (a flat plan on one year).
    const independent = Array.from({ length: 100 }, (_, k) => read(1700 + k, 0));
    const seasonal = Array.from({ length: 60 }, (_, k) => read(1900 + k, 0.5));
    const evidence = [null, ...independent, ...seasonal];
    const free = evidence.map((_, i) => i <= 100);
    const all = sheetAutocorrelations(evidence);
    const freeOnly = sheetAutocorrelations(evidence, free);
    const prior = autocorrelationPrior(independent);
    const priorMean = prior.reduce((a, w, k) => a + w * RHO_GRID[k], 0);
    // A line whose noise could not be read takes the season-free lines' prior mean, not the whole sheet's.
    expect(freeOnly[0]).toBeCloseTo(priorMean, 12);
    expect(freeOnly[0]).toBeLessThan(0.05);
    expect(all[0]).toBeGreaterThan(0.1);
    // The lines left out of the prior keep their own evidence: each takes its posterior under the prior.
    seasonal.forEach((e, k) => expect(freeOnly[101 + k]).toBeCloseTo(posteriorRho(e, prior), 12));
    // Every line free of a season: as before.
    expect(
      sheetAutocorrelations(
        evidence,
        evidence.map(() => true),
      ),
    ).toEqual(all);
  });
});

describe('posteriorWeights and posteriorRho', () => {
  it('are a distribution over the grid, and the posterior mean grows with the estimate', () => {
    const prior = RHO_GRID.map(() => 1 / RHO_GRID.length);
    const w = posteriorWeights({ estimate: 0.4, pairs: 30 }, prior);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const at = (estimate: number) => posteriorRho({ estimate, pairs: 30 }, prior);
    expect(at(0)).toBeLessThan(at(0.3));
    expect(at(0.3)).toBeLessThan(at(0.6));
    expect(posteriorRho(null, prior)).toBe(0);
  });
});
