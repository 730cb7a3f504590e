/**
 * A proposal as the team server stores and serves it: the model's `Proposal` (lines with before and
 * after, reason, affected cost centres, history of steps) plus what sharing it needs — the
 * optimistic-concurrency version, the fiscal year whose budget versions it changes, its approval
 * chain with deadlines and delays, and the versions applying or reverting it created.
 */
import type { ChainStep } from './approval-chain';
import type { Proposal, ProposalLine } from './proposal';

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
}

/** A budget version applying or reverting the proposal created. */
export interface ProposalVersionRef {
  id: string;
  costCentre: string;
  name: string;
  action: 'apply' | 'revert';
}

/** A stored proposal. */
export interface TeamProposal extends Proposal {
  costCentre: string;
  fiscalYear: number;
  /** The amount the proposal moves (`movedAmount`), which the chain's thresholds compare with. */
  amount: number;
  version: number;
  updatedBy: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  chain: ProposalChainStep[];
  versions: ProposalVersionRef[];
}
