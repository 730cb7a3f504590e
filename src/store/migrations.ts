/**
 * Cumulative schema migrations, run inside idb's `upgrade` callback. Each `if (oldVersion < n)` step
 * takes the database from version n − 1 to n, and is never edited once released: a change adds a
 * new step. Nothing is dropped: every record is carried forward.
 *
 * - v1: drivers (params as a positional list, the FPA.SCENARIO.MC table's param1..param4), models,
 *   scenarios, runs, settings.
 * - v2: drivers get named params; reserved stores for reviews and proposals; a name index on drivers.
 * - v3: the budget loop's stores: KPIs with their line links, the memory of adjustments (indexed by
 *   line) and kept forecasts for the track record (indexed by series). Nothing to convert.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { OpenFpaDB } from './schema';

/** Positional parameter names of each family as they stood when v1 was released (frozen copy). */
const V1_PARAMETER_ORDER: Readonly<Record<string, readonly string[]>> = {
  normal: ['mean', 'sd'],
  truncnormal: ['mean', 'sd', 'min', 'max'],
  lognormal: ['mean', 'sd'],
  lognormal2: ['mu', 'sigma'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max', 'shape'],
  beta: ['alpha', 'beta', 'min', 'max'],
  gamma: ['shape', 'scale'],
  student: ['df', 'location', 'scale'],
  discrete: ['values', 'probabilities'],
  bernoulli: ['p'],
  poisson: ['lambda'],
};

/** Family aliases v1 accepted (frozen copy). */
const V1_ALIASES: Readonly<Record<string, string>> = {
  norm: 'normal',
  truncatednormal: 'truncnormal',
  truncnorm: 'truncnormal',
  lognorm: 'lognormal',
  lognorm2: 'lognormal2',
  triang: 'triangular',
  t: 'student',
  studentt: 'student',
  unif: 'uniform',
  bern: 'bernoulli',
};

/** A v1 driver record, as stored before the v2 migration. */
export interface DriverRecordV1 {
  id: string;
  name: string;
  distribution: string;
  params: (number | number[] | null)[];
}

/**
 * Names a v1 positional parameter list. Unknown families keep their values as param1..paramN so
 * nothing is lost; empty slots (null) are dropped, as optional parameters.
 * @example nameParamsV1('pert', [1, 2, 4]) // { min: 1, mode: 2, max: 4 }
 */
export function nameParamsV1(
  distribution: string,
  params: readonly (number | number[] | null)[],
): Record<string, number | number[]> {
  const key = distribution.toLowerCase().replace(/[\s_\-.]/g, '');
  const names = V1_PARAMETER_ORDER[key] ?? V1_PARAMETER_ORDER[V1_ALIASES[key]] ?? [];
  const out: Record<string, number | number[]> = {};
  params.forEach((value, i) => {
    if (value === null || value === undefined) return;
    out[names[i] ?? `param${i + 1}`] = value;
  });
  return out;
}

type UpgradeTx = IDBPTransaction<OpenFpaDB, StoreNames<OpenFpaDB>[], 'versionchange'>;

/**
 * idb `upgrade` callback: applies every step above `oldVersion` up to `newVersion` (a bounded target
 * lets tests create a database exactly as an earlier release left it).
 */
export async function migrate(
  db: IDBPDatabase<OpenFpaDB>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
): Promise<void> {
  // The v1 schema is untyped here on purpose: its driver shape differs from the current one.
  const raw = db as unknown as IDBPDatabase;
  if (oldVersion < 1) {
    raw.createObjectStore('drivers', { keyPath: 'id' });
    raw.createObjectStore('models', { keyPath: 'id' });
    raw.createObjectStore('scenarios', { keyPath: 'id' });
    raw.createObjectStore('runs', { keyPath: 'id' }).createIndex('scenarioId', 'scenarioId');
    raw.createObjectStore('settings', { keyPath: 'key' });
  }
  if (oldVersion < 2 && newVersion >= 2) {
    db.createObjectStore('reviews', { keyPath: 'id' });
    db.createObjectStore('proposals', { keyPath: 'id' });
    const drivers = (tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>).objectStore('drivers');
    drivers.createIndex('name', 'name');
    let cursor = await drivers.openCursor();
    while (cursor) {
      const old = cursor.value as DriverRecordV1 | { params: unknown };
      if (Array.isArray(old.params)) {
        const v1 = old as DriverRecordV1;
        await cursor.update({ ...v1, params: nameParamsV1(v1.distribution, v1.params) });
      }
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < 3 && newVersion >= 3) {
    db.createObjectStore('kpis', { keyPath: 'id' });
    db.createObjectStore('adjustments', { keyPath: 'id' }).createIndex('line', 'line');
    db.createObjectStore('forecasts', { keyPath: 'id' }).createIndex('series', 'series');
  }
}
