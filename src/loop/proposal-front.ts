/**
 * The Pareto candidates of the Proposals view in a budget owner's terms. The allocation's return and
 * risk are sums over lines of rate × budget, where kpi-returns.ts scales each rate by the total
 * current budget S; divided by S they are shares of KPI attainment (1 = on target):
 *
 * - gain: the priority-weighted KPI attainment a candidate's budgets buy over the current budgets
 *   (0.012 = 1.2 points; with several KPIs, the sum of each KPI's points × its priority);
 * - risk: the standard error of the attainment the candidate's budgets are estimated to buy, added
 *   line by line (an upper bound: the lines' estimates are not assumed independent), in points too.
 *
 * Without any line that returns something (no KPI linked, or none with a target and a response) the
 * candidates only balance what the flags release and ask for: there is no return to weigh against
 * risk, so there is no front to draw. With one candidate the highest return is also the least risk.
 *
 * `frontSentence` is the one place a candidate is put in words (src/allocation writes none: its numbers
 * have no unit); the money moved is src/allocation's `moneyMoved`, counted once.
 */
import type { Allocation, AllocationRequest } from '../allocation/types';
import { moneyMoved, weightedReturnOf } from '../allocation/reallocate';
import type { NumberFormatter } from '../format';

export interface FrontPoint {
  /** Priority-weighted KPI attainment gained over the current budgets, as a share (0.012 = 1.2 points). */
  gain: number;
  /** Standard error of the attainment the budgets buy, summed over lines, as a share. */
  risk: number;
  /** Money moved from line to line: the larger of what the lines gain and what they give (the pool counts once). */
  moved: number;
}

export interface ProposalFront {
  /**
   * `no-return`: no line returns anything, the candidates only balance the flags; `single`: one
   * candidate (nothing to trade); `front`: several to choose from.
   */
  kind: 'no-return' | 'single' | 'front';
  /** The candidates, in the order they are shown; kept here so the points cannot describe others. */
  candidates: readonly Allocation[];
  /** One per candidate: `points[i]` measures `candidates[i]`. */
  points: FrontPoint[];
  /** Index of the highest gain (the first of equals). */
  best: number;
}

/** True when some line's spend returns something the allocation can aim at. */
export function hasReturns(request: AllocationRequest): boolean {
  return request.lines.some(
    (l) => (l.priority ?? 1) !== 0 && (l.returns ?? []).some((s) => s.rate !== 0 && Number.isFinite(s.rate)),
  );
}

/**
 * @param candidates the allocation's candidates for `request`, in the order they are shown
 * @example proposalFront([], request).kind // "no-return" when no line is linked to a KPI
 */
export function proposalFront(candidates: ReadonlyArray<Allocation>, request: AllocationRequest): ProposalFront {
  const total = request.lines.reduce((s, l) => s + Math.max(0, l.current), 0);
  const scale = total > 0 ? 1 / total : 0;
  const base = weightedReturnOf(
    request,
    request.lines.map((l) => l.current),
  );
  const points = candidates.map((c) => ({
    gain: (c.weightedReturn - base) * scale,
    risk: c.risk * scale,
    moved: moneyMoved(c.lines),
  }));
  const best = points.reduce((b, p, i) => (p.gain > points[b].gain ? i : b), 0);
  const kind = !hasReturns(request) ? 'no-return' : points.length === 1 ? 'single' : 'front';
  return { kind, candidates: [...candidates], points, best };
}

/**
 * Candidate `i` in words, numbers in the user's locale: what it buys and risks, relative to the
 * highest-return candidate, and the money it moves. The proposal made from it keeps this sentence.
 * @example frontSentence(front, 0, numberFormatter()) // "Highest return: +1.2 pts of KPI attainment, risk 0.8 pts, moving 12,000."
 */
export function frontSentence(front: ProposalFront, i: number, numbers: NumberFormatter): string {
  const p = front.points[i];
  const money = (v: number) => numbers.format(v, 'money');
  const pts = (v: number, sign: 'auto' | 'always' = 'auto') => numbers.format(v, 'points', { sign });
  if (front.kind === 'no-return')
    return p.moved > 0
      ? `Moves ${money(p.moved)} between lines to meet the flags; no line has a KPI return to weigh.`
      : 'Moves nothing: no flag asks for a change and no line has a KPI return to aim at.';
  // Today's budgets move nothing: say so rather than print a zero amount with cents.
  const moving = p.moved > 0 ? `moving ${money(p.moved)}` : 'moving nothing';
  if (i === front.best)
    return `Highest return: ${pts(p.gain, 'always')} of KPI attainment, risk ${pts(p.risk)}, ${moving}.`;
  const top = front.points[front.best];
  return `Gives up ${pts(top.gain - p.gain)} of KPI attainment for ${pts(top.risk - p.risk)} less risk (${pts(p.gain, 'always')}, risk ${pts(p.risk)}), ${moving}.`;
}
