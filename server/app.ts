import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { installPolicy, type RegisteredRoute } from './auth/policy';
import { tokenVerifier, type TrustedIssuer } from './auth/verify-token';
import { PERIOD_PATTERN, PERIOD_RULE_TEXT } from '../src/model/names';
import type { ServerConfig } from './config';
import { isDataException, pgCode, PgCodes, type Db } from './db/db';
import type { AuditProtection } from './db/open-db';
import { HttpError } from './errors';
import { emptyBodyProblem, installJsonParser, refuseConvertedBodies, refuseOddQueryNumbers } from './http/exact-body';
import { optionalBodiesInOpenapi, trackMethods } from './http/route';
import * as S from './http/schemas';
import { actualsRoutes } from './routes/actuals';
import { adjustmentRoutes } from './routes/adjustments';
import { approvalChainRoutes } from './routes/approval-chain';
import { flagRoutes } from './routes/flags';
import { webhookRoutes } from './routes/webhooks';
import { auditRoutes } from './routes/audit';
import { healthRoutes } from './routes/health';
import { kpiRoutes } from './routes/kpis';
import { meRoutes } from './routes/me';
import { modelRoutes } from './routes/models';
import { peopleRoutes } from './routes/people';
import { accountAliasRoutes } from './routes/account-aliases';
import { proposalRoutes } from './routes/proposals';
import { reviewRoutes } from './routes/reviews';
import { versionRoutes } from './routes/versions';
import { fieldPath } from './http/positions';

export interface BuiltApp {
  app: FastifyInstance;
  /** Every `/api/` route with its access policy (the authorisation matrix enumerates these). */
  routes: RegisteredRoute[];
  /** Marks the server as shutting down: `/ready` answers 503 from then on. */
  beginShutdown(): void;
}

/**
 * Builds the Fastify application over an opened, migrated database. Nothing listens yet:
 * `main.ts` calls `listen`, tests call `inject`.
 */
export async function buildApp(
  config: ServerConfig,
  db: Db,
  options: { issuers: readonly TrustedIssuer[]; logger?: boolean; protection?: AuditProtection },
): Promise<BuiltApp> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: config.bodyLimitBytes,
    // A client sending slowly cannot hold a socket: the whole request must arrive within the
    // timeout (408 otherwise), and an idle keep-alive connection closes after a few seconds.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs + 5_000,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    genReqId: () => randomUUID(),
    // Behind the proxies the operator lists, a request is the client's its X-Forwarded-For names (the
    // rate limit is per client, not one for everyone behind the proxy); nobody else's header counts.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    // Unknown properties are refused (not silently dropped), so a probe cannot smuggle fields.
    ajv: { customOptions: { removeAdditional: false, allErrors: false, formats: { 'display-name': S.displayName } } },
    // What the router and the HTTP parser refuse answers in the catalogue's shape too.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      // These replies skip the onSend hooks: the hardening headers are set here.
      void (reply as FastifyReply)
        .code(tooLong ? 414 : 400)
        .headers(HARDENING)
        .send({
          error: tooLong
            ? {
                code: 'SERVER_URL_TOO_LONG',
                message: 'A part of the path is longer than any id (at most 100 characters).',
              }
            : { code: 'SERVER_BAD_URL', message: 'The path holds a malformed percent-encoding.' },
        });
    },
    clientErrorHandler: answerClientError,
  });
  let closing = false;

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'OpenFPA server', version: '1.0.0', description: 'Optional backend of the OpenFPA Excel add-in.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transformObject: (document) => optionalBodiesInOpenapi('openapiObject' in document ? document.openapiObject : {}),
  });
  await app.register(cors, {
    // Only the add-in's origin gets CORS headers; any other origin gets none.
    origin: (origin, callback) => callback(null, origin === config.corsOrigin),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'],
    // A list's next page (server/http/paging.ts) is in headers the pane's fetch must be let read.
    exposedHeaders: ['ETag', 'Idempotent-Replayed', 'X-Next-Cursor', 'Link'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
    // The catalogue's shape and a code of its own (the plugin's error had none: SERVER_BAD_REQUEST).
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'SERVER_RATE_LIMITED',
        `Too many requests from your address (at most ${context.max} a minute); try again in ${context.after}.`,
        { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      ),
  });
  // Every answer, errors and unknown routes included: answers are per-user JSON that no browser
  // should sniff into HTML, render in a frame, or keep in a cache.
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(HARDENING);
  });

  // JSON everywhere; CSV only where a route says so (config.csv). Anything else is a 415.
  app.removeContentTypeParser('text/plain');
  installJsonParser(app);
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('preValidation', async (request) => {
    // A string body is CSV text here (JSON text such as `"x"` meets the body schema: "must be a JSON object").
    const csv =
      typeof request.body === 'string' && !/^\s*application\/json/i.test(request.headers['content-type'] ?? '');
    if (csv && !request.routeOptions.config.csv) {
      throw new HttpError(415, 'SERVER_UNSUPPORTED_MEDIA_TYPE', 'This route accepts application/json only.');
    }
  });
  refuseConvertedBodies(app);
  refuseOddQueryNumbers(app);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A QUERY without a Content-Type is refused by the framework before the router's answer; no
    // route takes QUERY, so it is the 405 or 404 any other method no route takes gets.
    if (error.code === 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE') return answerNoRoute(request, reply);
    const { status, code, message, details } = describeError(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // A 429 says when to come back in the header too (the rate limit's plugin sets its own).
    const retryAfter = details?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number' && !reply.hasHeader('retry-after'))
      reply.header('retry-after', String(retryAfter));
    return reply.code(status).send({ error: { code, message, ...(details ? { details } : {}) } });
  });
  // A path some route has, asked with a method none takes: 405 with the methods it takes. Answered
  // here, before any route's policy (no route was matched): it depends on the path and the method
  // only (the route table /openapi.json publishes), reads no record and names none.
  const methodsOf = trackMethods(app);
  const answerNoRoute = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    // OPTIONS is the CORS plugin's: a request that is no preflight stays a 404, as it was.
    const allow = request.method === 'OPTIONS' ? [] : methodsOf(request.url);
    if (allow.length > 0) {
      return reply
        .code(405)
        .header('allow', allow.join(', '))
        .send({
          error: {
            code: 'SERVER_METHOD_NOT_ALLOWED',
            message: `${path} takes ${allow.join(', ')}, not ${request.method}.`,
          },
        });
    }
    return reply.code(404).send({ error: { code: 'SERVER_NO_ROUTE', message: `No route ${request.method} ${path}.` } });
  };
  app.setNotFoundHandler(answerNoRoute);

  const routes = installPolicy(app, db, tokenVerifier(options.issuers, { maxAgeSeconds: config.tokenMaxAgeSeconds }));
  const deps = { db };
  healthRoutes(app, deps, () => closing);
  meRoutes(app);
  // The route table, to anyone: written once (130 kB), and rate limited like every other request
  // (unlimited, a flood of it cost the server a serialisation of the whole document each).
  let openapi: string | undefined;
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    openapi ??= JSON.stringify(app.swagger());
    return reply.type('application/json; charset=utf-8').send(openapi);
  });
  modelRoutes(app, deps);
  versionRoutes(app, deps);
  actualsRoutes(app, deps, { importBodyLimit: config.importBodyLimitBytes, importQueueMax: config.importQueueMax });
  reviewRoutes(app, deps);
  proposalRoutes(app, deps);
  approvalChainRoutes(app, deps);
  peopleRoutes(app, deps);
  accountAliasRoutes(app, deps);
  flagRoutes(app, deps, config);
  kpiRoutes(app, deps);
  adjustmentRoutes(app, deps);
  webhookRoutes(app, deps, { allowPrivate: config.webhookAllowPrivate });
  auditRoutes(app, deps, options.protection ?? 'single-role');
  await app.ready();
  return { app, routes, beginShutdown: () => (closing = true) };
}

/** The answers that stay the same on every response (see the onSend hook). */
const HARDENING = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * A request the HTTP parser refused before Fastify saw it (headers past the size limit, a request
 * not received in time, malformed HTTP): answered on the socket, in the catalogue's shape and with
 * the headers every answer carries, then closed (as Fastify's own handler does, with its own body).
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'SERVER_REQUEST_TIMEOUT', 'The request did not arrive in time.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'SERVER_HEADERS_TOO_LARGE', 'The request’s headers (its token among them) are too large.']
        : [400, 'SERVER_BAD_REQUEST', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  const headers = Object.entries({
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...HARDENING,
    connection: 'close',
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.join('')}\r\n${body}`);
  socket.destroy(error);
}

/**
 * What the framework refuses before a route runs (the body parser, the content type), in the
 * catalogue's codes and words: its own (`FST_ERR_…`, "Unsupported Media Type", "Request body is too
 * large", "Request body size did not match Content-Length") named the framework, not what to send.
 * Any other refusal that is not the catalogue's (a stream error's code and text, say) answers by its
 * status alone: no text but the server's own reaches a client.
 */
function frameworkRefusal(
  error: FastifyError,
  status: number,
  request: FastifyRequest,
): { code: string; message: string } {
  if (status === 413) {
    const limit = request.routeOptions.bodyLimit ?? 0;
    return {
      code: 'SERVER_PAYLOAD_TOO_LARGE',
      message: `The body is larger than this route takes (at most ${limit >= 1 << 20 ? `${limit / (1 << 20)} MiB` : `${limit} bytes`}).`,
    };
  }
  if (status === 415)
    return {
      code: 'SERVER_UNSUPPORTED_MEDIA_TYPE',
      message: request.routeOptions.config.csv
        ? 'This route accepts application/json or text/csv.'
        : 'This route accepts application/json only.',
    };
  if (error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return { code: 'SERVER_BAD_REQUEST', message: 'The body is not as long as its Content-Length says.' };
  return {
    code: status === 404 ? 'SERVER_NO_ROUTE' : 'SERVER_BAD_REQUEST',
    message: status === 404 ? 'No such route.' : `The request was refused (${status} ${STATUS_CODES[status] ?? ''}).`,
  };
}

function describeError(
  error: FastifyError,
  request: FastifyRequest,
): {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
} {
  if (error instanceof HttpError)
    return { status: error.statusCode, code: error.code, message: error.message, details: error.details };
  if (error.validation) {
    const [first] = error.validation;
    // `{}` where an edit needs one field ("body must NOT have fewer than 1 properties"): what to send.
    const empty =
      first?.keyword === 'minProperties' && first.instancePath === '' && error.validationContext === 'body'
        ? emptyBodyProblem(request.routeOptions.schema?.body)
        : undefined;
    if (empty) return { status: 400, code: empty.code, message: empty.message, details: empty.details };
    // `null`, a number, text or a list sent as the body ("body must be object").
    if (first?.keyword === 'type' && first.instancePath === '' && error.validationContext === 'body')
      return {
        status: 400,
        code: 'SERVER_INVALID_REQUEST',
        message: `The body must be a JSON ${String(first.params.type)}.`,
        details: { context: 'body' },
      };
    const nameRule = first?.keyword === 'format' && first.params.format === 'display-name';
    // A period's pattern, in words: `body.lines[1].period must be a month written YYYY-MM, from 1900-01 …`.
    const periodRule = first?.keyword === 'pattern' && first.params.pattern === PERIOD_PATTERN;
    // The field as people count (`body.lines[1]` is the first line), not the validator's pointer from 0.
    const context = error.validationContext ?? '';
    const field = first
      ? fieldPath(context, first.instancePath, (request as unknown as Record<string, unknown>)[context])
      : context;
    const said = first ? `${field} ${first.message ?? 'is not valid'}` : error.message;
    return {
      status: 400,
      code: 'SERVER_INVALID_REQUEST',
      message: nameRule
        ? `${said}: ${S.DISPLAY_NAME_RULE}.`
        : periodRule
          ? `${field} must be ${PERIOD_RULE_TEXT}.`
          : said,
      details: { context: error.validationContext },
    };
  }
  const sqlState = pgCode(error);
  if (sqlState === PgCodes.uniqueViolation)
    return { status: 409, code: 'SERVER_DUPLICATE', message: 'That already exists.' };
  if (sqlState === PgCodes.checkViolation || sqlState === PgCodes.foreignKeyViolation) {
    return { status: 400, code: 'SERVER_CONSTRAINT', message: 'The request breaks a data rule.' };
  }
  // A value the schema let through but the database cannot hold (a date or number out of range).
  if (isDataException(sqlState))
    return { status: 400, code: 'SERVER_INVALID_VALUE', message: 'A value in the request is out of range.' };
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, ...frameworkRefusal(error, status, request) };
  return { status: 500, code: 'SERVER_INTERNAL', message: 'The server hit an internal problem; it is logged.' };
}
