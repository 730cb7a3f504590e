/**
 * The IndexedDB `Repository` on idb. Opening is lazy and guarded: a missing `indexedDB`, an open
 * that errors, is blocked, or does not answer within the timeout is reported as STORE_UNAVAILABLE
 * rather than waiting forever. A connection the browser terminates is reported through `onLost`.
 */
import { IDBPDatabase, openDB } from 'idb';
import { StoreErrors } from './errors';
import { migrate } from './migrations';
import { Repository } from './repository';
import { DATABASE_NAME, OpenFpaDB, STORE_NAMES, STORE_VERSION, StoreBundle } from './schema';
import { validateBundle } from './validate-bundle';

export interface OpenOptions {
  /** Schema version to open at; only tests ask for an earlier one. @default STORE_VERSION */
  version?: number;
  /** @default "openfpa" */
  name?: string;
  /** @default 3000 */
  timeoutMs?: number;
  /** Called when the browser closes the connection (storage wiped, WebView restarted). */
  onLost?: (reason: string) => void;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(StoreErrors.unavailable(`${what} did not answer within ${ms} ms.`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Opens (creating or migrating) the database.
 * @throws STORE_UNAVAILABLE when IndexedDB is missing, fails, is blocked or is too slow
 */
export async function openIdbRepository(options: OpenOptions = {}): Promise<Repository> {
  if (typeof indexedDB === 'undefined' || indexedDB === null)
    throw StoreErrors.unavailable('this host has no IndexedDB.');
  const timeoutMs = options.timeoutMs ?? 3000;
  let db: IDBPDatabase<OpenFpaDB> | undefined;
  let gaveUp = false;
  const opening = openDB<OpenFpaDB>(options.name ?? DATABASE_NAME, options.version ?? STORE_VERSION, {
    // A failed step aborts the upgrade, so the database stays at its old version with its data.
    upgrade: (database, oldVersion, newVersion, tx) => {
      migrate(database, oldVersion, newVersion ?? STORE_VERSION, tx).catch(() => tx.abort());
    },
    blocking: () => db?.close(),
    terminated: () => options.onLost?.('the browser closed the database.'),
  });
  // An open that answers after we gave up is closed at once, and a late failure is not left unhandled.
  opening.then(
    (late) => gaveUp && late.close(),
    () => undefined,
  );
  try {
    db = await withTimeout(opening, timeoutMs, 'opening the database');
  } catch (error) {
    gaveUp = true;
    if (error instanceof Error && error.name === 'FpaError') throw error;
    throw StoreErrors.unavailable(error instanceof Error ? error.message : String(error));
  }
  const open = db;

  return {
    mode: 'indexeddb',
    list: (store) => open.getAll(store) as Promise<never>,
    get: (store, key) => open.get(store, key) as Promise<never>,
    async put(store, record) {
      await open.put(store, record as never);
    },
    async remove(store, key) {
      await open.delete(store, key);
    },
    async exportAll(exportedAt) {
      const tx = open.transaction([...STORE_NAMES], 'readonly');
      const entries = await Promise.all(STORE_NAMES.map(async (s) => [s, await tx.objectStore(s).getAll()] as const));
      await tx.done;
      return {
        format: 'openfpa-store',
        version: STORE_VERSION,
        exportedAt,
        data: Object.fromEntries(entries) as unknown as StoreBundle['data'],
      };
    },
    async importAll(input) {
      const bundle = validateBundle(input);
      // One transaction over every store: it commits all of the import or none of it.
      const tx = open.transaction([...STORE_NAMES], 'readwrite');
      for (const store of STORE_NAMES) {
        const os = tx.objectStore(store);
        void os.clear();
        for (const record of bundle.data[store]) void os.put(record as never);
      }
      await tx.done;
    },
    close: () => open.close(),
  };
}
