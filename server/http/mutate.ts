import { createHash } from 'node:crypto';
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
 * offline write never doubles. The key is bound to the request it was first used for (method, URL
 * with its query, If-Match and a hash of the body): the same key on another request is a 422, never
 * another request's answer. Errors roll everything back.
 */
export async function mutate<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  change: (tx: Queryable, audit: Audit) => Promise<Outcome<T>>,
): Promise<unknown> {
  const user = userOf(request);
  const key = idempotencyKey(request);
  const fingerprint = key ? requestFingerprint(request) : '';
  if (key) {
    const stored = await storedResponse(db, user.id, key);
    if (stored) return replay(reply, stored, fingerprint);
  }
  try {
    const outcome = await db.transaction(async (tx): Promise<Outcome<T> | { replay: StoredResponse }> => {
      if (key) {
        // The same key sent twice at once: the second waits here until the first commits, then answers
        // what the first stored. Checked only before the transaction, the second ran the change itself
        // against what the first had changed (a 409 stale version or duplicate, on PostgreSQL) and the
        // client was told its write failed when it had been made.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext('idempotency'), hashtext($1))", [`${key} ${user.id}`]);
        const raced = await storedResponse(tx, user.id, key);
        if (raced) return { replay: raced };
      }
      const audit: Audit = (entry) => writeAudit(tx, request, entry);
      const result = await change(tx, audit);
      if (key) {
        await tx.query(
          'INSERT INTO idempotency_keys (actor, key, status, body, fingerprint) VALUES ($1, $2, $3, $4::jsonb, $5)',
          [
            user.id,
            key,
            result.status,
            JSON.stringify({ body: result.body, version: result.version ?? null }),
            fingerprint,
          ],
        );
      }
      return result;
    });
    if ('replay' in outcome) return replay(reply, outcome.replay, fingerprint);
    reply.code(outcome.status);
    if (outcome.version !== undefined) reply.header('etag', `"${outcome.version}"`);
    return outcome.body;
  } catch (error) {
    // The same key raced in from a second request: answer with what the first one stored.
    if (key && pgCode(error) === PgCodes.uniqueViolation) {
      const stored = await storedResponse(db, user.id, key);
      if (stored) return replay(reply, stored, fingerprint);
    }
    throw error;
  }
}

interface StoredResponse {
  status: number;
  body: { body: unknown; version: number | null };
  fingerprint: string;
}

async function storedResponse(db: Queryable, actor: string, key: string): Promise<StoredResponse | undefined> {
  const found = await db.query<StoredResponse>(
    'SELECT status, body, fingerprint FROM idempotency_keys WHERE actor = $1 AND key = $2',
    [actor, key],
  );
  return found.rows[0];
}

/** What an idempotency key is bound to: method, URL (path and query), If-Match and the body's hash. */
function requestFingerprint(request: FastifyRequest): string {
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null);
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${String(request.headers['if-match'] ?? '')}\n`)
    .update(body)
    .digest('hex');
}

function replay(reply: FastifyReply, stored: StoredResponse, fingerprint: string): unknown {
  // Keys stored before they were bound (fingerprint '') replay as before.
  if (stored.fingerprint !== '' && stored.fingerprint !== fingerprint) throw ServerErrors.idempotencyMismatch();
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

/**
 * One audit record. Its id, time and hashes are the database's (a trigger sets them, whatever an
 * INSERT says); the role is every role the user holds ("analyst+approver").
 */
export async function writeAudit(tx: Queryable, request: FastifyRequest, entry: AuditChange): Promise<void> {
  const user = userOf(request);
  await tx.query(
    `INSERT INTO audit_log (actor, role, action, entity, entity_id, cost_centre, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
    [
      user.id,
      user.roles.join('+'),
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
 * The version a client says it read: `If-Match: "3"` (or W/"3"), else `version` in the body; both,
 * naming different versions, is a 400 (the client does not know which it read). Missing → 428, so a
 * blind overwrite is impossible.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  const body = request.body as { version?: unknown } | undefined;
  const inBody = body && typeof body === 'object' && typeof body.version === 'number' ? body.version : undefined;
  if (typeof header === 'string') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
    if (!match) throw ServerErrors.badRequest('If-Match must be the ETag you received, e.g. "3".');
    const version = Number(match[1]);
    if (inBody !== undefined && inBody !== version) throw ServerErrors.versionsDisagree(version, inBody);
    return version;
  }
  if (inBody !== undefined) return inBody;
  throw ServerErrors.preconditionRequired();
}
