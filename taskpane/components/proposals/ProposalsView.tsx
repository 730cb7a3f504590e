/**
 * Proposals: KPI definitions (KpiEditor); from the scanned lines, their flags and the KPIs, an
 * editable allocation table (flags set the bounds, KPIs the returns: src/loop/proposal-inputs.ts) → the LP's 3–7 Pareto candidates
 * (chart and before/after) → a draft proposal → submit / approve / reject / apply / revert per role
 * and state; Apply and Revert write the budget cells and append an audit record.
 */
import { useEffect, useMemo, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { NoticeBar } from '../shared/Notice';
import { paretoCandidates } from '../../../src/allocation/reallocate';
import { countOf } from '../../../src/format/count-of';
import type { ParetoCandidate } from '../../../src/allocation/types';
import type { BudgetLine } from '../../../src/model/budget-line';
import type { SignedIn } from '../../connector/use-signed-in';
import type { ProposalVerb } from '../../../src/model/proposal';
import type { Solver } from '../../../src/solver/types';
import type { KpiRecord } from '../../../src/store/schema';
import type { FlagPool } from '../../../src/loop/flag-requests';
import type { Repository } from '../../../src/store/repository';
import { AllocationRow, defaultRows, toRequest } from '../../review/allocation-input';
import {
  AuditRecord,
  changeState,
  loadProposals,
  proposalFromCandidate,
  saveProposal,
  StoredProposal,
} from '../../review/proposals';
import { nowIso, ReviewState } from '../../review/use-review';
import { applyProposal, revertProposal } from '../../review/write-back';
import type { Workbook } from '../../workbook/types';
import { loadTeamKpis } from '../../review/kpis';
import { KpiEditor } from '../kpis/KpiEditor';
import { AllocationTable } from './AllocationTable';
import { BeforeAfterTable } from './BeforeAfterTable';
import { ParetoChart } from '../charts/ParetoChart';
import { useNumbers } from '../../state/numbers';
import { LocalProposalCard } from './LocalProposalCard';
import { TeamProposals } from './TeamProposals';
import { draftFromCandidate } from '../../review/team-proposals';
import { usePlainListStyles } from '../shell/plain-list';
import type { AdjustmentRecord } from '../../../src/model/kpi';
import { citePaneMoves } from '../../../src/loop/pane-memory';
import { paneReserve } from '../../../src/loop/pane-reserve';
import { reserveText } from './reserve-text';
import { LineIdText } from '../tables/LineIdText';
import { frontSentence, proposalFront, type ProposalFront } from '../../../src/loop/proposal-front';
import {
  forgetReverted,
  loadMemory,
  measureMemory,
  paneScanOf,
  rememberApplied,
  syncTeamMemory,
} from '../../review/memory';
import { holdQueuedMove, landedNotice, settleQueuedMoves } from '../../review/queued-moves';
import { AdjustmentMemory, PastCases } from './AdjustmentMemory';
import { ViewSection } from '../shared/TitledSection';
import { useLayoutStyles } from '../shared/layout-styles';

const lines = (n: number) => countOf(n, 'line');

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  candidates: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export interface ProposalsViewProps {
  repository: Repository;
  review: ReviewState;
  workbook: Workbook;
  solver: Solver;
}

export function ProposalsView({ repository, review, workbook, solver }: ProposalsViewProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const plain = usePlainListStyles();
  const { scan, identity } = review;
  const numbers = useNumbers();
  const money = (v: number) => numbers.format(v, 'money');
  const [rows, setRows] = useState<AllocationRow[]>([]);
  const [flagPool, setFlagPool] = useState<FlagPool | null>(null);
  /** Bumped when the defaults are recomputed, so the table's uncontrolled inputs show them. */
  const [rowsVersion, setRowsVersion] = useState(0);
  const [kpis, setKpis] = useState<KpiRecord[]>([]);
  const [memory, setMemory] = useState<AdjustmentRecord[]>([]);
  const [pool, setPool] = useState('0');
  /** The candidates with their return and risk in points of KPI attainment: one state, so the two agree. */
  const [front, setFront] = useState<ProposalFront | null>(null);
  const [selected, setSelected] = useState(0);
  const [proposals, setProposals] = useState<StoredProposal[]>([]);
  const [audit, setAudit] = useState<AuditRecord[]>([]);
  /** False until the stored proposals are first read: the view is aria-busy until then. */
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Team moves that waited in the offline queue and have now landed, in words. */
  const [landed, setLanded] = useState<{ text: string; ids: string[] } | null>(null);
  /** Bumped when a queued proposal move reaches the server, so the held moves are settled. */
  const [movesSent, setMovesSent] = useState(0);
  const [busy, setBusy] = useState(false);
  /** Signed in: the month (YYYY-MM) a drafted proposal's budgets are for, and drafts made so far. */
  const [month, setMonth] = useState('');
  const [drafted, setDrafted] = useState(0);
  const scannedCentres = useMemo(() => [...new Set(scan?.lines.map((l) => l.costCentre) ?? [])], [scan]);

  const reload = async () => {
    const found = await loadProposals(repository);
    setProposals(found.proposals);
    setAudit(found.audit);
    setLoaded(true);
  };
  const reloadKpis = async () => {
    const found = await loadTeamKpis(repository, review.signedIn, scannedCentres);
    // An empty store leaves the state as it is, so the table is not rebuilt for nothing.
    setKpis((held) => (held.length === 0 && found.length === 0 ? held : found));
  };
  useEffect(() => {
    reload().catch((e: unknown) => setProblem(String(e)));
    reloadKpis().catch((e: unknown) => setProblem(String(e)));
  }, [repository, review.signedIn, scannedCentres]);
  useEffect(
    () =>
      review.signedIn?.onSent?.((sent) => {
        if (sent.write.endpoint === 'transitionProposal') setMovesSent((n) => n + 1);
      }),
    [review.signedIn],
  );
  // Each scan measures the remembered moves whose outcome months are now booked (signed in, the
  // team's moves and outcomes are read in and this pane's sent). Signed in, the team moves that
  // waited in the connector's queue are settled first, and again each time a queued move is sent
  // (review/queued-moves.ts).
  useEffect(() => {
    let live = true;
    const settle = async (held: AdjustmentRecord[]) => {
      if (!review.signedIn) return held;
      const { signedIn } = review;
      const found = await settleQueuedMoves(repository, signedIn.api, (id) =>
        forgetReverted(repository, id, signedIn, scannedCentres),
      );
      if (found.length === 0) return held;
      if (live)
        setLanded({ text: landedNotice(found), ids: found.flatMap((l) => l.versions.map((v) => v.costCentre)) });
      return loadMemory(repository);
    };
    loadMemory(repository)
      .then(settle)
      .then((held) => (scan ? measureMemory(repository, held, scan, kpis) : held))
      .then((held) => syncTeamMemory(repository, held, review.signedIn, scannedCentres))
      .then((found) => live && setMemory(found))
      .catch((e: unknown) => setProblem(String(e)));
    return () => {
      live = false;
    };
  }, [repository, scan, kpis, review.signedIn, scannedCentres, movesSent]);
  useEffect(() => {
    try {
      const found = scan ? defaultRows(scan.lines, scan.budgets, scan.flags, kpis, numbers.style) : null;
      setRows(found?.rows ?? []);
      setFlagPool(found?.pool ?? null);
      setRowsVersion((v) => v + 1);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
    setFront(null);
  }, [scan, kpis, numbers.style]);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const extra = pool.trim() === '' ? { ok: true as const, value: 0 } : numbers.parse(pool, { field: 'Extra pool' });
      if (!extra.ok) throw new Error(extra.error.message);
      const request = toRequest(rows, extra.value, numbers.style);
      // Numbered as the chart reads, left to right: 1 has the least risk; the highest return is chosen first.
      const found = [...(await paretoCandidates(solver, request, 5))].sort((a, b) => a.risk - b.risk);
      const measured = proposalFront(found, request);
      setFront(measured);
      setSelected(measured.best);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setFront(null);
    } finally {
      setBusy(false);
    }
  };
  /** The chosen candidate, its trade-off in the pane's words and numbers (the proposal keeps them). */
  const shown = front?.candidates[selected];
  const chosen: ParetoCandidate | undefined =
    front && shown ? { ...shown, tradeOff: frontSentence(front, selected, numbers) } : undefined;
  const create = async () => {
    const candidate = chosen;
    if (!candidate || !scan) return;
    if (review.signedIn) return draftOnServer(review.signedIn, candidate, scan.lines);
    const when = nowIso();
    // Readable ids: the day and a number within it (P-2026-12-06 #3 is "P-20261206-3").
    const day = when.slice(0, 10).replace(/-/g, '');
    const taken = new Set(proposals.map((p) => p.id));
    let n = proposals.filter((p) => p.id.startsWith(`P-${day}-`)).length + 1;
    while (taken.has(`P-${day}-${n}`)) n++;
    const id = `P-${day}-${n}`;
    await saveProposal(repository, proposalFromCandidate(id, candidate, scan.budgetAddress, identity.name, when));
    await reload();
  };
  /** Signed in: the candidate becomes a draft on the team server, its lines in the month asked for. */
  const draftOnServer = async (signedIn: SignedIn, candidate: ParetoCandidate, lines: BudgetLine[]) => {
    setProblem(null);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month.trim()))
      return setProblem('Budget month: enter the month the budgets are for, as YYYY-MM (for example 2026-03).');
    try {
      const outcome = await signedIn.api.createProposal(draftFromCandidate(candidate, lines, month.trim()));
      if (!outcome.sent) setProblem('The team server cannot be reached: the draft waits in the queue.');
      setDrafted((n) => n + 1);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  // An applied proposal, local or the team server's, is remembered with the scan's context; a
  // reverted one is forgotten (it did not happen, so it has no outcome to learn from). Signed in, a
  // proposal is reverted when its reversal is applied: that apply forgets the moves it reverts.
  const remember = async (applied: Pick<StoredProposal, 'id' | 'lines'>) => {
    if (scan)
      setMemory(
        await syncTeamMemory(
          repository,
          await rememberApplied(repository, applied, scan, kpis),
          review.signedIn,
          scannedCentres,
        ),
      );
  };
  const forget = async (id: string) => setMemory(await forgetReverted(repository, id, review.signedIn, scannedCentres));
  const act = (proposal: StoredProposal) => async (action: ProposalVerb, comment: string) => {
    const when = nowIso();
    if (action === 'apply') {
      await remember(await applyProposal(workbook, repository, proposal, identity, when, comment, numbers.style));
    } else if (action === 'revert') {
      await revertProposal(workbook, repository, proposal, identity, when, comment);
      await forget(proposal.id);
    } else await changeState(repository, proposal, action, identity, when, comment);
    await reload();
  };

  const reserve =
    scan && flagPool ? paneReserve(paneScanOf(scan, kpis), scan.budgets, memory, flagPool.requests) : null;
  const citations =
    chosen && scan
      ? citePaneMoves(
          chosen.lines.map((l) => ({ line: l.id, before: l.current, after: l.proposed })),
          paneScanOf(scan, kpis),
          memory,
          undefined,
          numbers.style,
        )
      : [];
  return (
    <ViewSection view="proposals" className={layout.column} busy={!loaded}>
      {!scan && (
        <Body1>Scan a plan/actual table in Anomalies first; its lines and budgets are the starting point.</Body1>
      )}
      {scan && (
        <>
          <Caption1>
            Budgets from {scan.budgetAddress ?? 'the plan totals (no "budget" column: proposals cannot be applied)'}.
            Edit the inputs, then find candidates.
          </Caption1>
          <KpiEditor
            repository={repository}
            workbook={workbook}
            lineIds={scan.lines.map((l) => l.id)}
            kpis={kpis}
            onChange={reloadKpis}
            signedIn={review.signedIn}
          />
          {flagPool && (
            <Caption1 data-testid="flag-pool">
              {flagPool.requests.length === 0
                ? 'No severe, persistent flag is still running: lines move only toward KPIs.'
                : `From flags (severe, persistent, still running): ${money(flagPool.released)} released by ${lines(
                    flagPool.requests.filter((r) => r.change < 0).length,
                  )}, ${money(flagPool.requested)} asked for by ${lines(flagPool.requests.filter((r) => r.change > 0).length)}.`}
            </Caption1>
          )}
          {reserve && reserve.lines > 0 && (
            <Caption1 data-testid="elastic-reserve">
              <LineIdText
                text={reserveText(reserve, flagPool?.requests ?? [], numbers)}
                ids={(flagPool?.requests ?? []).map((r) => r.line)}
              />
            </Caption1>
          )}
          <AllocationTable key={rowsVersion} rows={rows} onChange={setRows} />
          <div className={styles.row}>
            <Field label="Extra pool" size="small" hint="Freed money to place; 0 keeps the total.">
              <Input size="small" value={pool} onChange={(_, d) => setPool(d.value)} style={{ width: '90px' }} />
            </Field>
            <Button appearance="primary" onClick={run} disabled={busy || rows.length === 0}>
              {busy ? 'Solving…' : 'Find candidates'}
            </Button>
          </div>
        </>
      )}
      {problem && <NoticeBar intent="error" text={problem} />}
      {front && chosen && (
        <div className={layout.column} data-testid="candidates" data-front={front.kind}>
          {front.kind === 'no-return' && (
            <NoticeBar intent="info" testId="no-return">
              No line has a KPI return, so there is no return–risk choice: this candidate only moves what the flags
              release and ask for. To compare candidates, link a KPI to the lines in KPIs above (with its target and
              actual rows), then find candidates again.
            </NoticeBar>
          )}
          {front.kind === 'single' && (
            <Body1>
              One candidate: the plan with the highest return is also the one with the least risk, so there is nothing
              to trade.
            </Body1>
          )}
          {front.kind === 'front' && (
            <>
              <Body1>{front.candidates.length} candidates on the return–risk front. Pick one:</Body1>
              <Caption1>
                Return: the KPI attainment the budgets buy over today&apos;s, in points (1 pt = 1% of a target, weighted
                by the KPIs&apos; priorities); risk: how uncertain that estimate is (its standard error, in points).
              </Caption1>
              <ParetoChart
                points={front.points.map((p) => ({ risk: p.risk, gain: p.gain }))}
                selected={selected}
                onSelect={setSelected}
              />
              <div className={styles.candidates} role="group" aria-label="Candidates">
                {front.candidates.map((_, i) => (
                  <Button
                    key={i}
                    size="small"
                    appearance={i === selected ? 'primary' : 'secondary'}
                    aria-pressed={i === selected}
                    onClick={() => setSelected(i)}
                  >
                    Candidate {i + 1}
                  </Button>
                ))}
              </div>
            </>
          )}
          <Caption1 data-testid="trade-off">
            <LineIdText text={chosen.tradeOff} ids={chosen.lines.flatMap((l) => [l.id, l.costCentre])} />
          </Caption1>
          <BeforeAfterTable
            rows={chosen.lines.map((l) => ({
              id: l.id,
              costCentre: l.costCentre,
              before: l.current,
              after: l.proposed,
            }))}
            label={`Candidate ${selected + 1} before and after`}
          />
          <PastCases citations={citations} />
          {review.signedIn && (
            <Field label="Budget month" size="small" hint="YYYY-MM: the month of the budgets on the team server.">
              <Input size="small" value={month} onChange={(_, d) => setMonth(d.value)} style={{ width: '90px' }} />
            </Field>
          )}
          <Button onClick={create}>
            {review.signedIn ? 'Draft on the team server from' : 'Create proposal from'} candidate {selected + 1}
          </Button>
        </div>
      )}
      {landed && <NoticeBar intent="success" {...landed} />}
      <AdjustmentMemory memory={memory} periods={scan?.periods} />
      {review.signedIn ? (
        <TeamProposals
          signedIn={review.signedIn}
          scanned={scannedCentres}
          refresh={drafted}
          onMoved={(moved) => (moved.reverts ? forget(moved.reverts) : remember(moved))}
          onQueued={async (queued, key) => {
            await holdQueuedMove(repository, queued, key, scan, kpis);
          }}
        />
      ) : (
        proposals.length > 0 && (
          <ul className={plain.list} aria-label="Proposals">
            {proposals.map((p) => (
              <li key={p.id}>
                <LocalProposalCard
                  proposal={p}
                  audit={audit.filter((a) => a.proposal === p.id)}
                  identity={identity}
                  onAction={act(p)}
                />
              </li>
            ))}
          </ul>
        )
      )}
    </ViewSection>
  );
}
