import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { backoffDelayMs } from '../../src/connector/backoff';
import { withoutUnreadable } from '../auth/policy';
import type { ServerConfig } from '../config';
import type { Db } from '../db/db';
import { emitEvent, NEXT_REMINDER_SQL, type EventKind } from './events';
import { closeFlagWindows } from './flag-window';
import { deliveryRequest, type OutboxEvent, type WebhookFormat } from './format';
import { postWebhook } from './webhook-target';

type Settings = Pick<
  ServerConfig,
  | 'notifyPollMs'
  | 'webhookTimeoutMs'
  | 'webhookRetryBaseMs'
  | 'webhookRetryMaxMs'
  | 'webhookMaxAttempts'
  | 'webhookAllowPrivate'
  | 'idempotencyTtlHours'
  | 'flagWindowMs'
>;

export interface Background {
  /** Runs one round now (tests), after the one in progress. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The server's background work, one round every `notifyPollMs`: announce reminders and passed
 * deadlines, deliver due webhooks, and (hourly) purge expired idempotency keys. Nothing that
 * matters lives in this process: rows are claimed with `FOR UPDATE SKIP LOCKED` or a lease in the
 * database, so several instances on one PostgreSQL share the work, and a restarted (or killed)
 * instance leaves nothing behind that another cannot pick up.
 */
export function startBackground(db: Db, settings: Settings, log: FastifyBaseLogger): Background {
  const instance = randomUUID();
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastPurge = 0;
  const round = async () => {
    try {
      await announceSteps(db);
      await closeFlagWindows(db, settings.flagWindowMs);
      await deliverDue(db, settings, instance);
      if (Date.now() - lastPurge > 3_600_000) {
        lastPurge = Date.now();
        await purgeIdempotencyKeys(db, settings.idempotencyTtlHours);
      }
    } catch (error) {
      if (!stopped) log.warn({ err: error }, 'background round failed; retrying next round');
    }
  };
  const tick = () => (running = running.then(round));
  const timer = setInterval(() => void tick(), settings.notifyPollMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** Deletes idempotency keys older than `ttlHours` (a replay after that is a new request); returns how many. */
export async function purgeIdempotencyKeys(db: Db, ttlHours: number): Promise<number> {
  const purged = await db.query("DELETE FROM idempotency_keys WHERE created_at < now() - $1 * interval '1 hour'", [
    ttlHours,
  ]);
  return purged.rowCount;
}

/** Reminders and passed deadlines of open chain steps, each announced once, by one instance. */
export async function announceSteps(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx.query<{
      proposal_id: string;
      step_no: number;
      overdue: boolean;
      remind: boolean;
      reminders: number;
      step: Record<string, unknown>;
      proposal: Record<string, unknown> & { costCentres: string[] };
    }>(
      `SELECT s.proposal_id, s.step_no, s.reminders,
         (s.due_at < now() AND s.overdue_notified_at IS NULL) AS overdue, (s.next_reminder_at <= now()) AS remind,
         jsonb_build_object('step', s.step_no, 'name', s.name, 'role', s.role, 'costCentre', s.scope, 'dueAt', s.due_at) AS step,
         jsonb_build_object('id', p.id, 'costCentre', p.cost_centre, 'costCentres', p.cost_centres,
           'fiscalYear', p.fiscal_year, 'amount', p.amount::float8, 'reason', p.reason, 'submittedBy', p.submitted_by) AS proposal
       FROM proposal_steps s JOIN proposals p ON p.id = s.proposal_id
       WHERE s.state = 'pending' AND ((s.due_at < now() AND s.overdue_notified_at IS NULL) OR s.next_reminder_at <= now())
       ORDER BY s.due_at LIMIT 100 FOR UPDATE OF s SKIP LOCKED`,
    );
    for (const row of due.rows) {
      const announce = (kind: EventKind, extra: Record<string, unknown>) =>
        emitEvent(tx, {
          kind,
          costCentres: row.proposal.costCentres,
          payload: { proposal: row.proposal, step: row.step, ...extra },
        });
      if (row.overdue) await announce('deadline.passed', {});
      if (row.remind) await announce('approval.waiting', { reminder: row.reminders + 1 });
      await tx.query(
        `UPDATE proposal_steps SET
           overdue_notified_at = CASE WHEN $3 THEN now() ELSE overdue_notified_at END,
           reminders = reminders + CASE WHEN $4 THEN 1 ELSE 0 END,
           next_reminder_at = CASE WHEN $4 THEN ${NEXT_REMINDER_SQL} ELSE next_reminder_at END
         WHERE proposal_id = $1 AND step_no = $2`,
        [row.proposal_id, row.step_no, row.overdue, row.remind],
      );
    }
    return due.rowCount;
  });
}

interface Claimed {
  id: number;
  attempts: number;
  event_id: string;
  kind: EventKind;
  payload: Record<string, unknown>;
  created_at: string;
  webhook_id: string;
  url: string;
  format: WebhookFormat;
  secret: string | null;
  /** The webhook's cost centres; null: every cost centre's events. */
  cost_centres: string[] | null;
  /** The event's cost centres. */
  event_centres: string[];
}

/**
 * Claims due deliveries of active webhooks (a paused one's wait until it is resumed) with a lease (so
 * a delivery in flight is not sent by another instance, and one whose instance died is retried once
 * the lease runs out), sends them, and records the outcome:
 * delivered on 2xx, else retried with exponential backoff until `webhookMaxAttempts`, then dead.
 * Approvals, deadlines and applied proposals are claimed before flags, so a burst of flags never holds
 * another cost centre's `approval.waiting` back a round; within each, the events' cost centres take
 * turns (each one's oldest delivery, then each one's second, …), so one cost centre's many webhooks or
 * events (40 webhooks of CC5: 40 deliveries an event, each of a receiver that may take the whole
 * timeout) never hold another cost centre's deliveries back a round either.
 */
export async function deliverDue(db: Db, settings: Settings, instance: string): Promise<number> {
  const leaseMs = settings.webhookTimeoutMs + 5_000;
  const claimed = await db.query<Claimed>(
    `WITH waiting AS (
       SELECT wd.id, oe.kind = 'flag.raised' AS flag,
         row_number() OVER (PARTITION BY oe.kind = 'flag.raised', oe.cost_centres ORDER BY wd.id) AS turn
       FROM webhook_deliveries wd JOIN outbox_events oe ON oe.id = wd.event_id
         JOIN webhooks wh ON wh.id = wd.webhook_id AND wh.active
       WHERE wd.state = 'pending' AND wd.next_attempt_at <= now() AND (wd.leased_until IS NULL OR wd.leased_until < now())),
     due AS (
       SELECT wd.id FROM webhook_deliveries wd JOIN waiting ON waiting.id = wd.id
       WHERE wd.state = 'pending' AND (wd.leased_until IS NULL OR wd.leased_until < now())
       ORDER BY waiting.flag, waiting.turn, wd.id LIMIT 20 FOR UPDATE OF wd SKIP LOCKED)
     UPDATE webhook_deliveries d SET leased_until = now() + $1 * interval '1 millisecond', leased_by = $2,
       attempts = d.attempts + 1
     FROM due, outbox_events e, webhooks w
     WHERE d.id = due.id AND e.id = d.event_id AND w.id = d.webhook_id
     RETURNING d.id, d.attempts, e.id AS event_id, e.kind, e.payload, e.created_at, w.id AS webhook_id, w.url, w.format,
       w.secret, CASE WHEN cardinality(w.cost_centres) > 0 THEN w.cost_centres END AS cost_centres,
       e.cost_centres AS event_centres`,
    [leaseMs, instance],
  );
  await Promise.all(claimed.rows.map((delivery) => deliverOne(db, settings, instance, delivery)));
  return claimed.rowCount;
}

async function deliverOne(db: Db, settings: Settings, instance: string, d: Claimed): Promise<void> {
  // Narrowed since the event was queued (and perhaps pointed elsewhere since by an admin of what it
  // keeps), the webhook no longer receives the other cost centres' events: they end unsent.
  if (d.cost_centres && !d.event_centres.some((c) => d.cost_centres?.includes(c))) {
    await db.query(
      `UPDATE webhook_deliveries SET state = 'dead', last_error = $2, leased_until = NULL WHERE id = $1 AND leased_by = $3`,
      [d.id, 'not sent: the webhook no longer receives events of these cost centres', instance],
    );
    return;
  }
  // One event goes to every subscribed webhook; what it says of other proposals (a chain step's
  // related proposals) follows the webhook's cost centres, as an answer follows the reader's.
  const reader = { id: `webhook:${d.webhook_id}`, roles: [], costCentres: d.cost_centres ?? '*' } as const;
  const event: OutboxEvent = {
    id: d.event_id,
    kind: d.kind,
    payload: withoutUnreadable(d.payload, reader) as Record<string, unknown>,
    createdAt: new Date(d.created_at).toISOString(),
  };
  const { body, headers } = deliveryRequest(
    event,
    { id: d.webhook_id, format: d.format, secret: d.secret },
    Math.floor(Date.now() / 1000),
  );
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = await postWebhook(d.url, headers, body, {
      timeoutMs: settings.webhookTimeoutMs,
      allowPrivate: settings.webhookAllowPrivate,
    });
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  if (error === null) {
    await db.query(
      `UPDATE webhook_deliveries SET state = 'delivered', delivered_at = now(), last_status = $2, last_error = NULL,
         leased_until = NULL WHERE id = $1 AND leased_by = $3`,
      [d.id, status, instance],
    );
    return;
  }
  const delay = backoffDelayMs(d.attempts, {
    baseMs: settings.webhookRetryBaseMs,
    maxMs: settings.webhookRetryMaxMs,
    jitter: Math.random(),
  });
  await db.query(
    `UPDATE webhook_deliveries SET state = CASE WHEN attempts >= $5 THEN 'dead' ELSE 'pending' END,
       next_attempt_at = now() + $2 * interval '1 millisecond', last_status = $3, last_error = $4, leased_until = NULL
     WHERE id = $1 AND leased_by = $6`,
    [d.id, delay, status, error.slice(0, 500), settings.webhookMaxAttempts, instance],
  );
}
