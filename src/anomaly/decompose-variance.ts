/**
 * Price / volume / mix decomposition of a cost or revenue variance, amount = price × volume.
 *
 * For one line: volume variance (Qa − Qp)·Pp at plan price, price variance (Pa − Pp)·Qa at actual
 * volume; together they equal Pa·Qa − Pp·Qp exactly. For lines that share a volume driver (a mix
 * group), the volume variance splits further into a volume part (the group's total volume at the
 * plan mix) and a mix part (the shift between lines at constant total):
 *   volume_i = (Qa_total·m_i − Qp_i)·Pp_i, mix_i = (Qa_i − Qa_total·m_i)·Pp_i, m_i = Qp_i / Qp_total.
 * (CIMA, Management Accounting: sales mix and quantity variances.) Rounding residue of floating
 * point is put into the price variance, so the parts always add up to the total.
 */
import { AnomalyErrors } from './errors';
import type { BudgetLine } from './types';

export interface VarianceParts {
  line: string;
  /** Actual − plan amount over the periods, Σ(Pa·Qa − Pp·Qp). */
  total: number;
  volume: number;
  mix: number;
  price: number;
}

const num = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

/**
 * Decomposes every line with drivers over the periods where all four driver values exist
 * (`periods`: 0-based indices, default all). Lines with the same `drivers.volumeDriver` form a mix
 * group; a line without one is its own group (mix 0).
 * @throws ANOMALY_NO_DRIVERS when a line has no drivers.
 * @example decomposeVariance([{ id: 'A', costCentre: 'c', account: 'a', owner: 'o', plan: [100], actual: [132],
 *   drivers: { price: { plan: [10], actual: [12] }, volume: { plan: [10], actual: [11] } } }])[0]
 *   // { line: 'A', total: 32, volume: 10, mix: 0, price: 22 }
 */
export function decomposeVariance(lines: ReadonlyArray<BudgetLine>, periods?: ReadonlyArray<number>): VarianceParts[] {
  for (const l of lines) if (!l.drivers) throw AnomalyErrors.noDrivers(l.id);
  const parts = new Map<string, VarianceParts>(
    lines.map((l) => [l.id, { line: l.id, total: 0, volume: 0, mix: 0, price: 0 }]),
  );
  const groups = new Map<string, BudgetLine[]>();
  for (const l of lines) {
    const key = l.drivers?.volumeDriver ? `driver:${l.drivers.volumeDriver}` : `line:${l.id}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const length = Math.max(0, ...lines.map((l) => l.drivers?.volume.plan.length ?? 0));
  const chosen = periods ?? Array.from({ length }, (_, t) => t);
  for (const group of groups.values()) {
    for (const t of chosen) {
      const rows = group.map((l) => {
        const d = l.drivers as NonNullable<BudgetLine['drivers']>;
        return {
          id: l.id,
          pp: num(d.price.plan[t]),
          pa: num(d.price.actual[t]),
          qp: num(d.volume.plan[t]),
          qa: num(d.volume.actual[t]),
        };
      });
      // A period counts for the group only when every line has all four values (mix needs the whole group).
      if (rows.some((r) => r.pp === null || r.pa === null || r.qp === null || r.qa === null)) continue;
      const qpTotal = rows.reduce((s, r) => s + (r.qp as number), 0);
      const qaTotal = rows.reduce((s, r) => s + (r.qa as number), 0);
      for (const r of rows) {
        const [pp, pa, qp, qa] = [r.pp, r.pa, r.qp, r.qa] as number[];
        const total = pa * qa - pp * qp;
        const atPlanMix = rows.length > 1 && qpTotal !== 0 ? (qaTotal * qp) / qpTotal : qa;
        const volume = (atPlanMix - qp) * pp;
        const mix = (qa - atPlanMix) * pp;
        let price = (pa - pp) * qa;
        price += total - (volume + mix + price);
        const p = parts.get(r.id) as VarianceParts;
        p.total += total;
        p.volume += volume;
        p.mix += mix;
        p.price += price;
      }
    }
  }
  for (const p of parts.values()) p.price += p.total - (p.volume + p.mix + p.price);
  return lines.map((l) => parts.get(l.id) as VarianceParts);
}
