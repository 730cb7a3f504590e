import type { FastifyInstance } from 'fastify';
import type { Access } from '../auth/policy';
import { userOf } from '../auth/policy';
import { mutate } from '../http/mutate';
import * as S from '../http/schemas';
import { bearer, type RouteDeps } from './deps';

const COLUMNS = `id, cost_centre AS "costCentre", flag_id AS "flagId", decision, comment,
  decided_by AS "decidedBy", decided_at AS "decidedAt"`;

/** Flag review decisions: what a reviewer decided about a flagged variance or anomaly. */
export function reviewRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['reviews'];
  app.route({
    method: 'GET',
    url: '/api/reviews',
    config: { access: { action: 'read', scopes: [{ from: 'query', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Review decisions of a cost centre, newest first',
      querystring: {
        type: 'object',
        required: ['costCentre'],
        additionalProperties: false,
        properties: { costCentre: S.costCentre, flagId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' } },
      },
      response: { 200: S.looseArray, ...S.errorResponses },
    },
    handler: async (request) => {
      const q = request.query as { costCentre: string; flagId?: string };
      const found = await db.query(
        `SELECT ${COLUMNS} FROM review_decisions WHERE cost_centre = $1 AND ($2::text IS NULL OR flag_id = $2)
         ORDER BY decided_at DESC, id LIMIT 1000`,
        [q.costCentre, q.flagId ?? null],
      );
      return found.rows;
    },
  });

  app.route({
    method: 'POST',
    url: '/api/reviews',
    config: { access: { action: 'review', scopes: [{ from: 'body', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Record a review decision on a flag',
      body: {
        type: 'object',
        required: ['costCentre', 'flagId', 'decision'],
        additionalProperties: false,
        properties: {
          costCentre: S.costCentre,
          flagId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
          decision: { type: 'string', enum: ['accepted', 'dismissed', 'escalated'] },
          comment: S.freeText,
        },
      },
      response: { 201: S.looseObject, ...S.errorResponses },
    },
    handler: (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const body = request.body as { costCentre: string; flagId: string; decision: string; comment?: string };
        const created = await tx.query<{ id: string }>(
          `INSERT INTO review_decisions (cost_centre, flag_id, decision, comment, decided_by) VALUES ($1, $2, $3, $4, $5)
           RETURNING ${COLUMNS}`,
          [body.costCentre, body.flagId, body.decision, body.comment ?? '', userOf(request).id],
        );
        const row = created.rows[0];
        await audit({
          action: 'review.decide',
          entity: 'review',
          entityId: row.id,
          costCentre: body.costCentre,
          before: null,
          after: row,
        });
        return { status: 201, body: row };
      }),
  });
}
