import { FpaError } from '../errors';
import type { AuthUser } from '../model/roles';
import { ConnectorErrors } from './errors';
import { claimedUser, signedInUser } from './identity';
import { checkBaseUrl, sendRequest, type ApiResponse } from './http-client';
import { heldFor, OfflineQueue, type QueueClock, type ReplayReport, type SentWrite } from './offline-queue';
import type { ConflictEntry, FailedEntry } from './queue-store';
import type { EndpointName, QueuedWrite } from './types';

export type ConnectorStatus = 'disconnected' | 'online' | 'offline' | 'error';

/** Everything the Settings view shows; it re-renders on every `subscribe` notification. */
export interface ConnectorState {
  status: ConnectorStatus;
  baseUrl: string | null;
  /** Who the server says the token belongs to (`GET /api/me`), once it answered; null otherwise. */
  user: AuthUser | null;
  /** Writes waiting to be sent, `held` among them. */
  queued: number;
  /** Queued writes of another user, kept until that user signs in again (never sent as someone else's). */
  held: number;
  conflicts: ConflictEntry[];
  failed: FailedEntry[];
  /** Epoch ms of the last pass that reached the server with nothing left to send. */
  lastSyncAt: number | null;
  /** Epoch ms when the oldest queued write is due for its next retry (call `sync` then), or null. */
  nextRetryAt: number | null;
  error: string | null;
}

/** The state before any connect: nothing queued, nobody signed in. */
export const DISCONNECTED: ConnectorState = Object.freeze({
  status: 'disconnected',
  baseUrl: null,
  user: null,
  queued: 0,
  held: 0,
  conflicts: [],
  failed: [],
  lastSyncAt: null,
  nextRetryAt: null,
  error: null,
});

export interface ConnectorOptions extends QueueClock {
  queue: OfflineQueue;
  /** New idempotency key per queued write (default: crypto.randomUUID). */
  newKey?: () => string;
  fetch?: typeof fetch;
}

export type WriteOutcome<T> = { sent: true; body: T; version?: number } | { sent: false; queuedKey: string };

export interface Connector {
  getState(): ConnectorState;
  subscribe(listener: (state: ConnectorState) => void): () => void;
  /**
   * Calls `listener` with every queued write the server accepts, whenever it goes out: at once, on a
   * later sync (written offline), or after a conflict settled "mine". A pane keeps the version it
   * last saw of a shared record from it, so its next change does not conflict with its own write.
   */
  onSent(listener: (sent: SentWrite) => void): () => void;
  /** Checks the server answers `/ready`, remembers it, and replays the queue. */
  connect(baseUrl: string, getToken: () => Promise<string>): Promise<ConnectorState>;
  /** Forgets the server; queued writes stay queued for the next connect. */
  disconnect(): Promise<ConnectorState>;
  /** Queues a write behind earlier ones, then tries to send the queue; offline it stays queued. */
  write<T>(write: QueuedWrite): Promise<WriteOutcome<T>>;
  /** Reads one record, or every record of a list (following its next-page cursors unless `query` names a `limit`). */
  read<T>(endpoint: EndpointName, pathParams?: Record<string, string>, query?: Record<string, string>): Promise<T>;
  /** Replays the queue now (a retry button or a timer calls it). */
  sync(options?: { ignoreBackoff?: boolean }): Promise<ConnectorState>;
  /** 'mine': send my write again on top of the current version; 'theirs': keep the server's. */
  resolveConflict(seq: number, choice: 'mine' | 'theirs'): Promise<ConnectorState>;
  dismissFailed(seq: number): Promise<ConnectorState>;
}

/**
 * The optional backend connection, as a small state machine over the offline queue:
 * disconnected → (connect) → online ⇄ offline (server unreachable, N queued) → error (sign-in
 * refused). Pure TypeScript over fetch and IndexedDB; the clock and jitter are injected.
 */
export function createConnector(options: ConnectorOptions): Connector {
  const { queue } = options;
  const newKey = options.newKey ?? (() => globalThis.crypto.randomUUID());
  let server: { baseUrl: string; getToken: () => Promise<string> } | null = null;
  let state: ConnectorState = DISCONNECTED;
  /** Who writes are stamped with and sent as: the verified user, else the token's claim, else null. */
  let actingAs: string | null = null;
  const listeners = new Set<(state: ConnectorState) => void>();
  const sentListeners = new Set<(sent: SentWrite) => void>();

  const publish = async (patch: Partial<ConnectorState>): Promise<ConnectorState> => {
    const [pending, conflicts, failed, lastSync] = await Promise.all([
      queue.pending(),
      queue.conflicts(),
      queue.failed(),
      queue.getMeta('lastSyncAt'),
    ]);
    const nextRetryAt = pending.length > 0 && pending[0].nextAttemptAt > 0 ? pending[0].nextAttemptAt : null;
    state = {
      ...state,
      queued: pending.length,
      held: pending.filter((entry) => heldFor(entry, actingAs)).length,
      conflicts,
      failed,
      nextRetryAt,
      lastSyncAt: typeof lastSync === 'number' ? lastSync : null,
      ...patch,
    };
    listeners.forEach((listener) => listener(state));
    return state;
  };
  const http = () => {
    if (!server) throw ConnectorErrors.notConnected();
    return { baseUrl: server.baseUrl, getToken: server.getToken, fetch: options.fetch };
  };
  const afterReplay = async (report: ReplayReport): Promise<ConnectorState> => {
    for (const sent of report.sent) sentListeners.forEach((listener) => listener(sent));
    if (report.stoppedBy === 'offline') return publish({ status: 'offline', error: report.error?.message ?? null });
    if (report.stoppedBy === 'unauthorised')
      return publish({ status: 'error', error: report.error?.fullMessage ?? null });
    if (report.stoppedBy !== 'backoff') await queue.setMeta('lastSyncAt', options.now());
    return publish({ status: report.stoppedBy === 'backoff' ? 'offline' : 'online', error: null });
  };
  /**
   * Asks the server who the token belongs to. Unreachable: unknown for now (asked again at the
   * next sync). A refused token is an error; a server without /api/me leaves the user unknown.
   */
  const identify = async (): Promise<ConnectorState | null> => {
    try {
      const me = await sendRequest(http(), { endpoint: 'whoAmI', pathParams: {}, query: {}, body: undefined });
      await publish({ user: signedInUser(me.body) });
    } catch (error) {
      if (error instanceof FpaError && error.code === 'CONNECTOR_UNAUTHORISED')
        return publish({ status: 'error', user: null, error: error.fullMessage });
      if (!(error instanceof FpaError)) throw error;
    }
    return null;
  };
  /** Settles `actingAs`: the server's answer when there is one, else what the token claims. */
  const whoActs = async (): Promise<string | null> => {
    const token = server && !state.user ? await server.getToken().catch(() => '') : '';
    actingAs = state.user?.id ?? claimedUser(token);
    return actingAs;
  };
  const sync = async (syncOptions: { ignoreBackoff?: boolean } = {}): Promise<ConnectorState> => {
    const target = http();
    if (state.user === null) {
      const refused = await identify();
      if (refused) return refused;
    }
    const user = await whoActs();
    return afterReplay(await queue.replay((request) => sendRequest(target, request), { ...syncOptions, user }));
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSent(listener) {
      sentListeners.add(listener);
      return () => sentListeners.delete(listener);
    },
    async connect(baseUrl, getToken) {
      server = { baseUrl: checkBaseUrl(baseUrl), getToken };
      actingAs = null;
      await publish({ baseUrl: server.baseUrl, user: null });
      try {
        await sendRequest(http(), { endpoint: 'ready', pathParams: {}, query: {}, body: undefined });
      } catch (error) {
        await whoActs();
        return publish({ status: 'offline', error: error instanceof FpaError ? error.message : String(error) });
      }
      return sync({ ignoreBackoff: true });
    },
    async disconnect() {
      server = null;
      actingAs = null;
      return publish({ status: 'disconnected', baseUrl: null, user: null, error: null });
    },
    async write<T>(write: QueuedWrite): Promise<WriteOutcome<T>> {
      if (!server) throw ConnectorErrors.notConnected();
      const user = await whoActs();
      const entry = await queue.enqueue(write, newKey(), user);
      const target = http();
      const report = await queue.replay((request) => sendRequest(target, request), {
        ignoreBackoff: state.status === 'online',
        user,
      });
      await afterReplay(report);
      const mine = report.sent.find((sent) => sent.key === entry.key) as { response: ApiResponse<T> } | undefined;
      if (mine) return { sent: true, body: mine.response.body, version: mine.response.version };
      const conflict = state.conflicts.find((c) => c.write.key === entry.key);
      if (conflict) throw ConnectorErrors.conflict(conflict.message, conflict.yours, conflict.current);
      const failed = state.failed.find((f) => f.write.key === entry.key);
      if (failed?.code === 'CONNECTOR_FORBIDDEN') throw ConnectorErrors.forbidden(failed.message, failed.serverCode);
      if (failed)
        throw ConnectorErrors.rejected(
          failed.status ?? 0,
          failed.serverCode ?? failed.code,
          failed.message,
          failed.details ?? null,
        );
      return { sent: false, queuedKey: entry.key };
    },
    async read<T>(endpoint: EndpointName, pathParams: Record<string, string> = {}, query: Record<string, string> = {}) {
      const target = http();
      const first = await sendRequest<T>(target, { endpoint, pathParams, query, body: undefined });
      // A list comes a page at a time: follow its cursors so the caller gets every record, unless it
      // asked for one page (a `limit`, as the audit log's reader does).
      if (query.limit !== undefined || !Array.isArray(first.body)) return first.body;
      const all: unknown[] = [...first.body];
      const seen = new Set<string>();
      for (let next = first.next; next !== undefined && !seen.has(next);) {
        seen.add(next);
        const page = await sendRequest<unknown[]>(target, {
          endpoint,
          pathParams,
          query: { ...query, cursor: next },
          body: undefined,
        });
        all.push(...(Array.isArray(page.body) ? page.body : []));
        next = page.next;
      }
      return all as T;
    },
    sync,
    async resolveConflict(seq, choice) {
      const conflict = await queue.removeConflict(seq);
      if (conflict && choice === 'mine') {
        const current = conflict.current as { version?: unknown } | null;
        const ifMatch = typeof current?.version === 'number' ? current.version : conflict.write.ifMatch;
        const {
          seq: _seq,
          key: _key,
          attempts: _a,
          nextAttemptAt: _n,
          createdAt: _c,
          lastError: _l,
          user,
          ...write
        } = conflict.write;
        await queue.enqueue({ ...write, ifMatch }, newKey(), user ?? null);
        return server ? sync({ ignoreBackoff: true }) : publish({});
      }
      return publish({});
    },
    async dismissFailed(seq) {
      await queue.removeFailed(seq);
      return publish({});
    },
  };
}
