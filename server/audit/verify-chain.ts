import { createHash } from 'node:crypto';
import type { Queryable, QueryResult } from '../db/db';

/** The hash the first audit record is chained to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a record as the database hashes them (audit_record_hash in migration 4), as text. */
const HASHED = `id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, actor, role,
  action, entity, entity_id, cost_centre, before::text AS before, after::text AS after, request_id, prev_hash, hash`;

interface HashedRow {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entity_id: string;
  cost_centre: string | null;
  before: string | null;
  after: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** One field of the hashed text: its length in UTF-8 bytes, ':' and the value; '-' for null. */
const field = (value: string | null): string => (value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`);

/**
 * The hash of `row` chained after `prev`, computed here, independently of the database's function,
 * from the same fields in the same order.
 */
export function recordHash(prev: string, row: Omit<HashedRow, 'prev_hash' | 'hash'>): string {
  const text = [
    prev,
    row.id,
    row.at,
    row.actor,
    row.role,
    row.action,
    row.entity,
    row.entity_id,
    row.cost_centre,
    row.before,
    row.after,
    row.request_id,
  ]
    .map(field)
    .join('');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ChainReport {
  ok: boolean;
  /** Records checked. */
  checked: number;
  /** The last record's id and hash (what an outside copy would anchor). */
  head: { id: number | null; hash: string };
  /** The first link that does not hold, and what is wrong with it. */
  firstBroken?: { id: number; reason: string };
}

/**
 * Walks the audit log in id order and checks each link: the record names the previous record's
 * hash (else one before it was removed or changed), and its own hash matches its contents (else it
 * was altered); finally the chain's head, kept apart, must name the last record (else records at
 * the end were removed). Reads in pages, so a long log does not sit in memory.
 */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastId: number | null = null;
  let checked = 0;
  for (;;) {
    const page: QueryResult<HashedRow> = await db.query<HashedRow>(
      `SELECT ${HASHED} FROM audit_log WHERE audit_log.id > $1 ORDER BY audit_log.id LIMIT $2`,
      [lastId ?? 0, pageSize],
    );
    for (const row of page.rows) {
      const id: number = Number(row.id);
      checked += 1;
      if (row.prev_hash !== prev)
        return broken(
          checked,
          lastId,
          prev,
          id,
          'it does not name the previous record: a record before it was removed, added or changed',
        );
      if (recordHash(prev, row) !== row.hash)
        return broken(checked, lastId, prev, id, 'its contents do not match its hash: the record was altered');
      prev = row.hash;
      lastId = id;
    }
    if (page.rows.length < pageSize) break;
  }
  const head = await db.query<{ last_id: number | null; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head',
  );
  const kept = head.rows[0];
  if (kept && kept.last_hash !== prev) {
    return broken(
      checked,
      lastId,
      prev,
      Number(kept.last_id),
      'the chain head names a record that is missing: records at the end were removed',
    );
  }
  return { ok: true, checked, head: { id: lastId, hash: prev } };
}

function broken(checked: number, lastId: number | null, prev: string, id: number, reason: string): ChainReport {
  return { ok: false, checked, head: { id: lastId, hash: prev }, firstBroken: { id, reason } };
}
