/**
 * The connector the pane tests sign in with, in place of a server: a state the test changes
 * (`publish`, heard by every subscriber), writes recorded and answered by `answer` (queued by
 * default), reads answered by `read` (nothing by default), and `sent` to tell the pane that the
 * server accepted a queued write. A test that needs connect, sync or conflicts assigns them.
 */
import {
  DISCONNECTED,
  type Connector,
  type ConnectorState,
  type QueuedWrite,
  type SentWrite,
  type WriteOutcome,
} from '../../src/connector';

export interface ConnectorDoubleOptions {
  state?: Partial<ConnectorState>;
  read?: (endpoint: string, params: Record<string, string>, query: Record<string, string>) => unknown;
  answer?: (write: QueuedWrite) => unknown;
}

export function connectorDouble({
  state: initial = {},
  read = () => [],
  answer = () => ({ sent: false, queuedKey: 'k' }),
}: ConnectorDoubleOptions = {}) {
  let state: ConnectorState = { ...DISCONNECTED, ...initial };
  const listeners = new Set<(state: ConnectorState) => void>();
  const sentListeners = new Set<(sent: SentWrite) => void>();
  const writes: QueuedWrite[] = [];
  const publish = (next: Partial<ConnectorState>): ConnectorState => {
    state = { ...state, ...next };
    listeners.forEach((listener) => listener(state));
    return state;
  };
  const connector: Connector = {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onSent: (listener) => {
      sentListeners.add(listener);
      return () => void sentListeners.delete(listener);
    },
    connect: async () => state,
    disconnect: async () => state,
    sync: async () => state,
    resolveConflict: async () => state,
    dismissFailed: async () => state,
    write: async <T>(write: QueuedWrite) => {
      writes.push(write);
      return (await answer(write)) as WriteOutcome<T>;
    },
    read: async <T>(endpoint: string, params: Record<string, string> = {}, query: Record<string, string> = {}) =>
      (await read(endpoint, params, query)) as T,
  };
  const sent = (write: SentWrite) => sentListeners.forEach((listener) => listener(write));
  return { connector, getConnector: async () => connector, writes, publish, sent };
}
