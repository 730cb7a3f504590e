/**
 * The life cycle of a reallocation proposal as an explicit state machine:
 * draft → submitted → approved | rejected; approved → applied → reverted.
 * An analyst drafts and submits; a budget owner of every affected cost centre approves or rejects;
 * an admin applies and reverts. Every transition records who, when, their role and a comment.
 * Roles are local (given by the caller) until the backend issue.
 */
import { AllocationErrors } from './errors';

export type ProposalState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'applied' | 'reverted';
export type ProposalAction = 'submit' | 'approve' | 'reject' | 'apply' | 'revert';
export type Role = 'analyst' | 'owner' | 'admin';

export interface Actor {
  name: string;
  role: Role;
  /** For owners: the cost centres they own. */
  costCentres?: ReadonlyArray<string>;
}

export interface Transition {
  action: ProposalAction;
  from: ProposalState;
  to: ProposalState;
  who: string;
  role: Role;
  /** ISO timestamp supplied by the caller (src/ never reads the clock). */
  when: string;
  comment: string;
}

export interface ProposalRecord {
  id: string;
  state: ProposalState;
  /** Cost centres whose budgets the proposal changes. */
  costCentres: ReadonlyArray<string>;
  history: ReadonlyArray<Transition>;
}

/** The one table of allowed moves: action → from-state, to-state and the role that may act. */
export const TRANSITIONS: Readonly<Record<ProposalAction, { from: ProposalState; to: ProposalState; role: Role }>> =
  Object.freeze({
    submit: { from: 'draft', to: 'submitted', role: 'analyst' },
    approve: { from: 'submitted', to: 'approved', role: 'owner' },
    reject: { from: 'submitted', to: 'rejected', role: 'owner' },
    apply: { from: 'approved', to: 'applied', role: 'admin' },
    revert: { from: 'applied', to: 'reverted', role: 'admin' },
  });

/** A new proposal in draft. @example newProposal('P1', ['CC1']).state // "draft" */
export function newProposal(id: string, costCentres: ReadonlyArray<string>): ProposalRecord {
  return { id, state: 'draft', costCentres: [...costCentres], history: [] };
}

/** The actions `actor` may take on `proposal` now (for enabling buttons). */
export function allowedActions(proposal: ProposalRecord, actor: Actor): ProposalAction[] {
  return (Object.keys(TRANSITIONS) as ProposalAction[]).filter(
    (action) => refusal(proposal, action, actor, 'x') === null,
  );
}

function refusal(proposal: ProposalRecord, action: ProposalAction, actor: Actor, comment: string): string | null {
  const rule = TRANSITIONS[action];
  if (!rule) return 'unknown action';
  if (proposal.state !== rule.from) return `only a ${rule.from} proposal can be ${rule.to}`;
  if (actor.role !== rule.role) return `it takes the ${rule.role} role, and ${actor.name} is ${actor.role}`;
  if (rule.role === 'owner') {
    const owned = new Set(actor.costCentres ?? []);
    const missing = proposal.costCentres.filter((c) => !owned.has(c));
    if (missing.length) return `${actor.name} does not own ${missing.join(', ')}`;
  }
  if ((action === 'reject' || action === 'revert') && comment.trim() === '') return 'a comment saying why is required';
  return null;
}

/**
 * Applies `action` and returns the new record (the input is not changed).
 * @throws ALLOCATION_TRANSITION_REFUSED saying why (wrong state, wrong role, not the owner of an
 *   affected cost centre, or a missing comment on reject/revert).
 * @example transition(newProposal('P1', ['CC1']), 'submit', { name: 'ann', role: 'analyst' }, '2026-01-05T10:00:00Z').state // "submitted"
 */
export function transition(
  proposal: ProposalRecord,
  action: ProposalAction,
  actor: Actor,
  when: string,
  comment = '',
): ProposalRecord {
  const why = refusal(proposal, action, actor, comment);
  if (why) throw AllocationErrors.refused(action, proposal.state, why);
  const rule = TRANSITIONS[action];
  const step: Transition = { action, from: rule.from, to: rule.to, who: actor.name, role: actor.role, when, comment };
  return { ...proposal, state: rule.to, history: [...proposal.history, step] };
}
