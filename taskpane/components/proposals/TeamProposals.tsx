/**
 * Signed in to a team server, the Proposals view's list is the server's: the proposals of the
 * user's cost centres and those waiting for the user's decision, each with its approval chain. A
 * card offers only the moves the server will accept from this user (so a submitter never sees an
 * Approve button on their own proposal); each move goes through the connector's offline queue,
 * and a refusal shows the server's own message on the card. Revert here proposes a reversal
 * (src/model/proposal.ts): a new proposal back through the chain that another person approves; the
 * budget goes back when it is applied, and each card shows the reversal it has or is.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar, type Notice } from '../shared/Notice';
import { missingComment, type ProposalVerb } from '../../../src/model/proposal';
import { teamActions, type TeamProposal } from '../../../src/model/team-proposal';
import type { SignedIn } from '../../connector/use-signed-in';
import {
  addedForNote,
  loadTeamProposals,
  moveTeamProposal,
  proposeTeamReversal,
  reversalNote,
  waitingFor,
} from '../../review/team-proposals';
import { usePlainListStyles } from '../shell/plain-list';
import { useNumbers } from '../../state/numbers';
import { when } from '../shared/card-action';
import { ProposalCard } from './ProposalCard';
import { useLayoutStyles } from '../shared/layout-styles';

const useStyles = makeStyles({
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface TeamProposalsProps {
  signedIn: SignedIn;
  /** Cost centres of the scanned sheet (listed too when the token holds every cost centre). */
  scanned: readonly string[];
  /** Changed by the caller after it drafted a proposal, to read the list again. */
  refresh?: number;
  /**
   * Told of each apply the server made, with the proposal as it now stands (for the memory of
   * moves: an applied reversal (`reverts`) reverted the proposal it names).
   */
  onMoved?: (proposal: TeamProposal) => Promise<void> | void;
  /** Told of each apply left in the offline queue, with the queued write's key (it may land later). */
  onQueued?: (proposal: TeamProposal, key: string) => Promise<void> | void;
}

/** The team's Revert: a reversal proposal, decided by someone else. */
const TEAM_REVERT = {
  label: 'Propose a reversal',
  hint: 'Required to reject or to propose a reversal. A reversal is a new proposal back to the amounts before; another person approves it, and the budget goes back when it is applied.',
};

/** The chain of a submitted proposal: each step, who decided it and when, or its deadline. */
function ChainSteps({ proposal }: { proposal: TeamProposal }) {
  const styles = useStyles();
  const numbers = useNumbers();
  if (proposal.chain.length === 0) return null;
  const money = (value: number) => numbers.format(value, 'money');
  return (
    <ul className={styles.list} aria-label={`Approval chain of ${proposal.id}`}>
      {proposal.chain.map((s) => (
        <li key={s.step}>
          <Caption1>
            Step {s.step} {s.name} ({s.role}): {s.state}
            {s.decidedBy && s.decidedAt ? ` by ${s.decidedBy} at ${when(s.decidedAt)}` : ''}
            {s.state === 'pending' && s.dueAt ? `, due ${when(s.dueAt)}${s.overdue ? ' (overdue)' : ''}` : ''}
          </Caption1>
          {s.addedFor ? (
            <Caption1 as="p" data-testid="step-added-for">
              {addedForNote(s.addedFor, money)}
            </Caption1>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The reversal a proposal is, or has (and where it stands). */
function ReversalNote({ proposal }: { proposal: TeamProposal }) {
  const note = reversalNote(proposal);
  return note ? <Caption1 data-testid="reversal-note">{note}</Caption1> : null;
}

export function TeamProposals({ signedIn, scanned, refresh = 0, onMoved, onQueued }: TeamProposalsProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const plain = usePlainListStyles();
  const { api, user } = signedIn;
  const [proposals, setProposals] = useState<TeamProposal[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const centres = scanned.join('\u0000');

  /** Proposals this user moved here: kept in view after they leave the lists (an approved inbox item). */
  const moved = useRef(new Set<string>());
  const reload = useCallback(async () => {
    try {
      setProposals(await loadTeamProposals(api, user, scanned, [...moved.current]));
    } catch (e) {
      setNotice({ intent: 'error', text: `The team server's proposals could not be read: ${message(e)}` });
    }
  }, [api, user, centres]);
  useEffect(() => {
    void reload();
  }, [reload, refresh]);

  const queued = (verb: string, proposal: TeamProposal) =>
    setNotice({
      intent: 'warning',
      text: `The team server cannot be reached: "${verb}" on ${proposal.id.slice(0, 8)} waits in the queue and is sent when it is back (Settings › Team server).`,
    });
  const reverse = async (proposal: TeamProposal, comment: string) => {
    const why = missingComment('revert', comment);
    if (why) throw new Error(`To propose a reversal, ${why}.`);
    const outcome = await proposeTeamReversal(api, proposal, comment);
    if (!outcome.sent) return queued('propose a reversal', proposal);
    moved.current.add(outcome.body.reversal.id);
    setNotice({ intent: 'success', text: outcome.body.message });
  };
  const move = async (proposal: TeamProposal, verb: Exclude<ProposalVerb, 'revert'>, comment: string) => {
    const outcome = await moveTeamProposal(api, proposal, verb, comment);
    if (!outcome.sent) {
      if (verb === 'apply') await onQueued?.(proposal, outcome.queuedKey);
      return queued(verb, proposal);
    }
    const made = outcome.body.versions.filter((v) => v.action === 'apply');
    if (verb !== 'apply' || made.length === 0) return;
    await onMoved?.(outcome.body);
    const versions = made.map((v) => `${v.name} of ${v.costCentre}`).join(', ');
    const { reverts } = outcome.body;
    setNotice({
      intent: 'success',
      text: `${reverts ? `Applied the reversal: ${reverts.slice(0, 8)} is reverted and` : 'Applied:'} the server made ${versions}. Write it into the workbook from Versions.`,
      ids: made.map((v) => v.costCentre),
    });
  };
  const act = (proposal: TeamProposal) => async (verb: ProposalVerb, comment: string) => {
    setNotice(null);
    try {
      moved.current.add(proposal.id);
      await (verb === 'revert' ? reverse(proposal, comment) : move(proposal, verb, comment));
    } finally {
      await reload();
    }
  };

  return (
    <section className={layout.column} aria-labelledby="team-proposals-title">
      <div className={styles.head}>
        <Subtitle2 as="h3" id="team-proposals-title">
          Team proposals
        </Subtitle2>
        <Button size="small" onClick={() => void reload()}>
          Refresh proposals
        </Button>
      </div>
      <Caption1>
        On {signedIn.server} as {user.id}: yours and those waiting for your decision.
      </Caption1>
      {notice && <NoticeBar {...notice} />}
      {proposals?.length === 0 && <Caption1>No proposal on the team server for you yet.</Caption1>}
      {proposals && proposals.length > 0 && (
        <ul className={plain.list} aria-label="Team proposals">
          {proposals.map((p) => (
            <li key={p.id}>
              <ProposalCard
                proposal={{
                  id: p.id,
                  state: p.state,
                  createdBy: p.createdBy,
                  createdAt: p.createdAt,
                  summary: `${p.reverts ? `Reversal of ${p.reverts.slice(0, 8)}. ` : ''}${p.reason ? `${p.reason}.` : ''}`,
                  costCentres: p.costCentres,
                  lines: p.lines,
                  history: p.history,
                }}
                allowed={teamActions(p, user)}
                waiting={waitingFor(p, user)}
                onlyAllowed
                onAction={act(p)}
                revert={TEAM_REVERT}
              >
                <ReversalNote proposal={p} />
                <ChainSteps proposal={p} />
              </ProposalCard>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
