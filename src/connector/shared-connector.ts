/**
 * The one team-server connection of the add-in, shared between the task pane (which creates and
 * connects it) and the custom functions (which only read through it). The two are separate bundles
 * loaded into one shared runtime, so module state is not shared between them: the connection is
 * kept under a registered symbol of the runtime's global object instead.
 */
import type { Connector } from './connector';

const SLOT = Symbol.for('openfpa.connector');

type Holder = { [SLOT]?: Promise<Connector> };

/** Makes `connector` the one the custom functions read through (the pane calls it when it creates one). */
export function shareConnector(connector: Promise<Connector>): void {
  (globalThis as Holder)[SLOT] = connector;
}

/** The shared connection, or null when the pane has not created one (so nothing is connected). */
export function sharedConnector(): Promise<Connector> | null {
  return (globalThis as Holder)[SLOT] ?? null;
}

/** Forgets the shared connection (tests; a pane that closes its connection). */
export function unshareConnector(): void {
  delete (globalThis as Holder)[SLOT];
}
