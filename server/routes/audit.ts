import type { FastifyInstance } from 'fastify';
import { verifyAuditChain, type ChainReport, type ChainWindow } from '../audit/verify-chain';
import { listRoute } from '../http/record-routes';
import { anywhere, apiRoute } from '../http/route';
import * as S from '../http/schemas';
import { ServerErrors } from '../errors';
import type { RouteDeps } from './deps';

const filters = {
  type: 'object',
  additionalProperties: false,
  properties: {
    costCentre: S.costCentre,
    entity: { type: 'string', pattern: '^[a-z_]{1,32}$' },
    entityId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' },
    actor: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f]+$' },
    action: { type: 'string', pattern: '^[a-z_.]{1,64}$' },
    from: S.isoTime,
    to: S.isoTime,
    before: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  },
} as const;

/** When a refused verification is told to come back: a walk of 20,000 records takes about 4 s. */
const VERIFY_RETRY_SECONDS = 5;

const recordId = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

/** A window of the chain to verify (record ids, and at most `limit` records); none: the whole chain. */
const verifyWindow = {
  type: 'object',
  additionalProperties: false,
  properties: { fromId: recordId, toId: recordId, limit: recordId },
} as const;

/**
 * The audit log's `costCentre` filter (`$` the cost centre): a proposal is filed under one cost centre
 * and may change others, and each of them sees its records. Migration 17's partial GIN indexes on the
 * two `costCentres` answer the JSON half (with `audit_log_cost_centre` for the first), not a read of
 * every proposal record.
 */
export const AUDIT_COST_CENTRE_FILTER = `(cost_centre = $ OR entity = 'proposal' AND ((after -> 'costCentres') ? $ OR (before -> 'costCentres') ? $))`;

/**
 * The audit log (src/model/audit.ts), newest first, filtered by any of cost centre, entity, entity
 * id, actor, action and time range; page with `before` = the smallest id seen. Without `costCentre`
 * only users whose token covers every cost centre may read (entries of other centres would leak
 * otherwise). `/api/audit/verify` walks the hash chain, or a window of it, and names the first
 * broken link.
 */
export function auditRoutes(app: FastifyInstance, { db }: RouteDeps, protection: string): void {
  // One walk of the chain at a time per process: requests for the window being walked share its
  // report, so an auditor sending many at once costs one walk, not one per request (a long log takes
  // seconds to hash); a request for another window while it runs is refused (429, come back in
  // VERIFY_RETRY_SECONDS) rather than queued: a queue of distinct windows (`?limit=1`, `?limit=2`, …)
  // kept the database walking one after another and held every waiting request open.
  let running: { key: string; walk: Promise<ChainReport> } | undefined;
  const verify = (window: ChainWindow): Promise<ChainReport> => {
    const key = JSON.stringify([window.fromId, window.toId, window.limit]);
    if (running?.key === key) return running.walk;
    if (running)
      throw ServerErrors.tooBusy('an audit chain verification is running; one runs at a time', VERIFY_RETRY_SECONDS);
    const walk = verifyAuditChain(db, window).finally(() => {
      running = undefined;
    });
    running = { key, walk };
    return walk;
  };
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
      request_id AS "requestId", prev_hash AS "prevHash", hash`,
    },
    where: {
      costCentre: AUDIT_COST_CENTRE_FILTER,
      entity: 'entity = $',
      entityId: 'entity_id = $',
      actor: 'actor = $',
      action: 'action = $',
      from: 'at >= $',
      to: 'at <= $',
      before: 'id < $',
    },
    order: [{ sql: 'id', type: 'bigint', desc: true }],
  });

  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/audit/verify',
      tags: ['audit'],
      summary: 'Walk the hash chain of the audit log, or a window of it; names the first broken link',
      access: anywhere('audit'),
      querystring: verifyWindow,
      response: { 200: S.looseObject },
    },
    async (request) => ({ ...(await verify(request.query as ChainWindow)), protection }),
  );
}
