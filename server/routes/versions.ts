import type { FastifyInstance } from 'fastify';
import type { Access } from '../auth/policy';
import { userOf } from '../auth/policy';
import type { Queryable } from '../db/db';
import { ServerErrors } from '../errors';
import { mutate } from '../http/mutate';
import * as S from '../http/schemas';
import { bearer, type RouteDeps } from './deps';

const VERSION_COLUMNS = `id, cost_centre AS "costCentre", fiscal_year AS "fiscalYear", kind, name,
  created_by AS "createdBy", created_at AS "createdAt"`;

const line = {
  type: 'object',
  required: ['account', 'period', 'amount'],
  additionalProperties: false,
  properties: { account: S.account, period: S.period, amount: S.amount },
} as const;

const versionWithLines = {
  type: 'object',
  additionalProperties: true,
  properties: {
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { account: { type: 'string' }, period: { type: 'string' }, amount: { type: 'number' } },
      },
    },
  },
} as const;

interface Line {
  account: string;
  period: string;
  amount: number;
}

/** Budget versions: budget, forecast and named scenarios per cost centre and fiscal year. */
export function versionRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['versions'];
  app.route({
    method: 'GET',
    url: '/api/versions',
    config: { access: { action: 'read', scopes: [{ from: 'query', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'List budget versions of a cost centre',
      querystring: {
        type: 'object',
        required: ['costCentre'],
        additionalProperties: false,
        properties: { costCentre: S.costCentre, fiscalYear: S.fiscalYear },
      },
      response: { 200: S.looseArray, ...S.errorResponses },
    },
    handler: async (request) => {
      const { costCentre, fiscalYear } = request.query as { costCentre: string; fiscalYear?: number };
      const found = await db.query(
        `SELECT ${VERSION_COLUMNS} FROM budget_versions
         WHERE cost_centre = $1 AND ($2::int IS NULL OR fiscal_year = $2) ORDER BY fiscal_year, kind, name`,
        [costCentre, fiscalYear ?? null],
      );
      return found.rows;
    },
  });

  app.route({
    method: 'POST',
    url: '/api/versions',
    config: { access: { action: 'write', scopes: [{ from: 'body', key: 'costCentre' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Create a budget version with its lines (one transaction)',
      body: {
        type: 'object',
        required: ['costCentre', 'fiscalYear', 'kind', 'name', 'lines'],
        additionalProperties: false,
        properties: {
          costCentre: S.costCentre,
          fiscalYear: S.fiscalYear,
          kind: { type: 'string', enum: ['budget', 'forecast', 'scenario'] },
          name: S.name,
          lines: { type: 'array', maxItems: 20000, items: line },
        },
      },
      response: { 201: S.looseObject, ...S.errorResponses },
    },
    handler: (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const body = request.body as {
          costCentre: string;
          fiscalYear: number;
          kind: string;
          name: string;
          lines: Line[];
        };
        const seen = new Set<string>();
        body.lines.forEach((l, index) => {
          const key = `${l.account}|${l.period}`;
          if (seen.has(key))
            throw ServerErrors.badRequest(`lines[${index}] repeats account ${l.account} in ${l.period}.`);
          seen.add(key);
        });
        const created = await tx.query<{ id: string }>(
          `INSERT INTO budget_versions (cost_centre, fiscal_year, kind, name, created_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (cost_centre, fiscal_year, kind, name) DO NOTHING RETURNING ${VERSION_COLUMNS}`,
          [body.costCentre, body.fiscalYear, body.kind, body.name, userOf(request).id],
        );
        if (created.rowCount === 0)
          throw ServerErrors.duplicate(`The ${body.kind} version "${body.name}" for ${body.fiscalYear}`);
        const row = created.rows[0];
        await insertLines(tx, row.id, body.lines);
        await audit({
          action: 'version.create',
          entity: 'version',
          entityId: row.id,
          costCentre: body.costCentre,
          before: null,
          after: { ...row, lineCount: body.lines.length },
        });
        return { status: 201, body: { ...row, lineCount: body.lines.length } };
      }),
  });

  app.route({
    method: 'GET',
    url: '/api/versions/:id',
    config: { access: { action: 'read', scopes: [{ resource: 'version', param: 'id' }] } satisfies Access },
    schema: {
      tags,
      security: bearer,
      summary: 'Read a budget version with its lines',
      params: S.idParams,
      response: { 200: versionWithLines, ...S.errorResponses },
    },
    handler: async (request) => {
      const { id } = request.params as { id: string };
      const [head, lines] = await Promise.all([
        db.query(`SELECT ${VERSION_COLUMNS} FROM budget_versions WHERE id = $1`, [id]),
        db.query(
          'SELECT account, period, amount::float8 AS amount FROM version_lines WHERE version_id = $1 ORDER BY account, period',
          [id],
        ),
      ]);
      return { ...head.rows[0], lines: lines.rows };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/versions/:id/compare/:otherId',
    config: {
      access: {
        action: 'read',
        scopes: [
          { resource: 'version', param: 'id' },
          { resource: 'version', param: 'otherId' },
        ],
      } satisfies Access,
    },
    schema: {
      tags,
      security: bearer,
      summary: 'Compare two versions line by line (base = id, other = otherId)',
      params: {
        type: 'object',
        required: ['id', 'otherId'],
        additionalProperties: false,
        properties: { id: S.uuid, otherId: S.uuid },
      },
      response: { 200: S.looseObject, ...S.errorResponses },
    },
    handler: async (request) => {
      const { id, otherId } = request.params as { id: string; otherId: string };
      // A line missing on one side compares as null there; delta treats it as 0.
      const found = await db.query<{ base: number | null; other: number | null }>(
        `SELECT coalesce(a.account, b.account) AS account, coalesce(a.period, b.period) AS period,
                a.amount::float8 AS base, b.amount::float8 AS other,
                (coalesce(b.amount, 0) - coalesce(a.amount, 0))::float8 AS delta
         FROM (SELECT * FROM version_lines WHERE version_id = $1) a
         FULL OUTER JOIN (SELECT * FROM version_lines WHERE version_id = $2) b
           ON a.account = b.account AND a.period = b.period
         ORDER BY 1, 2`,
        [id, otherId],
      );
      const totals = { base: 0, other: 0 };
      for (const row of found.rows) {
        totals.base += row.base ?? 0;
        totals.other += row.other ?? 0;
      }
      return { base: id, other: otherId, lines: found.rows, totals: { ...totals, delta: totals.other - totals.base } };
    },
  });
}

async function insertLines(tx: Queryable, versionId: string, lines: readonly Line[]): Promise<void> {
  for (let start = 0; start < lines.length; start += 5000) {
    const chunk = lines.slice(start, start + 5000);
    await tx.query(
      `INSERT INTO version_lines (version_id, account, period, amount)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[])`,
      [versionId, chunk.map((l) => l.account), chunk.map((l) => l.period), chunk.map((l) => l.amount)],
    );
  }
}
