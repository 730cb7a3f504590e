// The optional backend connector: typed HTTP client, offline queue in IndexedDB, status for Settings.
export {
  createConnector,
  DISCONNECTED,
  type Connector,
  type ConnectorState,
  type ConnectorStatus,
  type WriteOutcome,
} from './connector';
export { OfflineQueue, type ReplayReport, type SentWrite } from './offline-queue';
export { sendRequest, checkBaseUrl, isRetryable, type ApiResponse, type HttpClientOptions } from './http-client';
export { apiClient, type ApiClient } from './api-client';
export { backoffDelayMs } from './backoff';
export { statusLine } from './status-line';
export { ssoOrPastedToken } from './token';
export { ConnectorErrors } from './errors';
export { shareConnector, sharedConnector, unshareConnector } from './shared-connector';
export * from './types';
