/**
 * The shapes most API routes share, written once: list records with filters, read one by id with
 * its ETag, insert one with its audit record, and change one under If-Match with its audit record.
 * A route file gives each its schema, its access policy and the SQL that is its own.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthUser } from '../../src/model/roles';
import { userOf } from '../auth/policy';
import type { Db, Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { apiRoute, byCostCentre, type ApiRoute } from './route';
import * as S from './schemas';
import { expectedVersion, mutate } from './mutate';
import { pageQuery, readPage, type PageKey } from './paging';
import type { Resource } from './resources';

/** What a change's callbacks get: the transaction, the request's validated parts and the user. */
export interface ChangeContext<B> {
  tx: Queryable;
  body: B;
  params: Record<string, string>;
  user: AuthUser;
  request: FastifyRequest;
}

type RouteSpec = Omit<ApiRoute, 'method' | 'response'>;

export interface ListSpec extends RouteSpec {
  item: object;
  /** The table (or a resource) and the SELECT list. */
  source: Pick<Resource, 'table' | 'columns'>;
  /** Path or query key → SQL condition with `$` where its value goes (each `$`), e.g. `{ costCentre: 'cost_centre = $' }`. */
  where: Record<string, string>;
  groupBy?: string;
  /**
   * The list's order, ending in a key unique within it: what its pages are cut by (paging.ts). Keys a
   * record keeps for life (creation time, id): a record whose key changes between two pages shows
   * twice or not at all in that walk.
   */
  order: readonly PageKey[];
}

/**
 * GET a list, one page at a time (paging.ts: `limit`, `cursor`, the next page's cursor in the
 * answer's headers): the conditions of the keys present, in the order given.
 */
export function listRoute(app: FastifyInstance, db: Db, spec: ListSpec): void {
  const querystring = withPaging(spec.querystring);
  apiRoute(
    app,
    { ...spec, querystring, method: 'GET', response: { 200: { type: 'array', items: spec.item } } },
    async (request, reply) => {
      const given = { ...(request.params as Row), ...(request.query as Row) };
      const conditions: string[] = [];
      const values: unknown[] = [];
      for (const [key, condition] of Object.entries(spec.where)) {
        if (given[key] === undefined) continue;
        values.push(given[key]);
        conditions.push(condition.replaceAll('$', `$${values.length}`));
      }
      return readPage(db, request, reply, {
        columns: spec.source.columns,
        from: spec.source.table,
        conditions,
        values,
        groupBy: spec.groupBy,
        keys: spec.order,
      });
    },
  );
}

/** A list's querystring schema with `limit` and `cursor` added (a list without one gets just those). */
export function withPaging(querystring: object | undefined): object {
  const given = (querystring ?? { type: 'object', additionalProperties: false, properties: {} }) as {
    properties?: Record<string, object>;
  };
  return { ...given, properties: { ...given.properties, ...pageQuery } };
}

/** An optional query filter of a list: its schema, and its SQL condition with `$` where the value goes. */
export interface ListFilter {
  schema: object;
  where: string;
}

export interface CostCentreListSpec extends Omit<ListSpec, 'access' | 'querystring' | 'where'> {
  /** The condition that keeps the cost centre's records, e.g. `cost_centre = $`. */
  costCentre: string;
  filters?: Record<string, ListFilter>;
}

/**
 * GET the records of one cost centre: `?costCentre=` is required and the caller must be allowed to
 * read it; each filter is optional and its schema and condition are given together.
 */
export function costCentreListRoute(app: FastifyInstance, db: Db, spec: CostCentreListSpec): void {
  const { costCentre, filters = {}, ...rest } = spec;
  const each = <T>(pick: (filter: ListFilter) => T) =>
    Object.fromEntries(Object.entries(filters).map(([key, filter]) => [key, pick(filter)]));
  listRoute(app, db, {
    ...rest,
    access: byCostCentre('read', 'query'),
    querystring: S.costCentreQuery(each((f) => f.schema)),
    where: { costCentre, ...each((f) => f.where) },
  });
}

export interface GetSpec extends RouteSpec {
  resource: Resource;
  /** The path parameter holding the key. @default "id" */
  param?: string;
  response: object;
  /** More of the record, read beside it (a version's lines). */
  extend?: (db: Db, key: string) => Promise<Row>;
}

/** GET one record by its key; a record with a `version` answers with the ETag `"<version>"`. */
export function getByIdRoute(app: FastifyInstance, db: Db, spec: GetSpec): void {
  const { resource, param = 'id' } = spec;
  apiRoute(app, { ...spec, method: 'GET', response: { 200: spec.response } }, async (request, reply) => {
    const key = (request.params as Record<string, string>)[param];
    const [found, more] = await Promise.all([
      db.query<Row>(`SELECT ${resource.columns} FROM ${resource.table} WHERE ${resource.key} = $1`, [key]),
      spec.extend ? spec.extend(db, key) : Promise.resolve({}),
    ]);
    const row = found.rows[0];
    if (!row) throw ServerErrors.notFound(resource.entity, key);
    if (typeof row.version === 'number') reply.header('etag', `"${row.version}"`);
    return { ...row, ...more };
  });
}

export interface CreateSpec<B> extends RouteSpec {
  resource: Resource;
  response: object;
  /** The audit action's verb. @default "create" */
  verb?: string;
  /** Checks across fields the schema cannot express; throws a 400. */
  check?: (body: B) => void;
  /** Inserts the record and returns it, or undefined when a unique key already holds one. */
  insert: (ctx: ChangeContext<B>) => Promise<Row | undefined>;
  /** What already exists, for the 409 when `insert` finds its key taken. */
  duplicate?: (body: B) => string;
  /** The cost centre the record belongs to, for the audit. */
  costCentre: (ctx: ChangeContext<B>, row: Row) => string | Promise<string>;
  /** Writes what belongs to the record (a version's lines) and returns the record to answer with. */
  complete?: (ctx: ChangeContext<B>, row: Row) => Promise<Row>;
  /** What the audit records as `after` (leave out what only the caller may see). @default the record */
  audited?: (row: Row) => unknown;
}

/** POST a new record: one transaction for the record, its parts and its audit entry; 201 with the record. */
export function createRoute<B>(app: FastifyInstance, db: Db, spec: CreateSpec<B>): void {
  const { resource } = spec;
  apiRoute(app, { ...spec, method: 'POST', response: { 201: spec.response } }, async (request, reply) => {
    spec.check?.(request.body as B);
    return mutate(db, request, reply, async (tx, audit) => {
      const ctx = context<B>(tx, request);
      const inserted = await spec.insert(ctx);
      if (!inserted) throw ServerErrors.duplicate(spec.duplicate?.(ctx.body) ?? `That ${resource.entity}`);
      const row = spec.complete ? await spec.complete(ctx, inserted) : inserted;
      await audit({
        action: `${resource.entity}.${spec.verb ?? 'create'}`,
        entity: resource.entity,
        entityId: String(row.id),
        costCentre: await spec.costCentre(ctx, row),
        before: null,
        after: spec.audited ? spec.audited(row) : row,
      });
      return { status: 201, body: row, version: typeof row.version === 'number' ? row.version : undefined };
    });
  });
}

export interface UpdateSpec<B> extends RouteSpec {
  /** DELETE marks the record (archives it): the application never erases one. */
  method: 'PUT' | 'PATCH' | 'POST' | 'DELETE';
  resource: Resource;
  response: object;
  /** The audit action's verb ("update", "approve", …). */
  verb: string;
  /**
   * Refuses this person the change on the locked record before its version is compared (separation
   * of duties answers 403 whatever version the caller read); throws.
   */
  authorize?: (current: Row, ctx: ChangeContext<B>) => void | Promise<void>;
  /** Refuses a change the locked current record cannot take (e.g. only a draft is edited); throws a 409. */
  guard?: (current: Row, ctx: ChangeContext<B>) => void;
  /**
   * The SET clause of the change and its values, numbered from $2 ($1 is the key); it may first
   * write what belongs to the change (chain steps, versions) in the same transaction.
   */
  set: (
    ctx: ChangeContext<B>,
    current: Row,
  ) => { sql: string; values: unknown[] } | Promise<{ sql: string; values: unknown[] }>;
  /** Runs after the record is updated, in the same transaction (notifications). */
  after?: (ctx: ChangeContext<B>, row: Row, current: Row) => Promise<void>;
  /** What the audit records as `after`. @default the updated record */
  audited?: (row: Row, ctx: ChangeContext<B>) => unknown;
  /** What the audit records as `before` (leave out what auditors may not read). @default the record as it was */
  auditedBefore?: (current: Row) => unknown;
  /** The record's cost centre for the audit. @default its `costCentre` */
  auditCostCentre?: (current: Row) => string | null;
}

/**
 * Changes one versioned record: locks it, checks the version the caller read (If-Match; 409 when
 * stale, 428 when missing), applies `set`, bumps the version and records before and after.
 * Two writers racing both wait on the lock; the second sees the bumped version and gets 409.
 */
export function updateRoute<B>(app: FastifyInstance, db: Db, spec: UpdateSpec<B>): void {
  const { resource } = spec;
  const route = { ...spec, ifMatch: true, response: { 200: spec.response } };
  apiRoute(app, route, (request, reply) =>
    mutate(db, request, reply, async (tx, audit) => {
      const ctx = context<B>(tx, request);
      const key = ctx.params.id;
      const expected = expectedVersion(request);
      const locked = await tx.query<Row>(
        `SELECT ${resource.columns} FROM ${resource.table} WHERE ${resource.key} = $1 FOR UPDATE`,
        [key],
      );
      const current = locked.rows[0];
      if (!current) throw ServerErrors.notFound(resource.entity, key);
      await spec.authorize?.(current, ctx);
      if (current.version !== expected) throw ServerErrors.staleVersion(resource.entity, expected, current);
      spec.guard?.(current, ctx);
      const change = await spec.set(ctx, current);
      const updated = await tx.query<Row>(
        `UPDATE ${resource.table} SET ${change.sql}, version = version + 1, updated_at = now()
         WHERE ${resource.key} = $1 RETURNING ${resource.columns}`,
        [key, ...change.values],
      );
      const row = updated.rows[0];
      await spec.after?.(ctx, row, current);
      await audit({
        action: `${resource.entity}.${spec.verb}`,
        entity: resource.entity,
        entityId: key,
        costCentre: spec.auditCostCentre
          ? spec.auditCostCentre(current)
          : typeof current.costCentre === 'string'
            ? current.costCentre
            : null,
        before: spec.auditedBefore ? spec.auditedBefore(current) : current,
        after: spec.audited ? spec.audited(row, ctx) : row,
      });
      return { status: 200, body: row, version: row.version as number };
    }),
  );
}

function context<B>(tx: Queryable, request: FastifyRequest): ChangeContext<B> {
  return {
    tx,
    body: (request.body ?? {}) as B,
    params: (request.params ?? {}) as Record<string, string>,
    user: userOf(request),
    request,
  };
}
