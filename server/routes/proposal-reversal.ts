/**
 * Revert as a reversal proposal (src/model/proposal.ts says what a reversal is): POST
 * /api/proposals/:id/revert writes no budget number; it makes the reversal (lines `after → before`,
 * `reverts` the original, submitted with the chain's steps for its amount, authored by the caller, the
 * comment its reason), which other people decide like any proposal. Applying it (the apply route)
 * writes the budget back and, in the same transaction, marks the original reverted (`markReverted`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  missingComment,
  movedAmount,
  reversalLines,
  reversalRefusal,
  type ProposalLine,
  type ProposalState,
  type ReversalLink,
} from '../../src/model/proposal';
import type { AuthUser } from '../../src/model/roles';
import type { StepAddedFor } from '../../src/model/team-proposal';
import { userOf } from '../auth/policy';
import type { Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { expectedVersion, mutate, writeAudit } from '../http/mutate';
import { RESOURCES } from '../http/resources';
import { apiRoute, byRecord } from '../http/route';
import * as S from '../http/schemas';
import { startChain, type ProposalSummary } from '../proposals/chain-steps';
import { historyStep } from '../proposals/history';
import type { RouteDeps } from './deps';

const PROPOSAL = RESOURCES.proposal;

const proposal = { type: 'object', additionalProperties: true, properties: { id: { type: 'string' } } } as const;

/** The model's ProposedReversal (src/model/team-proposal.ts). */
const answer = {
  type: 'object',
  required: ['reversal', 'message'],
  properties: { reversal: proposal, message: { type: 'string' } },
} as const;

/**
 * The proposal's row, locked for the rest of the transaction; 404 when there is none. Locked first and
 * read after: a read that waited for the lock answers its subqueries (the reversal) from before the
 * holder committed, so a reversal asked for at the same moment was missed (a bare 409 "That already
 * exists." from the unique index instead of saying which reversal is open).
 */
async function lockedProposal(tx: Queryable, id: string): Promise<Row> {
  const locked = await tx.query('SELECT id FROM proposals WHERE id = $1 FOR UPDATE', [id]);
  if (locked.rowCount === 0) throw ServerErrors.notFound(PROPOSAL.entity, id);
  return readProposal(tx, id);
}

const readProposal = async (tx: Queryable, id: string): Promise<Row> =>
  (await tx.query<Row>(`SELECT ${PROPOSAL.columns} FROM proposals WHERE id = $1`, [id])).rows[0];

/** Inserts the submitted reversal of `original` by `user` with `reason`, and starts its chain. */
async function insertReversal(tx: Queryable, original: Row, user: AuthUser, reason: string): Promise<Row> {
  const lines = reversalLines(original.lines as ProposalLine[]);
  const amount = movedAmount(lines);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, amount, reason, lines, authors, author_emails,
       created_by, updated_by, state, submitted_by, submitted_at, reverts, history)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, ARRAY[$7], CASE WHEN $8::text IS NULL THEN '{}' ELSE ARRAY[$8::text] END,
       $7, $7, 'submitted', $7, now(), $9,
       jsonb_build_array(jsonb_build_object('action', 'submit', 'from', 'draft', 'to', 'submitted', 'who', $7::text,
         'role', $10::text, 'when', now(), 'comment', $5::text)))
     RETURNING id`,
    [
      original.costCentre,
      original.costCentres,
      original.fiscalYear,
      amount,
      reason,
      JSON.stringify(lines),
      user.id,
      user.email ?? null,
      original.id,
      user.roles.join('+'),
    ],
  );
  const id = inserted.rows[0].id;
  const summary: ProposalSummary = {
    id,
    costCentre: original.costCentre,
    costCentres: original.costCentres as string[],
    fiscalYear: original.fiscalYear,
    amount,
    reason,
    submittedBy: user.id,
    createdBy: user.id,
    reverts: original.id,
  };
  // The original's steps: one decided on the amount it moved together with its author's other moves
  // (chain-steps.ts moveTogether) is undone through the same steps, the CFO's too.
  const decidedOn = Math.max(
    amount,
    ...((original.chain as { addedFor?: StepAddedFor | null }[]) ?? []).map((s) => s.addedFor?.amountTogether ?? 0),
  );
  const together =
    decidedOn > amount
      ? {
          amount: decidedOn,
          related: [
            {
              id: String(original.id),
              amount: Number(original.amount),
              state: 'applied',
              costCentres: original.costCentres as string[],
            },
          ],
        }
      : undefined;
  await startChain(tx, summary, amount, together);
  return readProposal(tx, id);
}

/** What the 201 says happens next. */
const nextSentence = (reversal: Row, original: Row): string => {
  const chain = reversal.chain as { name: string; role: string }[];
  const steps = chain.length === 1 ? 'one approval step' : `${chain.length} approval steps`;
  const first = chain[0] ? `, first ${chain[0].name} (${chain[0].role} role)` : '';
  return (
    `Reversal ${String(reversal.id)} of ${String(original.id)} is submitted: ${steps}${first}. The budget does not ` +
    'change until another person approves it and it is applied; you may not approve it yourself.'
  );
};

/** POST /api/proposals/:id/revert: asks for a reversal of an applied proposal (201 with it). */
export function reversalRoute(app: FastifyInstance, { db }: RouteDeps): void {
  apiRoute(
    app,
    {
      method: 'POST',
      url: '/api/proposals/:id/revert',
      tags: ['proposals'],
      summary:
        'Ask for a reversal of an applied proposal: a new proposal with the lines after → before, submitted to the approval chain, that its asker may not approve; the budget changes when it is applied (If-Match of the original; comment required; 409 when not applied, a reversal itself, or a reversal is open)',
      access: byRecord('apply', 'proposal'),
      params: S.idParams,
      body: {
        type: 'object',
        required: ['comment'],
        additionalProperties: false,
        properties: { version: S.version, comment: S.freeText },
      },
      response: { 201: answer },
      ifMatch: true,
    },
    (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const user = userOf(request);
        const { id } = request.params as { id: string };
        const comment = ((request.body ?? {}) as { comment?: string }).comment ?? '';
        const expected = expectedVersion(request);
        const original = await lockedProposal(tx, id);
        if (original.version !== expected) throw ServerErrors.staleVersion(PROPOSAL.entity, expected, original);
        const why = reversalRefusal(original as Row & { state: ProposalState } & ReversalLink);
        if (why) throw ServerErrors.reversalRefused(why, original);
        const silent = missingComment('revert', comment);
        if (silent) throw ServerErrors.badRequest(`To ask for a reversal, ${silent}.`);
        const reversal = await insertReversal(tx, original, user, comment.trim());
        await audit({
          action: 'proposal.create',
          entity: PROPOSAL.entity,
          entityId: String(reversal.id),
          costCentre: String(reversal.costCentre),
          before: null,
          after: reversal,
        });
        await audit({
          action: 'proposal.revert',
          entity: PROPOSAL.entity,
          entityId: id,
          costCentre: String(original.costCentre),
          before: original,
          after: { ...(await readProposal(tx, id)), comment },
        });
        return {
          status: 201,
          body: { reversal, message: nextSentence(reversal, original) },
          version: reversal.version as number,
        };
      }),
  );
}

/**
 * After `reversal` is applied (same transaction): its original becomes reverted, with who applied
 * the reversal, when, and the reversal's id, a step in its history, and its own audit record.
 */
export async function markReverted(tx: Queryable, request: FastifyRequest, reversal: Row): Promise<void> {
  const user = userOf(request);
  const original = await lockedProposal(tx, String(reversal.reverts));
  if (original.state !== 'applied') throw ServerErrors.invalidTransition(String(original.state), 'reverted', original);
  await tx.query(
    `UPDATE proposals SET state = 'reverted', reverted_by = $2, reverted_at = now(), reversal_id = $3, updated_by = $2,
       version = version + 1, updated_at = now(), ${historyStep(4)}
     WHERE id = $1`,
    [
      original.id,
      user.id,
      reversal.id,
      'revert',
      'applied',
      'reverted',
      user.id,
      user.roles.join('+'),
      reversal.reason,
    ],
  );
  await writeAudit(tx, request, {
    action: 'proposal.reverted',
    entity: PROPOSAL.entity,
    entityId: String(original.id),
    costCentre: String(original.costCentre),
    before: original,
    after: await readProposal(tx, String(original.id)),
  });
}
