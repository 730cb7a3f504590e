/**
 * Types of the OpenFPA server API, as the connector uses it. `ENDPOINTS` lists every operation
 * the client calls; test/connector/openapi-contract.test.ts checks each against the server's
 * OpenAPI document (path, method, and the request bodies the client builds).
 */
import type { ActualRow } from '../model/budget-line';

// The domain shapes the API carries (driver models, versions, reviews, proposals, audit entries)
// are the model's (src/model); these are the API's own.

/** One actual to import; currency defaults to the batch's. */
export type ActualRowInput = Omit<ActualRow, 'currency'> & { currency?: string };

export interface ImportResult {
  batchId: string;
  costCentre: string;
  rowCount: number;
  replayed: boolean;
}

/** The server's error body. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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
  verifyAudit: { method: 'GET', path: '/api/audit/verify' },
  getApprovalChain: { method: 'GET', path: '/api/approval-chain' },
  listApprovals: { method: 'GET', path: '/api/approvals' },
  listFlags: { method: 'GET', path: '/api/flags' },
  reportFlags: { method: 'POST', path: '/api/flags' },
  listKpis: { method: 'GET', path: '/api/kpis' },
  createKpi: { method: 'POST', path: '/api/kpis' },
  getKpi: { method: 'GET', path: '/api/kpis/{id}' },
  updateKpi: { method: 'PUT', path: '/api/kpis/{id}' },
  updateKpiActual: { method: 'PUT', path: '/api/kpis/{id}/actual' },
  deleteKpi: { method: 'DELETE', path: '/api/kpis/{id}' },
  listAdjustments: { method: 'GET', path: '/api/adjustments' },
  recordAdjustment: { method: 'POST', path: '/api/adjustments' },
  measureAdjustment: { method: 'PUT', path: '/api/adjustments/{id}/outcome' },
  forgetAdjustment: { method: 'POST', path: '/api/adjustments/{id}/forget' },
  whoAmI: { method: 'GET', path: '/api/me' },
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
