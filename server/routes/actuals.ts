import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseImportCsv } from '../actuals/parse-csv';
import { otherCurrencies, validateRows } from '../actuals/validate-rows';
import type { ActualRow } from '../../src/model/budget-line';
import { MAX_IMPORT_ROWS } from '../../src/model/limits';
import { ImportSlot } from '../actuals/import-slot';
import { userOf } from '../auth/policy';
import type { Queryable } from '../db/db';
import { ServerErrors } from '../errors';
import { mutate } from '../http/mutate';
import { costCentreListRoute } from '../http/record-routes';
import { apiRoute, byCostCentre } from '../http/route';
import * as S from '../http/schemas';
import type { RouteDeps } from './deps';

const batchId = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$' } as const;
const batchQuery = {
  type: 'object',
  required: ['batchId', 'costCentre'],
  additionalProperties: false,
  properties: { batchId, costCentre: S.costCentre },
} as const;

/** Problems reported before checking stops (a wholly wrong file is told by its first thousand). */
export const MAX_IMPORT_ERRORS = 1000;

/**
 * Actuals import: CSV or JSON, at most MAX_IMPORT_ROWS rows, one import at a time per process,
 * validated row by row (422 with the rows' problems, up to MAX_IMPORT_ERRORS; nothing written),
 * idempotent by cost centre and batch id (the same rows again → 200 replayed; different rows → 409;
 * another cost centre's batch of the same id is another batch), all-or-nothing (one transaction).
 */
export function actualsRoutes(
  app: FastifyInstance,
  { db }: RouteDeps,
  options: { importBodyLimit: number; importQueueMax: number },
): void {
  const tags = ['actuals'];
  const slot = new ImportSlot(options.importQueueMax);
  apiRoute(
    app,
    {
      method: 'POST',
      url: '/api/actuals/imports',
      tags,
      summary: 'Import a batch of actuals (CSV with header account,period,amount[,currency] or JSON)',
      access: byCostCentre('import', 'query'),
      csv: true,
      bodyLimit: options.importBodyLimit,
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
    (request, reply) =>
      slot.run(async () => {
        const { batchId, costCentre } = request.query as { batchId: string; costCentre: string };
        const { rows, errors, stoppedEarly } = await rowsOf(request.body);
        if (errors.length > 0) throw ServerErrors.importInvalid(errors, stoppedEarly);
        if (rows.length === 0)
          throw ServerErrors.importInvalid([{ row: 0, field: 'rows', message: 'The batch has no rows.' }]);
        const hash = contentHash(costCentre, rows);
        return mutate(db, request, reply, async (tx, audit) => {
          // Two imports of one batch serialise here (in any server instance); the second then replays.
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`actuals:${costCentre}:${batchId}`]);
          const existing = await tx.query<{ content_hash: string; row_count: number }>(
            'SELECT content_hash, row_count FROM actual_batches WHERE cost_centre = $1 AND batch_id = $2',
            [costCentre, batchId],
          );
          if (existing.rowCount > 0) {
            if (existing.rows[0].content_hash !== hash) throw ServerErrors.batchConflict(batchId);
            return { status: 200, body: { batchId, costCentre, rowCount: existing.rows[0].row_count, replayed: true } };
          }
          await checkCurrencies(tx, costCentre, rows);
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
      }, userOf(request).id),
  );

  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/actuals/imports/:batchId',
      tags,
      summary: "Read one of a cost centre's import batches",
      access: byCostCentre('read', 'query'),
      params: { type: 'object', required: ['batchId'], additionalProperties: false, properties: { batchId } },
      querystring: S.costCentreQuery(),
      response: { 200: S.looseObject },
    },
    async (request) => {
      const { batchId: id } = request.params as { batchId: string };
      const { costCentre } = request.query as { costCentre: string };
      const found = await db.query(
        `SELECT batch_id AS "batchId", cost_centre AS "costCentre", row_count AS "rowCount",
           (SELECT count(*)::int FROM actuals a WHERE a.cost_centre = b.cost_centre AND a.batch_id = b.batch_id) AS "storedRows",
           imported_by AS "importedBy", imported_at AS "importedAt"
         FROM actual_batches b WHERE cost_centre = $1 AND batch_id = $2`,
        [costCentre, id],
      );
      if (found.rowCount === 0) throw ServerErrors.notFound('actuals_batch', `${id} of ${costCentre}`);
      return found.rows[0];
    },
  );

  costCentreListRoute(app, db, {
    url: '/api/actuals',
    tags,
    summary: 'Actuals of a cost centre, summed by account and period',
    item: S.looseObject,
    source: { table: 'actuals', columns: 'account, period, sum(amount)::float8 AS amount' },
    costCentre: 'cost_centre = $',
    filters: { from: { schema: S.period, where: 'period >= $' }, to: { schema: S.period, where: 'period <= $' } },
    groupBy: 'account, period',
    order: [
      { sql: 'account', type: 'text' },
      { sql: 'period', type: 'text' },
    ],
  });
}

async function rowsOf(body: unknown) {
  if (typeof body === 'string') {
    const parsed = await parseImportCsv(body, { maxRows: MAX_IMPORT_ROWS, maxErrors: MAX_IMPORT_ERRORS });
    if (parsed.tooManyRows) throw ServerErrors.importTooLarge(MAX_IMPORT_ROWS);
    const checked = validateRows(parsed.records, MAX_IMPORT_ERRORS - parsed.errors.length);
    const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.row - b.row);
    return { rows: checked.rows, errors, stoppedEarly: parsed.stoppedEarly || checked.stoppedEarly };
  }
  return validateRows((body as { rows: unknown[] }).rows, MAX_IMPORT_ERRORS);
}

/**
 * 422 unless every row that names a currency names the cost centre's (`otherCurrencies`): the one
 * its stored actuals name, else the batch's first. Imports of one cost centre take this lock in
 * turn, so two batches in two currencies sent at once do not both find none stored.
 */
async function checkCurrencies(tx: Queryable, costCentre: string, rows: readonly ActualRow[]): Promise<void> {
  if (!rows.some((r) => r.currency)) return;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`actuals-currency:${costCentre}`]);
  const stored = await tx.query<{ currency: string }>(
    'SELECT currency FROM actuals WHERE cost_centre = $1 AND currency IS NOT NULL LIMIT 1',
    [costCentre],
  );
  const errors = otherCurrencies(rows, stored.rows[0]?.currency, costCentre, MAX_IMPORT_ERRORS);
  if (errors.length > 0) throw ServerErrors.importInvalid(errors, errors.length >= MAX_IMPORT_ERRORS);
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
