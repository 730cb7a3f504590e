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

/** How many records one batch reads: memory holds one batch, whatever the log's length. */
export const VERIFY_BATCH_ROWS = 1000;

/** A part of the chain to verify; without any field, the whole chain. */
export interface ChainWindow {
  /** The first record's id (the stored hash of the record before it anchors the first link). */
  fromId?: number;
  /** The last record's id. */
  toId?: number;
  /** At most this many records; `next` then says where to go on. */
  limit?: number;
}

export interface ChainReport {
  ok: boolean;
  /** Records checked. */
  checked: number;
  /** The last record's id and hash (what an outside copy would anchor). */
  head: { id: number | null; hash: string };
  /** The first link that does not hold, and what is wrong with it. */
  firstBroken?: { id: number; reason: string };
  /** The ids of the first and last record read (null when none was). */
  window: { fromId: number | null; toId: number | null };
  /** The walk began at the first record and ended at the chain head: the whole chain was verified. */
  complete: boolean;
  /** Where `limit` stopped the walk before `toId` or the end: the `fromId` that goes on. */
  next?: number;
}

/** A walk's progress: what it has checked so far and the hash the next record must name. */
interface Walk {
  prev: string;
  firstId: number | null;
  lastId: number | null;
  checked: number;
  /** The last record read, broken or not. */
  readId: number | null;
  fromStart: boolean;
}

/**
 * Walks the audit log in id order and checks each link: the record names the previous record's
 * hash (else one before it was removed or changed), and its own hash matches its contents (else it
 * was altered); at the end of the log, the chain's head, kept apart, must name the last record (else
 * records at the end were removed). Reads in batches of `batchRows` by keyset (`id > last id seen`),
 * so memory holds one batch, however long the log. A `window` checks part of the chain: its first
 * record must name the stored hash of the record before it (that record itself is not re-hashed).
 */
export async function verifyAuditChain(
  db: Queryable,
  window: ChainWindow = {},
  batchRows = VERIFY_BATCH_ROWS,
): Promise<ChainReport> {
  const walk = await startWalk(db, window.fromId);
  const toId = window.toId ?? Number.MAX_SAFE_INTEGER;
  const limit = window.limit ?? Number.MAX_SAFE_INTEGER;
  for (;;) {
    // No upper bound in SQL: with `id <= $n` the planner may read and sort every remaining record for
    // each batch (a bitmap scan), where the primary key's index reads just the batch in order. Ids are
    // unique integers, so at most `toId − last id` records are left in the window.
    const size = Math.min(batchRows, limit - walk.checked, toId - (walk.lastId ?? 0));
    if (size <= 0) break;
    const batch = await nextRecords(db, walk.lastId ?? 0, size);
    for (const row of batch) {
      if (Number(row.id) > toId) return (await endWalk(db, walk, toId)) ?? report(walk, false);
      walk.checked += 1;
      walk.readId = Number(row.id);
      walk.firstId ??= walk.readId;
      const reason = checkLink(walk.prev, row);
      if (reason) return report(walk, false, { firstBroken: { id: Number(row.id), reason } });
      walk.prev = row.hash;
      walk.lastId = walk.readId;
    }
    if (batch.length < size) {
      const end = await endWalk(db, walk, toId);
      if (end) return end;
    }
  }
  if (walk.checked >= limit) {
    const [after] = await nextRecords(db, walk.lastId ?? 0, 1);
    if (after && Number(after.id) <= toId) return report(walk, false, { next: Number(walk.lastId) + 1 });
  }
  return (await endWalk(db, walk, toId)) ?? report(walk, false, { next: Number(walk.lastId) + 1 });
}

/** Up to `size` records after id `afterId`, in id order, with their fields as hashed. */
async function nextRecords(db: Queryable, afterId: number, size: number): Promise<HashedRow[]> {
  const found: QueryResult<HashedRow> = await db.query<HashedRow>(
    `SELECT ${HASHED} FROM audit_log WHERE audit_log.id > $1 ORDER BY audit_log.id LIMIT $2`,
    [afterId, size],
  );
  return found.rows;
}

/** The hash the window's first record must name: the stored hash of the record before `fromId`. */
async function startWalk(db: Queryable, fromId: number | undefined): Promise<Walk> {
  const walk: Walk = { prev: GENESIS_HASH, firstId: null, lastId: null, checked: 0, readId: null, fromStart: true };
  if (fromId === undefined) return walk;
  const before = await db.query<{ id: string; hash: string }>(
    'SELECT id::text AS id, hash FROM audit_log WHERE audit_log.id < $1 ORDER BY audit_log.id DESC LIMIT 1',
    [fromId],
  );
  const anchor = before.rows[0];
  if (anchor) return { ...walk, prev: anchor.hash, lastId: Number(anchor.id), fromStart: false };
  return walk;
}

/** Why `row` does not follow the record whose hash is `prev`, or undefined when it does. */
function checkLink(prev: string, row: HashedRow): string | undefined {
  if (row.prev_hash !== prev)
    return 'it does not name the previous record: a record before it was removed, added or changed';
  if (recordHash(prev, row) !== row.hash) return 'its contents do not match its hash: the record was altered';
  return undefined;
}

/**
 * The walk reached `toId` or the end of the log. When nothing lies beyond, the chain head, kept
 * apart, must name the last record checked. Undefined when records were appended after the walk read
 * the end (the head names a later record that is there, with the head's hash): the walk goes on and
 * checks them. Without this, a verify while others wrote reported the end of the log removed.
 */
async function endWalk(db: Queryable, walk: Walk, toId: number): Promise<ChainReport | undefined> {
  const head = await db.query<{ last_id: number | null; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head',
  );
  const kept = head.rows[0];
  if (!kept || (kept.last_id !== null && Number(kept.last_id) > toId)) return report(walk, false);
  if (kept.last_hash !== walk.prev && kept.last_id !== null && Number(kept.last_id) > (walk.lastId ?? 0)) {
    const appended = await db.query('SELECT 1 FROM audit_log WHERE audit_log.id = $1 AND audit_log.hash = $2', [
      kept.last_id,
      kept.last_hash,
    ]);
    if (appended.rows.length > 0) return undefined;
  }
  if (kept.last_hash !== walk.prev) {
    const firstBroken = {
      id: Number(kept.last_id),
      reason: 'the chain head names a record that is missing: records at the end were removed',
    };
    return report(walk, false, { firstBroken });
  }
  return report(walk, walk.fromStart);
}

function report(walk: Walk, complete: boolean, more: Pick<ChainReport, 'firstBroken' | 'next'> = {}): ChainReport {
  return {
    ok: !more.firstBroken,
    checked: walk.checked,
    head: { id: walk.lastId, hash: walk.prev },
    ...more,
    window: { fromId: walk.firstId, toId: walk.readId },
    complete: complete && !more.firstBroken,
  };
}
