/** The local store: typed schema, migrations, IndexedDB with a workbook fallback, export/import. */
export * from './schema';
export { StoreErrors } from './errors';
export { nameParamsV1 } from './migrations';
export type { DriverRecordV1 } from './migrations';
export { validateBundle } from './validate-bundle';
export type { Repository, StoreMode } from './repository';
export { createMemoryRepository } from './memory-repository';
export { openIdbRepository } from './idb-repository';
export type { OpenOptions } from './idb-repository';
export { openStore } from './open-store';
export type { OpenedStore, WorkbookCopy } from './open-store';
