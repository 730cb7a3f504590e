/**
 * Review decisions shared through the team server: a decision recorded in the pane is also sent
 * through the connector (its offline queue keeps it when the server is away), and the team's
 * decisions on the scanned flags are merged into the local store, so a second reviewer sees the
 * first one's decision (a dismissed flag stays hidden for everyone until it worsens from the
 * severity and variance its reviewer saw).
 */
import type { ApiClient, WriteOutcome } from '../../src/connector';
import type { BudgetLine } from '../../src/model/budget-line';
import { flagId, type Flag } from '../../src/model/flag';
import { MAX_AMOUNT } from '../../src/model/limits';
import { actionOf, decisionOf, type NewReviewDecision, type ReviewDecision } from '../../src/model/review';
import type { Repository } from '../../src/store/repository';
import { loadReviews, type Decision, type ReviewRecord } from './decisions';

/** Sends a decision just recorded on `flag` (of a line in `costCentre`) to the team server. */
export function shareDecision(
  api: ApiClient,
  flag: Flag,
  costCentre: string,
  decision: Pick<Decision, 'action' | 'comment'>,
): Promise<WriteOutcome<ReviewDecision>> {
  return api.createReview({
    costCentre,
    flagId: flagId(flag),
    decision: decisionOf(decision.action),
    ...(decision.comment.trim() ? { comment: decision.comment } : {}),
    ...decidedOn(flag),
  });
}

/**
 * The severity and variance a decision is shared with, so every pane measures "until it worsens"
 * from what the reviewer saw; none when the server could not hold them (then each pane measures
 * from what it sees, as for a decision recorded before the server kept them).
 */
function decidedOn(flag: Flag): Pick<NewReviewDecision, 'severity' | 'amount'> {
  const { severity, amount } = flag;
  const held = severity >= 0 && severity <= 1 && Number.isFinite(amount) && Math.abs(amount) <= MAX_AMOUNT;
  return held ? { severity, amount } : {};
}

/** The local decision a server record is: the one already carrying its id, or the same decision made here. */
function localMatch(decisions: Decision[], found: ReviewDecision): Decision | undefined {
  return (
    decisions.find((d) => d.serverId === found.id) ??
    decisions.find(
      (d) =>
        d.serverId === undefined &&
        d.who === found.decidedBy &&
        d.action === actionOf(found.decision) &&
        d.comment.trim() === found.comment.trim(),
    )
  );
}

/**
 * Reads the team's decisions for the cost centres of `lines` and merges those on `flags` into the
 * local store: a decision made here is matched (and takes the server's id), one made elsewhere is
 * added with who and when from the server and the severity and variance the reviewer decided on (a
 * decision recorded before the server kept them: the flag's current ones). Returns every review
 * record after the merge.
 */
export async function pullDecisions(
  api: ApiClient,
  repository: Repository,
  flags: readonly Flag[],
  lines: readonly BudgetLine[],
): Promise<Map<string, ReviewRecord>> {
  const byId = new Map(flags.map((f) => [flagId(f), f]));
  const reviews = await loadReviews(repository);
  const centres = [...new Set(lines.map((l) => l.costCentre))].filter((c) => c !== '').sort();
  for (const costCentre of centres) {
    const changed = new Set<string>();
    for (const found of await api.listReviews(costCentre)) {
      const flag = byId.get(found.flagId);
      if (!flag) continue;
      const record = reviews.get(found.flagId) ?? {
        id: found.flagId,
        kind: 'review' as const,
        line: flag.line,
        periodIndex: flag.periodIndex,
        decisions: [],
      };
      const decisions = [...record.decisions];
      const match = localMatch(decisions, found);
      if (match?.serverId === found.id) continue;
      if (match) decisions[decisions.indexOf(match)] = { ...match, serverId: found.id };
      else
        decisions.push({
          action: actionOf(found.decision),
          comment: found.comment,
          who: found.decidedBy,
          when: found.decidedAt,
          severity: found.severity ?? flag.severity,
          amount: found.amount ?? flag.amount,
          serverId: found.id,
        });
      decisions.sort((a, b) => a.when.localeCompare(b.when));
      reviews.set(record.id, { ...record, decisions });
      changed.add(record.id);
    }
    for (const id of changed) await repository.put('reviews', reviews.get(id) as unknown as { id: string });
  }
  return reviews;
}
