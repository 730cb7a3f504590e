/**
 * How much a KPI moves per unit of spend, estimated from history with its uncertainty.
 *
 * Model: kpi_t = a [+ b·t] + Σ_l r_l·g(x_{l,t−lag}; s_l) + ε_t, ε ~ Normal(0, σ²), with
 * g(x; s) = x (linear: constant returns) or g(x; s) = s·(1 − e^(−x/s)) (saturating: diminishing
 * returns, slope r at zero spend falling to r·e^(−x/s)). The saturation of every line is a common
 * multiple c of that line's median spend (s_l = c·median_l: returns diminish on the scale of each
 * line's own size); c is profiled over a log grid and refined by golden-section search.
 *
 * Choice (Burnham & Anderson 2002, §2.6): four candidates (linear or saturating, with or without a
 * trend) are scored by AICc; the lowest wins, except that a candidate with fewer parameters within 2 of
 * it is preferred. So diminishing returns are reported only where the data support them.
 *
 * Uncertainty: the marginal response at the mean spend gets a t-interval from the (linearised, for
 * the saturating form) covariance of the estimates (Bates & Watts 1988, §2.3), with n − p degrees of
 * freedom; the elasticity is the marginal times mean spend ÷ mean KPI.
 */
import { LoopErrors } from './errors';
import { fitLinearModel } from './linear-model';
import type { LinearFit } from './linear-model';
import { align, bestSaturating, candidate, choose, design, dgdLogS, shrunkenFit } from './response-candidates';
import type { Aligned, Candidate } from './response-candidates';
import { studentT } from '../scenario/distributions/gamma-family';
import { figureInStyle, formatNumber, type NumberStyle } from '../format/format-number';

export interface KpiResponseOptions {
  /** Periods from spend to KPI: the KPI of period t is explained by spend of period t − lag. @default 0 */
  lag?: number;
  /** Two-sided interval level. @default 0.9 */
  level?: number;
  /** Shrink each line's response toward 0 with a Normal(0, τ²) prior, τ in elasticity units. @default none */
  priorElasticitySd?: number;
  /** How the notes write their numbers (the pane's locale and minus sign). @default en-US */
  numbers?: NumberStyle;
}

export type ResponseShape = 'linear' | 'saturating';

export interface LineResponse {
  /** KPI units per unit of spend, at the line's mean spend. */
  marginal: number;
  /** Its standard error. */
  se: number;
  lower: number;
  upper: number;
  /** Marginal × mean spend ÷ mean KPI: % KPI change per 1% spend change. */
  elasticity: number;
  elasticityLower: number;
  elasticityUpper: number;
  /** r: the response per unit at zero spend (equal to the marginal for the linear shape). */
  rate: number;
  /** s: the spend over which the response falls by a factor e (saturating shape), else null. */
  saturation: number | null;
  meanSpend: number;
}

export interface KpiResponse {
  shape: ResponseShape;
  trend: boolean;
  lag: number;
  /** Periods used. */
  n: number;
  level: number;
  lines: LineResponse[];
  intercept: number;
  /** KPI change per period from the trend (0 without a trend). */
  trendPerPeriod: number;
  sigma: number;
  /** Share of the KPI's variance the fit explains. */
  r2: number;
  /** AICc of each candidate, by name ("linear", "linear+trend", "saturating", "saturating+trend"). */
  aicc: Record<string, number>;
  notes: string[];
  /** Covariance of (r_1..r_L[, ln c]) for `marginalAt`; the last row/column is ln c when saturating. */
  responseCovariance: number[][];
  df: number;
  /** Mean KPI over the periods used. */
  meanKpi: number;
}
const round = (v: number, digits = 1) => Number(v.toFixed(digits));

/** (JᵀJ + Λ)⁻¹·σ² of the saturating fit, linearised in ln c (the last row and column). */
function saturatingCovariance(
  d: Aligned,
  chosen: Candidate,
  fit: LinearFit,
  penalty: number[],
): Float64Array[] | undefined {
  const cols = design(d, chosen.trend, chosen.multiple);
  const fixed = cols.length - d.x.length;
  const extra = new Float64Array(d.y.length);
  d.x.forEach((x, l) => {
    const s = (chosen.multiple as number) * d.scale[l];
    x.forEach((v, t) => (extra[t] += fit.beta[fixed + l] * dgdLogS(v, s)));
  });
  const j = fitLinearModel([...cols, extra], d.y, [...penalty, 0]);
  if (!j) return undefined;
  const sigma2 = fit.rss / Math.max(1, d.y.length - cols.length - 1);
  return j.covariance.map((row) => row.map((v) => (v / j.sigma2) * sigma2));
}

/**
 * The data aligned and the model chosen by AICc, before any shrinkage: what an estimate with any
 * prior (`fitResponseModel`) starts from. The choice does not depend on the prior, so a caller that
 * fits the same KPI twice (response-curves.ts: alone, then pooled) chooses once.
 */
export interface ResponseModel {
  d: Aligned;
  candidates: Candidate[];
  chosen: Candidate;
  lag: number;
  level: number;
  /** Periods of the KPI given (used and not). */
  periods: number;
}

/**
 * Aligns the data and chooses the model (see the top of this file).
 * @throws as `estimateKpiResponse`
 */
export function chooseResponseModel(
  kpi: ReadonlyArray<number | null>,
  spend: ReadonlyArray<ReadonlyArray<number | null>>,
  options: Omit<KpiResponseOptions, 'priorElasticitySd' | 'numbers'> = {},
): ResponseModel {
  const lag = options.lag ?? 0;
  const level = options.level ?? 0.9;
  if (spend.length === 0) throw LoopErrors.badShape('spend', 'give at least one spend series');
  if (spend.some((s) => s.length !== kpi.length))
    throw LoopErrors.badShape('spend', `every spend series must have ${kpi.length} periods, like the KPI`);
  if (!Number.isInteger(lag) || lag < 0 || lag >= kpi.length)
    throw LoopErrors.badShape('lag', `must be a whole number from 0 to ${kpi.length - 1}; got ${lag}`);
  if (!(level > 0 && level < 1)) throw LoopErrors.badShape('level', `must be strictly between 0 and 1; got ${level}`);
  const d = align(kpi, spend, lag);
  const n = d.y.length;
  const need = spend.length + 4;
  if (n < need) throw LoopErrors.tooFewPeriods('kpi_actuals', n, need);
  const candidates = [
    candidate(d, false, null),
    candidate(d, true, null),
    bestSaturating(d, false),
    bestSaturating(d, true),
  ].filter((c): c is Candidate => c !== undefined && Number.isFinite(c.score));
  if (!candidates.some((c) => c.multiple === null)) throw LoopErrors.collinear('spend');
  return { d, candidates, chosen: choose(candidates), lag, level, periods: kpi.length };
}

/**
 * Estimates how a KPI responds to spend on one or more lines (see the top of this file).
 * @param kpi the KPI per period (null = not known)
 * @param spend one series per line, aligned with `kpi` (null = not known)
 * @throws LOOP_BAD_SHAPE (no spend, lengths differ, a bad lag or level), LOOP_TOO_FEW_PERIODS (fewer
 *   than 3 periods beyond the parameters), LOOP_COLLINEAR (spend columns that cannot be told apart)
 * @example estimateKpiResponse([10, 12, 14, 16, 18, 20], [[1, 2, 3, 4, 5, 6]]).lines[0].marginal // 2
 */
export function estimateKpiResponse(
  kpi: ReadonlyArray<number | null>,
  spend: ReadonlyArray<ReadonlyArray<number | null>>,
  options: KpiResponseOptions = {},
): KpiResponse {
  return fitResponseModel(chooseResponseModel(kpi, spend, options), options.priorElasticitySd, options.numbers);
}

/**
 * The estimate of a chosen model, its responses shrunk toward 0 under a Normal(0, τ²) prior when
 * `priorElasticitySd` (τ, in elasticity units) is given; `numbers` writes the notes' figures (AICc
 * scores, τ, the level) in the reader's style (default en-US: "linear 12.3", "at 90%").
 */
export function fitResponseModel(
  model: ResponseModel,
  priorElasticitySd?: number,
  numbers: NumberStyle = {},
): KpiResponse {
  const { d, candidates, chosen, lag, level } = model;
  const n = d.y.length;
  const fixed = chosen.trend ? 2 : 1;
  const tau = priorElasticitySd;
  const shrunk = tau !== undefined && tau > 0 ? shrunkenFit(d, chosen, tau) : undefined;
  const fit = shrunk?.fit ?? chosen.fit;
  const penalty = shrunk?.penalty ?? [];
  const full =
    chosen.multiple === null ? fit.covariance : (saturatingCovariance(d, chosen, fit, penalty) ?? fit.covariance);
  const index = [...d.x.map((_, l) => fixed + l), ...(chosen.multiple === null ? [] : [fit.beta.length])];
  const responseCovariance = index.map((i) => index.map((j) => (full[i]?.[j] ?? 0) as number));
  const df = n - chosen.parameters + 1;
  const meanKpi = d.y.reduce((s, v) => s + v, 0) / n;
  const partial: Omit<KpiResponse, 'lines' | 'notes'> = {
    shape: chosen.multiple === null ? 'linear' : 'saturating',
    trend: chosen.trend,
    lag,
    n,
    level,
    intercept: fit.beta[0],
    trendPerPeriod: chosen.trend ? fit.beta[1] : 0,
    sigma: Math.sqrt(fit.rss / Math.max(1, df)),
    r2: 1 - fit.rss / d.y.reduce((s, v) => s + (v - meanKpi) ** 2, 0),
    aicc: Object.fromEntries(candidates.map((c) => [c.name, c.score])),
    responseCovariance,
    df,
    meanKpi,
  };
  const z = studentT(df, 0, 1).quantile(0.5 + level / 2);
  const lines = d.x.map((x, l): LineResponse => {
    const meanSpend = x.reduce((s, v) => s + v, 0) / n;
    const saturation = chosen.multiple === null ? null : chosen.multiple * d.scale[l];
    const m = marginal(fit.beta[fixed + l], saturation, responseCovariance, l, meanSpend);
    const e = meanSpend / meanKpi;
    return {
      marginal: m.mean,
      se: m.se,
      lower: m.mean - z * m.se,
      upper: m.mean + z * m.se,
      elasticity: m.mean * e,
      elasticityLower: (m.mean - z * m.se) * e,
      elasticityUpper: (m.mean + z * m.se) * e,
      rate: fit.beta[fixed + l],
      saturation,
      meanSpend,
    };
  });
  const notes = [
    `${partial.shape}${chosen.trend ? ' with a trend' : ''} chosen by AICc (${candidates.map((c) => `${c.name} ${figureInStyle(String(round(c.score)), numbers)}`).join(', ')}; a simpler model within 2 is preferred).`,
    `${n} of ${model.periods - lag} periods used${lag ? `, spend ${lag} period(s) before the KPI` : ''}.`,
  ];
  if (tau !== undefined && tau > 0)
    notes.push(`Responses shrunk toward 0 (prior elasticity sd ${figureInStyle(String(tau), numbers)}).`);
  lines.forEach((r, l) => {
    if (r.lower <= 0 && r.upper >= 0)
      notes.push(
        `Line ${l + 1}: the response is not distinguishable from 0 at ${formatNumber(round(level * 100, 0) / 100, 'percent', numbers, { decimals: 0 })}.`,
      );
  });
  return { ...partial, lines, notes };
}

/** The marginal response r·e^(−x/s) (r when linear) and its delta-method standard error. */
function marginal(rate: number, saturation: number | null, cov: number[][], line: number, spend: number) {
  if (saturation === null) return { mean: rate, se: Math.sqrt(Math.max(0, cov[line][line])) };
  const decay = Math.exp(-spend / saturation);
  const last = cov.length - 1;
  const dr = decay;
  const dc = rate * decay * (spend / saturation);
  const variance = dr * dr * cov[line][line] + 2 * dr * dc * cov[line][last] + dc * dc * cov[last][last];
  return { mean: rate * decay, se: Math.sqrt(Math.max(0, variance)) };
}

/**
 * The KPI change per unit of spend on `line` at spend level `spend`, with its standard error: the
 * slope of the fitted response there (diminishing with spend for the saturating shape).
 * @example marginalAt(estimateKpiResponse(kpi, [spend]), 0, 50000) // { mean: 0.42, se: 0.08 }
 */
export function marginalAt(response: KpiResponse, line: number, spend: number): { mean: number; se: number } {
  const r = response.lines[line];
  return marginal(r.rate, r.saturation, response.responseCovariance, line, spend);
}
