import type { FastifyInstance } from 'fastify';
import { actionOf, reviewRefusal, type NewReviewDecision } from '../../src/model/review';
import { ServerErrors } from '../errors';
import { createRoute, costCentreListRoute } from '../http/record-routes';
import { RESOURCES } from '../http/resources';
import { byCostCentre } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

const REVIEW = RESOURCES.review;

/** Flag review decisions: what a reviewer decided about a flagged variance or anomaly (src/model/review.ts). */
export function reviewRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['reviews'];
  costCentreListRoute(app, db, {
    url: '/api/reviews',
    tags,
    summary: 'Review decisions of a cost centre, newest first',
    item: S.looseObject,
    source: REVIEW,
    costCentre: 'cost_centre = $',
    filters: { flagId: { schema: S.flagId, where: 'flag_id = $' } },
    order: [
      { sql: 'decided_at', type: 'timestamptz', desc: true },
      { sql: 'id', type: 'uuid' },
    ],
  });

  createRoute<NewReviewDecision>(app, db, {
    url: '/api/reviews',
    tags,
    summary: 'Record a review decision on a flag (explained and dismissed need a comment)',
    access: byCostCentre('review', 'body'),
    body: {
      type: 'object',
      required: ['costCentre', 'flagId', 'decision'],
      additionalProperties: false,
      properties: {
        costCentre: S.costCentre,
        flagId: S.flagId,
        decision: S.reviewDecision,
        comment: S.freeText,
        severity: S.severity,
        amount: S.amount,
      },
    },
    response: S.looseObject,
    resource: REVIEW,
    verb: 'decide',
    check: (body) => {
      const why = reviewRefusal(actionOf(body.decision), body.comment ?? '');
      if (why) throw ServerErrors.badRequest(why);
    },
    insert: async ({ tx, body, user }) =>
      (
        await tx.query(
          `INSERT INTO review_decisions (cost_centre, flag_id, decision, comment, decided_by, severity, amount)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${REVIEW.columns}`,
          [
            body.costCentre,
            body.flagId,
            body.decision,
            body.comment ?? '',
            user.id,
            body.severity ?? null,
            body.amount ?? null,
          ],
        )
      ).rows[0],
    costCentre: ({ body }) => body.costCentre,
  });
}
