/**
 * A review decision: what a reviewer decided about a flag. The pane records it by its action
 * ("dismiss"); the backend stores the decision in the past tense ("dismissed"). The rule that an
 * explanation and a dismissal say why is decided here, and the pane and the server both apply it.
 */

/** What a reviewer can do with a flag. */
export const REVIEW_ACTIONS = ['accept', 'explain', 'dismiss', 'escalate'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The decision a review action records, as the backend stores it. */
export const REVIEW_DECISIONS = ['accepted', 'explained', 'dismissed', 'escalated'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** @example decisionOf('dismiss') // "dismissed" */
export const decisionOf = (action: ReviewAction): ReviewDecisionKind =>
  REVIEW_DECISIONS[REVIEW_ACTIONS.indexOf(action)];

/** @example actionOf('escalated') // "escalate" */
export const actionOf = (decision: ReviewDecisionKind): ReviewAction =>
  REVIEW_ACTIONS[REVIEW_DECISIONS.indexOf(decision)];

/**
 * Why a review cannot be recorded as given, or null when it can: an explanation needs the
 * explanation, and a dismissal the reason (a dismissed flag stays hidden until it worsens, so the
 * next reviewer must be able to read why).
 * @example reviewRefusal('dismiss', ' ') // "Dismissing needs a reason."
 */
export function reviewRefusal(action: ReviewAction, comment: string): string | null {
  if (comment.trim() !== '') return null;
  if (action === 'explain') return 'An explanation needs a comment.';
  if (action === 'dismiss') return 'Dismissing needs a reason.';
  return null;
}

/** A stored review decision (the backend's record). */
export interface ReviewDecision {
  id: string;
  costCentre: string;
  /** The flag's id (flag.ts `flagId`). */
  flagId: string;
  decision: ReviewDecisionKind;
  comment: string;
  decidedBy: string;
  decidedAt: string;
  /**
   * The flag's severity (0..1) and variance when the reviewer decided, as their pane saw them; null
   * on a decision recorded before the server kept them (a pane then measures against what it sees).
   */
  severity: number | null;
  amount: number | null;
}

/** What recording a decision sends; who and when come from the sign-in and the server's clock. */
export interface NewReviewDecision {
  costCentre: string;
  flagId: string;
  decision: ReviewDecisionKind;
  comment?: string;
  /** The flag's severity and variance as the reviewer saw them ("hidden until it worsens" from these). */
  severity?: number;
  amount?: number;
}
