/** A team proposal as the server serves it, for the model and pane tests. */
import type { ChainStep } from '../../src/model/approval-chain';
import type { ProposalChainStep, TeamProposal } from '../../src/model/team-proposal';

export const APPROVER: ChainStep = {
  name: 'Cost-centre approver',
  role: 'approver',
  costCentre: 'affected',
  deadlineHours: 48,
};
export const CONTROLLER: ChainStep = {
  name: 'Finance controller',
  role: 'controller',
  costCentre: '*',
  deadlineHours: 48,
};

export const step = (
  n: number,
  base: ChainStep,
  state: ProposalChainStep['state'],
  decidedBy: string | null = null,
) => ({
  ...base,
  step: n,
  state,
  activatedAt: null,
  dueAt: null,
  reminders: 0,
  decidedBy,
  decidedAt: null,
  delayMs: null,
  overdue: false,
});

/** Ann's proposal moving 2,500 within CC1, in `state` with `chain`. */
export const proposal = (state: TeamProposal['state'], chain: ProposalChainStep[] = []): TeamProposal => ({
  id: 'p1',
  state,
  costCentre: 'CC1',
  costCentres: ['CC1'],
  fiscalYear: 2026,
  amount: 2500,
  reason: 'travel to ads',
  lines: [
    { id: 'travel', costCentre: 'CC1', account: '6100', period: '2026-03', before: 5000, after: 2500 },
    { id: 'ads', costCentre: 'CC1', account: '6200', period: '2026-03', before: 1000, after: 3500 },
  ],
  history: [],
  createdBy: 'ann',
  createdAt: '2026-03-01T09:00:00Z',
  version: 2,
  updatedBy: 'ann',
  updatedAt: '2026-03-01T09:00:00Z',
  submittedBy: state === 'draft' ? null : 'ann',
  submittedAt: null,
  authors: ['ann'],
  chain,
  versions: [],
  reverts: null,
  reversal: null,
  revertedBy: null,
  revertedAt: null,
});
