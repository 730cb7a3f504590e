import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseCsv } from '../actuals/parse-csv';
import { validateRows } from '../actuals/validate-rows';
import type { ActualRow } from '../../src/model/budget-line';
import { MAX_IMPORT_ROWS } from '../../src/model/limits';
import { userOf } from '../auth/policy';
import type { Queryable } from '../db/db';
import { ServerErrors } from '../errors';
import { mutate } from '../http/mutate';
import { getByIdRoute, listRoute } from '../http/record-routes';
import { RESOURCES } from '../http/resources';
import { apiRoute, byCostCentre, byRecord } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

const batchQuery = {
  type: 'object',
  required: ['batchId', 'costCentre'],
  additionalProperties: false,
  properties: { batchId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$' }, costCentre: S.costCentre },
} as const;

/**
 * Actuals import: CSV or JSON, validated row by row (422 with every row's problems, nothing
 * written), idempotent by batch id (the same rows again → 200 replayed; different rows → 409),
 * and all-or-nothing (one transaction for the batch and all its rows).
 */
export function actualsRoutes(app: FastifyInstance, { db }: RouteDeps, importBodyLimit: number): void {
  const tags = ['actuals'];
  apiRoute(
    app,
    {
      method: 'POST',
      url: '/api/actuals/imports',
      tags,
      summary: 'Import a batch of actuals (CSV with header account,period,amount[,currency] or JSON)',
      access: byCostCentre('import', 'query'),
      csv: true,
      bodyLimit: importBodyLimit,
      querystring: batchQuery,
      body: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['rows'],
              additionalProperties: false,
              properties: { rows: { type: 'array', maxItems: MAX_IMPORT_ROWS, items: {} } },
            },
          },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      response: { 200: S.looseObject, 201: S.looseObject, 422: S.errorBody },
    },
    async (request, reply) => {
      const { batchId, costCentre } = request.query as { batchId: string; costCentre: string };
      const { rows, errors } = rowsOf(request.body);
      if (errors.length > 0) throw ServerErrors.importInvalid(errors);
      if (rows.length === 0)
        throw ServerErrors.importInvalid([{ row: 0, field: 'rows', message: 'The batch has no rows.' }]);
      const hash = contentHash(costCentre, rows);
      return mutate(db, request, reply, async (tx, audit) => {
        // Two imports of one batch serialise here; the second then sees the first and replays.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`actuals:${batchId}`]);
        const existing = await tx.query<{ content_hash: string; row_count: number }>(
          'SELECT content_hash, row_count FROM actual_batches WHERE batch_id = $1',
          [batchId],
        );
        if (existing.rowCount > 0) {
          if (existing.rows[0].content_hash !== hash) throw ServerErrors.batchConflict(batchId);
          return { status: 200, body: { batchId, costCentre, rowCount: existing.rows[0].row_count, replayed: true } };
        }
        await tx.query(
          'INSERT INTO actual_batches (batch_id, cost_centre, content_hash, row_count, imported_by) VALUES ($1, $2, $3, $4, $5)',
          [batchId, costCentre, hash, rows.length, userOf(request).id],
        );
        request.log.info({ batchId, rows: rows.length }, 'actuals import started');
        await insertActuals(tx, batchId, costCentre, rows);
        const after = { batchId, costCentre, rowCount: rows.length, contentHash: hash };
        await audit({
          action: 'actuals.import',
          entity: 'actuals_batch',
          entityId: batchId,
          costCentre,
          before: null,
          after,
        });
        return { status: 201, body: { batchId, costCentre, rowCount: rows.length, replayed: false } };
      });
    },
  );

  getByIdRoute(app, db, {
    url: '/api/actuals/imports/:batchId',
    tags,
    summary: 'Read an import batch summary',
    access: byRecord('read', 'batch', 'batchId'),
    param: 'batchId',
    params: {
      type: 'object',
      required: ['batchId'],
      additionalProperties: false,
      properties: { batchId: batchQuery.properties.batchId },
    },
    response: S.looseObject,
    resource: RESOURCES.batch,
  });

  listRoute(app, db, {
    url: '/api/actuals',
    tags,
    summary: 'Actuals of a cost centre, summed by account and period',
    access: byCostCentre('read', 'query'),
    querystring: S.costCentreQuery({ from: S.period, to: S.period }),
    item: S.looseObject,
    source: { table: 'actuals', columns: 'account, period, sum(amount)::float8 AS amount' },
    where: { costCentre: 'cost_centre = $', from: 'period >= $', to: 'period <= $' },
    groupBy: 'account, period',
    orderBy: 'account, period',
  });
}

function rowsOf(body: unknown) {
  if (typeof body === 'string') {
    const parsed = parseCsv(body);
    const missing = ['account', 'period', 'amount'].filter((name) => !parsed.header.includes(name));
    if (missing.length > 0 && parsed.errors.length === 0) {
      return { rows: [], errors: [{ row: 0, field: 'header', message: `The header lacks ${missing.join(', ')}.` }] };
    }
    const checked = validateRows(parsed.records);
    return { rows: checked.rows, errors: [...parsed.errors, ...checked.errors].sort((a, b) => a.row - b.row) };
  }
  return validateRows((body as { rows: unknown[] }).rows);
}

function contentHash(costCentre: string, rows: readonly ActualRow[]): string {
  const hash = createHash('sha256').update(costCentre);
  for (const row of rows) hash.update(`\n${row.account}\t${row.period}\t${row.amount}\t${row.currency ?? ''}`);
  return hash.digest('hex');
}

async function insertActuals(
  tx: Queryable,
  batchId: string,
  costCentre: string,
  rows: readonly ActualRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    await tx.query(
      `INSERT INTO actuals (batch_id, cost_centre, line_no, account, period, amount, currency)
       SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::numeric[], $7::text[])`,
      [
        batchId,
        costCentre,
        chunk.map((_, i) => start + i + 1),
        chunk.map((r) => r.account),
        chunk.map((r) => r.period),
        chunk.map((r) => r.amount),
        chunk.map((r) => r.currency),
      ],
    );
  }
}
