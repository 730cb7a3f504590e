/** One proposal: state, trade-off, before/after, history and audit, and the state machine's buttons enabled per role and state. */
import { useState } from 'react';
import { Badge, Body1, Button, Caption1, Card, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ProposalVerb } from '../../../src/model/proposal';
import { allowedActions } from '../../../src/model/proposal-machine';
import type { Identity } from '../../review/identity';
import type { AuditRecord, StoredProposal } from '../../review/proposals';
import { BeforeAfterTable } from './BeforeAfterTable';

/** Lines an apply or revert really changed: those whose cell differs before and after. */
const changedLines = (a: AuditRecord): number => a.lines.filter((_, k) => a.before[k] !== a.after[k]).length;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const BUTTONS: { action: ProposalVerb; label: string }[] = [
  { action: 'submit', label: 'Submit' },
  { action: 'approve', label: 'Approve' },
  { action: 'reject', label: 'Reject' },
  { action: 'apply', label: 'Apply' },
  { action: 'revert', label: 'Revert' },
];

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

export interface ProposalCardProps {
  proposal: StoredProposal;
  audit: AuditRecord[];
  identity: Identity;
  onAction: (action: ProposalVerb, comment: string) => Promise<void>;
}

export function ProposalCard({ proposal, audit, identity, onAction }: ProposalCardProps) {
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = new Set(allowedActions(proposal.record, identity));
  const act = async (action: ProposalVerb) => {
    setBusy(true);
    try {
      await onAction(action, comment.trim());
      setComment('');
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const state = proposal.record.state;
  return (
    <Card
      size="small"
      className={styles.card}
      aria-label={`Proposal ${proposal.id}`}
      data-testid="proposal"
      data-state={state}
    >
      <div className={styles.head}>
        <Body1>
          <strong>{proposal.id}</strong>
        </Body1>
        <Badge
          appearance="tint"
          color={
            state === 'applied'
              ? 'success'
              : state === 'rejected'
                ? 'danger'
                : state === 'approved'
                  ? 'brand'
                  : 'informative'
          }
        >
          {state}
        </Badge>
        <Caption1>
          by {proposal.createdBy}, {when(proposal.createdAt)}
        </Caption1>
      </div>
      <Caption1>
        {proposal.tradeOff} Affects {proposal.record.costCentres.join(', ') || 'no cost centre'}.
      </Caption1>
      <BeforeAfterTable rows={proposal.lines} label={`Before and after of ${proposal.id}`} />
      {proposal.record.history.length > 0 && (
        <ul className={styles.list} aria-label={`History of ${proposal.id}`}>
          {proposal.record.history.map((t, i) => (
            <li key={i}>
              <Caption1>
                {t.to} by {t.who} ({t.role}) at {when(t.when)}
                {t.comment ? `: ${t.comment}` : ''}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {audit.length > 0 && (
        <ul className={styles.list} aria-label={`Audit of ${proposal.id}`}>
          {audit.map((a) => (
            <li key={a.id}>
              <Caption1>
                {a.action === 'approve'
                  ? `Audit: approve by ${a.who} at ${when(a.when)}`
                  : `Audit: ${a.action} changed ${changedLines(a)} of ${a.lines.length} lines by ${a.who} at ${when(a.when)}`}
                {a.note ? ` (${a.note})` : ''}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <Field label="Comment" size="small" hint="Required to reject or revert.">
        <Textarea
          size="small"
          value={comment}
          onChange={(_, d) => setComment(d.value)}
          aria-label={`Comment on ${proposal.id}`}
        />
      </Field>
      <div className={styles.actions}>
        {BUTTONS.map((b) => (
          <Button
            key={b.action}
            size="small"
            appearance={allowed.has(b.action) ? 'primary' : 'secondary'}
            disabled={busy || !allowed.has(b.action)}
            onClick={() => act(b.action)}
          >
            {b.label}
          </Button>
        ))}
      </div>
      {allowed.size === 0 && state !== 'rejected' && state !== 'reverted' && (
        <Caption1>Nothing for a {identity.role} to do here now.</Caption1>
      )}
      {problem && (
        <Caption1 role="alert" className={styles.error}>
          {problem}
        </Caption1>
      )}
    </Card>
  );
}
