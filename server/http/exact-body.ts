/**
 * JSON bodies are taken as sent. The validator converts types to fit a schema (Fastify's Ajv,
 * `coerceTypes: 'array'`, which query strings need: `?fiscalYear=2026` is text), so in a body
 * `"0x10"` became the amount 16, `null` became 0, `true` 1 and `["CC1"]` the cost centre "CC1".
 * A body that validation had to convert is refused instead, naming the first converted value; and
 * a body nested deeper than any request needs is refused before it is validated.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors';

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
        `${at.path} must be sent as a JSON ${kindOf(at.validated)}, not ${JSON.stringify(at.sent).slice(0, 40)}; ` +
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
            `${context}/${key} must be a finite decimal number, not ${JSON.stringify(text.slice(0, 40))}.`,
            { context, path: key },
          );
      }
    }
  });
}

const DECIMAL = /^-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?$/;

/** No body the API takes is nested more than a few levels; deeper is refused before any work. */
export const MAX_BODY_DEPTH = 32;

/** A copy of a parsed JSON value, refused (400) past MAX_BODY_DEPTH levels. */
function copyOf(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_BODY_DEPTH)
    throw new HttpError(
      400,
      'SERVER_INVALID_REQUEST',
      `The body is nested more than ${MAX_BODY_DEPTH} levels deep; no request needs that.`,
      { context: 'body' },
    );
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
