import type { FastifyInstance } from 'fastify';
import type { KpiDefinition } from '../../src/model/kpi';
import { MAX_AMOUNT, MAX_KPI_LAG, MAX_KPI_LINKS, MAX_KPI_PERIODS } from '../../src/model/limits';
import { ServerErrors } from '../errors';
import { createRoute, getByIdRoute, costCentreListRoute, updateRoute } from '../http/record-routes';
import { BY_CREATION } from '../http/paging';
import { RESOURCES } from '../http/resources';
import { byRecord } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

const KPI = RESOURCES.kpi;

/** A period's value: a number, or null when there is none (no target, actual not yet known). */
const series = {
  type: 'array',
  maxItems: MAX_KPI_PERIODS,
  // `nullable`, not anyOf with null: the validator coerces types, and would turn null into 0 in anyOf.
  items: { type: 'number', minimum: -MAX_AMOUNT, maximum: MAX_AMOUNT, nullable: true },
} as const;

/** A budget line id as the pane reads it from the sheet (the characters of a flag id's line). */
const lineId = { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,120}$' } as const;

/** A budget line linked to the KPI: its lag and, when entered by hand, its response (src/model/kpi.ts KpiLink). */
const link = {
  type: 'object',
  required: ['line'],
  additionalProperties: false,
  properties: {
    line: lineId,
    lag: { type: 'integer', minimum: 0, maximum: MAX_KPI_LAG },
    response: {
      type: 'object',
      required: ['perUnit'],
      additionalProperties: false,
      properties: {
        perUnit: { type: 'number', minimum: -MAX_AMOUNT, maximum: MAX_AMOUNT },
        sd: { type: 'number', minimum: 0, maximum: MAX_AMOUNT },
        saturation: { type: 'number', exclusiveMinimum: 0, maximum: MAX_AMOUNT },
      },
    },
  },
} as const;

/** What may change of a KPI: everything but its owner (a KPI does not move between cost centres). */
const definition = {
  name: S.name,
  // Free text ("EUR", "%", "leads per month"); may be empty.
  unit: S.label,
  direction: { type: 'string', enum: ['higher', 'lower'] },
  priority: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
  target: series,
  actual: series,
  links: { type: 'array', maxItems: MAX_KPI_LINKS, items: link },
} as const;
const required = ['name', 'unit', 'direction', 'priority', 'target', 'actual', 'links'];

/** The stored KPI (TeamKpi), as the API answers it. */
const kpi = {
  type: 'object',
  properties: {
    id: S.uuid,
    ownerCostCentre: S.costCentre,
    ...definition,
    version: S.version,
    createdBy: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
    archivedAt: { type: 'string', format: 'date-time', nullable: true },
    archivedBy: { type: 'string', nullable: true },
  },
} as const;

/** An archived (deleted) KPI takes no more changes: 409 carrying it. */
function checkLive(current: Record<string, unknown>): void {
  if (current.archivedAt !== null) throw ServerErrors.archived('KPI', String(current.id), current);
}

/** Refuses what the schema cannot say: a line linked twice. */
function checkLinks(body: Pick<KpiDefinition, 'links'>): void {
  const seen = new Set<string>();
  for (const { line } of body.links) {
    if (seen.has(line)) throw ServerErrors.badRequest(`Line ${line} is linked to this KPI twice; link it once.`);
    seen.add(line);
  }
}

const json = (value: unknown) => JSON.stringify(value);

/** The definition's columns name … links, as SQL values in that order (series and links as JSON). */
const definitionValues = (body: Omit<KpiDefinition, 'ownerCostCentre'>) => [
  body.name,
  body.unit,
  body.direction,
  body.priority,
  json(body.target),
  json(body.actual),
  json(body.links),
];

/**
 * KPI definitions (src/model/kpi.ts): each owned by one cost centre, with its target and actual
 * series and the budget lines whose spend moves it. Anyone of the cost centre reads them; only the
 * owning cost centre's editors and finance (the `kpi` grant, within their cost centres) create and
 * change and delete them. Changes are versioned (If-Match) and audited.
 *
 * Deleting archives: the row keeps its series and links (the application holds no DELETE on the
 * table), leaves the list (`archived=true` lists it too, so panes drop their copies), takes no more
 * changes (409) and frees its name. The budget lines it linked lose nothing: a link is the KPI's own
 * part, read with it, and the allocation stops aiming at it. Remembered moves that cite the KPI keep
 * their record and outcome as they were.
 */
export function kpiRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['kpis'];
  costCentreListRoute(app, db, {
    url: '/api/kpis',
    tags,
    summary: 'KPIs owned by a cost centre, oldest first (the deleted ones too with archived=true)',
    item: kpi,
    source: KPI,
    costCentre: 'owner_cost_centre = $',
    filters: { archived: { schema: { type: 'boolean', default: false }, where: '($ OR archived_at IS NULL)' } },
    // By creation, which a KPI keeps for life: by name (and live before archived), a KPI renamed or
    // deleted between two pages showed twice or not at all in that walk (paging.ts).
    order: BY_CREATION,
  });

  createRoute<KpiDefinition>(app, db, {
    url: '/api/kpis',
    tags,
    summary: 'Define a KPI of a cost centre (its owner or finance)',
    access: { action: 'kpi', scopes: [{ from: 'body', key: 'ownerCostCentre' }] },
    body: {
      type: 'object',
      required: ['ownerCostCentre', ...required],
      additionalProperties: false,
      properties: { ownerCostCentre: S.costCentre, ...definition },
    },
    response: kpi,
    resource: KPI,
    check: checkLinks,
    insert: async ({ tx, body, user }) =>
      (
        await tx.query(
          `INSERT INTO kpis (owner_cost_centre, name, unit, direction, priority, target, actual, links, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $9)
           ON CONFLICT (owner_cost_centre, name) WHERE archived_at IS NULL DO NOTHING RETURNING ${KPI.columns}`,
          [body.ownerCostCentre, ...definitionValues(body), user.id],
        )
      ).rows[0],
    duplicate: (body) => `KPI "${body.name}" of ${body.ownerCostCentre}`,
    costCentre: ({ body }) => body.ownerCostCentre,
  });

  getByIdRoute(app, db, {
    url: '/api/kpis/:id',
    tags,
    summary: 'Read a KPI',
    access: byRecord('read', 'kpi'),
    params: S.idParams,
    response: kpi,
    resource: KPI,
  });

  const owner = (current: Record<string, unknown>) => String(current.ownerCostCentre);
  updateRoute<Omit<KpiDefinition, 'ownerCostCentre'>>(app, db, {
    method: 'PUT',
    url: '/api/kpis/:id',
    tags,
    summary: 'Replace a KPI definition (its owner or finance; If-Match required)',
    access: byRecord('kpi', 'kpi'),
    params: S.idParams,
    body: { type: 'object', required, additionalProperties: false, properties: definition },
    response: kpi,
    resource: KPI,
    verb: 'update',
    auditCostCentre: owner,
    guard: (current, { body }) => {
      checkLive(current);
      checkLinks(body);
    },
    set: ({ body, user }) => ({
      sql: `name = $2, unit = $3, direction = $4, priority = $5, target = $6::jsonb, actual = $7::jsonb,
        links = $8::jsonb, updated_by = $9`,
      values: [...definitionValues(body), user.id],
    }),
  });

  updateRoute<{ actual: Array<number | null> }>(app, db, {
    method: 'PUT',
    url: '/api/kpis/:id/actual',
    tags,
    summary: "Replace a KPI's actual series (its owner or finance; If-Match required)",
    access: byRecord('kpi', 'kpi'),
    params: S.idParams,
    body: { type: 'object', required: ['actual'], additionalProperties: false, properties: { actual: series } },
    response: kpi,
    resource: KPI,
    verb: 'actual',
    auditCostCentre: owner,
    guard: checkLive,
    set: ({ body, user }) => ({ sql: 'actual = $2::jsonb, updated_by = $3', values: [json(body.actual), user.id] }),
  });

  updateRoute<Record<string, never>>(app, db, {
    method: 'DELETE',
    url: '/api/kpis/:id',
    tags,
    summary: 'Delete (archive) a KPI: kept for what cites it, gone from the list (its owner or finance; If-Match)',
    access: byRecord('kpi', 'kpi'),
    params: S.idParams,
    response: kpi,
    resource: KPI,
    verb: 'delete',
    auditCostCentre: owner,
    guard: checkLive,
    set: ({ user }) => ({ sql: 'archived_at = now(), archived_by = $2, updated_by = $2', values: [user.id] }),
  });
}
