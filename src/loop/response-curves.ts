/**
 * Every budget line's KPI response as a curve the allocation can use: the KPI gain of a level of
 * spend, its slope, and the slope's standard error. Estimated from history (kpi-response.ts) with
 * partial pooling across all KPIs, or entered by hand on the line's KPI link. A KPI's lines are
 * estimated in one regression, each with its own lag, on the KPI net of the entered responses.
 *
 * Pooling (empirical Bayes): each line's response is first estimated alone; the spread of the
 * responses in elasticity units across every line, τ² = mean(ê² − se²) (at least 0.01²), is then the
 * prior sd of a Normal(0, τ²) that shrinks each estimate toward 0 in a second fit. A noisy estimate
 * from a short or flat history is pulled in; a clear one barely moves (Efron & Morris 1975).
 */
import { isFpaError } from '../errors';
import { chooseResponseModel, fitResponseModel, marginalAt } from './kpi-response';
import type { KpiResponse, ResponseModel } from './kpi-response';
import type { EnteredKpiResponse } from '../model/kpi';
import type { NumberStyle } from '../format/format-number';

/** The KPI response of one line: the gain of spending `x` in a period and its slope there. */
export interface ResponseCurve {
  kpi: string;
  /** KPI gain from spend x (relative to no spend). */
  gain(x: number): number;
  /** KPI units per unit of spend at x, with its standard error. */
  marginal(x: number): { mean: number; se: number };
  source: 'estimate' | 'entered' | 'none';
  /** Why the curve is what it is (the estimate's notes, or why there is none). */
  note: string;
}

export interface ResponseInput {
  kpis: ReadonlyArray<{ id: string; actual: ReadonlyArray<number | null> }>;
  /** One entry per budget line. */
  lines: ReadonlyArray<{
    id: string;
    kpi: string | null;
    actual: ReadonlyArray<number | null>;
    /** Periods from this line's spend to the KPI (each line its own). @default 0 */
    lag?: number;
    entered?: EnteredKpiResponse;
  }>;
  /** Fewest KPI periods an estimate needs. @default 6 */
  minPeriods?: number;
  /** How the estimates' notes write their numbers (the pane's locale). @default en-US */
  numbers?: NumberStyle;
}

const none = (kpi: string, note: string): ResponseCurve => ({
  kpi,
  gain: () => 0,
  marginal: () => ({ mean: 0, se: 0 }),
  source: 'none',
  note,
});

export function enteredCurve(kpi: string, r: EnteredKpiResponse): ResponseCurve {
  const s = r.saturation;
  const sd = r.sd ?? 0;
  const decay = (x: number) => (s === undefined ? 1 : Math.exp(-x / s));
  return {
    kpi,
    gain: (x) => (s === undefined ? r.perUnit * x : r.perUnit * s * (1 - Math.exp(-x / s))),
    marginal: (x) => ({ mean: r.perUnit * decay(x), se: sd * decay(x) }),
    source: 'entered',
    note: 'entered by hand',
  };
}

function estimatedCurve(kpi: string, response: KpiResponse, index: number): ResponseCurve {
  const line = response.lines[index];
  const s = line.saturation;
  return {
    kpi,
    gain: (x) => (s === null ? line.rate * x : line.rate * s * (1 - Math.exp(-x / s))),
    marginal: (x) => marginalAt(response, index, x),
    source: 'estimate',
    note: response.notes[0] ?? '',
  };
}

/**
 * The KPI less what the lines with an entered response added (their gain at their lagged spend), so
 * the estimate of the other lines is not credited with it; a period where such spend is unknown is
 * left out. The KPI itself when no line of it has an entered response.
 */
function netOfEntered(kpi: ResponseInput['kpis'][number], lines: ResponseInput['lines']): ReadonlyArray<number | null> {
  const entered = lines.flatMap((l) =>
    l.kpi === kpi.id && l.entered ? [{ line: l, curve: enteredCurve(kpi.id, l.entered) }] : [],
  );
  if (entered.length === 0) return kpi.actual;
  return kpi.actual.map((v, t) => {
    if (v === null) return null;
    let net = v;
    for (const { line, curve } of entered) {
      const x = line.actual[t - (line.lag ?? 0)];
      if (x === null || x === undefined || !Number.isFinite(x)) return null;
      net -= curve.gain(x);
    }
    return net;
  });
}

interface KpiModel {
  model: ResponseModel;
  notes: string[];
}

/**
 * Each KPI's data aligned and model chosen (kpi-response.ts), with the notes its estimate carries;
 * or why there is none. The choice does not depend on the pooling prior, so both fits share it.
 */
function chooseAll(input: ResponseInput): Map<string, KpiModel | string> {
  const out = new Map<string, KpiModel | string>();
  for (const kpi of input.kpis) {
    const own = input.lines.filter((l) => l.kpi === kpi.id && !l.entered);
    if (own.length === 0) continue;
    const actual = netOfEntered(kpi, input.lines);
    const periods = actual.filter((v) => v !== null && Number.isFinite(v)).length;
    if (periods < Math.max(input.minPeriods ?? 6, own.length + 4)) {
      out.set(
        kpi.id,
        `${periods} KPI period(s) so far; an estimate needs ${Math.max(input.minPeriods ?? 6, own.length + 4)}`,
      );
      continue;
    }
    // One regression per KPI with each line's own lag: the regression takes the smallest lag, and the
    // spend of a line with a longer one is shifted by the difference first.
    const lags = own.map((l) => l.lag ?? 0);
    const lag = Math.min(...lags);
    const spend = own.map((l, j) =>
      Array.from({ length: actual.length }, (_, t) => l.actual[t - (lags[j] - lag)] ?? null),
    );
    try {
      const notes: string[] = [];
      if (actual !== kpi.actual) notes.push('The KPI is taken net of the responses entered by hand.');
      if (lags.some((v) => v !== lag))
        notes.push(`Lags differ by line: ${own.map((l, j) => `${l.id} ${lags[j]}`).join(', ')} period(s).`);
      out.set(kpi.id, { model: chooseResponseModel(actual, spend, { lag }), notes });
    } catch (e) {
      if (!isFpaError(e)) throw e;
      out.set(kpi.id, e.message);
    }
  }
  return out;
}

function fitAll(
  models: Map<string, KpiModel | string>,
  tau?: number,
  numbers?: NumberStyle,
): Map<string, KpiResponse | string> {
  const out = new Map<string, KpiResponse | string>();
  for (const [kpi, m] of models) {
    if (typeof m === 'string') {
      out.set(kpi, m);
      continue;
    }
    const fit = fitResponseModel(m.model, tau, numbers);
    fit.notes.push(...m.notes);
    out.set(kpi, fit);
  }
  return out;
}

/** τ² = mean(ê² − se²) over every estimated line, in elasticity units (floor 0.01²). */
function pooledElasticitySd(fits: Map<string, KpiResponse | string>): number {
  let sum = 0;
  let count = 0;
  for (const f of fits.values()) {
    if (typeof f === 'string') continue;
    f.lines.forEach((l) => {
      const scale = l.meanSpend / f.meanKpi;
      const e = l.elasticity;
      const se = l.se * scale;
      if (Number.isFinite(e) && Number.isFinite(se)) {
        sum += e * e - se * se;
        count += 1;
      }
    });
  }
  return Math.sqrt(Math.max(1e-4, count ? sum / count : 1e-4));
}

/**
 * One response curve per line (in the order of `input.lines`).
 * @example responseCurves({ kpis: [{ id: 'K', actual: kpi }], lines: [{ id: 'A', kpi: 'K', actual: spend }] })[0].marginal(50000)
 */
export function responseCurves(input: ResponseInput): ResponseCurve[] {
  const models = chooseAll(input);
  const fits = fitAll(models, pooledElasticitySd(fitAll(models)), input.numbers);
  return input.lines.map((l) => {
    if (l.kpi === null) return none('', 'not linked to a KPI');
    if (l.entered) return enteredCurve(l.kpi, l.entered);
    const fit = fits.get(l.kpi);
    if (fit === undefined || typeof fit === 'string') return none(l.kpi, fit ?? 'no estimate');
    const own = input.lines.filter((o) => o.kpi === l.kpi && !o.entered);
    return estimatedCurve(l.kpi, fit, own.indexOf(l));
  });
}
