import type { FastifyInstance } from 'fastify';
import { stepRefusal, type DeclaredPeople } from '../../src/model/approval-chain';
import { MAX_PROPOSAL_LINES } from '../../src/model/limits';
import {
  affectedCostCentres,
  missingComment,
  movedAmount,
  PROPOSAL_VERBS,
  TRANSITIONS,
  type ProposalLine,
  type ProposalState,
  type ProposalVerb,
} from '../../src/model/proposal';
import type { NewProposal } from '../../src/model/team-proposal';
import type { Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { createRoute, getByIdRoute, costCentreListRoute, updateRoute, type ChangeContext } from '../http/record-routes';
import { BY_CREATION } from '../http/paging';
import { RESOURCES } from '../http/resources';
import { byRecord } from '../http/route';
import * as S from '../http/schemas';
import { emitEvent } from '../notify/events';
import {
  decideStep,
  moveTogether,
  othersOnTheseLines,
  openStep,
  proposalSummary,
  rerouteEarlierHalves,
  startChain,
} from '../proposals/chain-steps';
import { writeAudit } from '../http/mutate';
import { historyStep } from '../proposals/history';
import { writeProposalVersions } from '../proposals/versions';
import type { RouteDeps } from './deps';
import { PEOPLE_TABLE } from './people';
import { markReverted, reversalRoute } from './proposal-reversal';
import { item } from '../http/positions';

const PROPOSAL = RESOURCES.proposal;

/** The stored proposal (src/model/team-proposal.ts TeamProposal). */
const proposal = {
  type: 'object',
  additionalProperties: true,
  properties: { id: { type: 'string' }, state: S.proposalState, version: { type: 'integer' } },
} as const;

const line = {
  type: 'object',
  required: ['costCentre', 'account', 'period', 'before', 'after'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_.:@/-]{1,128}$' },
    costCentre: S.costCentre,
    account: S.account,
    period: S.period,
    before: S.amount,
    after: S.amount,
  },
} as const;
const lines = { type: 'array', minItems: 1, maxItems: MAX_PROPOSAL_LINES, items: line } as const;

const transitionBody = {
  type: 'object',
  additionalProperties: false,
  properties: { version: S.version, comment: S.freeText },
} as const;

/** Every cost centre a proposal body names: its lines' and the one it is filed under. */
const namedCostCentres = (body: unknown): string[] => {
  const b = (body ?? {}) as Partial<NewProposal>;
  return [...new Set([...(b.lines ?? []).map((l) => l.costCentre), ...(b.costCentre ? [b.costCentre] : [])])];
};

/** Lines with ids (account@period@costCentre when none is given); 400 on a repeated line or no change. */
function checkedLines(given: ProposalLine[], home?: string): ProposalLine[] {
  const withIds = given.map((l) => ({ ...l, id: l.id ?? `${l.account}@${l.period}@${l.costCentre}` }));
  const seen = new Set<string>();
  for (const [i, l] of withIds.entries()) {
    const at = `${l.costCentre}\u0000${l.account}\u0000${l.period}`;
    if (seen.has(at) || seen.has(`id:${l.id}`))
      throw ServerErrors.badRequest(
        `${item('lines', i)} repeats ${l.account} ${l.period} of ${l.costCentre} (or its id).`,
      );
    seen.add(at).add(`id:${l.id}`);
  }
  if (affectedCostCentres(withIds).length === 0)
    throw ServerErrors.badRequest('The proposal changes nothing: every line keeps its amount.');
  if (home && !withIds.some((l) => l.costCentre === home))
    throw ServerErrors.badRequest(`costCentre ${home} must be the cost centre of one of the lines.`);
  return withIds;
}

/**
 * 400 unless every line's month can be one of `fiscalYear`'s: a fiscal year is twelve months that
 * start in some month of the year before it, of it, or (named after where they start) of it and end
 * in the next, so its months lie in those three years. A line of 2031-01 in a 2026 proposal wrote a
 * month of no 2026 view into the 2026 budget of record.
 */
function checkMonths(lines: readonly Pick<ProposalLine, 'period'>[], fiscalYear: number): void {
  for (const [i, l] of lines.entries()) {
    if (Math.abs(Number(String(l.period).slice(0, 4)) - fiscalYear) > 1)
      throw ServerErrors.badRequest(
        `${item('lines', i)}: ${String(l.period)} is no month of fiscal year ${fiscalYear}, whose months lie in ${fiscalYear - 1} to ${fiscalYear + 1}.`,
      );
  }
}

const summary = proposalSummary;

/**
 * Reallocation proposals: the model's multi-line Proposal (src/model), drafted and edited, then moved
 * through the state machine with an approval chain (src/model/approval-chain.ts): submit starts the
 * chain, each approve decides the current step (the last one approves the proposal), reject ends it,
 * apply writes new budget versions with their lineage. Revert asks for a reversal proposal
 * (proposal-reversal.ts), which goes through the chain; applying it reverts the original.
 */
export function proposalRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;
  const tags = ['proposals'];
  costCentreListRoute(app, db, {
    url: '/api/proposals',
    tags,
    summary: 'Proposals that change a cost centre',
    item: proposal,
    source: PROPOSAL,
    costCentre: '$ = ANY (cost_centres)',
    filters: { state: { schema: S.proposalState, where: 'state = $' } },
    order: BY_CREATION,
  });

  createRoute<NewProposal>(app, db, {
    url: '/api/proposals',
    tags,
    summary: 'Draft a proposal: lines with before and after (each names cost centre, account and period)',
    access: { action: 'propose', scopes: [{ from: 'body', list: namedCostCentres }] },
    body: {
      type: 'object',
      required: ['fiscalYear', 'lines'],
      additionalProperties: false,
      properties: { costCentre: S.costCentre, fiscalYear: S.fiscalYear, reason: S.freeText, lines },
    },
    response: proposal,
    resource: PROPOSAL,
    check: (b) => {
      checkedLines(b.lines, b.costCentre);
      checkMonths(b.lines, b.fiscalYear);
    },
    insert: async ({ tx, body: b, user }) => {
      const checked = checkedLines(b.lines, b.costCentre);
      return (
        await tx.query(
          `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, amount, reason, lines, authors, author_emails,
             created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, ARRAY[$7], ${AUTHOR_EMAILS('$8', "'{}'")}, $7, $7)
           RETURNING ${PROPOSAL.columns}`,
          [
            b.costCentre ?? checked[0].costCentre,
            namedCostCentres(b).sort(),
            b.fiscalYear,
            movedAmount(checked),
            b.reason ?? '',
            JSON.stringify(checked),
            user.id,
            user.email ?? null,
          ],
        )
      ).rows[0];
    },
    costCentre: ({ body }) => body.costCentre ?? body.lines[0].costCentre,
  });

  getByIdRoute(app, db, {
    url: '/api/proposals/:id',
    tags,
    summary: 'Read a proposal with its chain and versions (ETag = version)',
    access: byRecord('read', 'proposal'),
    params: S.idParams,
    response: proposal,
    resource: PROPOSAL,
  });

  updateRoute<Partial<NewProposal>>(app, db, {
    method: 'PATCH',
    url: '/api/proposals/:id',
    tags,
    summary: 'Edit a draft: reason, fiscal year or lines (If-Match required)',
    access: {
      action: 'propose',
      scopes: [
        { resource: 'proposal', param: 'id' },
        { from: 'body', list: namedCostCentres },
      ],
    },
    params: S.idParams,
    body: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { reason: S.freeText, fiscalYear: S.fiscalYear, lines, version: S.version },
    },
    response: proposal,
    resource: PROPOSAL,
    verb: 'edit',
    guard: (current, { body }) => {
      if (current.state !== 'draft') throw ServerErrors.invalidTransition(String(current.state), 'edited', current);
      checkMonths(body.lines ?? (current.lines as ProposalLine[]), body.fiscalYear ?? Number(current.fiscalYear));
    },
    set: ({ body: b, user }, current) => {
      const checked = b.lines ? checkedLines(b.lines, String(current.costCentre)) : null;
      return {
        sql: `reason = coalesce($2, reason), fiscal_year = coalesce($3, fiscal_year), lines = coalesce($4::jsonb, lines),
          amount = coalesce($5, amount), cost_centres = coalesce($6, cost_centres),
          authors = CASE WHEN $7 = ANY (authors) THEN authors ELSE array_append(authors, $7) END, updated_by = $7,
          author_emails = ${AUTHOR_EMAILS('$8')}`,
        values: [
          b.reason ?? null,
          b.fiscalYear ?? null,
          checked ? JSON.stringify(checked) : null,
          checked ? movedAmount(checked) : null,
          checked ? [...new Set([String(current.costCentre), ...checked.map((l) => l.costCentre)])].sort() : null,
          user.id,
          user.email ?? null,
        ],
      };
    },
  });

  for (const verb of PROPOSAL_VERBS) if (verb !== 'revert') transitionRoute(app, db, verb);
  reversalRoute(app, deps);
}

/** The verbs that move the proposal itself (revert asks for a reversal instead). */
type MoveVerb = Exclude<ProposalVerb, 'revert'>;

function transitionRoute(app: FastifyInstance, db: RouteDeps['db'], verb: MoveVerb): void {
  const rule = TRANSITIONS[verb];
  const decides = verb === 'approve' || verb === 'reject';
  updateRoute<{ comment?: string }>(app, db, {
    method: 'POST',
    url: `/api/proposals/:id/${verb}`,
    tags: ['proposals'],
    summary: SUMMARIES[verb],
    access: byRecord(rule.action, 'proposal'),
    params: S.idParams,
    body: transitionBody,
    response: proposal,
    resource: PROPOSAL,
    verb,
    authorize: decides ? (current, ctx) => authorizeDecision(current, ctx) : undefined,
    guard: (current, { body }) => {
      if (current.state !== rule.from) throw ServerErrors.invalidTransition(String(current.state), rule.to, current);
      const why = missingComment(verb, body.comment ?? '');
      if (why) throw ServerErrors.badRequest(`To ${verb} a proposal, ${why}.`);
    },
    set: async (ctx, current) => {
      const to = await CHANGES[verb](ctx.tx, current, ctx);
      const comment = ctx.body.comment ?? '';
      const values: unknown[] = [
        to,
        ctx.user.id,
        verb,
        current.state,
        to,
        ctx.user.id,
        ctx.user.roles.join('+'),
        comment,
      ];
      const submitted = verb === 'submit' ? ', submitted_by = $3, submitted_at = now()' : '';
      const author =
        verb === 'submit'
          ? ', authors = CASE WHEN $3 = ANY (authors) THEN authors ELSE array_append(authors, $3) END' +
            `, author_emails = ${AUTHOR_EMAILS(`$${values.push(ctx.user.email ?? null) + 1}`)}`
          : '';
      return { sql: `state = $2, updated_by = $3${submitted}${author}, ${historyStep(4)}`, values };
    },
    after: async ({ tx, request }, row) => {
      // The approver is told of other people's moves of the same lines (a notice: their steps stand).
      if (verb === 'approve') {
        const notice = await othersOnTheseLines(tx, row);
        if (notice) row.warnings = [notice];
      }
      if (verb !== 'apply') return;
      await emitEvent(tx, {
        kind: 'proposal.applied',
        costCentres: summary(row).costCentres,
        payload: { proposal: row },
      });
      if (row.reverts) await markReverted(tx, request, row);
    },
    audited: (row, { body }) => ({ ...row, comment: body.comment ?? '' }),
  });
}

const SUMMARIES: Record<MoveVerb, string> = {
  submit: 'draft → submitted: starts the approval chain (If-Match required)',
  approve:
    'Approve the current chain step; the last step makes the proposal approved (If-Match; 403 to its authors, to anyone who decided a step, and to anyone without the step’s role and cost centres)',
  reject:
    'Reject at the current chain step: submitted → rejected (If-Match; comment required; same 403 rules as approve)',
  apply:
    'approved → applied: writes a new budget version per changed cost centre, with lineage; applying a reversal also makes the proposal it reverts reverted (If-Match)',
};

/**
 * SQL for `author_emails` with the email at `param` (a normalised email or NULL) added once; `from`
 * is what it is added to (the column itself, or an empty array when inserting).
 */
const AUTHOR_EMAILS = (param: string, from = 'author_emails') =>
  `CASE WHEN ${param}::text IS NULL OR ${param}::text = ANY (${from}::text[]) THEN ${from}::text[] ` +
  `ELSE array_append(${from}::text[], ${param}::text) END`;

/** Separation of duties and the step's role and cost centres: 403 with what is wrong. */
async function authorizeDecision(current: Row, { tx, user }: ChangeContext<{ comment?: string }>): Promise<void> {
  if (current.state !== 'submitted') return; // the guard answers 409
  const step = await openStep(tx, String(current.id));
  if (!step) return;
  const emails = await tx.query<{ author_emails: string[] }>('SELECT author_emails FROM proposals WHERE id = $1', [
    current.id,
  ]);
  const people = await declaredPeople(tx, String(current.id), user.id);
  const why = stepRefusal(user, {
    people,
    step,
    stepNumber: step.step,
    authors: current.authors as string[],
    deciders: step.deciders,
    authorEmails: emails.rows[0]?.author_emails ?? [],
    deciderEmails: step.deciderEmails,
    affected: affectedCostCentres(current.lines as ProposalLine[]),
  });
  if (why) throw ServerErrors.forbiddenStep(why, { step: step.step, stepName: step.name, role: step.role });
}

/**
 * The names an admin's declarations join to `account`, to the proposal's authors and to its deciders,
 * counting every declaration in force at any moment since the proposal was created (`people_of`,
 * migration 18: the function the database's separation trigger asks, so the two agree).
 */
async function declaredPeople(tx: Queryable, proposalId: string, account: string): Promise<DeclaredPeople> {
  // Shared with other decisions, exclusive with a declaration (server/http/declarations.ts takes it to
  // write): a declaration made while this decision is under way commits after it, and one under way
  // is read once committed, so no decision commits after a declaration forbidding it (twelfth pass).
  await tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [PEOPLE_TABLE]);
  const found = await tx.query<DeclaredPeople>(
    `SELECT people_of(ARRAY[$2::text], p.created_at) AS "user", people_of(p.authors, p.created_at) AS authors,
       people_of(ARRAY(SELECT s.decided_by FROM proposal_steps s WHERE s.proposal_id = p.id AND s.decided_by IS NOT NULL),
         p.created_at) AS deciders
     FROM proposals p WHERE p.id = $1`,
    [proposalId, account],
  );
  return found.rows[0] ?? { user: [account], authors: [], deciders: [] };
}

/** What each verb writes besides the proposal row; returns the state it leads to. */
const CHANGES: Record<
  MoveVerb,
  (tx: Queryable, current: Row, ctx: ChangeContext<{ comment?: string }>) => Promise<ProposalState>
> = {
  submit: async (tx, current, { user, request }) => {
    const stored = await tx.query<{ author_emails: string[] }>('SELECT author_emails FROM proposals WHERE id = $1', [
      current.id,
    ]);
    const emails = [...(stored.rows[0]?.author_emails ?? []), ...(user.email ? [user.email] : [])];
    const amount = Number(current.amount);
    const found = await moveTogether(
      tx,
      {
        id: String(current.id),
        fiscalYear: Number(current.fiscalYear),
        lines: current.lines as ProposalLine[],
        amount,
      },
      [...(current.authors as string[]), user.id],
      emails,
    );
    // The earlier halves not yet applied need what the move together reaches, as this one does.
    const later = {
      id: String(current.id),
      amount,
      state: 'submitted',
      costCentres: current.costCentres as string[],
    };
    const together = await rerouteEarlierHalves(
      tx,
      later,
      found,
      { id: user.id, roles: user.roles.join('+') },
      (id, before, after) =>
        writeAudit(tx, request, {
          action: 'proposal.reroute',
          entity: PROPOSAL.entity,
          entityId: id,
          costCentre: String(before.costCentre),
          before,
          after,
        }),
    );
    await startChain(tx, { ...summary(current), submittedBy: user.id }, amount, together);
    return 'submitted';
  },
  approve: async (tx, current, { user, body }) => {
    const step = await openStep(tx, String(current.id));
    if (!step) throw ServerErrors.invalidTransition(String(current.state), 'approved', current);
    const done = await decideStep(tx, summary(current), step.step, 'approved', user, body.comment ?? '');
    return done ? 'approved' : 'submitted';
  },
  reject: async (tx, current, { user, body }) => {
    const step = await openStep(tx, String(current.id));
    if (step) await decideStep(tx, summary(current), step.step, 'rejected', user, body.comment ?? '');
    return 'rejected';
  },
  apply: async (tx, current, { user }) => {
    await writeProposalVersions(tx, current, user);
    return 'applied';
  },
};
