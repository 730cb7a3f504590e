/**
 * A proposal of this computer's store (single-user mode): the card with every button, those the
 * single-user role may not press disabled, and the pane's own audit records below the history.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ProposalVerb } from '../../../src/model/proposal';
import { allowedActions } from '../../../src/model/proposal-machine';
import type { Identity } from '../../review/identity';
import type { AuditRecord, StoredProposal } from '../../review/proposals';
import { when } from '../shared/card-action';
import { ProposalCard } from './ProposalCard';

/** Lines an apply or revert really changed: those whose cell differs before and after. */
const changedLines = (a: AuditRecord): number => a.lines.filter((_, k) => a.before[k] !== a.after[k]).length;

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

export interface LocalProposalCardProps {
  proposal: StoredProposal;
  audit: AuditRecord[];
  identity: Identity;
  onAction: (action: ProposalVerb, comment: string) => Promise<void>;
}

export function LocalProposalCard({ proposal, audit, identity, onAction }: LocalProposalCardProps) {
  const styles = useStyles();
  return (
    <ProposalCard
      proposal={{
        id: proposal.id,
        state: proposal.record.state,
        createdBy: proposal.createdBy,
        createdAt: proposal.createdAt,
        summary: proposal.tradeOff,
        costCentres: proposal.record.costCentres,
        lines: proposal.lines,
        history: proposal.record.history,
      }}
      allowed={allowedActions(proposal.record, identity)}
      waiting={`Nothing for a ${identity.role} to do here now.`}
      onAction={onAction}
    >
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
    </ProposalCard>
  );
}
