/**
 * ETS model specification (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential
 * Smoothing"): error A/M × trend N/A/Ad × season N/A/M. The state vector follows R forecast::ets:
 * [level, trend?, s_1 … s_m] where s_1 is the most recent seasonal state and s_m the one used next.
 */
import { MIN_FULL_SEASONS } from '../model/limits';

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Season length; 1 when season is 'N'. */
  period: number;
}

/** Smoothing parameters; beta/gamma/phi are unused (0 / 0 / 1) when the component is absent. */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

const CODE = /^([AM])([NA]d?)([NAM])$/i;

/**
 * Parses an ETS code such as "AAdM" (error, trend with optional "d" for damped, season).
 * Letter case does not matter ("madm" is MAdM: a cell's text may arrive in any case).
 * Returns undefined for anything else; "ANd…" (damped without trend) is not a model.
 * @example parseEtsCode('MAdM', 12) // { error: 'M', trend: 'Ad', season: 'M', period: 12 }
 */
export function parseEtsCode(code: string, period: number): EtsSpec | undefined {
  const m = CODE.exec(code.trim());
  if (!m) return undefined;
  const trend = m[2].length === 2 ? `${m[2][0].toUpperCase()}d` : m[2].toUpperCase();
  if (trend === 'Nd') return undefined;
  const season = m[3].toUpperCase() as SeasonType;
  return {
    error: m[1].toUpperCase() as ErrorType,
    trend: trend as TrendType,
    season,
    period: season === 'N' ? 1 : period,
  };
}

/** "AAdA"-style code of a spec. @example etsCode({ error: 'A', trend: 'Ad', season: 'N', period: 1 }) // "AAdN" */
export function etsCode(spec: EtsSpec): string {
  return `${spec.error}${spec.trend}${spec.season}`;
}

/** Number of states: level, trend if any, m seasonal states if seasonal. */
export function stateCount(spec: EtsSpec): number {
  return 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? spec.period : 0);
}

/**
 * Number of free parameters R counts for AICc: smoothing parameters, initial states (m − 1 free
 * seasonal states) and the error variance.
 */
export function freeParameterCount(spec: EtsSpec): number {
  const smoothing = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? spec.period - 1 : 0);
  return smoothing + states + 1;
}

/**
 * Minimum history we accept for the model. With npars = 2 + 2·trend + m·season + damped (R ets()'s
 * count): non-seasonal models need npars + 2 points (so the optimiser has more data than unknowns);
 * seasonal models need npars + 5 (R's own limit) and at least two full seasons.
 * @example minimumLength({ error: 'A', trend: 'A', season: 'A', period: 12 }) // 24
 */
export function minimumLength(spec: EtsSpec): number {
  let npars = 2;
  if (spec.trend !== 'N') npars += 2;
  if (spec.season !== 'N') npars += spec.period;
  if (spec.trend === 'Ad') npars += 1;
  const byCount = npars + 5;
  return spec.season !== 'N' ? Math.max(byCount, MIN_FULL_SEASONS * spec.period) : npars + 2;
}
