import type { FastifyInstance } from 'fastify';
import {
  APPROVING_ROLES,
  chainProblem,
  MAX_CHAIN_STEPS,
  MIN_REMINDER_HOURS,
  STEP_SCOPES,
  type ChainStep,
} from '../../src/model/approval-chain';
import { MAX_AMOUNT } from '../../src/model/limits';
import { userOf } from '../auth/policy';
import { ServerErrors } from '../errors';
import { expectedVersion, mutate } from '../http/mutate';
import { readPage } from '../http/paging';
import { withPaging } from '../http/record-routes';
import { RESOURCES } from '../http/resources';
import { anywhere, apiRoute } from '../http/route';
import * as S from '../http/schemas';
import { CHAIN_ID, configuredChain } from '../proposals/chain-steps';
import type { RouteDeps } from './deps';

const step = {
  type: 'object',
  required: ['name', 'role', 'costCentre', 'deadlineHours'],
  additionalProperties: false,
  properties: {
    name: S.name,
    role: { type: 'string', enum: APPROVING_ROLES },
    costCentre: { type: 'string', enum: STEP_SCOPES },
    minAmount: { type: 'number', minimum: 0, maximum: MAX_AMOUNT },
    deadlineHours: { type: 'number', exclusiveMinimum: 0, maximum: 24 * 365 },
    reminderHours: { type: 'number', minimum: MIN_REMINDER_HOURS, maximum: 24 * 365 },
  },
} as const;

const chain = {
  type: 'object',
  properties: { steps: { type: 'array', items: S.looseObject }, version: { type: 'integer' } },
} as const;

/**
 * The approval chain (src/model/approval-chain.ts): read by everyone, set by admins (If-Match with
 * the version read; version 0 is the built-in default). A change applies to proposals submitted
 * afterwards. And each user's inbox: the submitted proposals whose current step they may decide.
 */
export function approvalChainRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['approvals'];
  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/approval-chain',
      tags,
      summary: 'The approval chain',
      access: anywhere('read'),
      response: { 200: chain },
    },
    async (_request, reply) => {
      const found = await configuredChain(db);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  );

  apiRoute(
    app,
    {
      method: 'PUT',
      url: '/api/approval-chain',
      tags,
      summary:
        'Replace the approval chain (admin with a token for every cost centre; If-Match with the version read, "0" for the default)',
      // The chain decides every cost centre's approvals: an admin of some cost centres may not change it for all.
      access: { action: 'configure', scopes: [{ from: 'body', list: () => ['*'] }] },
      body: {
        type: 'object',
        required: ['steps'],
        additionalProperties: false,
        properties: {
          steps: { type: 'array', minItems: 1, maxItems: MAX_CHAIN_STEPS, items: step },
          version: { type: 'integer', minimum: 0 },
        },
      },
      response: { 200: chain },
      ifMatch: true,
    },
    async (request, reply) => {
      const steps = (request.body as { steps: ChainStep[] }).steps;
      const problem = chainProblem(steps);
      if (problem) throw ServerErrors.badRequest(`The chain cannot be used: ${problem}.`);
      const expected = expectedVersion(request);
      return mutate(db, request, reply, async (tx, audit) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`chain:${CHAIN_ID}`]);
        const before = await configuredChain(tx);
        if (before.version !== expected) throw ServerErrors.staleVersion('approval_chain', expected, before);
        const saved = await tx.query<{ steps: ChainStep[]; version: number }>(
          `INSERT INTO approval_chains (id, steps, version, updated_by) VALUES ($1, $2::jsonb, $3, $4)
           ON CONFLICT (id) DO UPDATE SET steps = EXCLUDED.steps, version = EXCLUDED.version,
             updated_by = EXCLUDED.updated_by, updated_at = now()
           RETURNING steps, version`,
          [CHAIN_ID, JSON.stringify(steps), before.version + 1, userOf(request).id],
        );
        const after = saved.rows[0];
        await audit({
          action: 'approval_chain.update',
          entity: 'approval_chain',
          entityId: CHAIN_ID,
          costCentre: null,
          before,
          after,
        });
        return { status: 200, body: after, version: after.version };
      });
    },
  );

  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/approvals',
      tags,
      summary:
        'My inbox: submitted proposals whose current step I may decide (role, cost centres, not my own, nor of an account with my email or declared mine)',
      access: anywhere('approve'),
      querystring: withPaging(undefined),
      response: { 200: S.looseArray },
    },
    async (request, reply) => {
      const user = userOf(request);
      return readPage(db, request, reply, {
        columns: RESOURCES.proposal.columns,
        from: 'proposals',
        conditions: [
          `proposals.state = 'submitted' AND NOT ($1 = ANY (proposals.authors))
           AND EXISTS (SELECT 1 FROM proposal_steps o WHERE o.proposal_id = proposals.id AND o.state = 'pending'
                       AND o.role = ANY ($2::text[]) AND (o.scope <> '*' OR $3))
           AND NOT EXISTS (SELECT 1 FROM proposal_steps d WHERE d.proposal_id = proposals.id
                           AND (d.decided_by = $1 OR d.decided_by_email = $5::text))
           AND ($3 OR proposals.cost_centres <@ $4::text[])
           AND ($5::text IS NULL OR NOT ($5::text = ANY (proposals.author_emails)))
           AND NOT (people_of(ARRAY[$1::text], proposals.created_at) && people_of(proposals.authors || ARRAY(
             SELECT p.decided_by FROM proposal_steps p WHERE p.proposal_id = proposals.id AND p.decided_by IS NOT NULL),
             proposals.created_at))`,
        ],
        values: [
          user.id,
          [...user.roles],
          user.costCentres === '*',
          user.costCentres === '*' ? [] : [...user.costCentres],
          user.email ?? null,
        ],
        keys: [
          { sql: 'proposals.submitted_at', type: 'timestamptz' },
          { sql: 'proposals.id', type: 'uuid' },
        ],
      });
    },
  );
}
