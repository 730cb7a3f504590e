/**
 * Spreading a line's new remaining plan over the months of the window: in the shape of the plan in
 * force, within each month's limits (a share of the approved plan), the total exact.
 */

export interface MonthLimits {
  lower: number;
  upper: number;
}

/**
 * Scales `current` to sum to `total`, clamps each month to its limits and spreads what the clamping
 * took over the months still free, until the total holds. The total must lie within Σ limits.
 * @example phasePlan([10, 10, 10], 36, [{ lower: 5, upper: 11 }, { lower: 5, upper: 20 }, { lower: 5, upper: 20 }])
 *   // [11, 12.5, 12.5]
 */
export function phasePlan(current: ReadonlyArray<number>, total: number, limits: ReadonlyArray<MonthLimits>): number[] {
  const base = current.reduce((s, v) => s + v, 0);
  let plan = current.map((v, u) => (base > 0 ? (v * total) / base : total / current.length || limits[u].lower));
  for (let pass = 0; pass < 50; pass++) {
    plan = plan.map((v, u) => Math.min(limits[u].upper, Math.max(limits[u].lower, v)));
    const gap = total - plan.reduce((s, v) => s + v, 0);
    if (Math.abs(gap) <= 1e-12 * Math.max(1, Math.abs(total))) break;
    const free = plan.map((v, u) => (gap > 0 ? v < limits[u].upper : v > limits[u].lower));
    const room = plan.reduce((s, v, u) => s + (free[u] ? v : 0), 0);
    if (room > 0) plan = plan.map((v, u) => (free[u] ? v * (1 + gap / room) : v));
    else {
      const count = free.filter(Boolean).length;
      if (count === 0) break;
      plan = plan.map((v, u) => (free[u] ? v + gap / count : v));
    }
  }
  // The last rounding residue goes to the month with the most room in its direction.
  const residue = total - plan.reduce((s, v) => s + v, 0);
  if (residue !== 0) {
    let best = 0;
    let room = -Infinity;
    plan.forEach((v, u) => {
      const r = residue > 0 ? limits[u].upper - v : v - limits[u].lower;
      if (r > room) [best, room] = [u, r];
    });
    plan[best] += residue;
  }
  return plan;
}
