/**
 * Validation of an import file. The whole file is checked before anything is written, so a corrupt
 * file changes nothing. Files from an earlier store version are brought up to date with the same
 * conversions as the database migrations.
 */
import { StoreErrors } from './errors';
import { nameParamsV1 } from './migrations';
import { STORE_NAMES, STORE_VERSION, StoreBundle, StoreName, StoreRecords } from './schema';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, message: string): never {
  throw StoreErrors.badImport(path, message);
}

function text(r: Json, field: string, path: string, allowEmpty = false): void {
  const v = r[field];
  if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) fail(`${path}.${field}`, 'must be text.');
}

function finite(r: Json, field: string, path: string, optional = false): void {
  const v = r[field];
  if (optional && v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${field}`, 'must be a finite number.');
}

function whole(r: Json, field: string, path: string, min: number): void {
  const v = r[field];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    fail(`${path}.${field}`, `must be a whole number ≥ ${min}.`);
}

function texts(r: Json, field: string, path: string): void {
  const v = r[field];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`${path}.${field}`, 'must be a list of text.');
}

function numberMap(v: unknown, path: string, lists: boolean): void {
  if (!isObject(v)) fail(path, 'must be an object.');
  for (const [k, x] of Object.entries(v)) {
    const ok = typeof x === 'number' || (lists && Array.isArray(x) && x.every((e) => typeof e === 'number'));
    if (!ok) fail(`${path}.${k}`, lists ? 'must be a number or a list of numbers.' : 'must be a number.');
  }
}

function checkCorrelation(v: unknown, path: string): void {
  if (v === undefined) return;
  if (!isObject(v)) fail(path, 'must be an object with names and matrix.');
  texts(v, 'names', path);
  const k = (v.names as string[]).length;
  const m = v.matrix;
  if (
    !Array.isArray(m) ||
    m.length !== k ||
    m.some((row) => !Array.isArray(row) || row.length !== k || row.some((x) => typeof x !== 'number'))
  ) {
    fail(`${path}.matrix`, `must be a ${k} × ${k} matrix of numbers.`);
  }
}

const RECORD_CHECKS: { [K in StoreName]: (r: Json, path: string) => void } = {
  drivers: (r, p) => {
    text(r, 'name', p);
    text(r, 'distribution', p);
    numberMap(r.params, `${p}.params`, true);
  },
  models: (r, p) => {
    text(r, 'name', p);
    text(r, 'expressions', p, true);
    texts(r, 'driverIds', p);
    checkCorrelation(r.correlation, `${p}.correlation`);
  },
  scenarios: (r, p) => {
    text(r, 'name', p);
    text(r, 'modelId', p);
    texts(r, 'outputs', p);
    whole(r, 'iterations', p, 2);
    whole(r, 'seed', p, 0);
    if (r.sampling !== 'lhs' && r.sampling !== 'mc') fail(`${p}.sampling`, 'must be "lhs" or "mc".');
    finite(r, 'convergenceTarget', p, true);
  },
  runs: (r, p) => {
    text(r, 'scenarioId', p);
    text(r, 'scenarioName', p);
    text(r, 'finishedAt', p);
    whole(r, 'iterations', p, 1);
    whole(r, 'seed', p, 0);
    if (!isObject(r.outputs)) fail(`${p}.outputs`, 'must be an object.');
    for (const [name, o] of Object.entries(r.outputs)) {
      const q = `${p}.outputs.${name}`;
      if (!isObject(o)) fail(q, 'must be an object.');
      ['mean', 'sd', 'min', 'max'].forEach((f) => finite(o, f, q));
      numberMap(o.percentiles, `${q}.percentiles`, false);
    }
  },
  settings: (r, p) => {
    if (r.key !== 'settings') fail(`${p}.key`, 'must be "settings".');
    whole(r, 'defaultIterations', p, 2);
    whole(r, 'defaultSeed', p, 0);
    text(r, 'numberFormat', p);
    text(r, 'backendUrl', p, true);
  },
  reviews: () => undefined,
  proposals: () => undefined,
  kpis: (r, p) => {
    text(r, 'name', p);
    text(r, 'ownerCostCentre', p, true);
    text(r, 'unit', p, true);
    if (r.direction !== 'higher' && r.direction !== 'lower') fail(`${p}.direction`, 'must be "higher" or "lower".');
    numberOrNullList(r.target, `${p}.target`);
    numberOrNullList(r.actual, `${p}.actual`);
    finite(r, 'priority', p, true);
    if (!Array.isArray(r.links)) fail(`${p}.links`, 'must be a list.');
    r.links.forEach((l: unknown, i: number) => {
      if (!isObject(l)) fail(`${p}.links[${i + 1}]`, 'must be an object.');
      text(l, 'line', `${p}.links[${i + 1}]`);
      text(l, 'kpi', `${p}.links[${i + 1}]`);
      if (l.lag !== undefined) whole(l, 'lag', `${p}.links[${i + 1}]`, 0);
      if (l.response === undefined) return;
      if (!isObject(l.response)) fail(`${p}.links[${i + 1}].response`, 'must be an object.');
      finite(l.response, 'perUnit', `${p}.links[${i + 1}].response`);
      finite(l.response, 'sd', `${p}.links[${i + 1}].response`, true);
      finite(l.response, 'saturation', `${p}.links[${i + 1}].response`, true);
    });
  },
  adjustments: (r, p) => {
    text(r, 'line', p);
    finite(r, 'before', p);
    finite(r, 'after', p);
    if (!isObject(r.context)) fail(`${p}.context`, 'must be an object.');
    if (!isObject(r.expected)) fail(`${p}.expected`, 'must be an object.');
  },
  forecasts: (r, p) => {
    text(r, 'series', p);
    whole(r, 'origin', p, -1);
    text(r, 'method', p);
    numberOrNullList(r.mean, `${p}.mean`);
    numberOrNullList(r.errors, `${p}.errors`);
  },
};

function numberOrNullList(v: unknown, path: string): void {
  if (!Array.isArray(v) || v.some((x) => x !== null && (typeof x !== 'number' || !Number.isFinite(x))))
    fail(path, 'must be a list of numbers (null for a missing one).');
}

/**
 * Stores a file may leave out, with the first version whose files must hold them (a file from before
 * that version starts them empty). The reserved stores were always optional.
 */
const REQUIRED_FROM: Partial<Record<StoreName, number>> = {
  reviews: Infinity,
  proposals: Infinity,
  kpis: 3,
  adjustments: 3,
  forecasts: 3,
};

/** Converts a version-1 driver (positional params) to the current shape. */
function upgradeRecords(store: StoreName, records: unknown[], version: number): unknown[] {
  if (version < 2 && store === 'drivers') {
    return records.map((r) =>
      isObject(r) && Array.isArray(r.params)
        ? { ...r, params: nameParamsV1(String(r.distribution), r.params as (number | null)[]) }
        : r,
    );
  }
  return records;
}

/**
 * Checks an import file and returns it in the current version's shape.
 * @throws STORE_BAD_IMPORT naming the first bad field (e.g. "data.drivers[2].params.sd"),
 *   STORE_TOO_NEW for a file from a newer store version
 * @example validateBundle({ format: 'openfpa-store', version: 2, exportedAt: '2026-01-01T00:00:00Z', data: { drivers: [], models: [], scenarios: [], runs: [], settings: [] } }).data.reviews // []
 */
export function validateBundle(input: unknown): StoreBundle {
  if (!isObject(input)) fail('file', 'is not a JSON object.');
  if (input.format !== 'openfpa-store') fail('format', 'must be "openfpa-store".');
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    fail('version', 'must be a whole number ≥ 1.');
  if (version > STORE_VERSION) throw StoreErrors.tooNew(version, STORE_VERSION);
  if (typeof input.exportedAt !== 'string') fail('exportedAt', 'must be text.');
  if (!isObject(input.data)) fail('data', 'must be an object.');
  const data: Partial<{ [K in StoreName]: StoreRecords[K][] }> = {};
  for (const store of STORE_NAMES) {
    const given = input.data[store];
    if (given === undefined && version < (REQUIRED_FROM[store] ?? 1)) {
      (data as Record<string, unknown[]>)[store] = [];
      continue;
    }
    if (!Array.isArray(given)) fail(`data.${store}`, 'must be a list.');
    const records = upgradeRecords(store, given, version);
    const keys = new Set<string>();
    records.forEach((r, i) => {
      const path = `data.${store}[${i + 1}]`;
      if (!isObject(r)) fail(path, 'must be an object.');
      const keyField = store === 'settings' ? 'key' : 'id';
      text(r, keyField, path);
      const key = r[keyField] as string;
      if (keys.has(key)) fail(`${path}.${keyField}`, `"${key}" appears twice.`);
      keys.add(key);
      RECORD_CHECKS[store](r, path);
    });
    (data as Record<string, unknown[]>)[store] = records;
  }
  return {
    format: 'openfpa-store',
    version: STORE_VERSION,
    exportedAt: input.exportedAt,
    data: data as StoreBundle['data'],
  };
}
