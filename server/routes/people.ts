import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/policy';
import type { Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { mutate } from '../http/mutate';
import { readPage } from '../http/paging';
import { withPaging } from '../http/record-routes';
import { anywhere, apiRoute } from '../http/route';
import type { RouteDeps } from './deps';

/**
 * An account id or a person's name as the people table holds it: a token's `sub` as the identity
 * provider sends it (compared exactly): 1–256 letters, digits and the punctuation providers use in
 * ids (Entra's base64url, `auth0|…`, `google-oauth2|…`, an email as `preferred_username`).
 */
const accountId = { type: 'string', pattern: '^[A-Za-z0-9_.@:|+/=~-]{1,256}$' } as const;

const declaration = {
  type: 'object',
  properties: {
    account: { type: 'string' },
    person: { type: 'string' },
    declaredBy: { type: 'string' },
    declaredAt: { type: 'string' },
    removedBy: { type: ['string', 'null'] },
    removedAt: { type: ['string', 'null'] },
  },
} as const;

const COLUMNS = `account, person, declared_by AS "declaredBy", declared_at AS "declaredAt", removed_by AS "removedBy",
  removed_at AS "removedAt"`;

/** Writes concern every cost centre (who decides any proposal): an admin with a token for all of them. */
const EVERY_COST_CENTRE = { action: 'configure', scopes: [{ from: 'body', list: () => ['*'] }] } as const;

/** The declaration in force for `account`, if any. */
const inForce = async (tx: Queryable, account: string): Promise<Row | undefined> =>
  (await tx.query<Row>(`SELECT ${COLUMNS} FROM person_aliases WHERE account = $1 AND removed_at IS NULL`, [account]))
    .rows[0];

/**
 * The people table (migration 18): an admin declares that an account is one person's (`account →
 * person`), so separation of duties, the inbox, the split rule and the flag window's shares take the
 * person's accounts as one (the database's `people_of`, which the triggers read too). Declarations are
 * kept as history: one in force per account, removed (never erased), each write audited in its
 * transaction. Read by admins; written by an admin whose token covers every cost centre.
 */
export function peopleRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['people'];
  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/people',
      tags,
      summary: 'Accounts declared one person (admin); ?removed=true lists removed declarations too',
      access: anywhere('configure'),
      querystring: withPaging({
        type: 'object',
        additionalProperties: false,
        properties: { account: accountId, person: accountId, removed: { type: 'boolean' } },
      }),
      response: { 200: { type: 'array', items: declaration } },
    },
    async (request, reply) => {
      const query = request.query as { account?: string; person?: string; removed?: boolean };
      const conditions: string[] = [];
      const values: unknown[] = [];
      if (!query.removed) conditions.push('removed_at IS NULL');
      if (query.account !== undefined) conditions.push(`account = $${values.push(query.account)}`);
      if (query.person !== undefined) conditions.push(`person = $${values.push(query.person)}`);
      return readPage(db, request, reply, {
        columns: COLUMNS,
        from: 'person_aliases',
        conditions,
        values,
        keys: [{ sql: 'id', type: 'bigint' }],
      });
    },
  );

  apiRoute(
    app,
    {
      method: 'POST',
      url: '/api/people',
      tags,
      summary:
        'Declare an account one person’s: { account, person } (admin with a token for every cost centre; replaces the account’s declaration in force)',
      access: EVERY_COST_CENTRE,
      body: {
        type: 'object',
        required: ['account', 'person'],
        additionalProperties: false,
        properties: { account: accountId, person: accountId },
      },
      response: { 200: declaration, 201: declaration },
    },
    async (request, reply) => {
      const { account, person } = request.body as { account: string; person: string };
      if (account === person)
        throw ServerErrors.badRequest(
          `An account is its own person already: declare ${account} as another account's person, not its own.`,
        );
      return mutate(db, request, reply, async (tx, audit) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['people']);
        const before = await inForce(tx, account);
        if (before?.person === person) return { status: 200, body: before };
        await refuseChains(tx, account, person);
        const by = userOf(request).id;
        if (before)
          await tx.query('UPDATE person_aliases SET removed_by = $2 WHERE account = $1 AND removed_at IS NULL', [
            account,
            by,
          ]);
        const after = (
          await tx.query<Row>(
            `INSERT INTO person_aliases (account, person, declared_by) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
            [account, person, by],
          )
        ).rows[0];
        await audit({
          action: 'person_alias.declare',
          entity: 'person_alias',
          entityId: account,
          costCentre: null,
          before: before ?? null,
          after,
        });
        return { status: 201, body: after };
      });
    },
  );

  apiRoute(
    app,
    {
      method: 'POST',
      url: '/api/people/remove',
      tags,
      summary:
        'Remove an account’s declaration: { account } (admin with a token for every cost centre; proposals created while it was in force still count it)',
      access: EVERY_COST_CENTRE,
      body: {
        type: 'object',
        required: ['account'],
        additionalProperties: false,
        properties: { account: accountId },
      },
      response: { 200: declaration },
    },
    async (request, reply) => {
      const { account } = request.body as { account: string };
      return mutate(db, request, reply, async (tx, audit) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['people']);
        const before = await inForce(tx, account);
        if (!before) throw ServerErrors.notFound('person_alias', account);
        const after = (
          await tx.query<Row>(
            `UPDATE person_aliases SET removed_by = $2 WHERE account = $1 AND removed_at IS NULL RETURNING ${COLUMNS}`,
            [account, userOf(request).id],
          )
        ).rows[0];
        await audit({
          action: 'person_alias.remove',
          entity: 'person_alias',
          entityId: account,
          costCentre: null,
          before,
          after,
        });
        return { status: 200, body: after };
      });
    },
  );
}

/**
 * 409 when `account → person` would chain declarations: `person` is itself an account declared
 * another's, or `account` is the person other accounts are declared (a person is never an aliased
 * account, so each declaration in force says in one step whose an account is).
 */
async function refuseChains(tx: Queryable, account: string, person: string): Promise<void> {
  const onward = await inForce(tx, person);
  if (onward)
    throw ServerErrors.aliasRefused(
      `${person} is itself declared an account of ${String(onward.person)}; declare ${account} → ${String(onward.person)}`,
      { current: onward },
    );
  const theirs = await tx.query<{ account: string }>(
    'SELECT account FROM person_aliases WHERE person = $1 AND removed_at IS NULL ORDER BY account LIMIT 5',
    [account],
  );
  if (theirs.rowCount > 0)
    throw ServerErrors.aliasRefused(
      `${account} is the person ${theirs.rows.map((r) => r.account).join(', ')} ${theirs.rowCount === 1 ? 'is' : 'are'} declared; ` +
        `declare ${person} → ${account} instead, or move those first`,
    );
}
