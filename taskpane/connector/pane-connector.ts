/**
 * The pane's one connection to the optional team server, created on first use: the connector and
 * its offline queue (IndexedDB) from src/connector, with the browser's clock and fetch. Office SSO
 * supplies the token where the host offers it; a pasted development token otherwise. The custom
 * functions share it (src/connector/shared-connector.ts).
 */
import { createConnector, OfflineQueue, shareConnector, ssoOrPastedToken, type Connector } from '../../src/connector';

let connector: Promise<Connector> | null = null;

export function paneConnector(): Promise<Connector> {
  connector ??= OfflineQueue.open({ now: () => Date.now(), jitter: () => Math.random() }).then((queue) =>
    createConnector({
      now: () => Date.now(),
      jitter: () => Math.random(),
      queue,
      fetch: (input, init) => fetch(input, init),
    }),
  );
  // FPA.BUDGET.VERSION (functions/, another bundle in the same runtime) reads through this connection.
  shareConnector(connector);
  return connector;
}

/** Office SSO's access token when the host supports it, else the pasted token. */
export function tokenSource(pastedToken: string): () => Promise<string> {
  const runtime = (
    globalThis as { OfficeRuntime?: { auth?: { getAccessToken?: (options?: object) => Promise<string> } } }
  ).OfficeRuntime;
  const sso = runtime?.auth?.getAccessToken
    ? () => runtime.auth!.getAccessToken!({ allowSignInPrompt: true })
    : undefined;
  return ssoOrPastedToken(sso, pastedToken || undefined);
}
