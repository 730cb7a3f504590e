import type { FastifyInstance } from 'fastify';
import type { Access } from '../auth/policy';
import { userOf } from '../auth/policy';
import { ServerErrors } from '../errors';
import { expectedVersion, mutate } from '../http/mutate';
import * as S from '../http/schemas';
import { bearer, type RouteDeps } from './deps';

const MODEL_COLUMNS = `id, cost_centre AS "costCentre", name, drivers, expression, version,
  created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

const driver = {
  type: 'object',
  required: ['name', 'distribution'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
    distribution: { type: 'string', pattern: '^[a-z_]{1,32}$' },
    params: { type: 'object', maxProperties: 16, additionalProperties: { type: 'number' } },
  },
} as const;

const modelBody = {
  type: 'object',
  required: ['costCentre', 'name', 'expression', 'drivers'],
  additionalProperties: false,
  properties: {
    costCentre: S.costCentre,
    name: S.name,
    expression: { type: 'string', minLength: 1, maxLength: 4000, pattern: '^[^\\u0000]*$' },
    drivers: { type: 'array', maxItems: 500, items: driver },
  },
} as const;

const model = S.looseObject;

/** Driver models (drivers + model expression) and their named scenarios (driver overrides). */
export function modelRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['models'];
  app.route({
    method: 'GET',
    url: '/api/models',
    config: { access: { action: 'read', scopes: [{ from: 'query', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'List driver models of a cost centre',
      querystring: {
        type: 'object',
        required: ['costCentre'],
        additionalProperties: false,
        properties: { costCentre: S.costCentre },
      },
      response: { 200: { type: 'array', items: model }, ...S.errorResponses },
    },
    handler: async (request) => {
      const { costCentre } = request.query as { costCentre: string };
      const found = await db.query(`SELECT ${MODEL_COLUMNS} FROM models WHERE cost_centre = $1 ORDER BY name`, [
        costCentre,
      ]);
      return found.rows;
    },
  });

  app.route({
    method: 'POST',
    url: '/api/models',
    config: { access: { action: 'write', scopes: [{ from: 'body', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Create a driver model',
      body: modelBody,
      response: { 201: model, ...S.errorResponses },
    },
    handler: (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const body = request.body as { costCentre: string; name: string; expression: string; drivers: unknown[] };
        const user = userOf(request);
        const created = await tx.query<{ id: string; version: number }>(
          `INSERT INTO models (cost_centre, name, drivers, expression, created_by) VALUES ($1, $2, $3::jsonb, $4, $5)
           RETURNING ${MODEL_COLUMNS}`,
          [body.costCentre, body.name, JSON.stringify(body.drivers), body.expression, user.id],
        );
        const row = created.rows[0];
        await audit({
          action: 'model.create',
          entity: 'model',
          entityId: row.id,
          costCentre: body.costCentre,
          before: null,
          after: row,
        });
        return { status: 201, body: row, version: row.version };
      }),
  });

  app.route({
    method: 'GET',
    url: '/api/models/:id',
    config: { access: { action: 'read', scopes: [{ resource: 'model', param: 'id' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Read a driver model',
      params: S.idParams,
      response: { 200: model, ...S.errorResponses },
    },
    handler: async (request, reply) => {
      const { id } = request.params as { id: string };
      const found = await db.query<{ version: number }>(`SELECT ${MODEL_COLUMNS} FROM models WHERE id = $1`, [id]);
      reply.header('etag', `"${found.rows[0].version}"`);
      return found.rows[0];
    },
  });

  app.route({
    method: 'PUT',
    url: '/api/models/:id',
    config: { access: { action: 'write', scopes: [{ resource: 'model', param: 'id' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Replace a driver model (If-Match required)',
      params: S.idParams,
      body: {
        type: 'object',
        required: ['name', 'expression', 'drivers'],
        additionalProperties: false,
        properties: {
          name: S.name,
          expression: modelBody.properties.expression,
          drivers: modelBody.properties.drivers,
          version: S.version,
        },
      },
      response: { 200: model, ...S.errorResponses, 428: S.errorBody },
    },
    handler: (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const { id } = request.params as { id: string };
        const body = request.body as { name: string; expression: string; drivers: unknown[] };
        const expected = expectedVersion(request);
        const before = await tx.query<{ version: number; costCentre: string }>(
          `SELECT ${MODEL_COLUMNS} FROM models WHERE id = $1 FOR UPDATE`,
          [id],
        );
        const current = before.rows[0];
        if (!current) throw ServerErrors.notFound('model', id);
        if (current.version !== expected) throw ServerErrors.staleVersion('model', expected, current);
        const updated = await tx.query<{ version: number }>(
          `UPDATE models SET name = $2, drivers = $3::jsonb, expression = $4, version = version + 1, updated_at = now()
           WHERE id = $1 RETURNING ${MODEL_COLUMNS}`,
          [id, body.name, JSON.stringify(body.drivers), body.expression],
        );
        const row = updated.rows[0];
        await audit({
          action: 'model.update',
          entity: 'model',
          entityId: id,
          costCentre: current.costCentre,
          before: current,
          after: row,
        });
        return { status: 200, body: row, version: row.version };
      }),
  });

  app.route({
    method: 'GET',
    url: '/api/models/:id/scenarios',
    config: { access: { action: 'read', scopes: [{ resource: 'model', param: 'id' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'List scenarios of a model',
      params: S.idParams,
      response: { 200: S.looseArray, ...S.errorResponses },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const found = await db.query(
        `SELECT id, model_id AS "modelId", name, overrides, created_by AS "createdBy", created_at AS "createdAt"
         FROM scenarios WHERE model_id = $1 ORDER BY name`,
        [id],
      );
      return found.rows;
    },
  });

  app.route({
    method: 'POST',
    url: '/api/models/:id/scenarios',
    config: { access: { action: 'write', scopes: [{ resource: 'model', param: 'id' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Save a named scenario (driver overrides) for a model',
      params: S.idParams,
      body: {
        type: 'object',
        required: ['name', 'overrides'],
        additionalProperties: false,
        properties: {
          name: S.name,
          overrides: { type: 'object', maxProperties: 500, additionalProperties: S.looseObject },
        },
      },
      response: { 201: S.looseObject, ...S.errorResponses },
    },
    handler: (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const { id } = request.params as { id: string };
        const body = request.body as { name: string; overrides: Record<string, unknown> };
        const model = await tx.query<{ cost_centre: string }>('SELECT cost_centre FROM models WHERE id = $1', [id]);
        const created = await tx.query<{ id: string }>(
          `INSERT INTO scenarios (model_id, name, overrides, created_by) VALUES ($1, $2, $3::jsonb, $4)
           ON CONFLICT (model_id, name) DO NOTHING
           RETURNING id, model_id AS "modelId", name, overrides, created_by AS "createdBy", created_at AS "createdAt"`,
          [id, body.name, JSON.stringify(body.overrides), userOf(request).id],
        );
        if (created.rowCount === 0) throw ServerErrors.duplicate(`Scenario "${body.name}"`);
        const row = created.rows[0];
        await audit({
          action: 'scenario.create',
          entity: 'scenario',
          entityId: row.id,
          costCentre: model.rows[0].cost_centre,
          before: null,
          after: row,
        });
        return { status: 201, body: row };
      }),
  });
}
