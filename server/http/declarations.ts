/**
 * A table of admin declarations (the people table, account aliases): each says that one thing (an
 * account; an account code of a cost centre) stands for another (a person; the canonical code). The
 * routes are the same for each: list a page at a time (`?removed=true` with the removed ones), declare
 * (replacing the declaration in force, the same again writes nothing), remove (never erase: the
 * database sets both times and keeps the row). Every write is audited in its transaction and takes the
 * table's lock, so checks of chains see every declaration made before.
 */
import type { FastifyInstance } from 'fastify';
import type { AuditEntity } from '../../src/model/audit';
import type { Access } from '../auth/policy';
import { userOf } from '../auth/policy';
import type { Db, Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { mutate } from './mutate';
import { readPage } from './paging';
import { withPaging } from './record-routes';
import { apiRoute } from './route';

/** One field of a declaration: its name in bodies and answers, its column, schema and comparison. */
export interface DeclaredField {
  field: string;
  column: string;
  schema: object;
  /** SQL that is true when the column matches parameter `param` (exact by default). */
  matches?: (column: string, param: string) => string;
}

export interface DeclarationSpec {
  url: string;
  tags: string[];
  entity: AuditEntity;
  table: string;
  /** What is declared (`account`; `costCentre` and `account`): one declaration in force for each. */
  keys: readonly DeclaredField[];
  /** What it stands for (`person`, `canonical`). */
  value: DeclaredField;
  read: Access;
  write: Access;
  summaries: { list: string; declare: string; remove: string };
  /** Keys a list must name (a cost centre's aliases are listed by cost centre). */
  requiredFilters?: readonly string[];
  /** Refuses a declaration the table cannot take (400 or 409), under the table's lock. */
  check: (tx: Queryable, body: Row) => Promise<void>;
  /** The cost centre the audit files a declaration under (null: every cost centre's). */
  costCentre: (body: Row) => string | null;
}

const match = (f: DeclaredField, param: string) => (f.matches ?? ((c, p) => `${c} = ${p}`))(f.column, param);

/** Registers the list, declare and remove routes of `spec`'s table. */
export function declarationRoutes(app: FastifyInstance, db: Db, spec: DeclarationSpec): void {
  const fields = [...spec.keys, spec.value];
  const columns = [
    ...fields.map((f) => `${f.column} AS "${f.field}"`),
    'declared_by AS "declaredBy"',
    'declared_at AS "declaredAt"',
    'removed_by AS "removedBy"',
    'removed_at AS "removedAt"',
  ].join(', ');
  const answer = { type: 'object', additionalProperties: true } as const;
  const inForce = async (tx: Queryable, body: Row): Promise<Row | undefined> => {
    const values = spec.keys.map((k) => body[k.field]);
    const where = spec.keys.map((k, i) => match(k, `$${i + 1}`)).join(' AND ');
    return (await tx.query<Row>(`SELECT ${columns} FROM ${spec.table} WHERE ${where} AND removed_at IS NULL`, values))
      .rows[0];
  };
  const removeInForce = async (tx: Queryable, body: Row, by: string): Promise<Row | undefined> => {
    const values = [...spec.keys.map((k) => body[k.field]), by];
    const where = spec.keys.map((k, i) => match(k, `$${i + 1}`)).join(' AND ');
    return (
      await tx.query<Row>(
        `UPDATE ${spec.table} SET removed_by = $${values.length} WHERE ${where} AND removed_at IS NULL RETURNING ${columns}`,
        values,
      )
    ).rows[0];
  };
  const entityId = (body: Row) => spec.keys.map((k) => String(body[k.field])).join(':');
  const locked = (tx: Queryable) => tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [spec.table]);
  const schemaOf = (list: readonly DeclaredField[]) => Object.fromEntries(list.map((f) => [f.field, f.schema]));

  apiRoute(
    app,
    {
      method: 'GET',
      url: spec.url,
      tags: spec.tags,
      summary: spec.summaries.list,
      access: spec.read,
      querystring: withPaging({
        type: 'object',
        required: [...(spec.requiredFilters ?? [])],
        additionalProperties: false,
        properties: { ...schemaOf(fields), removed: { type: 'boolean' } },
      }),
      response: { 200: { type: 'array', items: answer } },
    },
    async (request, reply) => {
      const query = request.query as Row;
      const values: unknown[] = [];
      const conditions = fields
        .filter((f) => query[f.field] !== undefined)
        .map((f) => match(f, `$${values.push(query[f.field])}`));
      if (query.removed !== true) conditions.push('removed_at IS NULL');
      return readPage(db, request, reply, {
        columns,
        from: spec.table,
        conditions,
        values,
        keys: [{ sql: 'id', type: 'bigint' }],
      });
    },
  );

  apiRoute(
    app,
    {
      method: 'POST',
      url: spec.url,
      tags: spec.tags,
      summary: spec.summaries.declare,
      access: spec.write,
      body: {
        type: 'object',
        required: fields.map((f) => f.field),
        additionalProperties: false,
        properties: schemaOf(fields),
      },
      response: { 200: answer, 201: answer },
    },
    async (request, reply) => {
      const body = request.body as Row;
      return mutate(db, request, reply, async (tx, audit) => {
        await locked(tx);
        const before = await inForce(tx, body);
        if (before && before[spec.value.field] === body[spec.value.field]) return { status: 200, body: before };
        await spec.check(tx, body);
        const by = userOf(request).id;
        if (before) await removeInForce(tx, body, by);
        const after = (
          await tx.query<Row>(
            `INSERT INTO ${spec.table} (${fields.map((f) => f.column).join(', ')}, declared_by)
             VALUES (${fields.map((_, i) => `$${i + 1}`).join(', ')}, $${fields.length + 1}) RETURNING ${columns}`,
            [...fields.map((f) => body[f.field]), by],
          )
        ).rows[0];
        await audit({
          action: `${spec.entity}.declare`,
          entity: spec.entity,
          entityId: entityId(body),
          costCentre: spec.costCentre(body),
          before: before ?? null,
          after,
        });
        return { status: 201, body: after };
      });
    },
  );

  apiRoute(
    app,
    {
      method: 'POST',
      url: `${spec.url}/remove`,
      tags: spec.tags,
      summary: spec.summaries.remove,
      access: spec.write,
      body: {
        type: 'object',
        required: spec.keys.map((k) => k.field),
        additionalProperties: false,
        properties: schemaOf(spec.keys),
      },
      response: { 200: answer },
    },
    async (request, reply) => {
      const body = request.body as Row;
      return mutate(db, request, reply, async (tx, audit) => {
        await locked(tx);
        const before = await inForce(tx, body);
        if (!before) throw ServerErrors.notFound(spec.entity, entityId(body));
        const after = await removeInForce(tx, body, userOf(request).id);
        await audit({
          action: `${spec.entity}.remove`,
          entity: spec.entity,
          entityId: entityId(body),
          costCentre: spec.costCentre(body),
          before,
          after,
        });
        return { status: 200, body: after };
      });
    },
  );
}
