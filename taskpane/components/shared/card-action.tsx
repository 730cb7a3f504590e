/**
 * What a review card (a flag, a proposal) does when one of its buttons is pressed: passes the action
 * and the trimmed comment to the caller, clears the comment when that succeeds, keeps the refusal's
 * message to show under the buttons otherwise, and says while the action runs.
 */
import { useState } from 'react';
import { Caption1 } from '@fluentui/react-components';
import { useReviewCardStyles } from './review-card-styles';
import { useKnownLineIds } from '../tables/KnownLineIds';
import { LineIdText } from '../tables/LineIdText';

/** A timestamp as the cards' histories show it: "2026-01-02 08:00". */
export const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

export function useCardAction<A extends string>(perform: (action: A, comment: string) => Promise<void>) {
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: A) => {
    setBusy(true);
    try {
      await perform(action, comment.trim());
      setComment('');
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { comment, setComment, problem, setProblem, busy, act };
}

/** The last refusal, under the card's buttons; the line ids the pane knows in it are drawn whole. */
export function CardProblem({ problem }: { problem: string | null }) {
  const styles = useReviewCardStyles();
  const ids = useKnownLineIds();
  return problem ? (
    <Caption1 role="alert" className={styles.error}>
      <LineIdText text={problem} ids={ids} />
    </Caption1>
  ) : null;
}
