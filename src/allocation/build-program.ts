/**
 * The reallocation linear programme, as plain data for the solver interface.
 *
 * Per line i: budget b_i in its range; b_i − up_i + down_i = current_i (up, down ≥ 0 measure the
 * move); b_i = Σ_k x_ik with 0 ≤ x_ik ≤ width_k over the return segments. Rates are non-increasing,
 * so maximising fills the best segments first and Σ rate_k·x_ik is the concave return of b_i.
 * Σ b_i = total. Objective: max Σ priority_i·Σ rate_k·x_ik − penalty·Σ (up_i + down_i).
 * An optional row caps the risk Σ risk_i·b_i (the ε-constraint).
 */
import type { LinearProgram, Row, Term, Column } from '../solver/types';
import { AllocationErrors } from './errors';
import type { LineRange } from './line-bounds';
import type { AllocationRequest, ReturnSegment } from './types';

/** Segments as widths, with a zero-rate tail past the last `upTo`. */
export function segmentWidths(
  id: string,
  returns: ReadonlyArray<ReturnSegment> | undefined,
): { width: number; rate: number }[] {
  const list = returns && returns.length ? returns : [{ upTo: Infinity, rate: 0 }];
  let start = 0;
  const out: { width: number; rate: number }[] = [];
  list.forEach((s, k) => {
    if (!(s.upTo > start) || !Number.isFinite(s.rate))
      throw AllocationErrors.badLine(id, `return segment ${k + 1} must end above ${start} with a finite rate`);
    if (k > 0 && s.rate > list[k - 1].rate)
      throw AllocationErrors.badLine(
        id,
        'return rates must not increase from one segment to the next (diminishing returns)',
      );
    out.push({ width: s.upTo - start, rate: s.rate });
    start = s.upTo;
  });
  if (Number.isFinite(start)) out.push({ width: Infinity, rate: Math.min(0, list[list.length - 1].rate) });
  return out;
}

export type Objective = 'return' | 'risk';

/** Builds the programme: maximise return (default) or minimise risk; `riskCap` adds the ε row. */
export function buildProgram(
  request: AllocationRequest,
  ranges: LineRange[],
  total: number,
  objective: Objective = 'return',
  riskCap?: number,
): LinearProgram {
  const penalty = request.disruptionPenalty ?? 0.01;
  const columns: Column[] = [];
  const rows: Row[] = [];
  const goal: Term[] = [];
  const budgetTerms: Term[] = [];
  const riskTerms: Term[] = [];
  request.lines.forEach((line, i) => {
    const b = `b${i}`;
    columns.push(
      { name: b, lb: ranges[i].lower, ub: ranges[i].upper },
      { name: `up${i}`, lb: 0, ub: Infinity },
      { name: `dn${i}`, lb: 0, ub: Infinity },
    );
    rows.push({
      name: `move${i}`,
      terms: [
        { name: b, coef: 1 },
        { name: `up${i}`, coef: -1 },
        { name: `dn${i}`, coef: 1 },
      ],
      lb: line.current,
      ub: line.current,
    });
    const fill: Term[] = [{ name: b, coef: -1 }];
    segmentWidths(line.id, line.returns).forEach((s, k) => {
      const x = `x${i}_${k}`;
      columns.push({ name: x, lb: 0, ub: s.width });
      fill.push({ name: x, coef: 1 });
      if (objective === 'return') goal.push({ name: x, coef: (line.priority ?? 1) * s.rate });
    });
    rows.push({ name: `fill${i}`, terms: fill, lb: 0, ub: 0 });
    if (objective === 'return') goal.push({ name: `up${i}`, coef: -penalty }, { name: `dn${i}`, coef: -penalty });
    budgetTerms.push({ name: b, coef: 1 });
    if (line.risk) riskTerms.push({ name: b, coef: line.risk });
  });
  rows.push({ name: 'total', terms: budgetTerms, lb: total, ub: total });
  if (objective === 'risk') goal.push(...riskTerms);
  if (riskCap !== undefined && riskTerms.length)
    rows.push({ name: 'risk', terms: riskTerms, lb: -Infinity, ub: riskCap });
  return { name: 'reallocation', sense: objective === 'return' ? 'max' : 'min', objective: goal, columns, rows };
}
