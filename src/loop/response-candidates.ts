/**
 * Fitting and choosing the KPI response model (see kpi-response.ts for the model): the data aligned
 * by lag, the design of each candidate, the profile over the saturation multiple, the AICc choice,
 * and the shrunken refit.
 */
import { aicc, fitLinearModel } from './linear-model';
import type { LinearFit } from './linear-model';
import { median } from '../stats/median';

/** g(x; s): spend as the KPI feels it; linear when s is null, else s·(1 − e^(−x/s)). */
export const saturating = (x: number, s: number | null): number => (s === null ? x : s * (1 - Math.exp(-x / s)));

/** ∂g/∂ln s = s·(1 − e^(−x/s)) − x·e^(−x/s). */
export const dgdLogS = (x: number, s: number): number => s * (1 - Math.exp(-x / s)) - x * Math.exp(-x / s);

/** KPI and spend on the periods where all are present, spend shifted by the lag. */
export interface Aligned {
  y: Float64Array;
  x: Float64Array[];
  /** Median spend of each line: the unit of its saturation. */
  scale: number[];
}

export interface Candidate {
  name: string;
  trend: boolean;
  /** Saturation as a multiple of each line's median spend; null for the linear shape. */
  multiple: number | null;
  fit: LinearFit;
  /** Coefficients + σ² (+ the multiple). */
  parameters: number;
  score: number;
}

export function align(
  kpi: ReadonlyArray<number | null>,
  spend: ReadonlyArray<ReadonlyArray<number | null>>,
  lag: number,
): Aligned {
  const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  const rows: number[] = [];
  for (let t = lag; t < kpi.length; t++) if (ok(kpi[t]) && spend.every((s) => ok(s[t - lag]))) rows.push(t);
  const x = spend.map((s) => Float64Array.from(rows, (t) => s[t - lag] as number));
  return { y: Float64Array.from(rows, (t) => kpi[t] as number), x, scale: x.map((c) => (c.length ? median(c) : 0)) };
}

/** Columns: intercept, [time index], then g(spend) of each line. */
export function design(d: Aligned, trend: boolean, multiple: number | null): Float64Array[] {
  const n = d.y.length;
  const cols = [new Float64Array(n).fill(1)];
  if (trend) cols.push(Float64Array.from({ length: n }, (_, t) => t));
  d.x.forEach((x, l) => cols.push(x.map((v) => saturating(v, multiple === null ? null : multiple * d.scale[l]))));
  return cols;
}

export function candidate(d: Aligned, trend: boolean, multiple: number | null): Candidate | undefined {
  const fit = fitLinearModel(design(d, trend, multiple), d.y);
  if (!fit) return undefined;
  const parameters = fit.beta.length + 1 + (multiple === null ? 0 : 1);
  const name = `${multiple === null ? 'linear' : 'saturating'}${trend ? '+trend' : ''}`;
  return { name, trend, multiple, fit, parameters, score: aicc(fit.rss, d.y.length, parameters) };
}

/** The saturating candidate with the least squares over c: a log grid 1/4..16, then golden-section search. */
export function bestSaturating(d: Aligned, trend: boolean): Candidate | undefined {
  if (d.scale.some((s) => !(s > 0))) return undefined;
  const grid = Array.from({ length: 13 }, (_, i) => 2 ** (-2 + i / 2));
  const rss = (c: number) => candidate(d, trend, c)?.fit.rss ?? Infinity;
  const values = grid.map(rss);
  const at = values.indexOf(Math.min(...values));
  if (!Number.isFinite(values[at])) return undefined;
  let lo = Math.log(grid[Math.max(0, at - 1)]);
  let hi = Math.log(grid[Math.min(grid.length - 1, at + 1)]);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let u1 = hi - ratio * (hi - lo);
  let u2 = lo + ratio * (hi - lo);
  let f1 = rss(Math.exp(u1));
  let f2 = rss(Math.exp(u2));
  while (hi - lo > 1e-3) {
    if (f1 <= f2) {
      hi = u2;
      u2 = u1;
      f2 = f1;
      u1 = hi - ratio * (hi - lo);
      f1 = rss(Math.exp(u1));
    } else {
      lo = u1;
      u1 = u2;
      f1 = f2;
      u2 = lo + ratio * (hi - lo);
      f2 = rss(Math.exp(u2));
    }
  }
  const refined = Math.min(f1, f2) < values[at] ? Math.exp(f1 <= f2 ? u1 : u2) : grid[at];
  return candidate(d, trend, refined);
}

/** The lowest AICc, except that a candidate with fewer parameters within 2 of it is preferred. */
export function choose(candidates: ReadonlyArray<Candidate>): Candidate {
  const best = candidates.reduce((a, b) => (b.score < a.score ? b : a));
  return candidates
    .filter((c) => c.score <= best.score + 2)
    .reduce((a, b) => (b.parameters < a.parameters || (b.parameters === a.parameters && b.score < a.score) ? b : a));
}

/**
 * Refits the chosen candidate with each response shrunk toward 0 under a Normal(0, τ_l²) prior on its
 * coefficient r_l, τ_l = τ·mean KPI ÷ (x̄_l·g′(x̄_l)), x̄_l the line's mean spend and g′ = e^(−x/s) the
 * slope of g (1 when linear): τ is in elasticity units at the mean spend, r·g′(x̄)·x̄ ÷ mean KPI, the
 * scale on which response-curves.ts estimates it from the unshrunken fits. λ_l = σ̂²/τ_l² (σ̂²
 * re-estimated once from the shrunken fit).
 */
export function shrunkenFit(
  d: Aligned,
  chosen: Candidate,
  elasticitySd: number,
): { fit: LinearFit; penalty: number[] } | undefined {
  const cols = design(d, chosen.trend, chosen.multiple);
  const fixed = cols.length - d.x.length;
  const meanY = d.y.reduce((s, v) => s + v, 0) / d.y.length;
  const tau = d.x.map((x, l) => {
    const meanX = x.reduce((s, v) => s + v, 0) / x.length;
    const slope = chosen.multiple === null ? 1 : Math.exp(-meanX / (chosen.multiple * d.scale[l]));
    return (elasticitySd * Math.abs(meanY)) / (meanX * slope || 1);
  });
  let fit: LinearFit | undefined = chosen.fit;
  let penalty: number[] = [];
  for (let pass = 0; pass < 2 && fit; pass++) {
    const sigma2 = fit.sigma2;
    penalty = cols.map((_, j) => (j < fixed ? 0 : sigma2 / (tau[j - fixed] * tau[j - fixed])));
    fit = fitLinearModel(cols, d.y, penalty);
  }
  return fit ? { fit, penalty } : undefined;
}
