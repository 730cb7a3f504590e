import type { Connector, WriteOutcome } from './connector';
import type { AuditEntry } from '../model/audit';
import type { VersionLine } from '../model/budget-line';
import type { DriverModel, NamedScenario, NewDriverModel } from '../model/driver';
import type { ProposalState, ProposalVerb, Transfer, TransferProposal } from '../model/proposal';
import type { NewReviewDecision, ReviewDecision } from '../model/review';
import type { BudgetVersion, NewBudgetVersion, VersionComparison } from '../model/version';
import type { ActualRowInput, ImportResult } from './types';

/**
 * Typed operations over a connector: reads go straight to the server, writes go through the
 * offline queue (so they carry idempotency keys and survive being offline). Writes guarded by
 * optimistic concurrency take the version the user saw.
 */
export function apiClient(connector: Connector) {
  const short = (id: string) => id.slice(0, 8);
  return {
    listModels: (costCentre: string) => connector.read<DriverModel[]>('listModels', {}, { costCentre }),
    getModel: (id: string) => connector.read<DriverModel>('getModel', { id }),
    createModel: (model: NewDriverModel): Promise<WriteOutcome<DriverModel>> =>
      connector.write({
        endpoint: 'createModel',
        pathParams: {},
        query: {},
        body: model,
        label: `Save model ${model.name}`,
      }),
    updateModel: (
      seen: { id: string; version: number },
      model: Omit<NewDriverModel, 'costCentre'>,
    ): Promise<WriteOutcome<DriverModel>> =>
      connector.write({
        endpoint: 'updateModel',
        pathParams: { id: seen.id },
        query: {},
        body: model,
        ifMatch: seen.version,
        label: `Update model ${model.name}`,
      }),

    listScenarios: (modelId: string) => connector.read<NamedScenario[]>('listScenarios', { id: modelId }),
    createScenario: (
      modelId: string,
      name: string,
      overrides: NamedScenario['overrides'],
    ): Promise<WriteOutcome<NamedScenario>> =>
      connector.write({
        endpoint: 'createScenario',
        pathParams: { id: modelId },
        query: {},
        body: { name, overrides },
        label: `Save scenario ${name}`,
      }),

    listVersions: (costCentre: string, fiscalYear?: number) =>
      connector.read<BudgetVersion[]>(
        'listVersions',
        {},
        fiscalYear === undefined ? { costCentre } : { costCentre, fiscalYear: String(fiscalYear) },
      ),
    getVersion: (id: string) => connector.read<BudgetVersion>('getVersion', { id }),
    compareVersions: (id: string, otherId: string) =>
      connector.read<VersionComparison>('compareVersions', { id, otherId }),
    createVersion: (version: NewBudgetVersion): Promise<WriteOutcome<BudgetVersion>> =>
      connector.write({
        endpoint: 'createVersion',
        pathParams: {},
        query: {},
        body: version,
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

    getImport: (batchId: string) =>
      connector.read<ImportResult & { storedRows: number; importedBy: string; importedAt: string }>('getImport', {
        batchId,
      }),
    listActuals: (costCentre: string, from?: string, to?: string) =>
      connector.read<VersionLine[]>(
        'listActuals',
        {},
        { costCentre, ...(from ? { from } : {}), ...(to ? { to } : {}) },
      ),

    listReviews: (costCentre: string) => connector.read<ReviewDecision[]>('listReviews', {}, { costCentre }),
    createReview: (review: NewReviewDecision): Promise<WriteOutcome<ReviewDecision>> =>
      connector.write({
        endpoint: 'createReview',
        pathParams: {},
        query: {},
        body: review,
        label: `Review ${review.flagId}: ${review.decision}`,
      }),

    listProposals: (costCentre: string, state?: ProposalState) =>
      connector.read<TransferProposal[]>('listProposals', {}, state ? { costCentre, state } : { costCentre }),
    getProposal: (id: string) => connector.read<TransferProposal>('getProposal', { id }),
    createProposal: (proposal: Transfer): Promise<WriteOutcome<TransferProposal>> =>
      connector.write({
        endpoint: 'createProposal',
        pathParams: {},
        query: {},
        body: proposal,
        label: `Propose ${proposal.amount} ${proposal.costCentre} → ${proposal.toCostCentre}`,
      }),
    editProposal: (
      seen: { id: string; version: number },
      changes: { amount?: number; reason?: string; account?: string },
    ): Promise<WriteOutcome<TransferProposal>> =>
      connector.write({
        endpoint: 'editProposal',
        pathParams: { id: seen.id },
        query: {},
        body: changes,
        ifMatch: seen.version,
        label: `Edit proposal ${short(seen.id)}`,
      }),
    transitionProposal: (
      seen: { id: string; version: number },
      verb: ProposalVerb,
      comment?: string,
    ): Promise<WriteOutcome<TransferProposal>> =>
      connector.write({
        endpoint: 'transitionProposal',
        pathParams: { id: seen.id, verb },
        query: {},
        body: comment === undefined ? {} : { comment },
        ifMatch: seen.version,
        label: `${verb} proposal ${short(seen.id)}`,
      }),

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
