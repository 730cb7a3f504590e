/**
 * Reallocation proposals as the pane keeps them (store: proposals), with their audit trail: a
 * candidate becomes a draft proposal carrying the budgets it was computed from; state changes go
 * through the model's state machine (src/model); Apply and Revert write to the workbook (write-back.ts).
 *
 * The stored layout predates the model's `Proposal` (the machine's record nested under `record`);
 * its record and lines are the model's types.
 */
import type { ParetoCandidate } from '../../src/allocation/types';
import {
  affectedCostCentres,
  type ProposalLine,
  type ProposalRecord,
  type ProposalVerb,
} from '../../src/model/proposal';
import { newProposal, transition, type Actor } from '../../src/model/proposal-machine';
import type { Repository } from '../../src/store/repository';
import type { Cell } from '../workbook/types';

export interface StoredProposal {
  id: string;
  kind: 'proposal';
  record: ProposalRecord;
  createdAt: string;
  createdBy: string;
  tradeOff: string;
  weightedReturn: number;
  risk: number;
  lines: ProposalLine[];
  /** Sheet-qualified address of the budget cells, one row per line; null when not writable. */
  budgetAddress: string | null;
  /** The workbook's values just before Apply (restored by Revert). */
  snapshot: Cell[][] | null;
}

export interface AuditRecord {
  id: string;
  kind: 'audit';
  proposal: string;
  action: 'apply' | 'revert';
  lines: string[];
  before: Cell[];
  after: Cell[];
  who: string;
  when: string;
}

/** A draft proposal from a Pareto candidate; affects the cost centres of the lines it changes. */
export function proposalFromCandidate(
  id: string,
  candidate: ParetoCandidate,
  budgetAddress: string | null,
  who: string,
  when: string,
): StoredProposal {
  const lines: ProposalLine[] = candidate.lines.map((l) => ({
    id: l.id,
    costCentre: l.costCentre,
    before: l.current,
    after: l.proposed,
  }));
  return {
    id,
    kind: 'proposal',
    record: newProposal(id, affectedCostCentres(lines)),
    createdAt: when,
    createdBy: who,
    tradeOff: candidate.tradeOff,
    weightedReturn: candidate.weightedReturn,
    risk: candidate.risk,
    lines,
    budgetAddress,
    snapshot: null,
  };
}

export async function saveProposal(repository: Repository, proposal: StoredProposal): Promise<void> {
  await repository.put('proposals', proposal as unknown as { id: string });
}

export async function loadProposals(
  repository: Repository,
): Promise<{ proposals: StoredProposal[]; audit: AuditRecord[] }> {
  const all = await repository.list('proposals');
  const proposals = all.filter((r) => r.kind === 'proposal') as unknown as StoredProposal[];
  const audit = all.filter((r) => r.kind === 'audit') as unknown as AuditRecord[];
  proposals.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  audit.sort((a, b) => a.when.localeCompare(b.when) || a.id.localeCompare(b.id));
  return { proposals, audit };
}

/**
 * Submit, approve or reject (no workbook change): the state machine's transition, stored.
 * @throws MODEL_TRANSITION_REFUSED (wrong state, role, owner or a missing comment)
 */
export async function changeState(
  repository: Repository,
  proposal: StoredProposal,
  action: Exclude<ProposalVerb, 'apply' | 'revert'>,
  actor: Actor,
  when: string,
  comment: string,
): Promise<StoredProposal> {
  const next = { ...proposal, record: transition(proposal.record, action, actor, when, comment) };
  await saveProposal(repository, next);
  return next;
}
