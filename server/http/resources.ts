/**
 * The stored records the API serves by id: their table, key, the columns a response carries (in the
 * API's camelCase) and the name the audit log and error messages use. The policy looks cost centres
 * up here; the route helpers read and lock records through it.
 */
import type { AuditEntity } from '../../src/model/audit';

export interface Resource {
  /** The record's name in the audit log and in messages ("model", "proposal", …). */
  entity: AuditEntity;
  table: string;
  key: string;
  /** The SELECT list of a response. */
  columns: string;
}

export const RESOURCES = {
  model: {
    entity: 'model',
    table: 'models',
    key: 'id',
    columns: `id, cost_centre AS "costCentre", name, drivers, expression, version,
      created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`,
  },
  scenario: {
    entity: 'scenario',
    table: 'scenarios',
    key: 'id',
    columns: 'id, model_id AS "modelId", name, overrides, created_by AS "createdBy", created_at AS "createdAt"',
  },
  version: {
    entity: 'version',
    table: 'budget_versions',
    key: 'id',
    columns: `id, cost_centre AS "costCentre", fiscal_year AS "fiscalYear", kind, name,
      created_by AS "createdBy", created_at AS "createdAt"`,
  },
  proposal: {
    entity: 'proposal',
    table: 'proposals',
    key: 'id',
    columns: `id, cost_centre AS "costCentre", to_cost_centre AS "toCostCentre", account, amount::float8 AS amount,
      reason, state, version, created_by AS "createdBy", updated_by AS "updatedBy",
      created_at AS "createdAt", updated_at AS "updatedAt"`,
  },
  review: {
    entity: 'review',
    table: 'review_decisions',
    key: 'id',
    columns: `id, cost_centre AS "costCentre", flag_id AS "flagId", decision, comment,
      decided_by AS "decidedBy", decided_at AS "decidedAt"`,
  },
  batch: {
    entity: 'actuals_batch',
    table: 'actual_batches',
    key: 'batch_id',
    columns: `batch_id AS "batchId", cost_centre AS "costCentre", row_count AS "rowCount",
      (SELECT count(*)::int FROM actuals a WHERE a.batch_id = actual_batches.batch_id) AS "storedRows",
      imported_by AS "importedBy", imported_at AS "importedAt"`,
  },
} as const satisfies Record<string, Resource>;

export type ResourceKind = keyof typeof RESOURCES;
