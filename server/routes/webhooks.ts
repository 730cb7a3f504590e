import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { userOf } from '../auth/policy';
import { BY_CREATION, readPage } from '../http/paging';
import { createRoute, listRoute, updateRoute, withPaging } from '../http/record-routes';
import { RESOURCES } from '../http/resources';
import { anywhere, apiRoute } from '../http/route';
import * as S from '../http/schemas';
import { ServerErrors } from '../errors';
import { EVENT_KINDS } from '../notify/events';
import { refusedUrl } from '../notify/webhook-target';
import type { RouteDeps } from './deps';

const WEBHOOK = RESOURCES.webhook;
const url = { type: 'string', maxLength: 2000, pattern: '^https?://[^\\s]+$' } as const;
const events = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: EVENT_KINDS } } as const;
// At least one: an empty list received nothing and, naming no cost centre, was every admin's to change.
const costCentres = { type: 'array', minItems: 1, maxItems: 1000, items: S.costCentre } as const;
const secret = { type: 'string', minLength: 16, maxLength: 256, pattern: '^[\\x21-\\x7e]+$' } as const;

/**
 * A webhook as the audit log records it. A chat incoming-webhook URL is itself the credential
 * (whoever has it can post to the channel), and any URL may carry a user and password or a token
 * in its path or query: the log keeps the origin and a fingerprint, so a change of URL still shows.
 */
function forAudit(row: Record<string, unknown>): Record<string, unknown> {
  const url = String(row.url);
  let origin = 'unreadable';
  try {
    origin = new URL(url).origin;
  } catch {
    // kept as 'unreadable': the fingerprint still tells URLs apart
  }
  const fingerprint = createHash('sha256').update(url).digest('hex').slice(0, 16);
  return { ...row, url: `${origin}/… (sha256 ${fingerprint})` };
}

/**
 * The cost centres whose events a new webhook receives: its list, or every cost centre ("*") without
 * one. An admin subscribes (and reads, changes and lists the deliveries of) webhooks of the cost
 * centres their token holds: a webhook carries those centres' proposals and flags, and its URL may
 * be a chat channel's credential.
 */
const hookCentres = (body: unknown): string[] => (body as Partial<NewWebhook> | undefined)?.costCentres ?? ['*'];

interface NewWebhook {
  url: string;
  format: 'slack' | 'teams' | 'generic';
  events: string[];
  costCentres?: string[];
  secret?: string;
}

/**
 * Webhook subscriptions (admins): where to send which events, in which format — `slack` and
 * `teams` post an incoming-webhook `{ text }`; `generic` posts the event as JSON signed with
 * HMAC-SHA256 (header `X-OpenFPA-Signature`). A generic webhook without a secret gets a generated
 * one, shown once in the answer to its creation. Deliveries can be listed per webhook.
 */
export function webhookRoutes(app: FastifyInstance, { db }: RouteDeps, options: { allowPrivate: boolean }): void {
  const checkUrl = (target: string | undefined): void => {
    const why = target === undefined ? null : refusedUrl(target, options.allowPrivate);
    if (why) throw ServerErrors.badRequest(`The webhook URL is refused: ${why}.`);
  };
  const tags = ['webhooks'];
  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/webhooks',
      tags,
      summary: 'Webhook subscriptions of your cost centres (admin): those whose every cost centre your token holds',
      access: anywhere('configure'),
      querystring: withPaging(undefined),
      response: { 200: { type: 'array', items: S.looseObject } },
    },
    async (request, reply) => {
      const { costCentres } = userOf(request);
      return readPage(db, request, reply, {
        columns: WEBHOOK.columns,
        from: 'webhooks',
        conditions: ['($1::text[] IS NULL OR (cardinality(cost_centres) > 0 AND cost_centres <@ $1::text[]))'],
        values: [costCentres === '*' ? null : [...costCentres]],
        keys: BY_CREATION,
      });
    },
  );

  createRoute<NewWebhook>(app, db, {
    url: '/api/webhooks',
    tags,
    summary: 'Subscribe a webhook to events of your cost centres (admin; without costCentres: every cost centre)',
    access: { action: 'configure', scopes: [{ from: 'body', list: hookCentres }] },
    body: {
      type: 'object',
      required: ['url', 'format', 'events'],
      additionalProperties: false,
      properties: { url, format: { type: 'string', enum: ['slack', 'teams', 'generic'] }, events, costCentres, secret },
    },
    response: S.looseObject,
    resource: WEBHOOK,
    check: (body) => checkUrl(body.url),
    insert: async ({ tx, body, user }) => {
      const key = body.secret ?? (body.format === 'generic' ? randomBytes(32).toString('hex') : null);
      const row = (
        await tx.query(
          `INSERT INTO webhooks (url, format, events, cost_centres, secret, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${WEBHOOK.columns}`,
          [body.url, body.format, body.events, body.costCentres ?? null, key, user.id],
        )
      ).rows[0];
      return body.secret === undefined && key ? { ...row, secret: key } : row;
    },
    // The generated secret is shown once, to the admin who asked; the audit log (read by every
    // auditor) records only that the webhook is signed, and the URL without its secret parts.
    audited: ({ secret: _shownOnce, ...row }) => forAudit(row),
    costCentre: () => '',
  });

  updateRoute<Partial<NewWebhook> & { active?: boolean }>(app, db, {
    method: 'PATCH',
    url: '/api/webhooks/:id',
    tags,
    summary: 'Change or pause a webhook of your cost centres (admin; If-Match)',
    access: {
      action: 'configure',
      scopes: [
        { resource: 'webhook', param: 'id' },
        { from: 'body', list: (body) => (body as Partial<NewWebhook>).costCentres ?? [] },
      ],
    },
    params: S.idParams,
    body: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { url, events, costCentres, secret, active: { type: 'boolean' }, version: S.version },
    },
    response: S.looseObject,
    resource: WEBHOOK,
    verb: 'update',
    guard: (_current, { body }) => checkUrl(body.url),
    set: ({ body: b, user }) => ({
      sql: `url = coalesce($2, url), events = coalesce($3, events), cost_centres = coalesce($4, cost_centres),
        secret = coalesce($5, secret), active = coalesce($6, active), updated_by = $7`,
      values: [b.url ?? null, b.events ?? null, b.costCentres ?? null, b.secret ?? null, b.active ?? null, user.id],
    }),
    audited: forAudit,
    auditedBefore: forAudit,
  });

  listRoute(app, db, {
    url: '/api/webhooks/:id/deliveries',
    tags,
    summary: 'Deliveries of a webhook of your cost centres, newest first (admin)',
    access: { action: 'configure', scopes: [{ resource: 'webhook', param: 'id' }] },
    params: S.idParams,
    item: S.looseObject,
    source: {
      table: 'webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id',
      columns: `d.id, d.event_id AS "eventId", e.kind, d.state, d.attempts, d.next_attempt_at AS "nextAttemptAt",
        d.last_status AS "lastStatus", d.last_error AS "lastError", d.delivered_at AS "deliveredAt", e.created_at AS "createdAt"`,
    },
    where: { id: 'd.webhook_id = $' },
    order: [{ sql: 'd.id', type: 'bigint', desc: true }],
  });
}
