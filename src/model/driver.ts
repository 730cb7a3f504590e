/**
 * A driver: one uncertain input of a scenario model (a name, a distribution family and its
 * parameters), and the driver model that groups drivers with the expression over them. The
 * scenario engine, the driver table readers, the pane's store, the connector and the server all
 * use these shapes; the name rule is `isName` (names.ts).
 */

/** Parameters as given by the user, by name: numbers, or value lists for the discrete family. */
export type DistributionParams = Readonly<Record<string, number | readonly number[] | undefined>>;

/** One driver as the user specifies it. @example { name: 'units', distribution: 'pert', params: { min: 80, mode: 100, max: 130 } } */
export interface DriverSpec {
  name: string;
  /** A family of the scenario catalogue or one of its aliases ("normal", "pert", "triang", …). */
  distribution: string;
  params: DistributionParams;
}

/** A saved driver model: drivers and the model expression ("name = expression" per line), per cost centre. */
export interface DriverModel {
  id: string;
  costCentre: string;
  name: string;
  expression: string;
  drivers: DriverSpec[];
  /** Optimistic-concurrency version: 1 when created, +1 per change. */
  version: number;
}

/** What creating a driver model sends. */
export type NewDriverModel = Omit<DriverModel, 'id' | 'version'>;

/** A named scenario of a model: parameter overrides per driver name. */
export interface NamedScenario {
  id: string;
  modelId: string;
  name: string;
  overrides: Record<string, Record<string, unknown>>;
}
