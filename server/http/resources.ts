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
  /** The SQL expression of the record's cost centres (a text array): what access is checked on. */
  costCentres: string;
}

const OWN_CENTRE = 'ARRAY[cost_centre]';

export const RESOURCES = {
  model: {
    entity: 'model',
    table: 'models',
    key: 'id',
    columns: `id, cost_centre AS "costCentre", name, drivers, expression, version,
      created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`,
    costCentres: OWN_CENTRE,
  },
  scenario: {
    entity: 'scenario',
    table: 'scenarios',
    key: 'id',
    columns: 'id, model_id AS "modelId", name, overrides, created_by AS "createdBy", created_at AS "createdAt"',
    costCentres: '(SELECT ARRAY[m.cost_centre] FROM models m WHERE m.id = scenarios.model_id)',
  },
  version: {
    entity: 'version',
    table: 'budget_versions',
    key: 'id',
    columns: `id, cost_centre AS "costCentre", fiscal_year AS "fiscalYear", kind, name, number,
      parent_id AS "parentId", proposal_id AS "proposalId", lineage,
      created_by AS "createdBy", created_at AS "createdAt"`,
    costCentres: OWN_CENTRE,
  },
  proposal: {
    entity: 'proposal',
    table: 'proposals',
    key: 'id',
    // The model's Proposal (src/model/team-proposal.ts): lines, history, chain, versions made, and
    // its reversal link: the proposal it reverts, and its latest reversal with that one's state.
    columns: `id, state, version, cost_centre AS "costCentre", cost_centres AS "costCentres",
      fiscal_year AS "fiscalYear", amount::float8 AS amount, reason, lines, history, authors,
      created_by AS "createdBy", created_at AS "createdAt", updated_by AS "updatedBy", updated_at AS "updatedAt",
      submitted_by AS "submittedBy", submitted_at AS "submittedAt",
      reverts, reverted_by AS "revertedBy", reverted_at AS "revertedAt",
      (SELECT jsonb_build_object('id', r.id, 'state', r.state) FROM proposals r WHERE r.reverts = proposals.id
        ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS reversal,
      (SELECT coalesce(jsonb_agg(jsonb_build_object(
          'step', s.step_no, 'name', s.name, 'role', s.role, 'costCentre', s.scope,
          'minAmount', s.min_amount::float8, 'deadlineHours', s.deadline_hours, 'reminderHours', s.reminder_hours,
          'state', s.state, 'activatedAt', s.activated_at, 'dueAt', s.due_at, 'reminders', s.reminders,
          'decidedBy', s.decided_by, 'decidedAt', s.decided_at, 'comment', s.comment,
          'delayMs', CASE WHEN s.decided_at IS NULL THEN NULL
            ELSE greatest(0, floor(extract(epoch FROM s.decided_at - s.due_at) * 1000)) END,
          'overdue', s.state = 'pending' AND s.due_at < now(), 'addedFor', s.added_for) ORDER BY s.step_no), '[]'::jsonb)
        FROM proposal_steps s WHERE s.proposal_id = proposals.id) AS chain,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('id', v.id, 'costCentre', v.cost_centre, 'name', v.name,
          'action', v.lineage ->> 'action') ORDER BY v.number), '[]'::jsonb)
        FROM budget_versions v WHERE v.proposal_id = proposals.id) AS versions`,
    costCentres: 'cost_centres',
  },
  review: {
    entity: 'review',
    table: 'review_decisions',
    key: 'id',
    columns: `id, cost_centre AS "costCentre", flag_id AS "flagId", decision, comment,
      decided_by AS "decidedBy", decided_at AS "decidedAt", severity, amount`,
    costCentres: OWN_CENTRE,
  },
  kpi: {
    entity: 'kpi',
    table: 'kpis',
    key: 'id',
    // The model's TeamKpi (src/model/kpi.ts).
    columns: `id, owner_cost_centre AS "ownerCostCentre", name, unit, direction, priority, target, actual, links,
      version, created_by AS "createdBy", created_at AS "createdAt", updated_by AS "updatedBy", updated_at AS "updatedAt",
      archived_at AS "archivedAt", archived_by AS "archivedBy"`,
    costCentres: 'ARRAY[owner_cost_centre]',
  },
  adjustment: {
    entity: 'adjustment',
    table: 'adjustments',
    // Unique within its cost centre: routes name the cost centre beside the id.
    key: 'id',
    // The model's TeamAdjustment (src/model/kpi.ts); proposal is null when there was none.
    columns: `cost_centre AS "costCentre", id, line, kpi, proposal, before, after, context, expected, outcome,
      recorded_by AS "recordedBy", recorded_at AS "recordedAt", measured_by AS "measuredBy",
      forgotten_at AS "forgottenAt", forgotten_by AS "forgottenBy", forgotten_reason AS "forgottenReason"`,
    costCentres: OWN_CENTRE,
  },
  webhook: {
    entity: 'webhook',
    table: 'webhooks',
    key: 'id',
    columns: `id, url, format, events, cost_centres AS "costCentres", active, version, (secret IS NOT NULL) AS signed,
      created_by AS "createdBy", created_at AS "createdAt", updated_by AS "updatedBy", updated_at AS "updatedAt"`,
    // No list (or an empty one, made before lists needed an entry): only a token for every cost centre holds it.
    costCentres: "CASE WHEN cardinality(cost_centres) > 0 THEN cost_centres ELSE ARRAY['*'] END",
  },
} as const satisfies Record<string, Resource>;

export type ResourceKind = keyof typeof RESOURCES;
