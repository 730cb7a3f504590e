/**
 * Review decisions on flags (accept, explain, dismiss, escalate), kept in the store's reviews store
 * with who and when, and the queue they shape: a dismissed flag is not raised again unless it
 * worsens; the reviewer's own cost centres come first.
 */
import type { BudgetLine } from '../../src/model/budget-line';
import { flagId, type Flag } from '../../src/model/flag';
import { reviewRefusal, type ReviewAction } from '../../src/model/review';
import type { Repository } from '../../src/store/repository';

export interface Decision {
  action: ReviewAction;
  comment: string;
  who: string;
  when: string;
  /** The flag's severity and variance when decided (to tell whether it worsened since). */
  severity: number;
  amount: number;
  /** The team server's id of this decision, once it was shared and read back (shared-reviews.ts). */
  serverId?: string;
}

export interface ReviewRecord {
  id: string;
  kind: 'review';
  line: string;
  periodIndex: number;
  decisions: Decision[];
}

export async function loadReviews(repository: Repository): Promise<Map<string, ReviewRecord>> {
  const all = await repository.list('reviews');
  return new Map(all.filter((r) => r.kind === 'review').map((r) => [r.id, r as unknown as ReviewRecord]));
}

/**
 * Adds a decision to the flag's record and stores it.
 * @throws Error when the model's review rule refuses it (explain or dismiss without a comment).
 */
export async function recordDecision(
  repository: Repository,
  flag: Flag,
  decision: Omit<Decision, 'severity' | 'amount'>,
): Promise<ReviewRecord> {
  const refused = reviewRefusal(decision.action, decision.comment);
  if (refused) throw new Error(refused);
  const id = flagId(flag);
  const existing = (await repository.get('reviews', id)) as unknown as ReviewRecord | undefined;
  const record: ReviewRecord = {
    id,
    kind: 'review',
    line: flag.line,
    periodIndex: flag.periodIndex,
    decisions: [...(existing?.decisions ?? []), { ...decision, severity: flag.severity, amount: flag.amount }],
  };
  await repository.put('reviews', record as unknown as { id: string });
  return record;
}

/** The latest decision on a flag, if any. */
export const latest = (record: ReviewRecord | undefined): Decision | undefined =>
  record?.decisions[record.decisions.length - 1];

/** A dismissed flag stays hidden unless its severity or its variance grew since (by more than 1%). */
export function isSuppressed(flag: Flag, record: ReviewRecord | undefined): boolean {
  const last = latest(record);
  if (!last || last.action !== 'dismiss') return false;
  const worse = flag.severity > last.severity + 0.01 || Math.abs(flag.amount) > Math.abs(last.amount) * 1.01 + 1e-9;
  return !worse;
}

export interface QueueFilter {
  costCentre: string;
  owner: string;
  kind: string;
  /** Lowest severity shown, 0..1. */
  minSeverity: number;
}

export const NO_FILTER: QueueFilter = { costCentre: '', owner: '', kind: '', minSeverity: 0 };

/**
 * The review queue: flags matching the filter, not suppressed, the reviewer's own cost centres first,
 * then in the engine's rank order.
 */
export function reviewQueue(
  flags: Flag[],
  lines: BudgetLine[],
  reviews: Map<string, ReviewRecord>,
  filter: QueueFilter,
  own: string[],
): Flag[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const mine = new Set(own);
  const kept = flags.filter((f) => {
    const line = byId.get(f.line);
    if (!line) return false;
    if (filter.costCentre && line.costCentre !== filter.costCentre) return false;
    if (filter.owner && line.owner !== filter.owner) return false;
    if (filter.kind && f.kind !== filter.kind) return false;
    if (f.severity < filter.minSeverity) return false;
    return !isSuppressed(f, reviews.get(flagId(f)));
  });
  const rank = (f: Flag) => (mine.has(byId.get(f.line)?.costCentre ?? '') ? 0 : 1);
  return kept
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}
