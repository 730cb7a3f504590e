import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedWrite } from './types';

/** A write waiting to be sent, oldest first (`seq`). `key` is its idempotency key, fixed at enqueue. */
export interface OutboxEntry extends QueuedWrite {
  seq?: number;
  key: string;
  /** Who queued it (the signed-in user's id then), or null when unknown; absent in older queues. */
  user?: string | null;
  createdAt: number;
  attempts: number;
  /** Epoch ms before which it is not retried (exponential backoff). */
  nextAttemptAt: number;
  lastError?: string;
}

/** A write the server refused with 409: both versions, for the user to choose. */
export interface ConflictEntry {
  seq: number;
  write: OutboxEntry;
  message: string;
  yours: unknown;
  current: unknown;
  at: number;
}

/** A write the server rejected for good (validation, permission): kept so nothing vanishes silently. */
export interface FailedEntry {
  seq: number;
  write: OutboxEntry;
  code: string;
  message: string;
  /** HTTP status and the server's own code and details (e.g. per-row import errors). */
  status?: number;
  serverCode?: string;
  details?: unknown;
  at: number;
}

export interface ConnectorDb extends DBSchema {
  outbox: { key: number; value: OutboxEntry };
  conflicts: { key: number; value: ConflictEntry };
  failed: { key: number; value: FailedEntry };
  meta: { key: string; value: number | string };
}

export const CONNECTOR_DB_VERSION = 1;

/**
 * Opens (creating or upgrading) the connector's IndexedDB database. Migrations are cumulative
 * `oldVersion < n` steps; a released step is never edited. If another tab upgrades the database,
 * this connection closes itself (`blocking`) and the next open picks up the new version.
 */
export function openConnectorDb(name = 'openfpa-connector'): Promise<IDBPDatabase<ConnectorDb>> {
  return openDB<ConnectorDb>(name, CONNECTOR_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('conflicts', { keyPath: 'seq' });
        db.createObjectStore('failed', { keyPath: 'seq' });
        db.createObjectStore('meta');
      }
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
