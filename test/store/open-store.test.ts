import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { migrate } from '../../src/store/migrations';
import type { OpenFpaDB } from '../../src/store/schema';
import { openStore, WorkbookCopy } from '../../src/store/open-store';
import type { StoreBundle } from '../../src/store/schema';
import { bundle } from './fixtures';

function copyDouble(initial: StoreBundle | null): WorkbookCopy & { saved: StoreBundle[] } {
  const saved: StoreBundle[] = [];
  return { saved, load: async () => initial, save: async (b) => void saved.push(b) };
}

describe('openStore', () => {
  const original = globalThis.indexedDB;
  afterEach(() => {
    globalThis.indexedDB = original;
  });

  it('uses IndexedDB when it opens', async () => {
    globalThis.indexedDB = new IDBFactory();
    const { repository, problem } = await openStore(copyDouble(null));
    expect(repository.mode).toBe('indexeddb');
    expect(problem).toBeUndefined();
    repository.close();
  });

  it('fills an empty IndexedDB store from the workbook copy (a colleague opens the workbook)', async () => {
    globalThis.indexedDB = new IDBFactory();
    const { repository, problem } = await openStore(copyDouble(bundle()));
    expect(problem).toBeUndefined();
    expect((await repository.list('drivers')).map((d) => d.name).sort()).toEqual(['price', 'volume']);
    repository.close();
  });

  it('falls back to the workbook copy when IndexedDB is missing, and saves every change back', async () => {
    (globalThis as { indexedDB?: unknown }).indexedDB = undefined;
    const copy = copyDouble(bundle());
    const { repository, problem } = await openStore(copy);
    expect(repository.mode).toBe('workbook');
    expect(problem).toMatch(/^The local store \(IndexedDB\) is not available: this host has no IndexedDB\./);
    expect((await repository.list('drivers')).map((d) => d.name)).toEqual(['price', 'volume']);
    await repository.remove('drivers', 'd1');
    expect(copy.saved).toHaveLength(1);
    expect(copy.saved[0].data.drivers.map((d) => d.name)).toEqual(['volume']);
  });

  it('falls back when opening never answers (late IndexedDB)', async () => {
    // Another tab holds version 1 open and ignores the upgrade request: the open is blocked.
    globalThis.indexedDB = new IDBFactory();
    const holder = await openDB<OpenFpaDB>('openfpa', 1, { upgrade: (d, o, n, tx) => migrate(d, o, n ?? 1, tx) });
    const { repository, problem } = await openStore(copyDouble(null), { timeoutMs: 20 });
    expect(repository.mode).toBe('workbook');
    expect(problem).toContain('did not answer within 20 ms');
    holder.close();
  });

  it('falls back when opening throws', async () => {
    globalThis.indexedDB = {
      open: () => {
        throw new Error('SecurityError: access denied');
      },
    } as unknown as IDBFactory;
    const { problem } = await openStore(copyDouble(null));
    expect(problem).toContain('access denied');
  });
});
