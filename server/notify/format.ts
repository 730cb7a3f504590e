import { createHmac } from 'node:crypto';
import type { EventKind } from './events';

export type WebhookFormat = 'slack' | 'teams' | 'generic';

export interface OutboxEvent {
  id: string;
  kind: EventKind;
  payload: Record<string, unknown>;
  createdAt: string;
}

type Obj = Record<string, unknown>;
const money = (value: unknown) =>
  typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(value ?? '');
const short = (id: unknown) => String(id ?? '').slice(0, 8);

/** One sentence saying what happened, for chat incoming webhooks. */
export function eventText(event: OutboxEvent): string {
  const p = event.payload;
  const proposal = (p.proposal ?? {}) as Obj;
  const step = (p.step ?? {}) as Obj;
  const what = proposal.reverts
    ? `reversal ${short(proposal.id)} of proposal ${short(proposal.reverts)}`
    : `proposal ${short(proposal.id)}`;
  const about = `${what} (${((proposal.costCentres as string[]) ?? []).join(', ')}, ${money(proposal.amount)} moved, FY${String(proposal.fiscalYear ?? '')})`;
  switch (event.kind) {
    case 'approval.waiting':
      return `${Number(p.reminder) > 0 ? `Reminder ${String(p.reminder)}: ` : ''}Approval waiting: ${about}, step ${String(step.step)} "${String(step.name)}" for the ${String(step.role)} role, due ${String(step.dueAt)}.`;
    case 'deadline.passed':
      return `Deadline passed: ${about}, step ${String(step.step)} "${String(step.name)}" (${String(step.role)}) was due ${String(step.dueAt)}.`;
    case 'proposal.applied': {
      const versions = ((proposal.versions as Obj[]) ?? []).map((v) => `${String(v.costCentre)} ${String(v.name)}`);
      return `Proposal applied: ${about}; new budget ${versions.length === 1 ? 'version' : 'versions'} ${versions.join(', ')}.`;
    }
    case 'flag.raised': {
      const flag = (p.flag ?? {}) as Obj;
      const held = p.heldBack as Obj | undefined;
      if (held)
        return `${String(held.count)} high-severity ${Number(held.count) === 1 ? 'flag' : 'flags'} raised in ${String(flag.costCentre)} from ${String(held.from)} to ${String(held.to)} ${Number(held.count) === 1 ? 'was' : 'were'} held back after the window's announcements; the most severe is ${String(flag.flagId)}: ${String(flag.kind)}, severity ${Number(flag.severity).toFixed(2)}, ${money(flag.amount)} at stake. See the review in the pane.`;
      const more = Number(p.alsoRaised ?? 0);
      const others =
        more > 0
          ? ` The same report raised ${more} more high-severity ${more === 1 ? 'flag' : 'flags'} in ${String(flag.costCentre)}, not announced one by one: see the review in the pane.`
          : '';
      const first = p.escalated
        ? ' Announced at once: it is more severe than every flag announced before it in this window.'
        : '';
      return `High-severity flag ${String(flag.flagId)} in ${String(flag.costCentre)}: ${String(flag.kind)}, severity ${Number(flag.severity).toFixed(2)}, ${money(flag.amount)} at stake.${others}${first}`;
    }
  }
}

/**
 * The HTTP body and headers of one delivery. Every format carries `Idempotency-Key` (the same on
 * every retry of this delivery) so a receiver that honours it never acts twice. `slack` and `teams`
 * post an incoming-webhook `{ text }`; `generic` posts `{ id, type, createdAt, data }` signed:
 * `X-OpenFPA-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>`.
 */
export function deliveryRequest(
  event: OutboxEvent,
  webhook: { id: string; format: WebhookFormat; secret: string | null },
  nowSeconds: number,
): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': `${event.id}:${webhook.id}`,
    'x-openfpa-event': event.kind,
    'x-openfpa-event-id': event.id,
    'user-agent': 'OpenFPA-Webhook/1',
  };
  if (webhook.format !== 'generic') return { body: JSON.stringify({ text: eventText(event) }), headers };
  const body = JSON.stringify({ id: event.id, type: event.kind, createdAt: event.createdAt, data: event.payload });
  if (webhook.secret) headers['x-openfpa-signature'] = signature(webhook.secret, nowSeconds, body);
  return { body, headers };
}

/** `t=<seconds>,v1=<hex>`: what a receiver recomputes from the raw body and its copy of the secret. */
export function signature(secret: string, seconds: number, body: string): string {
  return `t=${seconds},v1=${createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex')}`;
}
