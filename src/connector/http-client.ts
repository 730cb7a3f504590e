import { FpaError } from '../errors';
import { ConnectorErrors } from './errors';
import { ENDPOINTS, type ApiErrorBody, type EndpointName, type QueuedWrite } from './types';

/** What the client needs from its surroundings; tests pass fakes. */
export interface HttpClientOptions {
  /** e.g. "http://127.0.0.1:8787" (no trailing slash needed). */
  baseUrl: string;
  /** Returns a bearer token (Office SSO or a pasted development token). */
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
}

/** A request in the shape the queue stores, plus the idempotency key that makes it safe to repeat. */
export interface ApiRequest extends Omit<QueuedWrite, 'label'> {
  idempotencyKey?: string;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  /** The resource version from the ETag, when the server sent one. */
  version?: number;
  replayed: boolean;
  /** A list's next page: the cursor the server sent (`X-Next-Cursor`), when more records follow. */
  next?: string;
}

/**
 * Sends one API request and maps every failure to a connector error: no answer → OFFLINE,
 * 401 → UNAUTHORISED, 403 → FORBIDDEN, 409 → CONFLICT carrying your body and the server's current
 * resource, other 4xx → REJECTED, 5xx and 429 → SERVER_FAILED (retryable).
 *
 * @throws FpaError from ConnectorErrors
 * @example await sendRequest(opts, { endpoint: 'getProposal', pathParams: { id }, query: {}, body: undefined })
 * // → { status: 200, body: { id, state: 'draft', … }, version: 1, replayed: false }
 */
export async function sendRequest<T>(options: HttpClientOptions, request: ApiRequest): Promise<ApiResponse<T>> {
  const { method, path } = ENDPOINTS[request.endpoint];
  const url = buildUrl(options.baseUrl, path, request.pathParams, request.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = await options.getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  // GET and DELETE carry no body.
  if (method !== 'GET' && method !== 'DELETE') {
    const csv = typeof request.body === 'string';
    headers['content-type'] = csv ? 'text/csv' : 'application/json';
    body = csv ? (request.body as string) : JSON.stringify(request.body ?? {});
  }
  if (request.ifMatch !== undefined) headers['if-match'] = `"${request.ifMatch}"`;
  if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { method, headers, body });
  } catch (error) {
    throw ConnectorErrors.offline(error instanceof Error ? error.message : 'no answer');
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (response.ok) {
    const etag = response.headers.get('etag');
    const version = etag && /^"(\d+)"$/.test(etag) ? Number(etag.slice(1, -1)) : undefined;
    const next = response.headers.get('x-next-cursor') ?? undefined;
    return {
      status: response.status,
      body: parsed as T,
      version,
      replayed: response.headers.get('idempotent-replayed') === 'true',
      ...(next ? { next } : {}),
    };
  }
  throw errorFor(response.status, parsed, request.body);
}

function errorFor(status: number, parsed: unknown, yours: unknown): FpaError {
  const error = (parsed as Partial<ApiErrorBody> | undefined)?.error;
  const code = error?.code ?? `HTTP_${status}`;
  const message = error?.message ?? `HTTP ${status}`;
  if (status === 401) return ConnectorErrors.unauthorised(message);
  if (status === 403) return ConnectorErrors.forbidden(message, code);
  if (status === 409) return ConnectorErrors.conflict(message, yours, error?.details?.current ?? null);
  if (status === 429 || status >= 500) return ConnectorErrors.serverFailed(status);
  return ConnectorErrors.rejected(status, code, message, error?.details ?? null);
}

function buildUrl(
  baseUrl: string,
  template: string,
  params: Record<string, string>,
  query: Record<string, string>,
): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw ConnectorErrors.rejected(0, 'CONNECTOR_MISSING_PARAM', `missing path parameter ${name}`, null);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')).toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True for failures worth retrying later (no answer, rate limit, server error). */
export function isRetryable(error: unknown): boolean {
  return error instanceof FpaError && (error.code === 'CONNECTOR_OFFLINE' || error.code === 'CONNECTOR_SERVER_FAILED');
}

/** Checks a server address before connecting. */
export function checkBaseUrl(url: string): string {
  if (!/^https?:\/\/[^\s/?#]+(:\d+)?(\/[^\s?#]*)?$/.test(url)) throw ConnectorErrors.badUrl(url);
  return url.replace(/\/+$/, '');
}

export type { EndpointName };
