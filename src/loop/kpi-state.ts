/**
 * A KPI's recent state, as the memory of adjustments records it at a move: its attainment over the
 * last three periods, what it would do over the next months without the move (its recent mean
 * carried forward) and its target over those months. The loop step and the pane record moves with
 * these same numbers.
 */

/** What these need of a KPI (the model's Kpi and the loop step's LoopKpi both have it). */
export interface KpiSeriesState {
  target: ReadonlyArray<number | null>;
  actual: ReadonlyArray<number | null>;
  /** @default "higher" */
  direction?: 'higher' | 'lower';
}

const known = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/**
 * Mean attainment (actual ÷ target; target ÷ actual when lower is better) over the last three
 * periods through `month` that have both a positive target and an actual; null when none has.
 * @example recentAttainment({ target: [10, 10, 10], actual: [9, 10, 11] }, 2) // 1
 */
export function recentAttainment(kpi: KpiSeriesState, month: number): number | null {
  const ratios: number[] = [];
  for (let u = month; u >= 0 && ratios.length < 3; u--) {
    const a = kpi.actual[u];
    const t = kpi.target[u];
    if (known(a) && known(t) && t > 0) ratios.push(kpi.direction === 'lower' ? t / a : a / t);
  }
  return ratios.length ? ratios.reduce((s, v) => s + v, 0) / ratios.length : null;
}

/**
 * The KPI over the next `months` periods without a move: the mean of its actuals in the three
 * periods through `month`, times `months`; null when none of them is known.
 * @example kpiWithoutMove({ target: [], actual: [4, 6, 8] }, 2, 2) // 12
 */
export function kpiWithoutMove(kpi: KpiSeriesState, month: number, months: number): number | null {
  const recent = kpi.actual.slice(Math.max(0, month - 2), month + 1).filter(known);
  return recent.length ? (months * recent.reduce((s, v) => s + v, 0)) / recent.length : null;
}

/**
 * Σ of the target over periods from … from + months − 1; null when one of them has none.
 * @example targetOver({ target: [1, 2, 3], actual: [] }, 1, 2) // 5
 */
export function targetOver(kpi: KpiSeriesState, from: number, months: number): number | null {
  const targets = kpi.target.slice(from, from + months).filter(known);
  return targets.length === months ? targets.reduce((s, v) => s + v, 0) : null;
}

/**
 * The KPI state of a line that moves several KPIs: the priority-weighted mean of recentAttainment
 * over those that have one (with one KPI, exactly its attainment); null when none has.
 * @example weightedAttainment([{ target: [10], actual: [9], priority: 3 }, { target: [10], actual: [13] }], 0) // 0.75·0.9 + 0.25·1.3 = 1
 */
export function weightedAttainment(
  kpis: ReadonlyArray<KpiSeriesState & { priority?: number }>,
  month: number,
): number | null {
  const known = kpis.flatMap((k) => {
    const a = recentAttainment(k, month);
    return a === null ? [] : [{ a, p: k.priority ?? 1 }];
  });
  const total = known.reduce((s, k) => s + k.p, 0);
  return known.length ? known.reduce((s, k) => s + (k.p / total) * k.a, 0) : null;
}
