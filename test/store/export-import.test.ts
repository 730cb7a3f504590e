import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openIdbRepository } from '../../src/store/idb-repository';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { validateBundle } from '../../src/store/validate-bundle';
import type { Repository } from '../../src/store/repository';
import { ADJUSTMENT, FORECAST, KPI, bundle } from './fixtures';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const implementations: [string, () => Promise<Repository>][] = [
  ['indexeddb', () => openIdbRepository()],
  ['memory', async () => createMemoryRepository()],
];

describe.each(implementations)('%s repository', (_label, open) => {
  it('round-trips everything through export and import', async () => {
    const first = await open();
    await first.importAll(bundle());
    const exported = await first.exportAll('2026-11-23T11:00:00.000Z');
    expect(exported.exportedAt).toBe('2026-11-23T11:00:00.000Z');
    const sortById = <T extends { id?: string }>(xs: T[]) =>
      [...xs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(sortById(exported.data.drivers)).toEqual(bundle().data.drivers);
    expect(exported.data.reviews).toEqual([{ id: 'rv1', anything: { kept: true } }]);
    expect(exported.data.kpis).toEqual([KPI]);
    expect(exported.data.adjustments).toEqual([ADJUSTMENT]);
    expect(exported.data.forecasts).toEqual([FORECAST]);
    const json = JSON.parse(JSON.stringify(exported)) as unknown;
    const second = createMemoryRepository();
    await second.importAll(json);
    expect(await second.exportAll(exported.exportedAt)).toEqual(exported);
    first.close();
  });

  it('rejects a corrupt import with a clear message and changes nothing', async () => {
    const repo = await open();
    await repo.importAll(bundle());
    const before = await repo.exportAll('t');
    const corrupt = bundle() as unknown as { data: { drivers: { params: unknown }[]; models: unknown[] } };
    corrupt.data.models = [];
    corrupt.data.drivers[1].params = { min: 'eight hundred' };
    await expect(repo.importAll(corrupt)).rejects.toMatchObject({
      code: 'STORE_BAD_IMPORT',
      message: 'Import rejected at data.drivers[2].params.min: must be a number or a list of numbers.',
    });
    expect(await repo.exportAll('t')).toEqual(before);
    repo.close();
  });

  it('put, get, list and remove', async () => {
    const repo = await open();
    await repo.put('settings', {
      key: 'settings',
      defaultIterations: 100,
      defaultSeed: 1,
      numberFormat: '0',
      backendUrl: '',
    });
    await repo.put('drivers', { id: 'x', name: 'x', distribution: 'normal', params: { mean: 0, sd: 1 } });
    expect(await repo.get('settings', 'settings')).toMatchObject({ defaultIterations: 100 });
    await repo.remove('drivers', 'x');
    expect(await repo.list('drivers')).toEqual([]);
    repo.close();
  });
});

describe('validateBundle', () => {
  it.each([
    [null, 'STORE_BAD_IMPORT', 'file'],
    [{ ...bundle(), format: 'other' }, 'STORE_BAD_IMPORT', 'format'],
    [{ ...bundle(), version: 4 }, 'STORE_TOO_NEW', 'version'],
    [{ ...bundle(), data: { ...bundle().data, runs: 'none' } }, 'STORE_BAD_IMPORT', 'data.runs'],
    [
      { ...bundle(), data: { ...bundle().data, drivers: [bundle().data.drivers[0], bundle().data.drivers[0]] } },
      'STORE_BAD_IMPORT',
      'data.drivers[2].id',
    ],
    [
      { ...bundle(), data: { ...bundle().data, scenarios: [{ ...bundle().data.scenarios[0], sampling: 'sobol' }] } },
      'STORE_BAD_IMPORT',
      'data.scenarios[1].sampling',
    ],
    [
      {
        ...bundle(),
        data: {
          ...bundle().data,
          models: [{ ...bundle().data.models[0], correlation: { names: ['a'], matrix: [[1, 0]] } }],
        },
      },
      'STORE_BAD_IMPORT',
      'data.models[1].correlation.matrix',
    ],
    [
      { ...bundle(), data: { ...bundle().data, kpis: [{ ...KPI, direction: 'up' }] } },
      'STORE_BAD_IMPORT',
      'data.kpis[1].direction',
    ],
    [
      { ...bundle(), data: { ...bundle().data, kpis: [{ ...KPI, links: [{ line: 'CC01-A' }] }] } },
      'STORE_BAD_IMPORT',
      'data.kpis[1].links[1].kpi',
    ],
    [
      { ...bundle(), data: { ...bundle().data, kpis: [{ ...KPI, links: [{ line: 'CC01-A', kpi: 'K', lag: -1 }] }] } },
      'STORE_BAD_IMPORT',
      'data.kpis[1].links[1].lag',
    ],
    [
      {
        ...bundle(),
        data: {
          ...bundle().data,
          kpis: [{ ...KPI, links: [{ line: 'CC01-A', kpi: 'K', response: { perUnit: 'a' } }] }],
        },
      },
      'STORE_BAD_IMPORT',
      'data.kpis[1].links[1].response.perUnit',
    ],
    [
      { ...bundle(), data: { ...bundle().data, adjustments: [{ ...ADJUSTMENT, after: 'more' }] } },
      'STORE_BAD_IMPORT',
      'data.adjustments[1].after',
    ],
    [
      { ...bundle(), data: { ...bundle().data, forecasts: [{ ...FORECAST, errors: [1, 'x'] }] } },
      'STORE_BAD_IMPORT',
      'data.forecasts[1].errors',
    ],
    [{ ...bundle(), data: { ...bundle().data, forecasts: undefined } }, 'STORE_BAD_IMPORT', 'data.forecasts'],
  ])('rejects %#', (input, code, field) => {
    expect(() => validateBundle(input)).toThrow(expect.objectContaining({ code, field }));
  });

  it('upgrades a version-1 export (positional driver params)', () => {
    const v1 = {
      ...bundle(),
      version: 1,
      data: { ...bundle().data, drivers: [{ id: 'd', name: 'p', distribution: 'uniform', params: [0, 1] }] },
    };
    expect(validateBundle(v1).data.drivers[0].params).toEqual({ min: 0, max: 1 });
    expect(validateBundle(v1).version).toBe(3);
  });

  it('reads a version-2 export: the loop stores start empty, everything else is kept', () => {
    const { kpis, adjustments, forecasts, ...v2data } = bundle().data;
    expect([kpis.length, adjustments.length, forecasts.length]).toEqual([1, 1, 1]);
    const read = validateBundle({ ...bundle(), version: 2, data: v2data });
    expect(read.version).toBe(3);
    expect(read.data.kpis).toEqual([]);
    expect(read.data.adjustments).toEqual([]);
    expect(read.data.forecasts).toEqual([]);
    expect(read.data.drivers).toEqual(bundle().data.drivers);
    expect(read.data.runs).toEqual(bundle().data.runs);
  });
});
