/** The domain shared by the core, the add-in, the connector and the server. */

// Values and names
export type { Cell } from './cell';
export * from './names';
export * from './limits';

// Planning data
export type { DistributionParams, DriverSpec, DriverModel, NewDriverModel, NamedScenario } from './driver';
export type { BudgetLine, LineDrivers, DriverSeries, VersionLine, ActualRow } from './budget-line';
export * from './version';

// Review and decisions
export * from './flag';
export * from './review';
export * from './roles';
export * from './proposal';
export * from './approval-chain';
export * from './team-proposal';
export { newProposal, allowedActions, transition } from './proposal-machine';
export type { Actor } from './proposal-machine';
export * from './audit';

// KPIs and the loop's memory
export type {
  Kpi,
  KpiDirection,
  KpiLink,
  KpiDefinition,
  TeamKpi,
  TeamAdjustment,
  EnteredKpiResponse,
  AdjustmentContext,
  AdjustmentReason,
  AdjustmentOutcome,
  AdjustmentRecord,
  ForecastRecord,
} from './kpi';

// Errors
export { ModelErrors } from './errors';
