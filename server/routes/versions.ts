import type { FastifyInstance } from 'fastify';
import type { VersionLine } from '../../src/model/budget-line';
import { MAX_VERSION_LINES } from '../../src/model/limits';
import { mayAct } from '../../src/model/roles';
import { repeatedLine, type NewBudgetVersion } from '../../src/model/version';
import type { Queryable } from '../db/db';
import { nextVersionNumber } from '../proposals/versions';
import { expectedVersion } from '../http/mutate';
import { ServerErrors } from '../errors';
import { createRoute, getByIdRoute, costCentreListRoute } from '../http/record-routes';
import { RESOURCES } from '../http/resources';
import { apiRoute, byCostCentre, byRecord } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';
import { item } from '../http/positions';

const VERSION = RESOURCES.version;

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

/**
 * Budget versions (src/model/version.ts): budget, forecast and named scenarios per cost centre and
 * fiscal year, numbered 1, 2, … per kind; each is immutable (a change is a new version) and says
 * where it came from (`parentId`, `proposalId`, `lineage`).
 */
export function versionRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['versions'];
  costCentreListRoute(app, db, {
    url: '/api/versions',
    tags,
    summary: 'List budget versions of a cost centre',
    item: S.looseObject,
    source: VERSION,
    costCentre: 'cost_centre = $',
    filters: { fiscalYear: { schema: S.fiscalYear, where: 'fiscal_year = $' } },
    order: [
      { sql: 'fiscal_year', type: 'integer' },
      { sql: 'kind', type: 'text' },
      { sql: 'name', type: 'text' },
      { sql: 'id', type: 'uuid' },
    ],
  });

  createRoute<NewBudgetVersion>(app, db, {
    url: '/api/versions',
    tags,
    summary:
      'Create a version with its lines (one transaction). A budget version only as the baseline (the first of its ' +
      'cost centre and year, by a budget owner or admin; later ones come from applied proposals: 403 ' +
      'SERVER_BUDGET_NEEDS_PROPOSAL); forecasts and scenarios any time. Optional If-Match: the number of the latest ' +
      'version of its cost centre, year and kind it was made from ("0": none); 409 with that latest version when ' +
      'another came since',
    access: byCostCentre('write', 'body'),
    body: {
      type: 'object',
      required: ['costCentre', 'fiscalYear', 'kind', 'name', 'lines'],
      additionalProperties: false,
      properties: {
        costCentre: S.costCentre,
        fiscalYear: S.fiscalYear,
        kind: S.versionKind,
        name: S.name,
        lines: { type: 'array', maxItems: MAX_VERSION_LINES, items: line },
      },
    },
    response: S.looseObject,
    resource: VERSION,
    check: ({ lines }) => {
      const at = repeatedLine(lines);
      if (at >= 0)
        throw ServerErrors.badRequest(
          `${item('lines', at)} repeats account ${lines[at].account} in ${lines[at].period}.`,
        );
    },
    insert: async ({ tx, body, user, request }) => {
      const { number, headId } = await nextVersionNumber(tx, body.costCentre, body.fiscalYear, body.kind);
      // The budget of record: made directly once (the baseline), then only by applying a (reversal)
      // proposal. Checked under the lock above, before If-Match, so no claim or race makes a second one.
      if (body.kind === 'budget' && headId !== null)
        throw ServerErrors.budgetNeedsProposal(
          body.costCentre,
          body.fiscalYear,
          await latestVersion(tx, headId, number - 1),
        );
      // The baseline is loaded by those who put budgets in place (apply), so nobody else claims it first.
      if (body.kind === 'budget' && !mayAct(user.roles, 'apply'))
        throw ServerErrors.budgetBaselineRole(body.costCentre, body.fiscalYear, user.roles);
      // Made from an older version than the latest (offline, or a colleague was quicker): the caller chooses.
      const basedOn = request.headers['if-match'] === undefined ? undefined : expectedVersion(request);
      if (basedOn !== undefined && basedOn !== number - 1)
        throw ServerErrors.staleVersion('The latest version', basedOn, await latestVersion(tx, headId, number - 1));
      // "v<n>" names number n: applying a proposal names its version so, and must not find the name taken.
      const numbered = /^v(\d+)$/i.exec(body.name.trim());
      if (numbered && Number(numbered[1]) !== number)
        throw ServerErrors.badRequest(
          `"${body.name.trim()}" would be version ${number}: names v1, v2, … are kept for the version of that number. Choose another name.`,
        );
      return (
        await tx.query(
          `INSERT INTO budget_versions (cost_centre, fiscal_year, kind, name, number, parent_id, lineage, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, jsonb_build_object('action', 'create', 'at', now()), $7)
           ON CONFLICT (cost_centre, fiscal_year, kind, name) DO NOTHING RETURNING ${VERSION.columns}`,
          [body.costCentre, body.fiscalYear, body.kind, body.name, number, headId, user.id],
        )
      ).rows[0];
    },
    duplicate: (body) => `The ${body.kind} version "${body.name}" for ${body.fiscalYear}`,
    complete: async ({ tx, body }, row) => {
      await insertLines(tx, String(row.id), body.lines);
      return { ...row, lineCount: body.lines.length };
    },
    costCentre: ({ body }) => body.costCentre,
  });

  getByIdRoute(app, db, {
    url: '/api/versions/:id',
    tags,
    summary: 'Read a budget version with its lines',
    access: byRecord('read', 'version'),
    params: S.idParams,
    response: versionWithLines,
    resource: VERSION,
    extend: async (db, id) => ({
      lines: (
        await db.query(
          'SELECT account, period, amount::float8 AS amount FROM version_lines WHERE version_id = $1 ORDER BY account, period',
          [id],
        )
      ).rows,
    }),
  });

  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/versions/:id/compare/:otherId',
      tags,
      summary: 'Compare two versions line by line (base = id, other = otherId)',
      access: {
        action: 'read',
        scopes: [
          { resource: 'version', param: 'id' },
          { resource: 'version', param: 'otherId' },
        ],
      },
      params: {
        type: 'object',
        required: ['id', 'otherId'],
        additionalProperties: false,
        properties: { id: S.uuid, otherId: S.uuid },
      },
      response: { 200: S.looseObject },
    },
    async (request) => {
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
  );
}

/** The latest version as a conflict shows it: its record, and its number as `version` (what If-Match names). */
async function latestVersion(tx: Queryable, headId: string | null, number: number): Promise<Record<string, unknown>> {
  if (headId === null) return { version: 0 };
  const head = await tx.query(`SELECT ${VERSION.columns} FROM ${VERSION.table} WHERE id = $1`, [headId]);
  return { ...head.rows[0], version: number };
}

async function insertLines(tx: Queryable, versionId: string, lines: readonly VersionLine[]): Promise<void> {
  for (let start = 0; start < lines.length; start += 5000) {
    const chunk = lines.slice(start, start + 5000);
    await tx.query(
      `INSERT INTO version_lines (version_id, account, period, amount)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[])`,
      [versionId, chunk.map((l) => l.account), chunk.map((l) => l.period), chunk.map((l) => l.amount)],
    );
  }
}
