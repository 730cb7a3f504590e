/**
 * An in-memory `Repository`: the fallback when IndexedDB is unavailable. It starts from the
 * workbook copy (if any) and calls `onChange` with the whole bundle after every write, so the pane
 * can save it back into the document and nothing is silently lost.
 */
import { Repository, keyOf } from './repository';
import { STORE_NAMES, STORE_VERSION, StoreBundle, StoreName, StoreRecords } from './schema';
import { validateBundle } from './validate-bundle';

type Tables = { [K in StoreName]: Map<string, StoreRecords[K]> };

function emptyTables(): Tables {
  return Object.fromEntries(STORE_NAMES.map((s) => [s, new Map()])) as unknown as Tables;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface MemoryRepositoryOptions {
  /** Initial contents (e.g. the workbook copy); validated like an import. */
  initial?: unknown;
  /** Called after each write with the full contents. */
  onChange?: (bundle: StoreBundle) => void | Promise<void>;
}

/**
 * @throws STORE_BAD_IMPORT when `initial` is not a valid bundle
 * @example (await createMemoryRepository().list('drivers')).length // 0
 */
export function createMemoryRepository(options: MemoryRepositoryOptions = {}): Repository {
  let tables = emptyTables();
  const load = (bundle: StoreBundle): Tables => {
    const next = emptyTables();
    for (const store of STORE_NAMES) {
      for (const record of bundle.data[store])
        (next[store] as Map<string, unknown>).set(keyOf(store, record as never), clone(record));
    }
    return next;
  };
  if (options.initial !== undefined && options.initial !== null) tables = load(validateBundle(options.initial));

  const snapshot = (exportedAt: string): StoreBundle => ({
    format: 'openfpa-store',
    version: STORE_VERSION,
    exportedAt,
    data: Object.fromEntries(
      STORE_NAMES.map((s) => [s, [...tables[s].values()].map(clone)]),
    ) as unknown as StoreBundle['data'],
  });
  const changed = async (): Promise<void> => {
    await options.onChange?.(snapshot(''));
  };

  return {
    mode: 'workbook',
    async list(store) {
      return [...tables[store].values()].map(clone);
    },
    async get(store, key) {
      const found = tables[store].get(key);
      return found === undefined ? undefined : clone(found);
    },
    async put(store, record) {
      tables[store].set(keyOf(store, record), clone(record));
      await changed();
    },
    async remove(store, key) {
      tables[store].delete(key);
      await changed();
    },
    async exportAll(exportedAt) {
      return snapshot(exportedAt);
    },
    async importAll(bundle) {
      tables = load(validateBundle(bundle));
      await changed();
    },
    close() {
      /* nothing to release */
    },
  };
}
