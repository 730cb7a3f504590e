/**
 * The pane's memory of adjustments (store: adjustments, schema v3): Apply records each line the
 * proposal moves, with its context and what the forecast expected without it; a later scan with the
 * outcome months booked measures it; a new candidate cites the most similar measured moves. The
 * numbers are decided in src/loop/pane-memory.ts; this file reads and writes the store. Signed in to a
 * team server, the memory is synced both ways (src/connector/shared-memory.ts).
 */
import { forgetMoves, syncMemory } from '../../src/connector/shared-memory';
import type { AdjustmentRecord } from '../../src/model/kpi';
import type { LinkedKpi } from '../../src/loop/kpi-returns';
import { measurePaneMemory, recordPaneMoves } from '../../src/loop/pane-memory';
import type { PaneMove, PaneScan } from '../../src/loop/pane-memory';
import type { Repository } from '../../src/store/repository';
import type { SignedIn } from '../connector/use-signed-in';
import { teamCentres } from './kpis';
import type { StoredProposal } from './proposals';
import type { Scan } from './use-review';

/** The scan and KPIs in the memory's terms. */
export function paneScanOf(scan: Scan, kpis: ReadonlyArray<LinkedKpi>): PaneScan {
  return { lines: scan.lines, flags: scan.flags, kpis };
}

/** The proposal's lines as moves of their budgets. */
export function movesOf(proposal: Pick<StoredProposal, 'lines'>): PaneMove[] {
  return proposal.lines.map((l) => ({ line: l.id, before: l.before, after: l.after }));
}

/** Every record, oldest move first. */
export async function loadMemory(repository: Repository): Promise<AdjustmentRecord[]> {
  return (await repository.list('adjustments')).sort(
    (a, b) => a.context.period - b.context.period || a.id.localeCompare(b.id),
  );
}

/** Measures what the scan now allows and stores it; returns the whole memory after. */
export async function measureMemory(
  repository: Repository,
  memory: ReadonlyArray<AdjustmentRecord>,
  scan: Scan,
  kpis: ReadonlyArray<LinkedKpi>,
): Promise<AdjustmentRecord[]> {
  const measured = measurePaneMemory(memory, paneScanOf(scan, kpis), scan.budgets);
  for (const record of measured) await repository.put('adjustments', record);
  return measured.length ? loadMemory(repository) : [...memory];
}

/** Records the moves of an applied proposal (once: a proposal already remembered adds nothing). */
export async function rememberApplied(
  repository: Repository,
  proposal: Pick<StoredProposal, 'id' | 'lines'>,
  scan: Scan,
  kpis: ReadonlyArray<LinkedKpi>,
): Promise<AdjustmentRecord[]> {
  const memory = await loadMemory(repository);
  if (memory.some((r) => r.proposal === proposal.id)) return memory;
  for (const record of recordPaneMoves(proposal.id, movesOf(proposal), paneScanOf(scan, kpis), memory))
    await repository.put('adjustments', record);
  return loadMemory(repository);
}

/**
 * Forgets the moves of a reverted proposal: they did not happen, so they have no outcome to learn
 * from. Signed in, the team server forgets them too (those of `scanned` and the user's cost centres),
 * so the other panes drop them at their next sync.
 */
export async function forgetReverted(
  repository: Repository,
  proposal: string,
  signedIn: SignedIn | null = null,
  scanned: readonly string[] = [],
): Promise<AdjustmentRecord[]> {
  if (signedIn) await forgetMoves(signedIn.api, repository, proposal, teamCentres(signedIn, scanned));
  else
    for (const record of await repository.list('adjustments'))
      if (record.proposal === proposal) await repository.remove('adjustments', record.id);
  return loadMemory(repository);
}

/** Signed in, syncs the memory of `scanned` and the user's cost centres with the team server; else it as it is. */
export async function syncTeamMemory(
  repository: Repository,
  memory: AdjustmentRecord[],
  signedIn: SignedIn | null,
  scanned: readonly string[],
): Promise<AdjustmentRecord[]> {
  if (!signedIn) return memory;
  const centres = teamCentres(signedIn, [...scanned, ...memory.map((r) => r.costCentre)]);
  return (await syncMemory(signedIn.api, repository, centres)).memory;
}
