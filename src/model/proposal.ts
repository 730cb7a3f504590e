/**
 * A reallocation proposal and its life cycle, one definition for the pane, the connector and the
 * server:
 *
 *   draft ─submit→ submitted ─approve→ approved ─apply→ applied ─revert→ reverted
 *                            ╰reject→ rejected
 *
 * Each move is one verb (on the server, POST /api/proposals/:id/<verb>) that needs one permission
 * (roles.ts) and, for reject and revert, a comment saying why. rejected and reverted are final.
 * With a team, revert is not one person's move: it asks for a reversal (below), and the proposal
 * becomes reverted when another person has approved that reversal and it is applied.
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
  return [...new Set(changedLines(lines).map((l) => l.costCentre))].sort();
}

/**
 * The lines that change the budget (by at least half a cent): a line kept as it is moves nothing.
 * @example changedLines([{ id: 'a', costCentre: 'CC2', before: 1, after: 2 }, { id: 'b', costCentre: 'CC1', before: 1, after: 1 }]).map((l) => l.id) // ["a"]
 */
export function changedLines<L extends Pick<ProposalLine, 'before' | 'after'>>(lines: ReadonlyArray<L>): L[] {
  return lines.filter((l) => Math.abs(l.after - l.before) >= MIN_CHANGE);
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

/**
 * A reversal: how a team undoes an applied proposal, as an ERP reverses a posted budget transfer
 * with a reversal document that goes through the same approval workflow. It is a new proposal
 * whose lines go back (each line's `after → before` of the original), linked to the original
 * (`reverts`), submitted at once with the chain's steps for its amount, its author the person who
 * asked for it (who therefore never approves it) and that person's comment its reason. Applying it
 * writes the budget back (the usual apply check: each line still at the original's `after`) and
 * marks the original `reverted`; a rejected reversal leaves the original applied. While one is open
 * no second one is made, and a reversal is not itself reversed: to make the change again, propose it
 * again. Without a team (the pane's single-user mode) nobody else exists to approve a reversal, and
 * `revert` moves the proposal directly (proposal-machine.ts).
 */
export interface ReversalLink {
  /** The proposal this one reverses (null: an ordinary proposal). */
  reverts: string | null;
  /** The latest reversal asked for this proposal, and where it stands (null: none). */
  reversal: { id: string; state: ProposalState } | null;
}

/** The states in which a reversal is still open: it may yet be applied. */
export const OPEN_REVERSAL_STATES: ReadonlyArray<ProposalState> = ['draft', 'submitted', 'approved'];

/**
 * The lines of the reversal of a proposal with `lines`: the same budget lines, from `after` back to `before`.
 * @example reversalLines([{ id: 'a', costCentre: 'C', before: 10, after: 7 }]) // [{ id: "a", costCentre: "C", before: 7, after: 10 }]
 */
export function reversalLines(lines: ReadonlyArray<ProposalLine>): ProposalLine[] {
  return lines.map((l) => ({ ...l, before: l.after, after: l.before }));
}

/**
 * Why `proposal` cannot get a reversal now, or null: it must be applied, not a reversal itself, and
 * have no open reversal.
 * @example reversalRefusal({ state: 'applied', reverts: null, reversal: { id: 'r1', state: 'submitted' } })
 * // "reversal r1 is already submitted: it is decided before another is asked for"
 */
export function reversalRefusal(proposal: { state: ProposalState } & ReversalLink): string | null {
  if (proposal.state !== 'applied') return `only an applied proposal is reversed, and this one is ${proposal.state}`;
  if (proposal.reverts !== null)
    return `it is the reversal of ${proposal.reverts}, and a reversal is not reversed: propose the change again instead`;
  const open = proposal.reversal;
  if (open && OPEN_REVERSAL_STATES.includes(open.state))
    return `reversal ${open.id} is already ${open.state}: it is decided before another is asked for`;
  return null;
}
