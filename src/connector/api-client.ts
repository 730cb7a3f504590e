import type { Connector, WriteOutcome } from './connector';
import type { ChainStep } from '../model/approval-chain';
import type { AuditEntry } from '../model/audit';
import type { FlagKind } from '../model/flag';
import type { VersionLine } from '../model/budget-line';
import type { DriverModel, NamedScenario, NewDriverModel } from '../model/driver';
import type { ProposalState, ProposalVerb } from '../model/proposal';
import type { NewProposal, ProposedReversal, TeamProposal } from '../model/team-proposal';
import type { NewReviewDecision, ReviewDecision } from '../model/review';
import type { BudgetVersion, NewBudgetVersion, VersionComparison } from '../model/version';
import { loopApi } from './loop-api';
import type { ActualRowInput, ImportResult } from './types';
import { writes } from './writes';
import type { SeenRecord } from './writes';

/**
 * Typed operations over a connector: reads go straight to the server, writes go through the
 * offline queue (so they carry idempotency keys and survive being offline). Writes guarded by
 * optimistic concurrency take the version the user saw.
 */
export function apiClient(connector: Connector) {
  const short = (id: string) => id.slice(0, 8);
  const { create, change } = writes(connector);
  return {
    ...loopApi(connector),
    listModels: (costCentre: string) => connector.read<DriverModel[]>('listModels', {}, { costCentre }),
    getModel: (id: string) => connector.read<DriverModel>('getModel', { id }),
    createModel: (model: NewDriverModel) => create<DriverModel>('createModel', model, `Save model ${model.name}`),
    updateModel: (seen: SeenRecord, model: Omit<NewDriverModel, 'costCentre'>) =>
      change<DriverModel>('updateModel', seen, model, `Update model ${model.name}`),

    listScenarios: (modelId: string) => connector.read<NamedScenario[]>('listScenarios', { id: modelId }),
    createScenario: (modelId: string, name: string, overrides: NamedScenario['overrides']) =>
      create<NamedScenario>('createScenario', { name, overrides }, `Save scenario ${name}`, { id: modelId }),

    listVersions: (costCentre: string, fiscalYear?: number) =>
      connector.read<BudgetVersion[]>(
        'listVersions',
        {},
        fiscalYear === undefined ? { costCentre } : { costCentre, fiscalYear: String(fiscalYear) },
      ),
    getVersion: (id: string) => connector.read<BudgetVersion>('getVersion', { id }),
    compareVersions: (id: string, otherId: string) =>
      connector.read<VersionComparison>('compareVersions', { id, otherId }),
    /**
     * Creates a version; `basedOn`, the number of the latest version (of its cost centre, year and
     * kind) it was made from (0: none), makes a version made meanwhile a conflict, not a silent successor.
     */
    createVersion: (version: NewBudgetVersion, basedOn?: number): Promise<WriteOutcome<BudgetVersion>> =>
      connector.write({
        endpoint: 'createVersion',
        pathParams: {},
        query: {},
        body: version,
        ...(basedOn === undefined ? {} : { ifMatch: basedOn }),
        label: `Save ${version.kind} ${version.name}`,
      }),

    /** `rows` as objects, or CSV text with header account,period,amount[,currency]. */
    importActuals: (
      batchId: string,
      costCentre: string,
      rows: ActualRowInput[] | string,
    ): Promise<WriteOutcome<ImportResult>> =>
      connector.write({
        endpoint: 'importActuals',
        pathParams: {},
        query: { batchId, costCentre },
        body: typeof rows === 'string' ? rows : { rows },
        label: `Import actuals ${batchId}`,
      }),

    getImport: (batchId: string, costCentre: string) =>
      connector.read<ImportResult & { storedRows: number; importedBy: string; importedAt: string }>(
        'getImport',
        { batchId },
        { costCentre },
      ),
    listActuals: (costCentre: string, from?: string, to?: string) =>
      connector.read<VersionLine[]>(
        'listActuals',
        {},
        { costCentre, ...(from ? { from } : {}), ...(to ? { to } : {}) },
      ),

    listReviews: (costCentre: string) => connector.read<ReviewDecision[]>('listReviews', {}, { costCentre }),
    createReview: (review: NewReviewDecision) =>
      create<ReviewDecision>('createReview', review, `Review ${review.flagId}: ${review.decision}`),

    listProposals: (costCentre: string, state?: ProposalState) =>
      connector.read<TeamProposal[]>('listProposals', {}, state ? { costCentre, state } : { costCentre }),
    getProposal: (id: string) => connector.read<TeamProposal>('getProposal', { id }),
    createProposal: (proposal: NewProposal) =>
      create<TeamProposal>(
        'createProposal',
        proposal,
        `Propose ${proposal.lines.length} line(s) in ${proposal.costCentre ?? proposal.lines[0]?.costCentre ?? ''}`,
      ),
    editProposal: (seen: SeenRecord, changes: Partial<Omit<NewProposal, 'costCentre'>>) =>
      change<TeamProposal>('editProposal', seen, changes, `Edit proposal ${short(seen.id)}`),
    /** Moves the proposal (revert is `proposeReversal`: it answers a new proposal, not this one). */
    transitionProposal: (seen: SeenRecord, verb: Exclude<ProposalVerb, 'revert'>, comment?: string) =>
      change<TeamProposal>(
        'transitionProposal',
        seen,
        comment === undefined ? {} : { comment },
        `${verb} proposal ${short(seen.id)}`,
        { verb },
      ),
    /**
     * Asks for a reversal of an applied proposal (src/model/proposal.ts): a new proposal back
     * through the approval chain, which someone else approves; the budget changes when it is applied.
     */
    proposeReversal: (seen: SeenRecord, comment: string) =>
      change<ProposedReversal>(
        'transitionProposal',
        seen,
        { comment },
        `Propose a reversal of proposal ${short(seen.id)}`,
        { verb: 'revert' },
      ),

    /** The approval chain proposals submitted now go through. */
    getApprovalChain: () => connector.read<{ steps: ChainStep[]; version: number }>('getApprovalChain'),
    /** The submitted proposals whose current step the signed-in user may decide. */
    listApprovals: () => connector.read<TeamProposal[]>('listApprovals'),
    listFlags: (costCentre: string, minSeverity?: number) =>
      connector.read<Record<string, unknown>[]>(
        'listFlags',
        {},
        minSeverity === undefined ? { costCentre } : { costCentre, minSeverity: String(minSeverity) },
      ),
    /** Reports a scan's flags; the server announces new high-severity ones. */
    reportFlags: (
      costCentre: string,
      flags: { flagId: string; kind: FlagKind; severity: number; amount: number; explanation?: string }[],
    ) =>
      create<{ reported: number; raised: string[] }>(
        'reportFlags',
        { costCentre, flags },
        `Report ${flags.length} flag(s) of ${costCentre}`,
      ),
    verifyAudit: () =>
      connector.read<{ ok: boolean; checked: number; firstBroken?: { id: number; reason: string } }>('verifyAudit'),

    listAudit: (filters: {
      costCentre?: string;
      entity?: string;
      entityId?: string;
      actor?: string;
      action?: string;
      limit?: number;
      before?: number;
    }) =>
      connector.read<AuditEntry[]>(
        'listAudit',
        {},
        Object.fromEntries(
          Object.entries(filters)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, String(v)]),
        ),
      ),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
