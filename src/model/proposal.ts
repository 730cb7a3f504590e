/**
 * A reallocation proposal and its life cycle, one definition for the pane, the connector and the
 * server:
 *
 *   draft ─submit→ submitted ─approve→ approved ─apply→ applied ─revert→ reverted
 *                            ╰reject→ rejected
 *
 * Each move is one verb (on the server, POST /api/proposals/:id/<verb>) that needs one permission
 * (roles.ts) and, for reject and revert, a comment saying why. rejected and reverted are final.
 */
import type { Action } from './roles';

export const PROPOSAL_STATES = ['draft', 'submitted', 'approved', 'rejected', 'applied', 'reverted'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_VERBS = ['submit', 'approve', 'reject', 'apply', 'revert'] as const;
export type ProposalVerb = (typeof PROPOSAL_VERBS)[number];

export interface TransitionRule {
  from: ProposalState;
  to: ProposalState;
  /** The permission the move needs. */
  action: Extract<Action, 'propose' | 'approve' | 'apply'>;
  /** The move must say why (a rejection, a reversal). */
  needsComment: boolean;
}

/** The one table of allowed moves. */
export const TRANSITIONS: Readonly<Record<ProposalVerb, TransitionRule>> = Object.freeze({
  submit: { from: 'draft', to: 'submitted', action: 'propose', needsComment: false },
  approve: { from: 'submitted', to: 'approved', action: 'approve', needsComment: false },
  reject: { from: 'submitted', to: 'rejected', action: 'approve', needsComment: true },
  apply: { from: 'approved', to: 'applied', action: 'apply', needsComment: false },
  revert: { from: 'applied', to: 'reverted', action: 'apply', needsComment: true },
});

/**
 * The state `verb` leads to from `state`, or undefined when the machine forbids the move.
 * @example nextState('submitted', 'approve') // "approved"
 * @example nextState('draft', 'apply') // undefined
 */
export function nextState(state: ProposalState, verb: ProposalVerb): ProposalState | undefined {
  const rule = TRANSITIONS[verb];
  return rule.from === state ? rule.to : undefined;
}

/** True when no verb leads out of `state`. @example isFinal('rejected') // true */
export const isFinal = (state: ProposalState): boolean => PROPOSAL_VERBS.every((v) => !nextState(state, v));

/** Only a draft's lines and reason may still be edited. */
export const isEditable = (state: ProposalState): boolean => state === 'draft';

/** Why `verb` needs a comment that `comment` does not give, or null. */
export function missingComment(verb: ProposalVerb, comment: string): string | null {
  return TRANSITIONS[verb].needsComment && comment.trim() === '' ? 'a comment saying why is required' : null;
}

/** One budget line a proposal changes. */
export interface ProposalLine {
  /** The budget line (BudgetLine.id). */
  id: string;
  costCentre: string;
  /** The line's account, where the source names one (the server needs it: a version line is account × period). */
  account?: string;
  /** The month (YYYY-MM) of the budget amount, where the source names one (the server needs it too). */
  period?: string;
  /** The budget when the proposal was made: what Apply expects to find before writing `after`. */
  before: number;
  after: number;
}

/** One move of a proposal: who, in which role, when and why. */
export interface ProposalStep {
  /** The verb (stored under this name since the first release of the pane's store). */
  action: ProposalVerb;
  from: ProposalState;
  to: ProposalState;
  who: string;
  role: string;
  /** ISO timestamp supplied by the caller (src/ never reads the clock). */
  when: string;
  comment: string;
}

/** What the state machine needs of a proposal. */
export interface ProposalRecord {
  id: string;
  state: ProposalState;
  /** Cost centres whose budgets the proposal changes: whose owners approve it. */
  costCentres: ReadonlyArray<string>;
  history: ReadonlyArray<ProposalStep>;
}

/** A proposal: the lines it changes, why, and its life so far. The shape pane, connector and server converge on. */
export interface Proposal extends ProposalRecord {
  lines: ProposalLine[];
  reason: string;
  createdBy: string;
  createdAt: string;
}

/** Smallest change that counts as a change: half a cent. */
export const MIN_CHANGE = 0.005;

/**
 * The cost centres whose budget the lines change (by at least half a cent), sorted.
 * @example affectedCostCentres([{ id: 'a', costCentre: 'CC2', before: 1, after: 2 }, { id: 'b', costCentre: 'CC1', before: 1, after: 1 }]) // ["CC2"]
 */
export function affectedCostCentres(lines: ReadonlyArray<ProposalLine>): string[] {
  const changed = lines.filter((l) => Math.abs(l.after - l.before) >= MIN_CHANGE);
  return [...new Set(changed.map((l) => l.costCentre))].sort();
}

/**
 * Σ (after − before): 0 when the proposal moves budget without adding any, the pool it spends otherwise.
 * @example netChange([{ id: 'a', costCentre: 'C', before: 10, after: 7 }, { id: 'b', costCentre: 'C', before: 5, after: 8 }]) // 0
 */
export function netChange(lines: ReadonlyArray<ProposalLine>): number {
  return lines.reduce((sum, l) => sum + (l.after - l.before), 0);
}

/**
 * The amount a proposal moves, which approval chains compare with their thresholds: the larger of
 * the total increase and the total decrease (a pure reallocation moves as much in as out).
 * @example movedAmount([{ id: 'a', costCentre: 'C', before: 10, after: 7 }, { id: 'b', costCentre: 'C', before: 5, after: 8 }]) // 3
 */
export function movedAmount(lines: ReadonlyArray<Pick<ProposalLine, 'before' | 'after'>>): number {
  let up = 0;
  let down = 0;
  for (const l of lines) {
    const delta = l.after - l.before;
    if (delta > 0) up += delta;
    else down -= delta;
  }
  return Math.max(up, down);
}

/** States in which a proposal still waits for someone: drafted, submitted or approved but not applied. */
export const PENDING_STATES: ReadonlyArray<ProposalState> = ['draft', 'submitted', 'approved'];

/** @example isPending('submitted') // true */
export const isPending = (state: ProposalState): boolean => PENDING_STATES.includes(state);
