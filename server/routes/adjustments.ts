import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FLAG_KINDS } from '../../src/model/flag';
import type { AdjustmentOutcome, AdjustmentRecord } from '../../src/model/kpi';
import { MAX_AMOUNT } from '../../src/model/limits';
import { ADJUSTMENT_ID_PATTERN } from '../../src/model/names';
import { userOf } from '../auth/policy';
import type { Queryable } from '../db/db';
import { ServerErrors } from '../errors';
import { createRoute, costCentreListRoute } from '../http/record-routes';
import { mutate, type Audit, type Outcome } from '../http/mutate';
import { RESOURCES } from '../http/resources';
import { apiRoute, byCostCentre } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

const ADJUSTMENT = RESOURCES.adjustment;

const id = { type: 'string', pattern: ADJUSTMENT_ID_PATTERN } as const;
const real = { type: 'number', minimum: -MAX_AMOUNT, maximum: MAX_AMOUNT } as const;
// `nullable`, not anyOf with null: the validator coerces types, and would turn null into 0 in anyOf.
const realOrNull = { ...real, nullable: true } as const;
const period = { type: 'integer', minimum: -1, maximum: 10_000 } as const;
const text = { type: 'string', pattern: '^[A-Za-z0-9_.:@-]{1,160}$' } as const;

/** Why and in which circumstances the move was made (src/model/kpi.ts AdjustmentContext). */
const context = {
  type: 'object',
  required: ['kinds', 'direction', 'gapShare', 'moveShare', 'kpiAttainment', 'period', 'monthsLeft'],
  additionalProperties: false,
  properties: {
    kinds: {
      type: 'array',
      minItems: 1,
      maxItems: 16,
      items: { type: 'string', enum: [...FLAG_KINDS, 'kpi-response'] },
    },
    direction: { type: 'string', enum: ['raise', 'cut'] },
    gapShare: real,
    moveShare: real,
    kpiAttainment: realOrNull,
    period,
    monthsLeft: { type: 'integer', minimum: 0, maximum: 10_000 },
  },
} as const;

/** What the forecast expected without the move (AdjustmentRecord.expected). */
const expected = {
  type: 'object',
  required: ['spendWithout', 'planAdded', 'kpiWithout', 'kpiTarget', 'gap'],
  additionalProperties: false,
  properties: { spendWithout: real, planAdded: real, kpiWithout: realOrNull, kpiTarget: realOrNull, gap: real },
} as const;

/** What the move achieved, measured later (AdjustmentOutcome). */
const outcome = {
  type: 'object',
  required: ['measuredAt', 'gapClosed', 'passThrough', 'kpiLift'],
  additionalProperties: false,
  properties: { measuredAt: period, gapClosed: realOrNull, passThrough: realOrNull, kpiLift: realOrNull },
} as const;

const record = {
  type: 'object',
  required: ['costCentre', 'id', 'line', 'kpi', 'before', 'after', 'context', 'expected'],
  additionalProperties: false,
  properties: {
    costCentre: S.costCentre,
    id,
    line: text,
    kpi: { type: 'string', minLength: 1, maxLength: 160, pattern: '^[^\\u0000-\\u001f]+$', nullable: true },
    before: real,
    after: real,
    context,
    expected,
    outcome,
    proposal: text,
  },
} as const;

/** The stored record (TeamAdjustment), as the API answers it. */
const stored = {
  type: 'object',
  properties: {
    ...record.properties,
    outcome: { ...outcome, nullable: true },
    proposal: { ...text, nullable: true },
    recordedBy: { type: 'string' },
    recordedAt: { type: 'string', format: 'date-time' },
    measuredBy: { type: 'string', nullable: true },
    forgottenAt: { type: 'string', format: 'date-time', nullable: true },
    forgottenBy: { type: 'string', nullable: true },
    forgottenReason: { type: 'string', nullable: true },
  },
} as const;

/** A record of the cost centre named in the query, by the id in the path. */
const recordParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id } } as const;

type NewAdjustment = AdjustmentRecord & { costCentre: string };

/**
 * The memory of adjustments (src/model/kpi.ts AdjustmentRecord, src/loop/adjustment-memory.ts): each
 * applied move with its context and what the forecast expected without it, and, once measured, its
 * outcome. Kept per cost centre: its readers list them, its editors record moves and their outcomes.
 * An outcome is measured once: the first one stored stands (the same outcome again is accepted, a
 * different one is a 409 carrying the stored record).
 *
 * A move whose proposal was reverted is forgotten by the cost centre's editors or finance: the record
 * stays as a tombstone (the application holds no DELETE on the table, and the audit keeps the record
 * as it was), leaves the list (`forgotten=true` lists it too, so panes drop their copies instead of
 * sending them back), and takes no outcome. A move of a team proposal is forgotten only once that
 * proposal is reverted. Forgetting again answers the tombstone (an offline replay is harmless).
 */
export function adjustmentRoutes(app: FastifyInstance, { db }: RouteDeps): void {
  const tags = ['adjustments'];
  costCentreListRoute(app, db, {
    url: '/api/adjustments',
    tags,
    summary: 'Remembered adjustments of a cost centre, oldest move first (the forgotten too with forgotten=true)',
    item: stored,
    source: ADJUSTMENT,
    costCentre: 'cost_centre = $',
    filters: {
      line: { schema: text, where: 'line = $' },
      forgotten: { schema: { type: 'boolean', default: false }, where: '($ OR forgotten_at IS NULL)' },
    },
    order: [
      { sql: "coalesce((context ->> 'period')::int, 0)", type: 'integer' },
      { sql: 'id', type: 'text' },
    ],
  });

  createRoute<NewAdjustment>(app, db, {
    url: '/api/adjustments',
    tags,
    summary: 'Remember an applied adjustment with its context (and its outcome, when already measured)',
    access: byCostCentre('write', 'body'),
    body: record,
    response: stored,
    resource: ADJUSTMENT,
    verb: 'record',
    check: (body) => {
      if (body.kpi === null && body.expected.kpiWithout !== null)
        throw ServerErrors.badRequest('expected.kpiWithout must be null when the move has no KPI.');
    },
    insert: async ({ tx, body, user }) =>
      (
        await tx.query(
          `INSERT INTO adjustments (cost_centre, id, line, kpi, proposal, before, after, context, expected, outcome,
             recorded_by, measured_by, measured_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11,
             CASE WHEN $10::jsonb IS NULL THEN NULL ELSE $11 END, CASE WHEN $10::jsonb IS NULL THEN NULL ELSE now() END)
           ON CONFLICT (cost_centre, id) DO NOTHING RETURNING ${ADJUSTMENT.columns}`,
          [
            body.costCentre,
            body.id,
            body.line,
            body.kpi,
            body.proposal === undefined ? null : proposalKey(body.proposal),
            body.before,
            body.after,
            JSON.stringify(body.context),
            JSON.stringify(body.expected),
            body.outcome ? JSON.stringify(body.outcome) : null,
            user.id,
          ],
        )
      ).rows[0],
    duplicate: (body) => `Adjustment ${body.id} of ${body.costCentre}`,
    costCentre: ({ body }) => body.costCentre,
  });

  apiRoute(
    app,
    {
      method: 'PUT',
      url: '/api/adjustments/:id/outcome',
      tags,
      summary: 'Store the measured outcome of a remembered adjustment (once)',
      access: byCostCentre('write', 'query'),
      params: recordParams,
      querystring: S.costCentreQuery(),
      body: outcome,
      response: { 200: stored },
    },
    (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const { key, costCentre, current } = await lockRecord(tx, request);
        const measured = request.body as AdjustmentOutcome;
        if (current.forgottenAt !== null) throw ServerErrors.forgotten(key, current);
        if (current.outcome !== null) {
          if (isDeepStrictEqual(current.outcome, measured)) return { status: 200, body: current };
          throw ServerErrors.outcomeMeasured(key, current);
        }
        const set = 'outcome = $3::jsonb, measured_by = $4, measured_at = now()';
        return change(tx, audit, { key, costCentre, current }, 'measure', set, [
          JSON.stringify(measured),
          userOf(request).id,
        ]);
      }),
  );

  apiRoute(
    app,
    {
      method: 'POST',
      url: '/api/adjustments/:id/forget',
      tags,
      summary: 'Forget a reverted move: kept as a tombstone and in the audit, gone from the memory',
      access: byCostCentre('forget', 'query'),
      params: recordParams,
      querystring: S.costCentreQuery(),
      body: { type: 'object', additionalProperties: false, properties: { reason: S.freeText } },
      response: { 200: stored },
    },
    (request, reply) =>
      mutate(db, request, reply, async (tx, audit) => {
        const { key, costCentre, current } = await lockRecord(tx, request);
        if (current.forgottenAt !== null) return { status: 200, body: current };
        await refuseUnlessReverted(tx, key, current);
        const { reason } = request.body as { reason?: string };
        const set = 'forgotten_at = now(), forgotten_by = $3, forgotten_reason = $4';
        return change(tx, audit, { key, costCentre, current }, 'forget', set, [userOf(request).id, reason ?? null]);
      }),
  );
}

interface Locked {
  key: string;
  costCentre: string;
  current: Record<string, unknown>;
}

/** Locks the record of the cost centre in the query with the id in the path; 404 when there is none. */
async function lockRecord(tx: Queryable, request: FastifyRequest): Promise<Locked> {
  const { id: key } = request.params as { id: string };
  const { costCentre } = request.query as { costCentre: string };
  const found = await tx.query<Record<string, unknown>>(
    `SELECT ${ADJUSTMENT.columns} FROM adjustments WHERE cost_centre = $1 AND id = $2 FOR UPDATE`,
    [costCentre, key],
  );
  const current = found.rows[0];
  if (!current) throw ServerErrors.notFound('adjustment', key);
  return { key, costCentre, current };
}

/**
 * A proposal id as the server spells it (lower case, hyphenated) when `value` is a UUID in any
 * spelling PostgreSQL reads as one (capitals, hyphens left out); anything else (a local proposal's
 * id) as it is. So `1D17C82E…` cannot pass for a proposal the server does not know.
 */
function proposalKey(value: string): string {
  if (!/^[0-9a-f]{4}(-?[0-9a-f]{4}){7}$/i.test(value)) return value;
  const hex = value.replaceAll('-', '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A move of a team proposal is forgotten only once that proposal is reverted (a local proposal's
 * cannot be checked). Only a proposal that changes the move's cost centre counts: another cost
 * centre's proposal is not this move's, and its state is not this cost centre's to learn.
 */
async function refuseUnlessReverted(tx: Queryable, key: string, current: Record<string, unknown>): Promise<void> {
  if (typeof current.proposal !== 'string') return;
  const found = await tx.query<{ state: string }>(
    'SELECT state FROM proposals WHERE id::text = $1 AND $2::text = ANY (cost_centres)',
    [proposalKey(current.proposal), current.costCentre],
  );
  const state = found.rows[0]?.state;
  if (state !== undefined && state !== 'reverted') throw ServerErrors.notReverted(key, current.proposal, state);
}

/** Sets `set` (values from $3) on the locked record and audits `adjustment.<verb>` with it before and after. */
async function change(
  tx: Queryable,
  audit: Audit,
  { key, costCentre, current }: Locked,
  verb: 'measure' | 'forget',
  set: string,
  values: unknown[],
): Promise<Outcome<Record<string, unknown>>> {
  const updated = await tx.query<Record<string, unknown>>(
    `UPDATE adjustments SET ${set} WHERE cost_centre = $1 AND id = $2 RETURNING ${ADJUSTMENT.columns}`,
    [costCentre, key, ...values],
  );
  const row = updated.rows[0];
  await audit({
    action: `adjustment.${verb}`,
    entity: 'adjustment',
    entityId: key,
    costCentre,
    before: current,
    after: row,
  });
  return { status: 200, body: row };
}
