/**
 * One proposal: state, summary, before/after, history, what the caller adds below it (the local
 * audit, or the team chain), and the state machine's buttons. The caller decides which moves the
 * user may make (single-user role, or the signed-in user's rights on the server).
 */
import type { ReactNode } from 'react';
import { Badge, Body1, Button, Caption1, Card } from '@fluentui/react-components';
import { CardProblem, useCardAction, when } from '../shared/card-action';
import { CommentField } from '../shared/CommentField';
import { useReviewCardStyles } from '../shared/review-card-styles';
import type { ProposalState, ProposalStep, ProposalVerb } from '../../../src/model/proposal';
import { BeforeAfterTable, type BeforeAfterRow } from './BeforeAfterTable';
import { LineIdText } from '../tables/LineIdText';

const BUTTONS: { action: ProposalVerb; label: string }[] = [
  { action: 'submit', label: 'Submit' },
  { action: 'approve', label: 'Approve' },
  { action: 'reject', label: 'Reject' },
  { action: 'apply', label: 'Apply' },
  { action: 'revert', label: 'Revert' },
];

const BADGE: Partial<Record<ProposalState, 'success' | 'danger' | 'brand'>> = {
  applied: 'success',
  rejected: 'danger',
  approved: 'brand',
};

/** What a card shows of a proposal, whichever store it comes from. */
export interface CardProposal {
  id: string;
  state: ProposalState;
  createdBy: string;
  createdAt: string;
  /** One line under the head: the trade-off or the reason. */
  summary: string;
  costCentres: readonly string[];
  lines: BeforeAfterRow[];
  history: readonly ProposalStep[];
}

export interface ProposalCardProps {
  proposal: CardProposal;
  /** The moves the user may make now. */
  allowed: readonly ProposalVerb[];
  /** Shown when no move is allowed and the proposal is not final (who or what it waits for). */
  waiting: string;
  /**
   * Show only the allowed buttons (signed in: nobody sees an Approve they may not press).
   * @default false: every button, the refused ones disabled
   */
  onlyAllowed?: boolean;
  onAction: (action: ProposalVerb, comment: string) => Promise<void>;
  /**
   * What the Revert button says and does, told beside the comment: single-user, it writes the
   * amounts before back at once; with a team it proposes a reversal that another person approves.
   * @default the single-user revert
   */
  revert?: { label: string; hint: string };
  /** Lists below the history (audit records, approval chain). */
  children?: ReactNode;
}

/** The single-user Revert: nobody else exists to approve a reversal, so it writes the budget back at once. */
const DIRECT_REVERT = {
  label: 'Revert',
  hint: 'Required to reject or revert. Revert writes the amounts before back into the budget cells at once.',
};

export function ProposalCard({
  proposal,
  allowed,
  waiting,
  onlyAllowed = false,
  onAction,
  revert = DIRECT_REVERT,
  children,
}: ProposalCardProps) {
  const styles = useReviewCardStyles();
  const { comment, setComment, problem, busy, act } = useCardAction(onAction);
  const may = new Set(allowed);
  const { id, state } = proposal;
  const buttons = BUTTONS.filter((b) => !onlyAllowed || may.has(b.action)).map((b) =>
    b.action === 'revert' ? { ...b, label: revert.label } : b,
  );
  return (
    <Card size="small" className={styles.card} aria-label={`Proposal ${id}`} data-testid="proposal" data-state={state}>
      <div className={styles.head}>
        <Body1>
          <strong>{id}</strong>
        </Body1>
        <Badge appearance="tint" color={BADGE[state] ?? 'informative'}>
          {state}
        </Badge>
        <Caption1>
          by {proposal.createdBy}, {when(proposal.createdAt)}
        </Caption1>
      </div>
      <Caption1>
        <LineIdText
          text={`${proposal.summary} Affects ${proposal.costCentres.join(', ') || 'no cost centre'}.`}
          ids={[...proposal.costCentres, ...proposal.lines.flatMap((l) => [l.id, l.costCentre])]}
        />
      </Caption1>
      <BeforeAfterTable rows={proposal.lines} label={`Before and after of ${id}`} />
      {proposal.history.length > 0 && (
        <ul className={styles.history} aria-label={`History of ${id}`}>
          {proposal.history.map((t, i) => (
            <li key={i}>
              <Caption1>
                {t.to} by {t.who} ({t.role}) at {when(t.when)}
                {t.comment ? `: ${t.comment}` : ''}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {children}
      {(!onlyAllowed || may.size > 0) && (
        <CommentField subject={id} value={comment} onChange={setComment} hint={revert.hint} />
      )}
      {buttons.length > 0 && (
        <div className={styles.actions}>
          {buttons.map((b) => (
            <Button
              key={b.action}
              size="small"
              appearance={may.has(b.action) ? 'primary' : 'secondary'}
              disabled={busy || !may.has(b.action)}
              onClick={() => act(b.action)}
            >
              {b.label}
            </Button>
          ))}
        </div>
      )}
      {may.size === 0 && state !== 'rejected' && state !== 'reverted' && (
        <Caption1 data-testid="proposal-waiting">{waiting}</Caption1>
      )}
      <CardProblem problem={problem} />
    </Card>
  );
}
