import type { FastifyInstance } from 'fastify';
import { missingComment, nextState, PROPOSAL_VERBS, TRANSITIONS, type ProposalState } from '../../src/model/proposal';
import type { Transfer } from '../../src/model/proposal';
import { ServerErrors } from '../errors';
import { createRoute, getByIdRoute, listRoute, updateRoute } from '../http/record-routes';
import { RESOURCES } from '../http/resources';
import { byCostCentre, byRecord } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

const PROPOSAL = RESOURCES.proposal;

const proposal = {
  type: 'object',
  additionalProperties: true,
  properties: { id: { type: 'string' }, state: S.proposalState, version: { type: 'integer' } },
} as const;

const transitionBody = {
  type: 'object',
  additionalProperties: false,
  properties: { version: S.version, comment: S.freeText },
} as const;

/**
 * Reallocation proposals: create and edit drafts, then move them through the model's state machine
 * (src/model/proposal.ts). A proposal here is still one transfer between two cost centres; the
 * multi-line `Proposal` of the model is issue 15's to store.
 */
export function proposalRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['proposals'];
  listRoute(app, db, {
    url: '/api/proposals',
    tags,
    summary: 'Proposals moving budget out of a cost centre',
    access: byCostCentre('read', 'query'),
    querystring: S.costCentreQuery({ state: S.proposalState }),
    item: proposal,
    source: PROPOSAL,
    where: { costCentre: 'cost_centre = $', state: 'state = $' },
    orderBy: 'created_at, id',
  });

  createRoute<Transfer>(app, db, {
    url: '/api/proposals',
    tags,
    summary: 'Draft a reallocation from costCentre to toCostCentre',
    access: byCostCentre('propose', 'body'),
    body: {
      type: 'object',
      required: ['costCentre', 'toCostCentre', 'account', 'amount'],
      additionalProperties: false,
      properties: {
        costCentre: S.costCentre,
        toCostCentre: S.costCentre,
        account: S.account,
        amount: S.positiveAmount,
        reason: S.freeText,
      },
    },
    response: proposal,
    resource: PROPOSAL,
    check: (b) => {
      if (b.costCentre === b.toCostCentre) throw ServerErrors.badRequest('toCostCentre must differ from costCentre.');
    },
    insert: async ({ tx, body: b, user }) =>
      (
        await tx.query(
          `INSERT INTO proposals (cost_centre, to_cost_centre, account, amount, reason, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${PROPOSAL.columns}`,
          [b.costCentre, b.toCostCentre, b.account, b.amount, b.reason ?? '', user.id],
        )
      ).rows[0],
    costCentre: ({ body }) => body.costCentre,
  });

  getByIdRoute(app, db, {
    url: '/api/proposals/:id',
    tags,
    summary: 'Read a proposal (ETag = version)',
    access: byRecord('read', 'proposal'),
    params: S.idParams,
    response: proposal,
    resource: PROPOSAL,
  });

  updateRoute<{ amount?: number; reason?: string; account?: string }>(app, db, {
    method: 'PATCH',
    url: '/api/proposals/:id',
    tags,
    summary: 'Edit a draft proposal (If-Match required)',
    access: byRecord('propose', 'proposal'),
    params: S.idParams,
    body: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { amount: S.positiveAmount, reason: S.freeText, account: S.account, version: S.version },
    },
    response: proposal,
    resource: PROPOSAL,
    verb: 'edit',
    guard: (current) => {
      if (current.state !== 'draft') throw ServerErrors.invalidTransition(String(current.state), 'edited', current);
    },
    set: ({ body: b, user }) => ({
      sql: 'amount = coalesce($2, amount), reason = coalesce($3, reason), account = coalesce($4, account), updated_by = $5',
      values: [b.amount ?? null, b.reason ?? null, b.account ?? null, user.id],
    }),
  });

  for (const verb of PROPOSAL_VERBS) {
    const rule = TRANSITIONS[verb];
    updateRoute<{ comment?: string }>(app, db, {
      method: 'POST',
      url: `/api/proposals/:id/${verb}`,
      tags,
      summary: `${rule.from} → ${rule.to} (If-Match required; stale → 409${rule.needsComment ? '; comment required' : ''})`,
      access: byRecord(rule.action, 'proposal'),
      params: S.idParams,
      body: transitionBody,
      response: proposal,
      resource: PROPOSAL,
      verb,
      guard: (current, { body }) => {
        const from = current.state as ProposalState;
        if (!nextState(from, verb)) throw ServerErrors.invalidTransition(from, rule.to, current);
        const why = missingComment(verb, body.comment ?? '');
        if (why) throw ServerErrors.badRequest(`To ${verb} a proposal, ${why}.`);
      },
      set: ({ user }) => ({ sql: 'state = $2, updated_by = $3', values: [rule.to, user.id] }),
      audited: (row, { body }) => ({ ...row, comment: body.comment ?? '' }),
    });
  }
}
