import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditChange } from '../../src/model/audit';
import { userOf } from '../auth/policy';
import { pgCode, PgCodes, type Db, type Queryable } from '../db/db';
import { ServerErrors } from '../errors';

export interface Outcome<T> {
  status: number;
  body: T;
  /** The resource's version, sent back as a strong ETag `"<version>"`. */
  version?: number;
}

/** Records what a change did; who and when are added from the request and the database clock. */
export type Audit = (entry: AuditChange) => Promise<void>;

/**
 * Runs one change: a single transaction holding the writes, their audit records and, when the
 * request carries `Idempotency-Key`, the stored response. A repeated key returns the stored
 * response (header `Idempotent-Replayed: true`) without running the change again, so a replayed
 * offline write never doubles. Errors roll everything back.
 */
export async function mutate<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  change: (tx: Queryable, audit: Audit) => Promise<Outcome<T>>,
): Promise<unknown> {
  const user = userOf(request);
  const key = idempotencyKey(request);
  if (key) {
    const stored = await storedResponse(db, user.id, key);
    if (stored) return replay(reply, stored);
  }
  try {
    const outcome = await db.transaction(async (tx) => {
      const audit: Audit = (entry) => writeAudit(tx, request, entry);
      const result = await change(tx, audit);
      if (key) {
        await tx.query('INSERT INTO idempotency_keys (actor, key, status, body) VALUES ($1, $2, $3, $4::jsonb)', [
          user.id,
          key,
          result.status,
          JSON.stringify({ body: result.body, version: result.version ?? null }),
        ]);
      }
      return result;
    });
    reply.code(outcome.status);
    if (outcome.version !== undefined) reply.header('etag', `"${outcome.version}"`);
    return outcome.body;
  } catch (error) {
    // The same key raced in from a second request: answer with what the first one stored.
    if (key && pgCode(error) === PgCodes.uniqueViolation) {
      const stored = await storedResponse(db, user.id, key);
      if (stored) return replay(reply, stored);
    }
    throw error;
  }
}

interface StoredResponse {
  status: number;
  body: { body: unknown; version: number | null };
}

async function storedResponse(db: Db, actor: string, key: string): Promise<StoredResponse | undefined> {
  const found = await db.query<StoredResponse>(
    'SELECT status, body FROM idempotency_keys WHERE actor = $1 AND key = $2',
    [actor, key],
  );
  return found.rows[0];
}

function replay(reply: FastifyReply, stored: StoredResponse): unknown {
  reply.code(stored.status).header('idempotent-replayed', 'true');
  if (stored.body.version !== null) reply.header('etag', `"${stored.body.version}"`);
  return stored.body.body;
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_.:-]{8,128}$/.test(raw)) {
    throw ServerErrors.badRequest('Idempotency-Key must be 8–128 letters, digits or _ . : -');
  }
  return raw;
}

async function writeAudit(tx: Queryable, request: FastifyRequest, entry: AuditChange): Promise<void> {
  const user = userOf(request);
  await tx.query(
    `INSERT INTO audit_log (actor, role, action, entity, entity_id, cost_centre, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
    [
      user.id,
      user.role,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.costCentre,
      entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
      request.id,
    ],
  );
}

/**
 * The version a client says it read: `If-Match: "3"` (or W/"3"), else `version` in the body.
 * Missing → 428, so a blind overwrite is impossible.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (typeof header === 'string') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!match) throw ServerErrors.badRequest('If-Match must be the ETag you received, e.g. "3".');
    return Number(match[1]);
  }
  const body = request.body as { version?: unknown } | undefined;
  if (body && typeof body.version === 'number') return body.version;
  throw ServerErrors.preconditionRequired();
}
