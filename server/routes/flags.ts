import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/db';
import { FLAG_KINDS, severityBand } from '../../src/model/flag';
import { createRoute, costCentreListRoute } from '../http/record-routes';
import { byCostCentre } from '../http/route';
import * as S from '../http/schemas';
import { writeAudit } from '../http/mutate';
import { ServerErrors } from '../errors';
import { announceRaised, shareOfReporter, type FlagWindowSettings } from '../notify/flag-window';
import type { RouteDeps } from './deps';
import { item } from '../http/positions';

/** A flag in the model's high band (src/model/flag.ts SEVERITY_BANDS) is what the team is told about. */
const isHigh = (severity: number): boolean => severityBand(severity) === 'high';

interface ReportedFlag {
  flagId: string;
  kind: string;
  severity: number;
  amount: number;
  explanation?: string;
}

const FLAG_COLUMNS = `flag_id AS "flagId", cost_centre AS "costCentre", kind, severity, amount::float8 AS amount,
  explanation, version, reported_by AS "reportedBy", first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"`;

/** The index of the first flag a report names a second time, or -1. */
function repeatedFlag(flags: readonly Pick<ReportedFlag, 'flagId'>[]): number {
  const seen = new Set<string>();
  return flags.findIndex(({ flagId }) => seen.size === seen.add(flagId).size);
}

/** A flag as the audit records it. */
const audited = (f: ReportedFlag) => ({
  flagId: f.flagId,
  kind: f.kind,
  severity: f.severity,
  // As stored (numeric with four decimals), so a flag reported again as it was is no change.
  amount: Number(f.amount.toFixed(4)),
  explanation: f.explanation ?? '',
});

/**
 * Reporting a flag again replaces what was stored (a scan's latest word): the flags whose stored
 * values this changes are audited with what they were and what they become (`flag.update`), so a
 * high flag reported again at 0.01, or its explanation rewritten, shows in the audit log; the
 * report's own record (`flag.report`) names only how many were reported and raised.
 */
async function auditChanges(
  tx: Queryable,
  request: FastifyRequest,
  costCentre: string,
  stored: readonly ReportedFlag[],
  reported: readonly ReportedFlag[],
): Promise<void> {
  const sent = new Map(reported.map((f) => [f.flagId, audited(f)]));
  const changed = stored
    .map((f) => ({ before: audited(f), after: sent.get(f.flagId) }))
    .filter(
      (c): c is { before: ReturnType<typeof audited>; after: ReturnType<typeof audited> } =>
        c.after !== undefined && JSON.stringify(c.before) !== JSON.stringify(c.after),
    )
    .sort((a, b) => (a.before.flagId < b.before.flagId ? -1 : 1));
  if (changed.length === 0) return;
  await writeAudit(tx, request, {
    action: 'flag.update',
    entity: 'flag',
    entityId: changed.length === 1 ? changed[0].before.flagId : `${costCentre}:${changed.length}`,
    costCentre,
    before: changed.map((c) => c.before),
    after: changed.map((c) => c.after),
  });
}

/**
 * Flags (src/model/flag.ts) a scan found, reported so the team sees them and is told about the
 * severe ones: a flag reported for the first time at high severity, or rising to it, is announced
 * (`flag.raised`) within the cost centre's budget of announcements (server/notify/flag-window.ts: a
 * report's five most severe one by one, the others counted on the last; over a window at most
 * `flagAnnouncedPerWindow` per reporter, and a flag more severe than every one announced before it;
 * what is held beyond them announced once when the window closes);
 * reporting it again updates it silently.
 */
export function flagRoutes(app: FastifyInstance, { db }: RouteDeps, windows: FlagWindowSettings): void {
  const tags = ['flags'];
  costCentreListRoute(app, db, {
    url: '/api/flags',
    tags,
    summary: 'Flags reported for a cost centre, in the order first reported',
    item: S.looseObject,
    source: { table: 'flags', columns: FLAG_COLUMNS },
    costCentre: 'cost_centre = $',
    filters: { minSeverity: { schema: { type: 'number', minimum: 0, maximum: 1 }, where: 'severity >= $' } },
    // By when each was first reported, which a flag keeps for life: most severe first, a flag
    // reported again with another severity between two pages showed twice or not at all in that walk
    // (paging.ts). `minSeverity` picks the severe ones.
    order: [
      { sql: 'first_seen_at', type: 'timestamptz' },
      { sql: 'flag_id', type: 'text' },
    ],
  });

  createRoute<{ costCentre: string; flags: ReportedFlag[] }>(app, db, {
    url: '/api/flags',
    tags,
    summary: 'Report the flags of a scan (new high-severity flags are announced to webhooks)',
    access: byCostCentre('write', 'body'),
    body: {
      type: 'object',
      required: ['costCentre', 'flags'],
      additionalProperties: false,
      properties: {
        costCentre: S.costCentre,
        flags: {
          type: 'array',
          minItems: 1,
          maxItems: 1000,
          items: {
            type: 'object',
            required: ['flagId', 'kind', 'severity', 'amount'],
            additionalProperties: false,
            properties: {
              flagId: S.flagId,
              kind: { type: 'string', enum: FLAG_KINDS },
              severity: { type: 'number', minimum: 0, maximum: 1 },
              amount: S.amount,
              explanation: S.freeText,
            },
          },
        },
      },
    },
    response: S.looseObject,
    resource: {
      entity: 'flag',
      table: 'flags',
      key: 'flag_id',
      columns: FLAG_COLUMNS,
      costCentres: 'ARRAY[cost_centre]',
    },
    verb: 'report',
    // One report says one thing of a flag: a flag named twice was written twice in one statement,
    // which PostgreSQL refuses (ON CONFLICT cannot touch a row twice): a 500, nothing written.
    check: ({ flags }) => {
      const at = repeatedFlag(flags);
      if (at >= 0)
        throw ServerErrors.badRequest(
          `${item('flags', at)} repeats the flag ${flags[at].flagId}: report each flag once.`,
        );
    },
    insert: async ({ tx, body, user, request }) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`flags:${body.costCentre}`]);
      const ids = body.flags.map((f) => f.flagId);
      const before = await tx.query<ReportedFlag & { flag_id: string }>(
        `SELECT flag_id, flag_id AS "flagId", kind, severity, amount::float8 AS amount, explanation
         FROM flags WHERE cost_centre = $1 AND flag_id = ANY ($2::text[])`,
        [body.costCentre, ids],
      );
      await auditChanges(tx, request, body.costCentre, before.rows, body.flags);
      const wasHigh = new Set(before.rows.filter((r) => isHigh(r.severity)).map((r) => r.flag_id));
      await tx.query(
        `INSERT INTO flags (cost_centre, flag_id, kind, severity, amount, explanation, reported_by)
         SELECT $1, * , $7 FROM unnest($2::text[], $3::text[], $4::float8[], $5::numeric[], $6::text[])
         ON CONFLICT (cost_centre, flag_id) DO UPDATE SET kind = EXCLUDED.kind, severity = EXCLUDED.severity,
           amount = EXCLUDED.amount, explanation = EXCLUDED.explanation, reported_by = EXCLUDED.reported_by,
           last_seen_at = now(), version = flags.version + 1`,
        [
          body.costCentre,
          ids,
          body.flags.map((f) => f.kind),
          body.flags.map((f) => f.severity),
          body.flags.map((f) => f.amount),
          body.flags.map((f) => f.explanation ?? ''),
          user.id,
        ],
      );
      const raised = body.flags.filter((f) => isHigh(f.severity) && !wasHigh.has(f.flagId));
      await announceRaised(tx, body.costCentre, raised, user.id, windows, await shareOfReporter(tx, user.id));
      return {
        id: `${body.costCentre}:${ids.length}`,
        costCentre: body.costCentre,
        reported: ids.length,
        raised: raised.map((f) => f.flagId),
      };
    },
    costCentre: ({ body }) => body.costCentre,
  });
}
