/**
 * Opens the local store with the workbook fallback: try IndexedDB; if it is unavailable, keep
 * records in memory, seeded from the workbook copy and saved back to it on every change. The result
 * says which happened and why, so the pane can tell the user. An empty browser store is filled from
 * the workbook copy, so a colleague opening the workbook sees the same drivers.
 */
import { isFpaError } from '../errors';
import { openIdbRepository, OpenOptions } from './idb-repository';
import { createMemoryRepository } from './memory-repository';
import { Repository } from './repository';
import { StoreBundle } from './schema';

/** Where the workbook keeps its copy of the model (document settings or a custom XML part). */
export interface WorkbookCopy {
  load(): Promise<StoreBundle | null>;
  save(bundle: StoreBundle): Promise<void>;
}

export interface OpenedStore {
  repository: Repository;
  /** Why IndexedDB was not used, when it was not. */
  problem?: string;
}

/**
 * @example (await openStore(copy)).repository.mode // "indexeddb" in a browser, "workbook" without IndexedDB
 */
export async function openStore(copy: WorkbookCopy, options: OpenOptions = {}): Promise<OpenedStore> {
  let repository: Repository;
  try {
    repository = await openIdbRepository(options);
  } catch (error) {
    const problem = isFpaError(error) ? error.fullMessage : String(error);
    const initial = await copy.load().catch(() => null);
    return { repository: createMemoryRepository({ initial, onChange: (bundle) => copy.save(bundle) }), problem };
  }
  // A workbook opened on a machine where this browser store is empty (a colleague's, or after the
  // store was wiped) brings its model along.
  const empty = (await repository.list('drivers')).length === 0 && (await repository.list('models')).length === 0;
  if (!empty) return { repository };
  try {
    const saved = await copy.load();
    if (saved) await repository.importAll(saved);
    return { repository };
  } catch (error) {
    return {
      repository,
      problem: `The model saved in the workbook could not be read: ${isFpaError(error) ? error.fullMessage : String(error)}`,
    };
  }
}
