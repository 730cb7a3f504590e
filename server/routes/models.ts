import type { FastifyInstance } from 'fastify';
import type { DriverSpec, NewDriverModel } from '../../src/model/driver';
import { MAX_DRIVER_PARAMS, MAX_DRIVERS, MAX_EXPRESSION_LENGTH, MAX_PARAM_LIST } from '../../src/model/limits';
import { createRoute, getByIdRoute, costCentreListRoute, listRoute, updateRoute } from '../http/record-routes';
import { BY_CREATION } from '../http/paging';
import { RESOURCES } from '../http/resources';
import { byCostCentre, byRecord } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

/** A driver's parameters by name: numbers, or number lists (the discrete family). */
const params = {
  type: 'object',
  maxProperties: MAX_DRIVER_PARAMS,
  additionalProperties: {
    anyOf: [{ type: 'number' }, { type: 'array', maxItems: MAX_PARAM_LIST, items: { type: 'number' } }],
  },
} as const;

/** A driver: the model's name rule; parameters are numbers, or number lists (the discrete family). */
const driver = {
  type: 'object',
  required: ['name', 'distribution'],
  additionalProperties: false,
  properties: {
    name: S.driverName,
    distribution: { type: 'string', pattern: '^[a-z_0-9]{1,32}$' },
    params,
  },
} as const;

const expression = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_EXPRESSION_LENGTH,
  pattern: '^[^\\u0000]*$',
} as const;
const drivers = { type: 'array', maxItems: MAX_DRIVERS, items: driver } as const;

const modelBody = {
  type: 'object',
  required: ['costCentre', 'name', 'expression', 'drivers'],
  additionalProperties: false,
  properties: { costCentre: S.costCentre, name: S.name, expression, drivers },
} as const;

const model = S.looseObject;
const { model: MODEL, scenario: SCENARIO } = RESOURCES;

/** Driver models (drivers + model expression) and their named scenarios (driver overrides). */
export function modelRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['models'];
  costCentreListRoute(app, db, {
    url: '/api/models',
    tags,
    summary: 'List driver models of a cost centre, oldest first',
    item: model,
    source: MODEL,
    costCentre: 'cost_centre = $',
    // By creation, which a model keeps for life: by name, a model renamed between two pages showed
    // twice or not at all in that walk (paging.ts).
    order: BY_CREATION,
  });

  createRoute<NewDriverModel>(app, db, {
    url: '/api/models',
    tags,
    summary: 'Create a driver model',
    access: byCostCentre('write', 'body'),
    body: modelBody,
    response: model,
    resource: MODEL,
    insert: async ({ tx, body, user }) =>
      (
        await tx.query(
          `INSERT INTO models (cost_centre, name, drivers, expression, created_by) VALUES ($1, $2, $3::jsonb, $4, $5)
           RETURNING ${MODEL.columns}`,
          [body.costCentre, body.name, JSON.stringify(body.drivers), body.expression, user.id],
        )
      ).rows[0],
    costCentre: ({ body }) => body.costCentre,
  });

  getByIdRoute(app, db, {
    url: '/api/models/:id',
    tags,
    summary: 'Read a driver model',
    access: byRecord('read', 'model'),
    params: S.idParams,
    response: model,
    resource: MODEL,
  });

  updateRoute<{ name: string; expression: string; drivers: DriverSpec[] }>(app, db, {
    method: 'PUT',
    url: '/api/models/:id',
    tags,
    summary: 'Replace a driver model (If-Match required)',
    access: byRecord('write', 'model'),
    params: S.idParams,
    body: {
      type: 'object',
      required: ['name', 'expression', 'drivers'],
      additionalProperties: false,
      properties: { name: S.name, expression, drivers, version: S.version },
    },
    response: model,
    resource: MODEL,
    verb: 'update',
    set: ({ body }) => ({
      sql: 'name = $2, drivers = $3::jsonb, expression = $4',
      values: [body.name, JSON.stringify(body.drivers), body.expression],
    }),
  });

  listRoute(app, db, {
    url: '/api/models/:id/scenarios',
    tags,
    summary: 'List scenarios of a model',
    access: byRecord('read', 'model'),
    params: S.idParams,
    item: S.looseObject,
    source: SCENARIO,
    where: { id: 'model_id = $' },
    order: [
      { sql: 'name', type: 'text' },
      { sql: 'id', type: 'uuid' },
    ],
  });

  createRoute<{ name: string; overrides: Record<string, unknown> }>(app, db, {
    url: '/api/models/:id/scenarios',
    tags,
    summary: 'Save a named scenario (driver overrides) for a model',
    access: byRecord('write', 'model'),
    params: S.idParams,
    body: {
      type: 'object',
      required: ['name', 'overrides'],
      additionalProperties: false,
      properties: {
        name: S.name,
        // Parameter overrides per driver name, shaped as a driver's params: anything looser let a
        // body nested thousands deep reach the database (a 500) and stored 1e309 as null.
        overrides: {
          type: 'object',
          maxProperties: MAX_DRIVERS,
          propertyNames: S.driverName,
          additionalProperties: params,
        },
      },
    },
    response: S.looseObject,
    resource: SCENARIO,
    insert: async ({ tx, body, params, user }) =>
      (
        await tx.query(
          `INSERT INTO scenarios (model_id, name, overrides, created_by) VALUES ($1, $2, $3::jsonb, $4)
           ON CONFLICT (model_id, name) DO NOTHING RETURNING ${SCENARIO.columns}`,
          [params.id, body.name, JSON.stringify(body.overrides), user.id],
        )
      ).rows[0],
    duplicate: (body) => `Scenario "${body.name}"`,
    costCentre: async ({ tx, params }) =>
      (await tx.query<{ cost_centre: string }>('SELECT cost_centre FROM models WHERE id = $1', [params.id])).rows[0]
        .cost_centre,
  });
}
