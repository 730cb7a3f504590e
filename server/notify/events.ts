import { MIN_REMINDER_HOURS } from '../../src/model/approval-chain';
import type { Queryable } from '../db/db';

/**
 * A waiting step's next reminder from now (SQL over `proposal_steps`): its `reminder_hours`, but never
 * sooner than `MIN_REMINDER_HOURS` (a step copied from a chain stored with a fraction of a second).
 */
export const NEXT_REMINDER_SQL = `now() + GREATEST(reminder_hours, ${MIN_REMINDER_HOURS}) * interval '1 hour'`;

/**
 * What the server notifies about (webhook subscriptions name these):
 * - `flag.raised`: a high-severity flag was first reported (the model's high band, src/model/flag.ts SEVERITY_BANDS);
 *   a report's five most severe new ones one by one, the rest counted on the last (`alsoRaised`);
 * - `approval.waiting`: a proposal's chain step became current, or a reminder while it waits;
 * - `deadline.passed`: a step is still open past its deadline (once per step);
 * - `proposal.applied`: an approved proposal was applied and its budget versions created.
 */
export const EVENT_KINDS = ['flag.raised', 'approval.waiting', 'deadline.passed', 'proposal.applied'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface NewEvent {
  kind: EventKind;
  /** The cost centres the event concerns: a webhook limited to some centres gets events of those. */
  costCentres: readonly string[];
  payload: Record<string, unknown>;
}

/**
 * Puts an event in the outbox and one delivery per subscribed webhook, in the caller's transaction:
 * the event exists exactly when the change that caused it committed (transactional outbox). The
 * delivery worker (outbox-worker.ts) sends them afterwards, at least once.
 */
export async function emitEvent(tx: Queryable, event: NewEvent): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    'INSERT INTO outbox_events (kind, cost_centres, payload) VALUES ($1, $2, $3::jsonb) RETURNING id',
    [event.kind, [...event.costCentres], JSON.stringify(event.payload)],
  );
  const id = inserted.rows[0].id;
  await tx.query(
    `INSERT INTO webhook_deliveries (event_id, webhook_id)
     SELECT $1, id FROM webhooks
     WHERE active AND $2 = ANY (events) AND (cost_centres IS NULL OR cost_centres && $3::text[])`,
    [id, event.kind, [...event.costCentres]],
  );
  return id;
}
