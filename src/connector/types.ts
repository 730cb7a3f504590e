/**
 * Types of the OpenFPA server API, as the connector uses it. `ENDPOINTS` lists every operation
 * the client calls; test/connector/openapi-contract.test.ts checks each against the server's
 * OpenAPI document (path, method, and the request bodies the client builds).
 */
export type ProposalState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'applied' | 'reverted';
export type TransitionVerb = 'submit' | 'approve' | 'reject' | 'apply' | 'revert';
export type ReviewDecisionKind = 'accepted' | 'dismissed' | 'escalated';
export type VersionKind = 'budget' | 'forecast' | 'scenario';

export interface Proposal {
  id: string;
  costCentre: string;
  toCostCentre: string;
  account: string;
  amount: number;
  reason: string;
  state: ProposalState;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewProposal {
  costCentre: string;
  toCostCentre: string;
  account: string;
  amount: number;
  reason?: string;
}

export interface ReviewDecision {
  id: string;
  costCentre: string;
  flagId: string;
  decision: ReviewDecisionKind;
  comment: string;
  decidedBy: string;
  decidedAt: string;
}

export interface NewReviewDecision {
  costCentre: string;
  flagId: string;
  decision: ReviewDecisionKind;
  comment?: string;
}

export interface DriverSpec {
  name: string;
  distribution: string;
  params?: Record<string, number>;
}

export interface DriverModel {
  id: string;
  costCentre: string;
  name: string;
  expression: string;
  drivers: DriverSpec[];
  version: number;
}

export interface NewDriverModel {
  costCentre: string;
  name: string;
  expression: string;
  drivers: DriverSpec[];
}

export interface Scenario {
  id: string;
  modelId: string;
  name: string;
  overrides: Record<string, Record<string, unknown>>;
}

export interface BudgetLine {
  account: string;
  period: string;
  amount: number;
}

export interface BudgetVersion {
  id: string;
  costCentre: string;
  fiscalYear: number;
  kind: VersionKind;
  name: string;
  lines?: BudgetLine[];
}

export interface NewBudgetVersion {
  costCentre: string;
  fiscalYear: number;
  kind: VersionKind;
  name: string;
  lines: BudgetLine[];
}

export interface VersionComparison {
  base: string;
  other: string;
  lines: { account: string; period: string; base: number | null; other: number | null; delta: number }[];
  totals: { base: number; other: number; delta: number };
}

export interface ActualRowInput {
  account: string;
  period: string;
  amount: number;
  currency?: string;
}

export interface ImportResult {
  batchId: string;
  costCentre: string;
  rowCount: number;
  replayed: boolean;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entityId: string;
  costCentre: string | null;
  before: unknown;
  after: unknown;
}

/** The server's error body. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** Every operation the connector calls, with its OpenAPI path template. */
export const ENDPOINTS = {
  listModels: { method: 'GET', path: '/api/models' },
  createModel: { method: 'POST', path: '/api/models' },
  getModel: { method: 'GET', path: '/api/models/{id}' },
  updateModel: { method: 'PUT', path: '/api/models/{id}' },
  listScenarios: { method: 'GET', path: '/api/models/{id}/scenarios' },
  createScenario: { method: 'POST', path: '/api/models/{id}/scenarios' },
  listVersions: { method: 'GET', path: '/api/versions' },
  createVersion: { method: 'POST', path: '/api/versions' },
  getVersion: { method: 'GET', path: '/api/versions/{id}' },
  compareVersions: { method: 'GET', path: '/api/versions/{id}/compare/{otherId}' },
  importActuals: { method: 'POST', path: '/api/actuals/imports' },
  getImport: { method: 'GET', path: '/api/actuals/imports/{batchId}' },
  listActuals: { method: 'GET', path: '/api/actuals' },
  listReviews: { method: 'GET', path: '/api/reviews' },
  createReview: { method: 'POST', path: '/api/reviews' },
  listProposals: { method: 'GET', path: '/api/proposals' },
  createProposal: { method: 'POST', path: '/api/proposals' },
  getProposal: { method: 'GET', path: '/api/proposals/{id}' },
  editProposal: { method: 'PATCH', path: '/api/proposals/{id}' },
  transitionProposal: { method: 'POST', path: '/api/proposals/{id}/{verb}' },
  listAudit: { method: 'GET', path: '/api/audit' },
  ready: { method: 'GET', path: '/ready' },
} as const satisfies Record<string, { method: HttpMethod; path: string }>;

export type EndpointName = keyof typeof ENDPOINTS;

/** One write as the offline queue stores it: enough to send it again, byte for byte. */
export interface QueuedWrite {
  endpoint: EndpointName;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** The version the user edited (sent as If-Match), for writes guarded by concurrency. */
  ifMatch?: number;
  /** A short text for the Settings view ("Approve proposal 1a2b…"). */
  label: string;
}
