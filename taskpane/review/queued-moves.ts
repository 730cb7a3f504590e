/**
 * A team apply made while the server was away waits in the connector's offline queue; the server
 * may still refuse it, so the memory of adjustments changes only once it has landed, as it does for
 * an online move. The apply of a reversal (src/model/proposal.ts) reverts the proposal it names, so
 * it is held as that proposal's revert. At the click an apply's moves are worked out with that
 * scan's context (as an online apply does) and held in the store (`proposals`, kind 'queued-move').
 * When the view opens and each time the connector sends a queued proposal move, the held moves are
 * settled against the server's proposal:
 * - an apply the server made (a version with action "apply", the proposal not reverted since) puts
 *   its moves in the memory, numbered after what the memory holds by then;
 * - a proposal the server has reverted (its reversal applied) has its moves forgotten (they did
 *   not happen);
 * - anything else (still queued, unreachable, in conflict) is held for the next time.
 */
import type { ApiClient } from '../../src/connector';
import { recordAdjustment } from '../../src/loop/adjustment-memory';
import { recordPaneMoves } from '../../src/loop/pane-memory';
import type { LinkedKpi } from '../../src/loop/kpi-returns';
import type { AdjustmentRecord } from '../../src/model/kpi';
import type { ProposalVersionRef, TeamProposal } from '../../src/model/team-proposal';
import type { Repository } from '../../src/store/repository';
import { forgetReverted, loadMemory, movesOf, paneScanOf } from './memory';
import type { Scan } from './use-review';

/** A team move waiting in the connector's queue, with the records an apply will add once it lands. */
export interface QueuedMove {
  /** `queued-move:<proposal>:<verb>` */
  id: string;
  kind: 'queued-move';
  proposal: string;
  verb: 'apply' | 'revert';
  /** The queued write's idempotency key. */
  key: string;
  /** An apply's moves as the scan at the click saw them (empty for a revert). */
  records: AdjustmentRecord[];
}

/** A held move the server has made, with the versions it made. */
export interface LandedMove {
  proposal: TeamProposal;
  verb: 'apply' | 'revert';
  versions: ProposalVersionRef[];
}

/**
 * Holds a queued team apply until it lands: its moves worked out with `scan` now; the apply of a
 * reversal is held as the revert of the proposal it reverts. Without a scan an apply is not held
 * (an online apply is not remembered without one either).
 */
export async function holdQueuedMove(
  repository: Repository,
  applied: Pick<TeamProposal, 'id' | 'lines' | 'reverts'>,
  key: string,
  scan: Scan | null,
  kpis: ReadonlyArray<LinkedKpi>,
): Promise<QueuedMove | null> {
  const verb = applied.reverts ? 'revert' : 'apply';
  const proposal = applied.reverts ?? applied.id;
  if (verb === 'apply' && !scan) return null;
  const records =
    scan && verb === 'apply'
      ? recordPaneMoves(proposal, movesOf(applied), paneScanOf(scan, kpis), await loadMemory(repository))
      : [];
  const held: QueuedMove = { id: `queued-move:${proposal}:${verb}`, kind: 'queued-move', proposal, verb, key, records };
  await repository.put('proposals', held as unknown as { id: string });
  return held;
}

/** The team moves still waiting to land. */
export async function heldMoves(repository: Repository): Promise<QueuedMove[]> {
  const all = (await repository.list('proposals')) as unknown as { kind?: string }[];
  return all.filter((r): r is QueuedMove => r.kind === 'queued-move');
}

/** An apply's held records, numbered after the memory as it is now (an id is line, period and sequence). */
async function rememberLanded(repository: Repository, held: QueuedMove): Promise<void> {
  const memory = await loadMemory(repository);
  if (memory.some((r) => r.proposal === held.proposal)) return;
  for (const [i, { id: _id, outcome: _outcome, proposal, ...facts }] of held.records.entries())
    await repository.put('adjustments', { ...recordAdjustment(facts, memory.length + i), proposal });
}

/**
 * Settles the held moves against the server (see the top of this file); returns those that landed.
 * A proposal the server cannot be asked about now stays held.
 * @param forget forgets a reverted proposal's moves (the view's, which forgets them on the server
 *   too, as an online revert does). @default here only
 */
export async function settleQueuedMoves(
  repository: Repository,
  api: Pick<ApiClient, 'getProposal'>,
  forget: (proposal: string) => Promise<unknown> = (proposal) => forgetReverted(repository, proposal),
): Promise<LandedMove[]> {
  const landed: LandedMove[] = [];
  for (const held of await heldMoves(repository)) {
    let found: TeamProposal;
    try {
      found = await api.getProposal(held.proposal);
    } catch {
      continue;
    }
    const reverted = found.state === 'reverted';
    const versions = held.verb === 'apply' ? applied(found) : reverted ? await reversalVersions(api, found) : [];
    if (versions.length === 0) continue;
    if (held.verb === 'apply' && !reverted) await rememberLanded(repository, held);
    if (held.verb === 'revert') await forget(held.proposal);
    await repository.remove('proposals', held.id);
    landed.push({ proposal: found, verb: held.verb, versions });
  }
  return landed;
}

const applied = (proposal: TeamProposal): ProposalVersionRef[] => proposal.versions.filter((v) => v.action === 'apply');

/**
 * The versions that reverted `proposal`: its applied reversal's (those of a direct revert, made
 * before reversals went through the chain, on the proposal itself).
 */
async function reversalVersions(
  api: Pick<ApiClient, 'getProposal'>,
  proposal: TeamProposal,
): Promise<ProposalVersionRef[]> {
  const direct = proposal.versions.filter((v) => v.action === 'revert');
  return proposal.reversal && direct.length === 0 ? applied(await api.getProposal(proposal.reversal.id)) : direct;
}

/** What the pane says of moves that landed: the versions the server made, as an online move does. */
export function landedNotice(landed: ReadonlyArray<LandedMove>): string {
  return landed
    .map(
      (l) =>
        `${l.verb === 'apply' ? 'Applied' : 'Reverted'} from the queue: ${l.proposal.id.slice(0, 8)}, the server made ${l.versions
          .map((v) => `${v.name} of ${v.costCentre}`)
          .join(
            ', ',
          )}${l.verb === 'apply' ? '; its moves are in the memory of adjustments' : '; its moves are forgotten'}.`,
    )
    .join(' ');
}
