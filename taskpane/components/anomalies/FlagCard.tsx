/** One flag in the review queue: what, how severe, the chart, the explanation, past decisions and the four actions. */
import { Badge, Body1, Button, Caption1, Card } from '@fluentui/react-components';
import { CardProblem, useCardAction, when } from '../shared/card-action';
import { CommentField } from '../shared/CommentField';
import { useReviewCardStyles } from '../shared/review-card-styles';
import type { BudgetLine } from '../../../src/model/budget-line';
import type { Flag } from '../../../src/model/flag';
import { REVIEW_ACTIONS } from '../../../src/model/review';
import type { ReviewAction } from '../../../src/model/review';
import type { ReviewRecord } from '../../review/decisions';
import type { FlagChartSeries } from '../../../src/anomaly/flag-chart-series';
import { PeriodChart } from '../charts/PeriodChart';
import { useNumbers } from '../../state/numbers';
import { LineId } from '../tables/LineId';
import {
  BAND_WORDS,
  KIND_COLOURS,
  kindAccent,
  severityColour,
  severityMeaning,
  spanLength,
  spanText,
  varianceText,
} from './flag-style';

const LABELS: Record<ReviewAction, string> = {
  accept: 'Accepted',
  explain: 'Explained',
  dismiss: 'Dismissed',
  escalate: 'Escalated',
};

export interface FlagCardProps {
  flag: Flag;
  line: BudgetLine;
  /** Every period label of the scan, for the chart's axis and the flag's span. */
  periods: string[];
  /** The chart's series (flagChartSeries), computed by the view for the cards it shows. */
  series: FlagChartSeries;
  /**
   * Say under the chart what its band is: when the cards shown have different kinds of band (the view's
   * legend above them says how to read a chart once, and names the band when all share one).
   */
  sayBand?: boolean;
  review: ReviewRecord | undefined;
  onDecide: (action: ReviewAction, comment: string) => Promise<void>;
}

export function FlagCard({ flag, line, periods, series, sayBand = false, review, onDecide }: FlagCardProps) {
  const period = spanText(flag, periods);
  const months = spanLength(flag);
  const styles = useReviewCardStyles();
  const numbers = useNumbers();
  const { comment, setComment, problem, setProblem, act } = useCardAction(onDecide);
  const decide = async (action: ReviewAction) => {
    if ((action === 'explain' || action === 'dismiss') && comment.trim() === '') {
      setProblem(
        action === 'explain'
          ? 'Write the explanation in the comment first.'
          : 'Write the reason for dismissing in the comment first.',
      );
      return;
    }
    await act(action);
  };
  const name = `${line.id} ${period}`;
  const bandText = BAND_WORDS[series.band];
  return (
    <Card className={styles.card} size="small" aria-label={`Flag ${name}`} data-testid="flag">
      <div className={styles.head}>
        <Body1>
          <strong>
            <LineId id={line.id} />
          </strong>{' '}
          · {period}
          {months > 1 ? ` (${months} periods${flag.ongoing ? ', ongoing' : ''})` : ''}
        </Body1>
        <Badge appearance="tint" color={KIND_COLOURS[flag.kind]}>
          {flag.kind}
        </Badge>
        <Badge
          appearance="outline"
          color={severityColour(flag)}
          data-testid="severity"
          data-colour={severityColour(flag)}
          title={severityMeaning(numbers, flag)}
        >
          severity {numbers.format(flag.severity, 'ratio')}
        </Badge>
      </div>
      <Caption1>
        <LineId id={line.costCentre} /> · {line.account} · {line.owner} · variance {varianceText(numbers, flag)}
      </Caption1>
      <PeriodChart
        title={`${line.id}: actual against plan`}
        description={`${line.id}: actual (solid) against plan (dashed) and ${bandText} (shaded); ${period} marked`}
        periods={periods.length === line.plan.length ? periods : line.plan.map((_, t) => `P${t + 1}`)}
        series={series}
        span={[flag.periodIndex, Math.max(flag.periodIndex, flag.throughIndex)]}
        accent={kindAccent(flag.kind)}
      />
      {sayBand && <Caption1 data-testid="flag-band">Shaded: {bandText}.</Caption1>}
      <Body1 data-testid="flag-explanation">{flag.explanation}</Body1>
      {review && review.decisions.length > 0 && (
        <ul className={styles.history} aria-label={`Decisions on ${name}`}>
          {review.decisions.map((d, i) => (
            <li key={i}>
              <Caption1>
                {LABELS[d.action]} by {d.who} at {when(d.when)}
                {d.comment ? `: ${d.comment}` : ''}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <CommentField subject={name} value={comment} onChange={setComment} />
      <div className={styles.actions}>
        {REVIEW_ACTIONS.map((action) => (
          <Button key={action} size="small" onClick={() => decide(action)}>
            {action[0].toUpperCase() + action.slice(1)}
          </Button>
        ))}
      </div>
      <CardProblem problem={problem} />
    </Card>
  );
}
