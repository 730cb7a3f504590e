import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { migrate, nameParamsV1 } from '../../src/store/migrations';
import { openIdbRepository } from '../../src/store/idb-repository';
import type { OpenFpaDB } from '../../src/store/schema';
import { ADJUSTMENT, FORECAST, KPI, V1_DRIVERS, bundle } from './fixtures';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** Creates the database exactly as release 1 left it, with data. */
async function seedVersion1(): Promise<void> {
  const db = await openDB<OpenFpaDB>('openfpa', 1, { upgrade: (d, o, n, tx) => migrate(d, o, n ?? 1, tx) });
  const raw = db as unknown as { put(store: string, value: unknown): Promise<unknown> };
  for (const d of V1_DRIVERS) await raw.put('drivers', d);
  await raw.put('models', {
    id: 'm1',
    name: 'Revenue',
    expressions: 'revenue = price * volume',
    driverIds: ['d1', 'd2'],
  });
  await raw.put('runs', {
    id: 'r1',
    scenarioId: 's1',
    scenarioName: 'Base',
    finishedAt: 'x',
    iterations: 10,
    seed: 1,
    outputs: {},
  });
  await raw.put('settings', {
    key: 'settings',
    defaultIterations: 5000,
    defaultSeed: 9,
    numberFormat: '0.0',
    backendUrl: '',
  });
  expect([...db.objectStoreNames].sort()).toEqual(['drivers', 'models', 'runs', 'scenarios', 'settings']);
  db.close();
}

/** Creates the database exactly as release 2 left it, holding every store's records of a v2 export. */
async function seedVersion2(): Promise<void> {
  const db = await openDB<OpenFpaDB>('openfpa', 2, { upgrade: (d, o, n, tx) => migrate(d, o, n ?? 2, tx) });
  const raw = db as unknown as { put(store: string, value: unknown): Promise<unknown> };
  const data = bundle().data;
  for (const store of ['drivers', 'models', 'scenarios', 'runs', 'settings', 'reviews', 'proposals'] as const)
    for (const record of data[store]) await raw.put(store, record);
  await raw.put('proposals', { id: 'p1', state: 'submitted', moves: [{ line: 'CC01-A', amount: 500 }] });
  expect(db.version).toBe(2);
  expect([...db.objectStoreNames]).not.toContain('kpis');
  db.close();
}

describe('nameParamsV1', () => {
  it('names positional parameters per family and drops empty slots', () => {
    expect(nameParamsV1('pert', [1, 2, 4, null])).toEqual({ min: 1, mode: 2, max: 4 });
    expect(nameParamsV1('Truncated-Normal', [0, 1, -1, 1])).toEqual({ mean: 0, sd: 1, min: -1, max: 1 });
  });
  it('keeps values of an unknown family as param1..paramN', () => {
    expect(nameParamsV1('custom', [5, 6])).toEqual({ param1: 5, param2: 6 });
  });
});

describe('migrations', () => {
  it('v1 → v2 converts every driver and keeps every other record', async () => {
    await seedVersion1();
    const repo = await openIdbRepository();
    const drivers = (await repo.list('drivers')).sort((a, b) => a.id.localeCompare(b.id));
    expect(drivers).toEqual([
      { id: 'd1', name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } },
      { id: 'd2', name: 'volume', distribution: 'PERT', params: { min: 800, mode: 1000, max: 1400 } },
      { id: 'd3', name: 'mix', distribution: 'discrete', params: { values: [1, 2], probabilities: [0.25, 0.75] } },
      { id: 'd4', name: 'odd', distribution: 'custom', params: { param1: 1, param2: 2 } },
    ]);
    expect(await repo.get('models', 'm1')).toMatchObject({ name: 'Revenue' });
    expect((await repo.list('runs')).length).toBe(1);
    expect(await repo.get('settings', 'settings')).toMatchObject({ defaultSeed: 9 });
    expect(await repo.list('reviews')).toEqual([]);
    expect(await repo.list('proposals')).toEqual([]);
    repo.close();
  });

  it('v2 → v3 keeps every record of every store and adds the loop stores, empty and usable', async () => {
    await seedVersion2();
    const repo = await openIdbRepository();
    const data = bundle().data;
    const byId = (xs: readonly { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await repo.list('drivers'))).toEqual(byId(data.drivers));
    expect(await repo.list('models')).toEqual(data.models);
    expect(await repo.list('scenarios')).toEqual(data.scenarios);
    expect(await repo.list('runs')).toEqual(data.runs);
    expect(await repo.list('reviews')).toEqual(data.reviews);
    expect(await repo.list('settings')).toEqual(data.settings);
    expect(await repo.list('proposals')).toEqual([
      { id: 'p1', state: 'submitted', moves: [{ line: 'CC01-A', amount: 500 }] },
    ]);
    expect(await repo.list('kpis')).toEqual([]);
    expect(await repo.list('adjustments')).toEqual([]);
    expect(await repo.list('forecasts')).toEqual([]);
    await repo.put('kpis', KPI);
    await repo.put('adjustments', ADJUSTMENT);
    await repo.put('forecasts', FORECAST);
    expect(await repo.get('adjustments', ADJUSTMENT.id)).toEqual(ADJUSTMENT);
    repo.close();
    const db = await openDB<OpenFpaDB>('openfpa');
    expect(db.version).toBe(3);
    expect(await db.getAllFromIndex('adjustments', 'line', 'CC01-A')).toEqual([ADJUSTMENT]);
    expect(await db.getAllFromIndex('forecasts', 'series', 'CC01-A')).toEqual([FORECAST]);
    expect(await db.getAllFromIndex('drivers', 'name', 'price')).toHaveLength(1);
    db.close();
  });

  it('v1 → v3 in one upgrade runs both steps', async () => {
    await seedVersion1();
    const repo = await openIdbRepository();
    expect(await repo.get('drivers', 'd2')).toMatchObject({ params: { min: 800, mode: 1000, max: 1400 } });
    expect(await repo.list('kpis')).toEqual([]);
    repo.close();
  });

  it('a fresh database is created at the current version with all stores', async () => {
    const repo = await openIdbRepository();
    await repo.put('drivers', { id: 'a', name: 'a', distribution: 'uniform', params: { min: 0, max: 1 } });
    expect(await repo.list('drivers')).toHaveLength(1);
    repo.close();
    const db = await openDB('openfpa');
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual([
      'adjustments',
      'drivers',
      'forecasts',
      'kpis',
      'models',
      'proposals',
      'reviews',
      'runs',
      'scenarios',
      'settings',
    ]);
    db.close();
  });

  it('reopening the current version changes nothing', async () => {
    await seedVersion1();
    (await openIdbRepository()).close();
    const again = await openIdbRepository();
    expect(await again.get('drivers', 'd1')).toEqual({
      id: 'd1',
      name: 'price',
      distribution: 'normal',
      params: { mean: 130, sd: 10 },
    });
    again.close();
  });
});
