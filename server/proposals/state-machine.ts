/**
 * The reallocation proposal life cycle, enforced by the server:
 *
 *   draft → submitted → approved → applied → reverted
 *                    ↘ rejected
 *
 * Each transition is one verb (its route is POST /api/proposals/:id/<verb>) and one role action.
 */
export const PROPOSAL_STATES = ['draft', 'submitted', 'approved', 'rejected', 'applied', 'reverted'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const TRANSITIONS = {
  submit: { from: 'draft', to: 'submitted', action: 'propose' },
  approve: { from: 'submitted', to: 'approved', action: 'approve' },
  reject: { from: 'submitted', to: 'rejected', action: 'approve' },
  apply: { from: 'approved', to: 'applied', action: 'apply' },
  revert: { from: 'applied', to: 'reverted', action: 'apply' },
} as const;
export type TransitionVerb = keyof typeof TRANSITIONS;

/** The state a verb leads to from `state`, or undefined when the machine forbids it. */
export function nextState(state: ProposalState, verb: TransitionVerb): ProposalState | undefined {
  const transition = TRANSITIONS[verb];
  return transition.from === state ? transition.to : undefined;
}
