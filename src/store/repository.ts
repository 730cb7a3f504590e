/**
 * The store's public interface, shared by the IndexedDB implementation and the in-memory one used
 * when IndexedDB fails (backed by the workbook copy). The views only see `Repository`.
 */
import type { StoreBundle, StoreName, StoreRecords } from './schema';

export type StoreMode = 'indexeddb' | 'workbook';

export interface Repository {
  /** Where records live: the browser's IndexedDB, or only the workbook copy (fallback). */
  readonly mode: StoreMode;
  list<K extends StoreName>(store: K): Promise<StoreRecords[K][]>;
  get<K extends StoreName>(store: K, key: string): Promise<StoreRecords[K] | undefined>;
  put<K extends StoreName>(store: K, record: StoreRecords[K]): Promise<void>;
  remove(store: StoreName, key: string): Promise<void>;
  /** Everything, as one JSON-ready bundle. `exportedAt` is given by the caller (src/ reads no clock). */
  exportAll(exportedAt: string): Promise<StoreBundle>;
  /**
   * Replaces everything with the bundle's contents, after validating all of it.
   * @throws STORE_BAD_IMPORT / STORE_TOO_NEW, in which case nothing was changed
   */
  importAll(bundle: unknown): Promise<void>;
  close(): void;
}

/** The key of a record: `key` for settings, `id` elsewhere. */
export function keyOf<K extends StoreName>(store: K, record: StoreRecords[K]): string {
  return store === 'settings' ? (record as StoreRecords['settings']).key : (record as { id: string }).id;
}
