/**
 * The contract of the reallocation optimiser.
 */
import type { NumberStyle } from '../format/format-number';

/** Expected return per unit of budget, by budget level: `rate` applies up to `upTo` (from the previous segment's end). */
export interface ReturnSegment {
  upTo: number;
  rate: number;
}

export interface AllocationLine {
  id: string;
  costCentre: string;
  /** Current budget. */
  current: number;
  /** Smallest allowed budget. @default 0 */
  min?: number;
  /** Largest allowed budget. @default Infinity */
  max?: number;
  /** A locked line keeps its current budget. @default false */
  locked?: boolean;
  /** Largest change as a share of the current budget (0.2 = ±20%). @default Infinity */
  maxChangePct?: number;
  /**
   * Diminishing returns: piecewise-linear, rates non-increasing (concave). Budget above the last
   * `upTo` returns nothing. @default [{ upTo: Infinity, rate: 0 }]
   */
  returns?: ReadonlyArray<ReturnSegment>;
  /** Strategic priority weight on the line's return. @default 1 */
  priority?: number;
  /** Risk per unit of budget (any consistent scale). @default 0 */
  risk?: number;
}

export interface AllocationRequest {
  lines: ReadonlyArray<AllocationLine>;
  /** Extra money to distribute (a freed amount from opportunities); 0 keeps the total. @default 0 */
  pool?: number;
  /** Penalty per unit of budget moved, discouraging needless disruption. @default 0.01 */
  disruptionPenalty?: number;
  /**
   * How the messages of bounds that cannot hold write their amounts: the reader's locale and minus
   * sign (src/format). @default en-US with the hyphen-minus
   */
  numbers?: NumberStyle;
}

export interface LineAllocation {
  id: string;
  costCentre: string;
  current: number;
  proposed: number;
  change: number;
}

export interface Allocation {
  lines: LineAllocation[];
  /** Σ priority × return of the proposed budgets. */
  weightedReturn: number;
  /** Σ risk × proposed budget. */
  risk: number;
  /** Σ |change|: what the disruption penalty weighs (each move counts on both lines; once: `moneyMoved`). */
  disruption: number;
}

/** A candidate as the Proposals view shows and keeps it. */
export interface ParetoCandidate extends Allocation {
  /**
   * The trade-off in words, relative to the highest-return candidate: src/loop/proposal-front.ts's
   * `frontSentence` (return and risk in points of KPI attainment, money moved once).
   */
  tradeOff: string;
}
