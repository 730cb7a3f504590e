import type { FastifyInstance } from 'fastify';
import type { Access } from '../auth/policy';
import { userOf } from '../auth/policy';
import * as S from '../http/schemas';
import { bearer, type RouteDeps } from './deps';

const filters = {
  type: 'object',
  additionalProperties: false,
  properties: {
    costCentre: S.costCentre,
    entity: { type: 'string', pattern: '^[a-z_]{1,32}$' },
    entityId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' },
    actor: { type: 'string', minLength: 1, maxLength: 200 },
    action: { type: 'string', pattern: '^[a-z_.]{1,64}$' },
    from: S.isoTime,
    to: S.isoTime,
    before: { type: 'integer', minimum: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

type Filters = { [K in keyof typeof filters.properties]?: string | number };

/**
 * The audit log, newest first, filtered by any of cost centre, entity, entity id, actor, action and
 * time range; page with `before` = the smallest id seen. Without `costCentre` only users whose token
 * covers every cost centre may read (entries of other centres would leak otherwise).
 */
export function auditRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  app.route({
    method: 'GET',
    url: '/api/audit',
    config: {
      access: { action: 'audit', scopes: [{ from: 'query', key: 'costCentre', optional: true }] } satisfies Access,
    },
    schema: {
      tags: ['audit'],
      security: bearer,
      summary: 'Read the append-only audit log with filters',
      querystring: filters,
      response: { 200: S.looseArray, ...S.errorResponses },
    },
    handler: async (request) => {
      userOf(request);
      const q = request.query as Filters;
      const columns: [keyof Filters, string][] = [
        ['costCentre', 'cost_centre = $'],
        ['entity', 'entity = $'],
        ['entityId', 'entity_id = $'],
        ['actor', 'actor = $'],
        ['action', 'action = $'],
        ['from', 'at >= $'],
        ['to', 'at <= $'],
        ['before', 'id < $'],
      ];
      const where: string[] = [];
      const params: unknown[] = [];
      for (const [key, condition] of columns) {
        if (q[key] === undefined) continue;
        params.push(q[key]);
        where.push(`${condition}${params.length}`);
      }
      params.push(q.limit ?? 100);
      const found = await db.query(
        `SELECT id, at, actor, role, action, entity, entity_id AS "entityId", cost_centre AS "costCentre", before, after,
                request_id AS "requestId"
         FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      return found.rows;
    },
  });
}
