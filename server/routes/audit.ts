import type { FastifyInstance } from 'fastify';
import { listRoute } from '../http/record-routes';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

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

/**
 * The audit log (src/model/audit.ts), newest first, filtered by any of cost centre, entity, entity
 * id, actor, action and time range; page with `before` = the smallest id seen. Without `costCentre`
 * only users whose token covers every cost centre may read (entries of other centres would leak
 * otherwise).
 */
export function auditRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  listRoute(app, db, {
    url: '/api/audit',
    tags: ['audit'],
    summary: 'Read the append-only audit log with filters',
    access: { action: 'audit', scopes: [{ from: 'query', key: 'costCentre', optional: true }] },
    querystring: filters,
    item: S.looseObject,
    source: {
      table: 'audit_log',
      columns: `id, at, actor, role, action, entity, entity_id AS "entityId", cost_centre AS "costCentre", before, after,
      request_id AS "requestId"`,
    },
    where: {
      costCentre: 'cost_centre = $',
      entity: 'entity = $',
      entityId: 'entity_id = $',
      actor: 'actor = $',
      action: 'action = $',
      from: 'at >= $',
      to: 'at <= $',
      before: 'id < $',
    },
    orderBy: 'id DESC',
    limit: { key: 'limit', fallback: 100 },
  });
}
