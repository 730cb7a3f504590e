import type { FastifyInstance } from 'fastify';
import type { Access } from '../auth/policy';
import { userOf } from '../auth/policy';
import type { Queryable } from '../db/db';
import { ServerErrors } from '../errors';
import { expectedVersion, mutate } from '../http/mutate';
import * as S from '../http/schemas';
import { nextState, TRANSITIONS, type ProposalState, type TransitionVerb } from '../proposals/state-machine';
import { bearer, type RouteDeps } from './deps';

const COLUMNS = `id, cost_centre AS "costCentre", to_cost_centre AS "toCostCentre", account, amount::float8 AS amount,
  reason, state, version, created_by AS "createdBy", updated_by AS "updatedBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface ProposalRow {
  id: string;
  costCentre: string;
  state: ProposalState;
  version: number;
}

const proposal = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    state: { type: 'string', enum: ['draft', 'submitted', 'approved', 'rejected', 'applied', 'reverted'] },
    version: { type: 'integer' },
  },
} as const;

const versionBody = {
  type: 'object',
  additionalProperties: false,
  properties: { version: S.version, comment: S.freeText },
} as const;

/** Reallocation proposals: create and edit drafts, then move them through the state machine. */
export function proposalRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['proposals'];
  app.route({
    method: 'GET',
    url: '/api/proposals',
    config: { access: { action: 'read', scopes: [{ from: 'query', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Proposals moving budget out of a cost centre',
      querystring: {
        type: 'object',
        required: ['costCentre'],
        additionalProperties: false,
        properties: { costCentre: S.costCentre, state: proposal.properties.state },
      },
      response: { 200: { type: 'array', items: proposal }, ...S.errorResponses },
    },
    handler: async (request) => {
      const q = request.query as { costCentre: string; state?: string };
      const found = await db.query(
        `SELECT ${COLUMNS} FROM proposals WHERE cost_centre = $1 AND ($2::text IS NULL OR state = $2) ORDER BY created_at, id`,
        [q.costCentre, q.state ?? null],
      );
      return found.rows;
    },
  });

  app.route({
    method: 'POST',
    url: '/api/proposals',
    config: { access: { action: 'propose', scopes: [{ from: 'body', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Draft a reallocation from costCentre to toCostCentre',
      body: {
        type: 'object',
        required: ['costCentre', 'toCostCentre', 'account', 'amount'],
        additionalProperties: false,
        properties: {
          costCentre: S.costCentre,
          toCostCentre: S.costCentre,
          account: S.account,
          amount: { type: 'number', exclusiveMinimum: 0, maximum: 1e15 },
          reason: S.freeText,
        },
      },
      response: { 201: proposal, ...S.errorResponses },
    },
    handler: (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const b = request.body as {
          costCentre: string;
          toCostCentre: string;
          account: string;
          amount: number;
          reason?: string;
        };
        if (b.costCentre === b.toCostCentre) throw ServerErrors.badRequest('toCostCentre must differ from costCentre.');
        const user = userOf(request).id;
        const created = await tx.query<ProposalRow>(
          `INSERT INTO proposals (cost_centre, to_cost_centre, account, amount, reason, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
          [b.costCentre, b.toCostCentre, b.account, b.amount, b.reason ?? '', user],
        );
        const row = created.rows[0];
        await audit({
          action: 'proposal.create',
          entity: 'proposal',
          entityId: row.id,
          costCentre: b.costCentre,
          before: null,
          after: row,
        });
        return { status: 201, body: row, version: row.version };
      }),
  });

  app.route({
    method: 'GET',
    url: '/api/proposals/:id',
    config: { access: { action: 'read', scopes: [{ resource: 'proposal', param: 'id' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Read a proposal (ETag = version)',
      params: S.idParams,
      response: { 200: proposal, ...S.errorResponses },
    },
    handler: async (request, reply) => {
      const { id } = request.params as { id: string };
      const found = await db.query<ProposalRow>(`SELECT ${COLUMNS} FROM proposals WHERE id = $1`, [id]);
      reply.header('etag', `"${found.rows[0].version}"`);
      return found.rows[0];
    },
  });

  app.route({
    method: 'PATCH',
    url: '/api/proposals/:id',
    config: { access: { action: 'propose', scopes: [{ resource: 'proposal', param: 'id' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Edit a draft proposal (If-Match required)',
      params: S.idParams,
      body: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          amount: { type: 'number', exclusiveMinimum: 0, maximum: 1e15 },
          reason: S.freeText,
          account: S.account,
          version: S.version,
        },
      },
      response: { 200: proposal, ...S.errorResponses, 428: S.errorBody },
    },
    handler: (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const { id } = request.params as { id: string };
        const b = request.body as { amount?: number; reason?: string; account?: string };
        const current = await lockCurrent(tx, id, expectedVersion(request));
        if (current.state !== 'draft') throw ServerErrors.invalidTransition(current.state, 'edited', current);
        const updated = await tx.query<ProposalRow>(
          `UPDATE proposals SET amount = coalesce($2, amount), reason = coalesce($3, reason), account = coalesce($4, account),
             version = version + 1, updated_by = $5, updated_at = now()
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, b.amount ?? null, b.reason ?? null, b.account ?? null, userOf(request).id],
        );
        const row = updated.rows[0];
        await audit({
          action: 'proposal.edit',
          entity: 'proposal',
          entityId: id,
          costCentre: current.costCentre,
          before: current,
          after: row,
        });
        return { status: 200, body: row, version: row.version };
      }),
  });

  for (const verb of Object.keys(TRANSITIONS) as TransitionVerb[]) {
    const transition = TRANSITIONS[verb];
    app.route({
      method: 'POST',
      url: `/api/proposals/:id/${verb}`,
      config: {
        access: { action: transition.action, scopes: [{ resource: 'proposal', param: 'id' }] } satisfies Access,
      },
      schema: {
        tags,
        security: bearer,
        summary: `${transition.from} → ${transition.to} (If-Match required; stale → 409)`,
        params: S.idParams,
        body: versionBody,
        response: { 200: proposal, ...S.errorResponses, 428: S.errorBody },
      },
      handler: (request, reply) =>
        mutate(db, request, reply, async (tx, audit) => {
          const { id } = request.params as { id: string };
          const comment = (request.body as { comment?: string } | undefined)?.comment ?? '';
          const current = await lockCurrent(tx, id, expectedVersion(request));
          const to = nextState(current.state, verb);
          if (!to) throw ServerErrors.invalidTransition(current.state, transition.to, current);
          const updated = await tx.query<ProposalRow>(
            `UPDATE proposals SET state = $2, version = version + 1, updated_by = $3, updated_at = now()
             WHERE id = $1 RETURNING ${COLUMNS}`,
            [id, to, userOf(request).id],
          );
          const row = updated.rows[0];
          await audit({
            action: `proposal.${verb}`,
            entity: 'proposal',
            entityId: id,
            costCentre: current.costCentre,
            before: current,
            after: { ...row, comment },
          });
          return { status: 200, body: row, version: row.version };
        }),
    });
  }
}

/**
 * Locks the proposal row for this transaction and checks the caller read the current version.
 * Two approvers racing both wait here; the second sees the bumped version and gets 409.
 */
async function lockCurrent(tx: Queryable, id: string, expected: number): Promise<ProposalRow> {
  const found = await tx.query<ProposalRow>(`SELECT ${COLUMNS} FROM proposals WHERE id = $1 FOR UPDATE`, [id]);
  const current = found.rows[0];
  if (!current) throw ServerErrors.notFound('proposal', id);
  if (current.version !== expected) throw ServerErrors.staleVersion('proposal', expected, current);
  return current;
}
