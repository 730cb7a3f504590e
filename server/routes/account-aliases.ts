import type { FastifyInstance } from 'fastify';
import type { Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { declarationRoutes } from '../http/declarations';
import { byCostCentre } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

/** Account codes compare in any case, as a workbook's lookups do (`TRAVEL` and `travel` are one line). */
const anyCase = (column: string, param: string) => `lower(${column}) = lower(${param})`;

/**
 * Account aliases per cost centre (migration 19): an admin of the cost centre declares that an
 * account code is another's (`06100 → 6100` in CC1), so the split rule and the notice of other
 * people's moves take lines of the two codes as one line (the database's `budget_line`). The server
 * never infers one. Read by the cost centre's readers (they see why their proposals' steps are what
 * they are); written by an admin holding the cost centre. Kept as history (server/http/declarations.ts).
 */
export function accountAliasRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  declarationRoutes(app, db, {
    url: '/api/account-aliases',
    tags: ['account aliases'],
    entity: 'account_alias',
    table: 'account_aliases',
    keys: [
      { field: 'costCentre', column: 'cost_centre', schema: S.costCentre },
      { field: 'account', column: 'account', schema: S.account, matches: anyCase },
    ],
    value: { field: 'canonical', column: 'canonical', schema: S.account, matches: anyCase },
    read: byCostCentre('read', 'query'),
    write: byCostCentre('configure', 'body'),
    requiredFilters: ['costCentre'],
    summaries: {
      list: 'A cost centre’s account aliases (?costCentre=, required; ?removed=true lists removed ones too)',
      declare:
        'Declare an account code another’s in a cost centre: { costCentre, account, canonical } (an admin of the cost centre)',
      remove: 'Remove an account alias: { costCentre, account } (an admin of the cost centre)',
    },
    check: refusedAlias,
    costCentre: (body) => String(body.costCentre),
  });
}

/** 400 for a code aliased to itself (in any case); 409 for a chain (`a → b` where `b → c`, or `c → a`). */
async function refusedAlias(tx: Queryable, { costCentre, account, canonical }: Row): Promise<void> {
  const [from, to] = [String(account), String(canonical)];
  if (from.toLowerCase() === to.toLowerCase())
    throw ServerErrors.badRequest(`${from} and ${to} are one code already: accounts compare in any case.`);
  const chained = await tx.query<{ account: string; canonical: string }>(
    `SELECT account, canonical FROM account_aliases WHERE cost_centre = $1 AND removed_at IS NULL
       AND (lower(account) = lower($3) OR lower(canonical) = lower($2)) ORDER BY account LIMIT 1`,
    [costCentre, from, to],
  );
  const found = chained.rows[0];
  if (found)
    throw ServerErrors.aliasRefused(
      found.account.toLowerCase() === to.toLowerCase()
        ? `${to} is itself an alias of ${found.canonical} in ${String(costCentre)}; declare ${from} → ${found.canonical}`
        : `${from} is the canonical code of ${found.account} in ${String(costCentre)}; declare ${to} as theirs, or move them first`,
    );
}
