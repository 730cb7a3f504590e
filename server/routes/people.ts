import type { FastifyInstance } from 'fastify';
import type { Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { declarationRoutes } from '../http/declarations';
import { anywhere } from '../http/route';
import type { RouteDeps } from './deps';

/**
 * An account id or a person's name as the people table holds it: a token's `sub` as the identity
 * provider sends it (compared exactly): 1–256 letters, digits and the punctuation providers use in
 * ids (Entra's base64url, `auth0|…`, `google-oauth2|…`, an email as `preferred_username`).
 */
/** The people table, whose name is also the key of the lock its writers take (server/http/declarations.ts). */
export const PEOPLE_TABLE = 'person_aliases';

const accountId = { type: 'string', pattern: '^[A-Za-z0-9_.@:|+/=~-]{1,256}$' } as const;

/**
 * The people table (migration 18): an admin declares that an account is one person's (`account →
 * person`), so separation of duties, the inbox, the split rule and the flag window's shares take the
 * person's accounts as one (the database's `people_of`, which the triggers read too). Declarations are
 * kept as history (server/http/declarations.ts). Read by admins; written by an admin whose token
 * covers every cost centre (who is one person decides every cost centre's approvals).
 */
export function peopleRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  declarationRoutes(app, db, {
    url: '/api/people',
    tags: ['people'],
    entity: 'person_alias',
    table: PEOPLE_TABLE,
    keys: [{ field: 'account', column: 'account', schema: accountId }],
    value: { field: 'person', column: 'person', schema: accountId },
    read: anywhere('configure'),
    write: { action: 'configure', scopes: [{ from: 'body', list: () => ['*'] }] },
    summaries: {
      list: 'Accounts declared one person (admin); ?removed=true lists removed declarations too',
      declare:
        'Declare an account one person’s: { account, person } (admin with a token for every cost centre; replaces the account’s declaration in force)',
      remove:
        'Remove an account’s declaration: { account } (admin with a token for every cost centre; proposals created while it was in force still count it)',
    },
    check: refusedPerson,
    costCentre: () => null,
  });
}

/**
 * 400 for an account declared its own person; 409 when `account → person` would chain declarations:
 * `person` is itself an account declared another's, or `account` is the person other accounts are
 * declared (a person is never an aliased account, so each declaration in force says in one step whose
 * an account is).
 */
async function refusedPerson(tx: Queryable, { account, person }: Row): Promise<void> {
  if (account === person)
    throw ServerErrors.badRequest(
      `An account is its own person already: declare ${String(account)} as another account's person, not its own.`,
    );
  const onward = await tx.query<{ person: string }>(
    'SELECT person FROM person_aliases WHERE account = $1 AND removed_at IS NULL',
    [person],
  );
  if (onward.rowCount > 0)
    throw ServerErrors.aliasRefused(
      `${String(person)} is itself declared an account of ${onward.rows[0].person}; declare ${String(account)} → ${onward.rows[0].person}`,
    );
  const theirs = await tx.query<{ account: string }>(
    'SELECT account FROM person_aliases WHERE person = $1 AND removed_at IS NULL ORDER BY account LIMIT 5',
    [account],
  );
  if (theirs.rowCount > 0)
    throw ServerErrors.aliasRefused(
      `${String(account)} is the person ${theirs.rows.map((r) => r.account).join(', ')} ${theirs.rowCount === 1 ? 'is' : 'are'} declared; ` +
        `declare ${String(person)} → ${String(account)} instead, or move those first`,
    );
}
