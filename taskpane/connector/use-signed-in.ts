/**
 * The team identity the pane shows and acts as: the connector's state, followed live, and the user
 * the server verified from the token (`GET /api/me`). Null while not connected, before the server
 * answered, or when the connector cannot open (no IndexedDB): then the pane is in single-user mode.
 */
import { useEffect, useState } from 'react';
import { apiClient, type ApiClient, type Connector, type ConnectorState } from '../../src/connector';
import type { AuthUser } from '../../src/model/roles';

export interface SignedIn {
  /** The server's address, as connected. */
  server: string;
  user: AuthUser;
  /** The typed operations over the connector (writes go through its offline queue). */
  api: ApiClient;
  /** Tells `listener` of each queued write the server accepted later (Connector.onSent); returns the unsubscribe. */
  onSent?: Connector['onSent'];
}

/** The signed-in identity of a connector state, or null (single-user mode). */
export function signedInOf(state: ConnectorState | null, connector: Connector | null): SignedIn | null {
  if (!state || !connector || state.status === 'disconnected' || !state.user || !state.baseUrl) return null;
  return {
    server: state.baseUrl,
    user: state.user,
    api: apiClient(connector),
    onSent: (listener) => connector.onSent(listener),
  };
}

/** Follows the connector's state; both null until it opened (or for good when it cannot). */
export function useConnector(getConnector: () => Promise<Connector>): {
  connector: Connector | null;
  state: ConnectorState | null;
} {
  const [connector, setConnector] = useState<Connector | null>(null);
  const [state, setState] = useState<ConnectorState | null>(null);
  useEffect(() => {
    let unsubscribe = () => {};
    let live = true;
    getConnector().then(
      (connector) => {
        if (!live) return;
        setConnector(connector);
        setState(connector.getState());
        unsubscribe = connector.subscribe(setState);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [getConnector]);
  return { connector, state };
}

/** Follows the connector's state only; null until it opened (or for good when it cannot). */
export function useConnectorState(getConnector: () => Promise<Connector>): ConnectorState | null {
  return useConnector(getConnector).state;
}
