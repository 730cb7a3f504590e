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
  /** apply and revert change cells; approve (single-user mode only) records who decided, nothing else. */
  action: 'apply' | 'revert' | 'approve';
  lines: string[];
  before: Cell[];
  after: Cell[];
  who: string;
  when: string;
  /** What the record must say beside the action: `SELF_APPROVED` for every single-user approval. */
  note?: string;
}

/**
 * The audit note of an approval made in single-user mode: the pane's role dropdown lets one person
 * propose and approve, so such an approval is recorded as what it is (issue 15).
 */
export const SELF_APPROVED = 'self-approved (single-user mode)';

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

/** Appends the next audit record of `proposal` (ids audit:<proposal>:1, :2, …). */
export async function appendAudit(
  repository: Repository,
  proposal: StoredProposal,
  action: AuditRecord['action'],
  before: Cell[],
  after: Cell[],
  actor: Actor,
  when: string,
  note?: string,
): Promise<AuditRecord> {
  const existing = (await repository.list('proposals')).filter(
    (r) => r.kind === 'audit' && r.proposal === proposal.id,
  ).length;
  const record: AuditRecord = {
    id: `audit:${proposal.id}:${existing + 1}`,
    kind: 'audit',
    proposal: proposal.id,
    action,
    lines: proposal.lines.map((l) => l.id),
    before,
    after,
    who: actor.name,
    when,
    ...(note ? { note } : {}),
  };
  await repository.put('proposals', record as unknown as { id: string });
  return record;
}

/**
 * Submit, approve or reject (no workbook change): the state machine's transition, stored. This is
 * single-user mode (the actor's role is the pane's dropdown), so an approval also appends an audit
 * record noting it as self-approved.
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
  if (action === 'approve') await appendAudit(repository, next, 'approve', [], [], actor, when, SELF_APPROVED);
  return next;
}
