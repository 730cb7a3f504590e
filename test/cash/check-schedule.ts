/**
 * An independent checker of cash schedules, written from the semantics stated in issue 6 and
 * sharing no code with the LP builder: it replays the schedule period by period and lists every
 * constraint it breaks. Tests assert the list is empty.
 */
import type { CashPlan, CashResult } from '../../src/cash/types';

export function checkSchedule(plan: CashPlan, result: CashResult, tol = 1e-6): string[] {
  const problems: string[] = [];
  const T = plan.flows.length;
  const at = (v: number | number[], t: number): number => (Array.isArray(v) ? v[t - 1] : v);
  const scale = Math.max(1, Math.abs(plan.openingCash), ...plan.flows.map(Math.abs));
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= tol * scale;
  if (result.periods.length !== T) problems.push(`expected ${T} periods, got ${result.periods.length}`);
  let cash = plan.openingCash;
  let debt = 0;
  const line = plan.creditLine;
  for (let t = 1; t <= result.periods.length; t++) {
    const p = result.periods[t - 1];
    if (p.period !== t) problems.push(`period ${t} is numbered ${p.period}`);
    let invested = 0,
      matured = 0,
      earned = 0;
    for (const ins of plan.instruments) {
      const a = p.invest[ins.name] ?? 0;
      invested += a;
      if (a < -tol * scale) problems.push(`period ${t}: negative placement in ${ins.name}`);
      if (a > tol * scale) {
        if (t + ins.term > T) problems.push(`period ${t}: ${ins.name} placed but matures after the horizon`);
        if (ins.from !== undefined && t < ins.from) problems.push(`period ${t}: ${ins.name} placed before its window`);
        if (ins.to !== undefined && t > ins.to) problems.push(`period ${t}: ${ins.name} placed after its window`);
        if (ins.max !== undefined && a > ins.max + tol * scale) problems.push(`period ${t}: ${ins.name} above max`);
        if (ins.min !== undefined && a < ins.min - tol * scale) problems.push(`period ${t}: ${ins.name} below min`);
        if (ins.lot !== undefined && Math.abs(a / ins.lot - Math.round(a / ins.lot)) > 1e-6)
          problems.push(`period ${t}: ${ins.name} ${a} is not a multiple of ${ins.lot}`);
      }
      const source = t - ins.term >= 1 ? (result.periods[t - ins.term - 1].invest[ins.name] ?? 0) : 0;
      const expected = source * Math.pow(1 + ins.rate, ins.term);
      if (!near(p.mature[ins.name] ?? 0, expected))
        problems.push(`period ${t}: ${ins.name} matures ${p.mature[ins.name]}, expected ${expected}`);
      matured += expected;
      earned += expected - source;
    }
    if (!near(p.interestEarned, earned))
      problems.push(`period ${t}: interestEarned ${p.interestEarned}, expected ${earned}`);
    let paid = 0;
    if (line) {
      const limit = at(line.limit, t);
      paid = line.rate * debt + (line.fee ?? 0) * (limit - debt);
      if (p.draw < -tol * scale || p.repay < -tol * scale) problems.push(`period ${t}: negative draw or repay`);
      debt = debt + p.draw - p.repay;
      if (!near(p.debt, debt)) problems.push(`period ${t}: debt ${p.debt}, expected ${debt}`);
      if (p.debt < -tol * scale || p.debt > limit + tol * scale)
        problems.push(`period ${t}: debt ${p.debt} outside [0, ${limit}]`);
      if (line.repayBy !== undefined && t >= line.repayBy && p.debt > tol * scale)
        problems.push(`period ${t}: debt after repayBy`);
      debt = p.debt;
    } else if (p.draw !== 0 || p.repay !== 0 || p.debt !== 0) problems.push(`period ${t}: credit used without a line`);
    if (!near(p.interestPaid, paid)) problems.push(`period ${t}: interestPaid ${p.interestPaid}, expected ${paid}`);
    cash = cash + plan.flows[t - 1] + (p.shortfall ?? 0) - invested + matured + p.draw - p.repay - paid;
    if (!near(p.closingCash, cash)) problems.push(`period ${t}: closingCash ${p.closingCash}, expected ${cash}`);
    cash = p.closingCash;
    if (p.closingCash < at(plan.minCash, t) - tol * scale)
      problems.push(`period ${t}: cash ${p.closingCash} below minimum`);
  }
  const last = result.periods[result.periods.length - 1];
  if (last && !near(result.objective, last.closingCash - last.debt))
    problems.push(`objective ${result.objective} ≠ closing cash − debt`);
  return problems;
}
