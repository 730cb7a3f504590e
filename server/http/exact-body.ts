/**
 * JSON bodies are taken as sent. The validator converts types to fit a schema (Fastify's Ajv,
 * `coerceTypes: 'array'`, which query strings need: `?fiscalYear=2026` is text), so in a body
 * `"0x10"` became the amount 16, `null` became 0, `true` 1 and `["CC1"]` the cost centre "CC1".
 * A body that validation had to convert is refused instead, naming the first converted value; and
 * a body nested deeper than any request needs, or with an object larger than any it needs, is
 * refused before it is parsed (`installJsonParser`, which also reads JSON as strict UTF-8).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_DRIVERS } from '../../src/model/limits';
import { HttpError } from '../errors';
import { fieldPath } from './positions';

const sentBodies = new WeakMap<FastifyRequest, unknown>();

/** Keeps each JSON body as sent, and refuses (400) one that validation converted. */
export function refuseConvertedBodies(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // CSV routes validate their rows themselves, from text; their JSON rows are not schema-typed.
    if (request.routeOptions.config.csv || typeof request.body !== 'object' || request.body === null) return;
    if (request.routeOptions.schema?.body) sentBodies.set(request, copyOf(request.body, 0));
  });
  app.addHook('preHandler', async (request) => {
    if (!sentBodies.has(request)) return;
    const sent = sentBodies.get(request);
    sentBodies.delete(request);
    const at = firstConversion(sent, request.body, 'body');
    if (at)
      throw new HttpError(
        400,
        'SERVER_INVALID_REQUEST',
        `${fieldPath('body', at.path.slice('body'.length), sent)} must be sent as a JSON ${kindOf(at.validated)}, ` +
          `not ${JSON.stringify(at.sent).slice(0, 40)}; ` +
          'the server converts nothing.',
        { context: 'body', path: at.path },
      );
  });
}

/**
 * Query strings are text the validator converts (`?limit=20` is 20), and it converts more than
 * decimal numbers: `0x10` was 16, ` 5` 5, and `Infinity`, `-Infinity` and `1e309` became infinite
 * numbers that then passed every minimum and maximum (Ajv checks bounds only on finite numbers):
 * `?limit=Infinity` passed a 1–500 limit. A number in a query or path is a finite decimal as sent
 * (`12`, `-0.5`, `1e2`), or a 400 before any handler.
 */
export function refuseOddQueryNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const sent = new URLSearchParams(request.url.split('?')[1] ?? '');
    for (const [context, values] of [
      ['querystring', request.query],
      ['params', request.params],
    ] as const) {
      if (typeof values !== 'object' || values === null) continue;
      for (const [key, value] of Object.entries(values)) {
        if (typeof value !== 'number') continue;
        const text = context === 'querystring' ? sent.get(key) : String(value);
        // A default the schema filled in was not sent, and is the server's own.
        if (text === null) continue;
        if (!Number.isFinite(value) || !DECIMAL.test(text))
          throw new HttpError(
            400,
            'SERVER_INVALID_REQUEST',
            `${fieldPath(context, `/${key}`)} must be a finite decimal number, not ${JSON.stringify(text.slice(0, 40))}.`,
            { context, path: key },
          );
      }
    }
  });
}

const DECIMAL = /^-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?$/;

/** No body the API takes is nested more than a few levels; deeper is refused before any work. */
export const MAX_BODY_DEPTH = 32;
/**
 * The most members one JSON object of a body may have: the largest the API takes is a scenario's
 * overrides, one per driver (MAX_DRIVERS, 500). V8 parses an object of ~95,000 members (1 MiB)
 * in about 0.2 s and copies it in 0.4 s more, where the same bytes as small objects take 0.04 s.
 */
export const MAX_OBJECT_MEMBERS = 2 * MAX_DRIVERS;

const tooDeep = () =>
  new HttpError(
    400,
    'SERVER_INVALID_REQUEST',
    `The body is nested more than ${MAX_BODY_DEPTH} levels deep; no request needs that.`,
    { context: 'body' },
  );

/**
 * Reads a JSON body as the API takes it, before `JSON.parse` spends anything on it: UTF-8 (RFC 8259;
 * bytes that are not, such as a Latin-1 "é", were read as U+FFFD and stored so), a `charset` other
 * than UTF-8 is a 415, and one linear pass over the text refuses a body nested more than
 * MAX_BODY_DEPTH levels or with an object of more than MAX_OBJECT_MEMBERS members (400), whose
 * parse alone held the event loop for tenths of a second per request. Then Fastify's own parser
 * (prototype poisoning refused).
 */
export function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, bytes, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset))
      return done(
        new HttpError(415, 'SERVER_UNSUPPORTED_MEDIA_TYPE', `JSON is sent as UTF-8, not ${charset.slice(0, 40)}.`),
        undefined,
      );
    let text: string;
    try {
      text = utf8.decode(bytes as Buffer);
    } catch {
      return done(
        new HttpError(400, 'SERVER_BAD_REQUEST', 'The body is not valid UTF-8 (JSON is sent as UTF-8).', {
          context: 'body',
        }),
        undefined,
      );
    }
    // No body at all, sent with a JSON content type (`curl -X POST -H 'content-type: application/json'`):
    // `{}` where the body has no required field, no body where the route takes none, else a 400
    // naming the fields to send.
    if (text.length === 0) {
      if (request.routeOptions.config.optionalBody) return done(null, {});
      const empty = emptyBodyProblem(request.routeOptions.schema?.body);
      return empty ? done(empty, undefined) : done(null, undefined);
    }
    const problem = shapeProblem(text);
    if (problem) return done(problem, undefined);
    parse(request, text, (error, body) => (error ? done(notJson(text), undefined) : done(null, body)));
  });
}

interface BodySchema {
  required?: readonly string[];
  minProperties?: number;
  properties?: Record<string, unknown>;
}

/**
 * What a route whose body has required fields (or needs one field of several, as an edit does)
 * answers when no body, an empty one or `{}` comes: a 400 naming what to send, in the API's words
 * (the parser's and the validator's were "Body cannot be empty when content-type is set to
 * 'application/json'", "body must be object", "body must NOT have fewer than 1 properties").
 * Undefined for a route that takes no body, or whose fields are all optional.
 */
export function emptyBodyProblem(body: unknown): HttpError | undefined {
  const wrapped = body as (BodySchema & { content?: Record<string, { schema?: BodySchema }> }) | undefined;
  const schema = wrapped?.content?.['application/json']?.schema ?? wrapped;
  if (!schema) return undefined;
  const required = schema.required ?? [];
  // `version` may ride along with an edit (as If-Match does), and changes nothing by itself.
  const fields = Object.keys(schema.properties ?? {}).filter((field) => field !== 'version');
  const send =
    required.length > 0
      ? required.join(', ')
      : schema.minProperties && fields.length > 0
        ? `at least one of ${fields.join(', ')}`
        : undefined;
  return send === undefined
    ? undefined
    : new HttpError(400, 'SERVER_BAD_REQUEST', `The body is empty; send a JSON object with ${send}.`, {
        context: 'body',
      });
}

/**
 * The 400 for a body that is not JSON, or JSON holding a `__proto__` or `constructor.prototype` key
 * (Fastify's parser refuses both alike, as "Body is not valid JSON but content-type is set to
 * 'application/json'"): which of the two, and where the text stops being JSON.
 */
function notJson(text: string): HttpError {
  try {
    JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    return new HttpError(
      400,
      'SERVER_BAD_REQUEST',
      `The body is not valid JSON${at === undefined ? '' : ` (from character ${Number(at) + 1})`}; send a JSON object.`,
      { context: 'body', ...(at === undefined ? {} : { position: Number(at) }) },
    );
  }
  return new HttpError(
    400,
    'SERVER_BAD_REQUEST',
    'The body holds a "__proto__" or "constructor.prototype" key, which no request takes.',
    { context: 'body' },
  );
}

/** The first way `text` (JSON or not) is nested too deep or holds too large an object, if any. */
export function shapeProblem(text: string): HttpError | undefined {
  // Per open container (bounded: deeper is refused): 1 an object, 2 an array, and an object's members.
  const kinds = new Uint8Array(MAX_BODY_DEPTH + 2);
  const members = new Uint32Array(MAX_BODY_DEPTH + 2);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_BODY_DEPTH) return tooDeep();
      kinds[depth] = c === 0x7b ? 1 : 2;
      members[depth] = 0;
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1);
    else if (c === 0x3a && kinds[depth] === 1 && depth > 0 && ++members[depth] > MAX_OBJECT_MEMBERS)
      return new HttpError(
        400,
        'SERVER_INVALID_REQUEST',
        `An object in the body has more than ${MAX_OBJECT_MEMBERS} members; no request needs that.`,
        { context: 'body' },
      );
  }
  return undefined;
}

/** A copy of a parsed JSON value, refused (400) past MAX_BODY_DEPTH levels. */
function copyOf(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_BODY_DEPTH) throw tooDeep();
  if (Array.isArray(value)) return value.map((item) => copyOf(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyOf(item, depth + 1)]));
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** The first place where `validated` differs from `sent` (what the validator converted), if any. */
export function firstConversion(
  sent: unknown,
  validated: unknown,
  path: string,
): { path: string; sent: unknown; validated: unknown } | undefined {
  if (kindOf(sent) !== kindOf(validated)) return { path, sent, validated };
  if (Array.isArray(sent) && Array.isArray(validated)) {
    if (sent.length !== validated.length) return { path, sent, validated };
    for (const [i, item] of sent.entries()) {
      const found = firstConversion(item, validated[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof sent === 'object' && sent !== null) {
    const given = sent as Record<string, unknown>;
    const kept = validated as Record<string, unknown>;
    for (const key of new Set([...Object.keys(given), ...Object.keys(kept)])) {
      const found = firstConversion(given[key], kept[key], `${path}/${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return sent === validated ? undefined : { path, sent, validated };
}
