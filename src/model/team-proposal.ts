/**
 * A proposal as the team server stores and serves it: the model's `Proposal` (lines with before and
 * after, reason, affected cost centres, history of steps) plus what sharing it needs — the
 * optimistic-concurrency version, the fiscal year whose budget versions it changes, its approval
 * chain with deadlines and delays, the versions applying it created, and its link to a reversal
 * (proposal.ts: a team reverts through a reversal proposal, never by one person's move).
 */
import { stepRefusal, type ChainStep } from './approval-chain';
import {
  affectedCostCentres,
  PROPOSAL_VERBS,
  reversalRefusal,
  TRANSITIONS,
  type Proposal,
  type ProposalLine,
  type ReversalLink,
} from './proposal';
import type { ProposalVerb } from './proposal';
import { mayAccess, mayAct, type AuthUser } from './roles';

/** What creating (or editing) a proposal sends; who, when and the state come from the server. */
export interface NewProposal {
  /** The cost centre the proposal is filed under. @default the first line's */
  costCentre?: string;
  fiscalYear: number;
  reason?: string;
  /** Each line names its account and period: applying writes them into budget versions. */
  lines: ProposalLine[];
}

/** Where a chain step stands. waiting: an earlier step is open; pending: it is the current step. */
export const STEP_STATES = ['waiting', 'pending', 'approved', 'rejected', 'cancelled'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** One step of a proposal's chain, with its deadline and what happened. */
export interface ProposalChainStep extends ChainStep {
  /** 1-based. */
  step: number;
  state: StepState;
  /** When the step became current, and its deadline then (ISO). */
  activatedAt: string | null;
  dueAt: string | null;
  reminders: number;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Milliseconds the decision came after the deadline (0 when on time; null while open). */
  delayMs: number | null;
  /** True while the step is open past its deadline. */
  overdue: boolean;
  /**
   * Why the step is on the chain when the proposal's own amount does not reach its `minAmount`: the
   * amount it moves together with the same author's other proposals of the same budget lines and
   * fiscal year (a move split in two), and those proposals; null when its own amount reaches it.
   */
  addedFor?: StepAddedFor | null;
}

/** A step on a proposal's chain because of the moves it goes with (see `ProposalChainStep.addedFor`). */
export interface StepAddedFor {
  minAmount: number;
  /** The proposal's own amount. */
  amount: number;
  /** Its amount plus the others'. */
  amountTogether: number;
  /**
   * The related proposals the reader may read, each with its cost centres (stored at submit; an entry
   * stored without them is shown only to a token for every cost centre).
   */
  together: { id: string; amount: number; state: string; costCentres?: string[] }[];
  /** How many related proposals were left out because the reader may not read them (absent: none). */
  hidden?: number;
}

/** A budget version applying the proposal created ('revert': a direct revert, before reversals went through the chain). */
export interface ProposalVersionRef {
  id: string;
  costCentre: string;
  name: string;
  action: 'apply' | 'revert';
}

/** A stored proposal. */
export interface TeamProposal extends Proposal, ReversalLink {
  costCentre: string;
  fiscalYear: number;
  /** The amount the proposal moves (`movedAmount`), which the chain's thresholds compare with. */
  amount: number;
  version: number;
  updatedBy: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  /** Who created, edited or submitted it: none of them approves any step (separation of duties). */
  authors: string[];
  chain: ProposalChainStep[];
  versions: ProposalVersionRef[];
  /** Who applied the reversal that reverted it, and when (null until then). */
  revertedBy: string | null;
  revertedAt: string | null;
}

/**
 * What asking for a reversal answers (POST /api/proposals/:id/revert, 201): the reversal proposal,
 * submitted, and a sentence saying what happens next.
 */
export interface ProposedReversal {
  reversal: TeamProposal;
  message: string;
}

/** The open step of a submitted proposal's chain, if any. */
export const pendingStep = (proposal: Pick<TeamProposal, 'chain'>): ProposalChainStep | undefined =>
  proposal.chain.find((step) => step.state === 'pending');

/**
 * Why `user` may not `verb` `proposal` now, or null when the server would accept it: the rules the
 * server enforces (state, the verb's grant on every cost centre the proposal names, and for approve
 * and reject the current step's separation of duties, role and cost centres: `stepRefusal`), so the
 * pane offers only the buttons that will work. Revert asks for a reversal (proposal.ts:
 * `reversalRefusal`). Reject and revert also need a comment, which the pane asks for when the
 * button is pressed.
 * @example teamRefusal(submittedByAnn, { id: 'ann', roles: ['approver'], costCentres: ['CC1'] }, 'approve')
 * // "ann wrote or submitted this proposal; separation of duties: another person approves it"
 */
export function teamRefusal(proposal: TeamProposal, user: AuthUser, verb: ProposalVerb): string | null {
  const rule = TRANSITIONS[verb];
  if (proposal.state !== rule.from) return `only a ${rule.from} proposal can be ${rule.to}`;
  if (!mayAct(user.roles, rule.action)) return `${user.id} holds no role that may ${rule.action}`;
  const missing = proposal.costCentres.filter((costCentre) => !mayAccess(user, costCentre));
  if (missing.length > 0) return `${user.id} does not hold ${missing.join(', ')}`;
  if (verb === 'revert') return reversalRefusal(proposal);
  if (rule.action !== 'approve') return null;
  const step = pendingStep(proposal);
  if (!step) return 'no approval step is open';
  const deciders = proposal.chain.map((s) => s.decidedBy).filter((who): who is string => who !== null);
  return stepRefusal(user, {
    step,
    stepNumber: step.step,
    authors: [
      ...new Set([...proposal.authors, proposal.createdBy, ...(proposal.submittedBy ? [proposal.submittedBy] : [])]),
    ],
    deciders,
    affected: affectedCostCentres(proposal.lines),
  });
}

/**
 * The verbs `user` may use on `proposal` now, in the machine's order.
 * @example teamActions(submittedByAnn, { id: 'bob', roles: ['approver'], costCentres: ['CC1'] }) // ["approve", "reject"]
 */
export function teamActions(proposal: TeamProposal, user: AuthUser): ProposalVerb[] {
  return PROPOSAL_VERBS.filter((verb) => teamRefusal(proposal, user, verb) === null);
}
