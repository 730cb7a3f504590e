/**
 * The proposal state machine as the pane runs it in single-user mode: the moves of proposal.ts,
 * checked against the actor's single-user role (roles.ts), recorded with who, when, role and comment.
 * An analyst drafts and submits; an owner of every affected cost centre approves or rejects; an
 * admin applies and reverts. With the backend, the server enforces the same moves and comments
 * with the team roles of the verified token.
 */
import { ModelErrors } from './errors';
import { missingComment, PROPOSAL_VERBS, TRANSITIONS } from './proposal';
import type { ProposalRecord, ProposalStep, ProposalVerb } from './proposal';
import { SINGLE_USER_ACTION, singleUserRoleFor, type SingleUserRole } from './roles';

export interface Actor {
  name: string;
  role: SingleUserRole;
  /** For owners: the cost centres they own. */
  costCentres?: ReadonlyArray<string>;
}

/** A new proposal in draft. @example newProposal('P1', ['CC1']).state // "draft" */
export function newProposal(id: string, costCentres: ReadonlyArray<string>): ProposalRecord {
  return { id, state: 'draft', costCentres: [...costCentres], history: [] };
}

function refusal(proposal: ProposalRecord, verb: ProposalVerb, actor: Actor, comment: string): string | null {
  const rule = TRANSITIONS[verb];
  if (!rule) return 'unknown action';
  if (proposal.state !== rule.from) return `only a ${rule.from} proposal can be ${rule.to}`;
  if (SINGLE_USER_ACTION[actor.role] !== rule.action)
    return `it takes the ${singleUserRoleFor(rule.action)} role, and ${actor.name} is ${actor.role}`;
  if (rule.action === 'approve') {
    const owned = new Set(actor.costCentres ?? []);
    const missing = proposal.costCentres.filter((c) => !owned.has(c));
    if (missing.length) return `${actor.name} does not own ${missing.join(', ')}`;
  }
  return missingComment(verb, comment);
}

/** The verbs `actor` may use on `proposal` now (for enabling buttons). */
export function allowedActions(proposal: ProposalRecord, actor: Actor): ProposalVerb[] {
  return PROPOSAL_VERBS.filter((verb) => refusal(proposal, verb, actor, 'x') === null);
}

/**
 * Applies `verb` and returns the new record (the input is not changed).
 * @throws MODEL_TRANSITION_REFUSED saying why (wrong state, wrong role, not the owner of an
 *   affected cost centre, or a missing comment on reject/revert).
 * @example transition(newProposal('P1', ['CC1']), 'submit', { name: 'ann', role: 'analyst' }, '2026-01-05T10:00:00Z').state // "submitted"
 */
export function transition(
  proposal: ProposalRecord,
  verb: ProposalVerb,
  actor: Actor,
  when: string,
  comment = '',
): ProposalRecord {
  const why = refusal(proposal, verb, actor, comment);
  if (why) throw ModelErrors.transitionRefused(verb, proposal.state, why);
  const rule = TRANSITIONS[verb];
  const step: ProposalStep = {
    action: verb,
    from: rule.from,
    to: rule.to,
    who: actor.name,
    role: actor.role,
    when,
    comment,
  };
  return { ...proposal, state: rule.to, history: [...proposal.history, step] };
}
