/**
 * Registering an API route: its method and URL, its OpenAPI description and, required by the type,
 * who may call it (`access`, enforced by auth/policy.ts for every `/api/` route). The bearer
 * security scheme and the error responses every route can give are added here, once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../auth/policy';
import { ServerErrors } from '../errors';
import { emptyBodyProblem } from './exact-body';
import * as S from './schemas';

export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The OpenAPI group and one-line summary. */
  tags: readonly string[];
  summary: string;
  /** Who may call the route: the action their role needs and the cost centres it touches. */
  access: Access;
  params?: object;
  querystring?: object;
  body?: object;
  /** Success answers by status code (the error answers are added). */
  response: Record<number, object>;
  /** The route changes a versioned record: it needs If-Match (428 without). */
  ifMatch?: boolean;
  /** The route also accepts text/csv bodies. */
  csv?: boolean;
  bodyLimit?: number;
}

const bearer = [{ bearer: [] }];

/** Registers `route` with `handler`. */
export function apiRoute(app: FastifyInstance, route: ApiRoute, handler: Handler): void {
  const { params, querystring, body } = route;
  app.route({
    method: route.method,
    url: route.url,
    ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
    config: {
      access: route.access,
      ...(route.csv ? { csv: true } : {}),
      ...(allOptional(body) ? { optionalBody: true } : {}),
    },
    // A write that declares no body takes none: fields sent anyway are refused, not silently dropped.
    // One whose body has no required field takes none too, as `{}` (`curl -X POST` sends nothing).
    // One whose body needs a field says which when none comes (as when an empty one comes).
    ...(body || route.method === 'GET'
      ? allOptional(body)
        ? { preValidation: absentAsEmpty }
        : body
          ? { preValidation: refuseAbsent }
          : {}
      : { preValidation: refuseBody }),
    schema: {
      tags: [...route.tags],
      security: bearer,
      summary: route.summary,
      ...(params ? { params } : {}),
      ...(querystring ? { querystring } : {}),
      ...(body ? { body } : {}),
      response: { ...route.response, ...S.errorResponses, ...(route.ifMatch ? { 428: S.errorBody } : {}) },
    },
    handler,
  });
}

/** Refuses a body with anything in it (an empty object, as some clients send with DELETE, is none). */
async function refuseBody(request: FastifyRequest): Promise<void> {
  const sent = request.body;
  if (sent === undefined || sent === null) return;
  if (typeof sent === 'object' && !Array.isArray(sent) && Object.keys(sent).length === 0) return;
  throw ServerErrors.badRequest(
    `${request.method} ${request.routeOptions.url ?? ''} takes no body; send the version you read as If-Match.`,
  );
}

/** No body where the route needs one: the 400 an empty JSON body gets, naming the fields to send. */
async function refuseAbsent(request: FastifyRequest): Promise<void> {
  if (request.body !== undefined) return;
  const problem = emptyBodyProblem(request.routeOptions.schema?.body);
  if (problem) throw problem;
}

/**
 * A JSON object body none of whose fields is required (no `required`, no `minProperties`): the
 * transitions' `{ version?, comment? }`, a forget's `{ reason? }`. A body with a required field keeps
 * its 400 when absent, naming the fields to send (`emptyBodyProblem`).
 */
export function allOptional(body: object | undefined): boolean {
  if (!body) return false;
  const schema = body as { type?: unknown; required?: readonly string[]; minProperties?: number };
  return schema.type === 'object' && (schema.required ?? []).length === 0 && !schema.minProperties;
}

/** The OpenAPI document says so too: a body with no required field need not be sent. */
export function optionalBodiesInOpenapi<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, OpenapiOperation>> }).paths ?? {};
  for (const operations of Object.values(paths))
    for (const operation of Object.values(operations)) {
      const body = operation.requestBody;
      if (body && allOptional(body.content?.['application/json']?.schema)) body.required = false;
    }
  return document;
}

interface OpenapiOperation {
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
}

/** Reads an absent body as `{}` (an empty one with a JSON content type is, by the JSON parser). */
async function absentAsEmpty(request: FastifyRequest): Promise<void> {
  if (request.body === undefined) request.body = {};
}

/** The cost centre named in the query (`from: 'query'`) or body (`from: 'body'`) decides access. */
export const byCostCentre = (action: Access['action'], from: 'query' | 'body'): Access => ({
  action,
  scopes: [{ from, key: 'costCentre' }],
});

/**
 * The cost centres of the stored record whose id is path parameter `param` decide access: reading
 * needs one of them, any other action all of them.
 */
export const byRecord = (action: Access['action'], resource: ResourceKindOf, param = 'id'): Access => ({
  action,
  scopes: [{ resource, param, match: action === 'read' ? 'any' : 'all' }],
});

/** A route with no cost centre in the request (global settings, or lists filtered by the token). */
export const anywhere = (action: Access['action']): Access => ({ action, scopes: [] });

type ResourceKindOf = Extract<Access['scopes'][number], { resource: unknown }>['resource'];

/** The order methods are listed in an `Allow` header. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHOD_ORDER)[number];

/**
 * Collects every method a route is registered with (HEAD comes with each GET route) and answers
 * which of them the router takes for a request path: the `Allow` of a 405. Asked of the router
 * itself (`findRoute`, the matching a request gets: parameters, static before parametric), so it
 * cannot drift from the routes. OPTIONS is left out: the CORS plugin's preflight route takes it on
 * every path, so it says nothing about one. Empty when no route has the path (a 404). Install
 * before any route is registered.
 */
export function trackMethods(app: FastifyInstance): (url: string) => string[] {
  const methods = new Set<Method>();
  let known: { method: Method; url: string } | undefined;
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const listed = METHOD_ORDER.find((m) => m === method);
      if (!listed) continue;
      methods.add(listed);
      if (!route.url.includes('*')) known ??= { method: listed, url: route.url };
    }
  });
  return (url) => {
    if (!known) return [];
    // Every route shares Fastify's one route handler; a malformed or over-long path finds another
    // (the router's refusal), which is no route of that method.
    const routeHandler = app.findRoute(known).handler;
    return METHOD_ORDER.filter(
      (method) => methods.has(method) && app.findRoute({ method, url })?.handler === routeHandler,
    );
  };
}
