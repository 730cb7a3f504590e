/**
 * The local store's typed schema (current version). One interface types every object store, its key
 * and its value, as idb's `DBSchema` expects. Records are plain JSON data so the same shapes travel
 * in the export file and in the workbook copy.
 */
import type { DBSchema } from 'idb';
import type { AdjustmentRecord, ForecastRecord, Kpi, KpiLink } from '../model/kpi';
import type { DriverSpec } from '../model/driver';

/** Current schema version. A new version adds a migration step; earlier steps never change. */
export const STORE_VERSION = 3;
export const DATABASE_NAME = 'openfpa';

/** A driver (the model's `DriverSpec`, src/model/driver.ts) as the pane stores it, with its id and note. */
export interface DriverRecord extends DriverSpec {
  id: string;
  /** Named parameters (v2); "values"/"probabilities" of the discrete family are lists. */
  params: Record<string, number | number[]>;
  /** Free text the user keeps with the driver. @default "" */
  note?: string;
}

/** A model: drivers it uses, `name = expression` lines and an optional rank-correlation target. */
export interface ModelRecord {
  id: string;
  name: string;
  /** One `name = expression` per line. */
  expressions: string;
  /** Ids of the drivers in this model. */
  driverIds: string[];
  correlation?: { names: string[]; matrix: number[][] };
  /** The team server's copy this model was saved as or taken from (id, cost centre, version last seen). */
  team?: { id: string; costCentre: string; version: number };
}

/** A saved scenario wizard setup. */
export interface ScenarioRecord {
  id: string;
  name: string;
  modelId: string;
  outputs: string[];
  iterations: number;
  seed: number;
  sampling: 'lhs' | 'mc';
  /** Relative precision at which to stop early (e.g. 0.005), when set. */
  convergenceTarget?: number;
}

/** The statistics of one output of one run, as kept for comparison. */
export interface OutputSummary {
  mean: number;
  sd: number;
  min: number;
  max: number;
  percentiles: Record<string, number>;
}

/** A finished run, kept so runs can be compared side by side. */
export interface RunSummaryRecord {
  id: string;
  scenarioId: string;
  scenarioName: string;
  /** ISO 8601 time the run finished (given by the pane; src/ reads no clock). */
  finishedAt: string;
  iterations: number;
  seed: number;
  outputs: Record<string, OutputSummary>;
}

/** User preferences; one record under the key "settings". */
export interface SettingsRecord {
  key: 'settings';
  defaultIterations: number;
  defaultSeed: number;
  /** Excel number format used when writing results, e.g. "#,##0.00". */
  numberFormat: string;
  /** Optional https URL of the OpenFPA backend ("" when not used). */
  backendUrl: string;
}

/**
 * A record of the review workflow (taskpane/review: flag reviews and the single-user identity in
 * `reviews`; proposals and their audit records in `proposals`, on the model's types). The store keeps
 * them opaque and round-trips them unchanged.
 */
export interface ReservedRecord {
  id: string;
  [field: string]: unknown;
}

/** A KPI with the budget lines linked to it (v3). */
export interface KpiRecord extends Kpi {
  links: KpiLink[];
  /**
   * The team server's copy once shared (src/connector/shared-kpis.ts): its id and the version last
   * read or written, which a change is sent against (If-Match). Absent in single-user mode.
   */
  shared?: { id: string; version: number };
}

/** A kept forecast (v3); id = `${series}@${origin}@${method}`. */
export interface ForecastStoreRecord extends ForecastRecord {
  id: string;
}

export interface StoreRecords {
  drivers: DriverRecord;
  models: ModelRecord;
  scenarios: ScenarioRecord;
  runs: RunSummaryRecord;
  settings: SettingsRecord;
  reviews: ReservedRecord;
  proposals: ReservedRecord;
  kpis: KpiRecord;
  adjustments: AdjustmentRecord;
  forecasts: ForecastStoreRecord;
}

export type StoreName = keyof StoreRecords;
export const STORE_NAMES: readonly StoreName[] = [
  'drivers',
  'models',
  'scenarios',
  'runs',
  'settings',
  'reviews',
  'proposals',
  'kpis',
  'adjustments',
  'forecasts',
];

export interface OpenFpaDB extends DBSchema {
  drivers: { key: string; value: DriverRecord; indexes: { name: string } };
  models: { key: string; value: ModelRecord };
  scenarios: { key: string; value: ScenarioRecord };
  runs: { key: string; value: RunSummaryRecord; indexes: { scenarioId: string } };
  settings: { key: string; value: SettingsRecord };
  reviews: { key: string; value: ReservedRecord };
  proposals: { key: string; value: ReservedRecord };
  kpis: { key: string; value: KpiRecord };
  adjustments: { key: string; value: AdjustmentRecord; indexes: { line: string } };
  forecasts: { key: string; value: ForecastStoreRecord; indexes: { series: string } };
}

export const DEFAULT_SETTINGS: Readonly<SettingsRecord> = Object.freeze({
  key: 'settings',
  defaultIterations: 10000,
  defaultSeed: 1,
  numberFormat: '#,##0.00',
  backendUrl: '',
});

/** Everything in the store, as exported to one JSON file. */
export interface StoreBundle {
  format: 'openfpa-store';
  version: number;
  exportedAt: string;
  data: { [K in StoreName]: StoreRecords[K][] };
}
