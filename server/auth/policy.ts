import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { ServerErrors } from '../errors';
import { mayAccess, mayAct, type Action, type AuthUser } from '../../src/model/roles';
import { RESOURCES, type ResourceKind } from '../http/resources';
import type { TokenVerifier } from './verify-token';

/** Where a route finds the cost centre(s) a request touches. */
export type Scope =
  /** A cost centre named in the request. `optional`: when absent, only all-centre users pass. */
  | { from: 'body' | 'query'; key: string; optional?: boolean }
  /** Every cost centre a body names (a proposal's lines): the user must hold each. */
  | { from: 'body'; list: (body: unknown) => string[] }
  /**
   * The cost centres of a stored resource whose id is a path parameter: the user must hold every
   * one, or (`match: 'any'`, for reading) at least one.
   */
  | { resource: ResourceKind; param: string; match?: 'all' | 'any' };

/** Every `/api/` route declares this in `config.access`; a route without it fails to register. */
export interface Access {
  action: Action;
  scopes: readonly Scope[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route also accepts text/csv bodies. */
    csv?: boolean;
    /** Every field of the route's body is optional: no body (or an empty one) is read as `{}`. */
    optionalBody?: boolean;
  }
  interface FastifyRequest {
    user?: AuthUser;
  }
}

/** One registered API route, as the authorisation matrix test enumerates them. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

/**
 * Installs authentication and authorisation for every `/api/` route, in one place:
 * 1. at registration, a route without `config.access` is refused (no route can be forgotten);
 * 2. on request, the bearer token is verified (401) and the role checked against the action (403);
 * 3. after validation, every cost centre the request touches is checked against the token (403);
 *    a resource that does not exist, or that has none of the token's cost centres, is a 404.
 * Returns the list the registered routes are collected into.
 */
export function installPolicy(app: FastifyInstance, db: Db, verify: TokenVerifier): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const authenticate = async (request: FastifyRequest): Promise<void> => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    const user = await verify(request.headers.authorization);
    if (!mayAct(user.roles, access.action)) throw ServerErrors.forbiddenRole(user.roles, access.action);
    request.user = user;
  };
  const authorise = async (request: FastifyRequest): Promise<void> => {
    const access = request.routeOptions.config.access;
    if (!access || !request.user) return;
    for (const scope of access.scopes) {
      const costCentres = await costCentresOf(request, scope, db);
      const user = request.user;
      const held = costCentres.filter((c) => mayAccess(user, c));
      // A record of none of the token's cost centres is answered as one that does not exist: a 403
      // would tell another cost centre's ids from unknown ones.
      if ('resource' in scope && held.length === 0) throw notFound(request, scope);
      if ('match' in scope && scope.match === 'any' && held.length > 0) continue;
      for (const costCentre of costCentres) {
        if (!mayAccess(user, costCentre)) throw ServerErrors.forbiddenCostCentre(costCentre);
      }
    }
  };

  // What an answer says of other records follows the same rule as the records: see `withoutUnreadable`.
  const redact = async (request: FastifyRequest, _reply: unknown, payload: unknown): Promise<unknown> =>
    request.user ? withoutUnreadable(payload, request.user) : payload;

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access policy`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access });
    }
    // Route-level hooks run after the rate limiter's, so failed sign-ins are rate limited too.
    route.onRequest = [...[route.onRequest ?? []].flat(), authenticate];
    route.preHandler = [...[route.preHandler ?? []].flat(), authorise];
    route.preSerialization = [...[route.preSerialization ?? []].flat(), redact];
  });
  return routes;
}

async function costCentresOf(request: FastifyRequest, scope: Scope, db: Db): Promise<string[]> {
  if ('resource' in scope) {
    const id = (request.params as Record<string, string>)[scope.param];
    const { table, key, costCentres } = RESOURCES[scope.resource];
    const found = await db.query<{ cost_centres: string[] }>(
      `SELECT ${costCentres} AS cost_centres FROM ${table} WHERE ${key} = $1`,
      [id],
    );
    if (found.rowCount === 0) throw notFound(request, scope);
    return found.rows[0].cost_centres;
  }
  if ('list' in scope) return scope.list(request.body);
  const source = (scope.from === 'body' ? request.body : request.query) as Record<string, unknown> | undefined;
  const value = source?.[scope.key];
  if (typeof value === 'string') return [value];
  if (scope.optional) {
    if (request.user?.costCentres === '*') return [];
    throw ServerErrors.badRequest(`${scope.key} is required unless your token covers every cost centre.`);
  }
  throw ServerErrors.badRequest(`${scope.key} is required.`);
}

/** The 404 of a record route: the same for a record that does not exist and one the token may not see. */
function notFound(request: FastifyRequest, scope: Extract<Scope, { resource: unknown }>) {
  return ServerErrors.notFound(scope.resource, (request.params as Record<string, string>)[scope.param]);
}

/** The signed-in user of a request that passed the policy (routes call this, never `request.user!`). */
export function userOf(request: FastifyRequest): AuthUser {
  if (!request.user) throw ServerErrors.unauthenticated('no user on this request');
  return request.user;
}

/**
 * An answer as `user` may see it. A proposal's chain step added for the amount it moves together
 * (`addedFor`, chain-steps.ts moveTogether) names the related proposals; a reader of one of the
 * proposal's cost centres may read it, not necessarily those. Every related proposal of none of the
 * user's cost centres (or stored without them, before they were kept) is left out of `together` and
 * counted in `hidden`; `amountTogether` stays the true total (it is why the step is there). Applied
 * once, to every `/api/` answer (records, lists, change answers, stored idempotent answers, errors
 * carrying the current record, audit records), so no route can forget it. A token for every cost
 * centre sees all: its answers are not walked.
 */
export function withoutUnreadable(payload: unknown, user: AuthUser): unknown {
  if (user.costCentres === '*') return payload;
  const readable = (entry: unknown): boolean => {
    const centres = (entry as { costCentres?: unknown } | null)?.costCentres;
    return Array.isArray(centres) && centres.some((c) => typeof c === 'string' && mayAccess(user, c));
  };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((v: unknown, i) => {
        const seen = walk(v);
        if (seen !== v) (copy ??= [...value])[i] = seen;
      });
      return copy ?? value;
    }
    if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value;
    // A chain step (`step`, `addedFor`, …); any other object is walked through.
    const step = 'step' in value && 'addedFor' in value;
    let copy: Record<string, unknown> | undefined;
    for (const [key, v] of Object.entries(value)) {
      const seen = step && key === 'addedFor' ? related(v) : walk(v);
      if (seen !== v) (copy ??= { ...(value as Record<string, unknown>) })[key] = seen;
    }
    return copy ?? value;
  };
  const related = (addedFor: unknown): unknown => {
    const together = (addedFor as { together?: unknown } | null)?.together;
    if (!Array.isArray(together)) return addedFor;
    const shown = together.filter(readable);
    if (shown.length === together.length) return addedFor;
    const before = (addedFor as { hidden?: unknown }).hidden;
    const hidden = (typeof before === 'number' ? before : 0) + together.length - shown.length;
    return { ...(addedFor as object), together: shown, hidden };
  };
  return walk(payload);
}
