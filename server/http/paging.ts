/**
 * Keyset (cursor) paging, once for every list route. A page is at most `limit` records (the model's
 * LIST_PAGE bounds, DEFAULT_LIST_PAGE without one) in a stable order that ends in a unique key; when
 * more follow, the answer carries the cursor of the next page in `X-Next-Cursor` and as a `Link:
 * <…>; rel="next"` URL. The body stays the JSON array it always was.
 *
 * A cursor is the last record's key values, sealed with AES-256-GCM under a key the database holds
 * (migration 13: every instance on one database shares it) and bound to the list it came from: the
 * route, the user it was given to, its path parameters and every filter but `cursor` and `limit`. So it is opaque (it reveals
 * nothing, not even the last name seen), and one that was changed, forged, or made for another cost
 * centre or filter fails to open and is a 400 `SERVER_BAD_CURSOR`, before any record is read.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LIST_PAGE, LIST_PAGE, LIST_PAGE_BYTES } from '../../src/model/limits';
import type { Db, Queryable, Row } from '../db/db';
import { HttpError } from '../errors';

/** One key of a list's order: an SQL expression (never NULL), its type, and its direction. */
export interface PageKey {
  sql: string;
  type: 'text' | 'integer' | 'bigint' | 'uuid' | 'timestamptz' | 'float8';
  desc?: boolean;
}

/**
 * Oldest first, by creation: a key a record keeps for life, so a record renamed or changed between
 * two pages is still seen once in a walk (sorting by name, it showed twice or not at all).
 */
export const BY_CREATION: readonly PageKey[] = [
  { sql: 'created_at', type: 'timestamptz' },
  { sql: 'id', type: 'uuid' },
];

/** The query parameters paging adds to a list route's querystring. */
export const pageQuery = {
  limit: { type: 'integer', minimum: LIST_PAGE.min, maximum: LIST_PAGE.max, default: DEFAULT_LIST_PAGE },
  cursor: { type: 'string', minLength: 16, maxLength: 2048, pattern: '^[A-Za-z0-9_-]+$' },
} as const;

/** A list's SELECT before paging: its columns, FROM, conditions with their values, grouping. */
export interface ListQuery {
  columns: string;
  from: string;
  conditions: string[];
  values: unknown[];
  groupBy?: string;
  /** The order, ending in a key unique within the list. */
  keys: readonly PageKey[];
}

const badCursor = () =>
  new HttpError(
    400,
    'SERVER_BAD_CURSOR',
    'This cursor is not one this list gave out: it was changed, or it belongs to another list, cost centre or ' +
      'filter. Ask for the first page again without it.',
  );

/**
 * Reads one page of `query` for `request` (its `limit` and `cursor`), sets the next page's headers
 * on `reply`, and returns the page's records.
 *
 * @throws HttpError 400 SERVER_BAD_CURSOR when the cursor does not open for this list
 */
export async function readPage(db: Db, request: FastifyRequest, reply: FastifyReply, query: ListQuery): Promise<Row[]> {
  const given = (request.query ?? {}) as Row;
  const limit = typeof given.limit === 'number' ? given.limit : DEFAULT_LIST_PAGE;
  const key = await cursorKey(db);
  const scope = scopeOf(request);
  const values = [...query.values];
  const conditions = [...query.conditions];
  if (typeof given.cursor === 'string') {
    const after = openCursor(key, scope, given.cursor, query.keys.length);
    conditions.push(afterKeys(query.keys, after, values));
  }
  const keyColumns = query.keys.map((k, i) => `(${k.sql})::text AS "_page${i}"`).join(', ');
  const order = query.keys.map((k) => `${k.sql}${k.desc ? ' DESC' : ''}`).join(', ');
  values.push(limit + 1);
  const page =
    `SELECT ${query.columns}, ${keyColumns}, row_number() OVER (ORDER BY ${order}) AS "_pageRow" FROM ${query.from}` +
    `${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}` +
    `${query.groupBy ? ` GROUP BY ${query.groupBy}` : ''}` +
    ` ORDER BY ${order} LIMIT $${values.length}`;
  values.push(LIST_PAGE_BYTES);
  // The page ends at `limit` records or once they reach LIST_PAGE_BYTES (as the database writes them
  // out): the records past that are measured in the database and never reach this process.
  const found = await db.query<Row>(
    `SELECT * FROM (SELECT sized.*, sum("_pageSize") OVER (ORDER BY "_pageRow") AS "_pageBytes",
       count(*) OVER () AS "_pageFound"
       FROM (SELECT page.*, octet_length(page::text) AS "_pageSize" FROM (${page}) page) sized) counted
     WHERE "_pageRow" = 1 OR "_pageBytes" - "_pageSize" < $${values.length} ORDER BY "_pageRow"`,
    values,
  );
  const rows = found.rows.slice(0, limit);
  const more = rows.length > 0 && Number(rows[0]._pageFound) > rows.length;
  const keysOf = (row: Row) => query.keys.map((_, i) => String(row[`_page${i}`]));
  if (more) {
    const next = sealCursor(key, scope, keysOf(rows[rows.length - 1]));
    reply.header('x-next-cursor', next);
    reply.header('link', `<${nextUrl(request, next)}>; rel="next"`);
  }
  for (const row of rows) {
    for (let i = 0; i < query.keys.length; i++) delete row[`_page${i}`];
    for (const column of PAGE_COLUMNS) delete row[column];
  }
  return rows;
}

/** The columns a page's query adds to measure and number its records (taken off before answering). */
const PAGE_COLUMNS = ['_pageRow', '_pageSize', '_pageBytes', '_pageFound'];

/** `(k1, k2, …) after (v1, v2, …)` in the keys' directions, with the values appended to `values`. */
function afterKeys(keys: readonly PageKey[], after: readonly string[], values: unknown[]): string {
  const at = keys.map((k, i) => {
    values.push(after[i]);
    return `$${values.length}::${k.type}`;
  });
  const branches = keys.map((k, i) => {
    const equal = keys.slice(0, i).map((e, j) => `(${e.sql}) = ${at[j]}`);
    return `(${[...equal, `(${k.sql}) ${k.desc ? '<' : '>'} ${at[i]}`].join(' AND ')})`;
  });
  return `(${branches.join(' OR ')})`;
}

/**
 * What a cursor is bound to: the route, the signed-in user, the path parameters and the filters (not
 * cursor or limit). Lists filtered by the token (the inbox, webhooks) are one user's.
 */
function scopeOf(request: FastifyRequest): string {
  const { cursor: _cursor, limit: _limit, ...filters } = (request.query ?? {}) as Row;
  const sorted = (o: Row) =>
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]);
  return JSON.stringify([
    request.routeOptions.url,
    request.user?.id ?? null,
    sorted((request.params ?? {}) as Row),
    sorted(filters),
  ]);
}

/** The next page's URL: the route's path with its (validated) parameters, the query as sent with the new cursor. */
function nextUrl(request: FastifyRequest, cursor: string): string {
  const params = (request.params ?? {}) as Record<string, string>;
  const path = (request.routeOptions.url ?? '').replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const search = new URLSearchParams(request.url.split('?')[1] ?? '');
  search.delete('cursor');
  search.set('cursor', cursor);
  return `${path}?${search.toString()}`;
}

function sealCursor(key: Buffer, scope: string, keys: readonly string[]): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(scope));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(keys), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

function openCursor(key: Buffer, scope: string, cursor: string, count: number): string[] {
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length < 12 + 16 + 2) throw badCursor();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(scope));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const text = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString();
    const keys = JSON.parse(text) as unknown;
    if (Array.isArray(keys) && keys.length === count && keys.every((k) => typeof k === 'string')) return keys;
  } catch {
    // A tag that does not verify (changed, forged, another list's): the same answer as a bad shape.
  }
  throw badCursor();
}

const keys = new WeakMap<Queryable, Promise<Buffer>>();

/** The cursor key: derived from the database's secret (read once per database handle). */
function cursorKey(db: Queryable): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = db.query<{ secret: string }>(`SELECT secret FROM server_secrets WHERE name = 'list-cursor'`).then((found) => {
      const secret = found.rows[0]?.secret;
      if (!secret) throw new Error('server_secrets holds no list-cursor secret (migration 13)');
      return createHash('sha256').update(`openfpa list cursor\n${secret}`).digest();
    });
    key.catch(() => keys.delete(db));
    keys.set(db, key);
  }
  return key;
}
