/**
 * The team server's proposals, as the Proposals view shows them when signed in: those of the
 * user's cost centres (and of the scanned sheet's, for a token that holds every cost centre) and
 * the user's approvals inbox, read through the connector; each move (submit, approve, reject,
 * apply) is a write through its offline queue, with the version the user saw as If-Match. With a
 * team, revert proposes a reversal (src/model/proposal.ts) that another person approves.
 */
import type { ApiClient, WriteOutcome } from '../../src/connector';
import type { ParetoCandidate } from '../../src/allocation/types';
import type { BudgetLine } from '../../src/model/budget-line';
import { MIN_CHANGE, OPEN_REVERSAL_STATES, type ProposalVerb } from '../../src/model/proposal';
import { mayAct, type AuthUser } from '../../src/model/roles';
import type { StepAddedFor } from '../../src/model/team-proposal';
import {
  pendingStep,
  teamRefusal,
  type NewProposal,
  type ProposedReversal,
  type TeamProposal,
} from '../../src/model/team-proposal';

/** The cost centres whose proposals are listed: the token's own, else (a token for all) those given. */
export function listedCostCentres(user: AuthUser, scanned: readonly string[]): string[] {
  const centres = user.costCentres === '*' ? scanned : user.costCentres;
  return [...new Set(centres)].filter((c) => c !== '').sort();
}

/**
 * Every proposal the user sees: those of `listedCostCentres`, then those waiting for the user's
 * decision (the server's inbox, which also finds proposals of cost centres not listed), then those
 * of `moved` (ids the user acted on, read one by one when no list holds them any more: a controller's
 * approved proposal leaves the inbox but stays in view), newest first.
 */
export async function loadTeamProposals(
  api: ApiClient,
  user: AuthUser,
  scanned: readonly string[],
  moved: readonly string[] = [],
): Promise<TeamProposal[]> {
  const byId = new Map<string, TeamProposal>();
  for (const costCentre of listedCostCentres(user, scanned))
    for (const found of await api.listProposals(costCentre)) byId.set(found.id, found);
  if (mayAct(user.roles, 'approve')) for (const found of await api.listApprovals()) byId.set(found.id, found);
  for (const id of moved.filter((m) => !byId.has(m))) byId.set(id, await api.getProposal(id));
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** Sends `verb` on the proposal as the user saw it; offline the move waits in the queue. */
export function moveTeamProposal(
  api: ApiClient,
  proposal: Pick<TeamProposal, 'id' | 'version'>,
  verb: Exclude<ProposalVerb, 'revert'>,
  comment: string,
): Promise<WriteOutcome<TeamProposal>> {
  return api.transitionProposal(proposal, verb, comment.trim() === '' ? undefined : comment.trim());
}

/** Asks for a reversal of the applied proposal as the user saw it, saying why; offline it waits in the queue. */
export function proposeTeamReversal(
  api: ApiClient,
  proposal: Pick<TeamProposal, 'id' | 'version'>,
  comment: string,
): Promise<WriteOutcome<ProposedReversal>> {
  return api.proposeReversal(proposal, comment.trim());
}

/**
 * What a card says of a proposal's reversal link: the proposal a reversal reverts, or the reversal
 * of this one and where it stands (null: neither).
 * @example reversalNote({ reverts: null, reversal: { id: 'r1', state: 'submitted' }, state: 'applied', revertedBy: null })
 * // "Reversal r1 is submitted: the budget goes back when another person has approved it and it is applied."
 */
export function reversalNote(
  proposal: Pick<TeamProposal, 'reverts' | 'reversal' | 'state' | 'revertedBy'>,
): string | null {
  const { reverts, reversal } = proposal;
  if (reverts)
    return `Reversal of ${reverts}: applying it restores the amounts before ${reverts} and marks it reverted.`;
  if (!reversal) return null;
  if (proposal.state === 'reverted')
    return `Reverted: reversal ${reversal.id} was approved and applied${proposal.revertedBy ? ` by ${proposal.revertedBy}` : ''}.`;
  if (OPEN_REVERSAL_STATES.includes(reversal.state))
    return `Reversal ${reversal.id} is ${reversal.state}: the budget goes back when another person has approved it and it is applied.`;
  return `Reversal ${reversal.id} was ${reversal.state}; the proposal stays applied.`;
}

/**
 * Why a step the proposal's own amount does not reach is on its chain (the server's split rule,
 * docs/server.md): the amount it moves together with the same author's other proposals of its lines
 * this fiscal year. Null for a step its own amount reaches.
 * @example addedForNote({ minAmount: 50000, amount: 49999, amountTogether: 99998, together: [{ id: 'p7', amount: 49999, state: 'approved' }] }, money)
 * // "On the chain because, with p7 (49,999, approved) by the same author on the same lines this year, 99,998 moves together: at least 50,000."
 */
export function addedForNote(
  addedFor: StepAddedFor | null | undefined,
  money: (value: number) => string,
): string | null {
  if (!addedFor) return null;
  const shown = addedFor.together.map((p) => `${p.id} (${money(p.amount)}, ${p.state})`);
  const hidden = addedFor.hidden ?? 0;
  if (hidden > 0) shown.push(`${hidden} you may not read`);
  const others = shown.length > 0 ? shown.join(', ') : 'other proposals';
  return (
    `On the chain because, with ${others} by the same author on the same lines this year, ` +
    `${money(addedFor.amountTogether)} moves together: at least ${money(addedFor.minAmount)}.`
  );
}

/** What a proposal waits for, told to a user who may not move it now (the card's caption). */
export function waitingFor(proposal: TeamProposal, user: AuthUser): string {
  if (proposal.state === 'draft') return `A draft of ${proposal.createdBy}'s: it waits to be submitted.`;
  if (proposal.state === 'approved') return 'Approved: it waits for a budget owner to apply it.';
  if (proposal.state !== 'submitted') return `${proposal.state[0].toUpperCase()}${proposal.state.slice(1)}.`;
  const step = pendingStep(proposal);
  if (!step) return 'Submitted: its approval chain is not open.';
  const why = teamRefusal(proposal, user, 'approve');
  return `Waiting for step ${step.step} of ${proposal.chain.length} (${step.name}, ${step.role} role)${
    why ? `. You may not decide it: ${why}.` : '.'
  }`;
}

/** A draft on the server from a Pareto candidate's lines: each line's account, in the month `period`. */
export function draftFromCandidate(
  candidate: ParetoCandidate,
  lines: readonly BudgetLine[],
  period: string,
): NewProposal {
  const accountOf = new Map(lines.map((l) => [l.id, l.account]));
  return {
    fiscalYear: Number(period.slice(0, 4)),
    reason: candidate.tradeOff,
    lines: candidate.lines
      .filter((l) => Math.abs(l.proposed - l.current) >= MIN_CHANGE)
      .map((l) => ({
        id: l.id,
        costCentre: l.costCentre,
        account: accountOf.get(l.id) ?? l.id,
        period,
        before: l.current,
        after: l.proposed,
      })),
  };
}
